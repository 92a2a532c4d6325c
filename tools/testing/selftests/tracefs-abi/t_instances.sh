# SPDX-License-Identifier: GPL-2.0
# instances/NAME: an independent buffer with its own files; rmdir removes
# it, but not while one of its files is open; names are unique.
. "$(dirname "$0")/lib.sh"
[ -d instances ] || fail "no instances/"
mkdir instances/foo
for f in trace trace_pipe trace_marker current_tracer tracing_on buffer_size_kb \
	 trace_options options trace_clock per_cpu/cpu0/trace events/header_page; do
	[ -e instances/foo/$f ] || fail "instance has no $f"
done
(mkdir instances/foo) 2>/dev/null && fail "mkdir of an existing instance worked"

echo > trace
echo in-instance > instances/foo/trace_marker
echo at-top > trace_marker
grep -q 'tracing_mark_write: in-instance$' instances/foo/trace || fail "not in instance"
grep -q 'tracing_mark_write: at-top$' instances/foo/trace && fail "top leaked into instance"
grep -q 'tracing_mark_write: in-instance$' trace && fail "instance leaked into top"
echo 0 > instances/foo/tracing_on
expect_content tracing_on 1
echo global > instances/foo/trace_clock
grep -q '\[local\]' trace_clock || fail "instance clock changed the top one"

# Busy while a file is open.
exec 3< instances/foo/trace
(rmdir instances/foo) 2>/dev/null && fail "rmdir with an open file worked"
exec 3<&-
rmdir instances/foo || fail "rmdir failed"
[ -e instances/foo ] && fail "instance still there"

# Create and remove many, to catch leaks and use-after-free.
i=0
while [ $i -lt 20 ]; do
	mkdir instances/i$i
	echo x > instances/i$i/trace_marker
	cat instances/i$i/trace > /dev/null
	rmdir instances/i$i
	i=$((i + 1))
done
[ -z "$(ls instances)" ] || fail "left over: $(ls instances)"
# Every tracer an instance lists can be selected there.
mkdir instances/tsel
for t in $(cat instances/tsel/available_tracers); do
	echo "$t" > instances/tsel/current_tracer || fail "instance refuses listed tracer $t"
	expect_content instances/tsel/current_tracer "$t"
	echo nop > instances/tsel/current_tracer
done
rmdir instances/tsel
# A new instance starts with the top's options, but function-fork off;
# record-cmd and printk-msg-only have files only at the root.
echo 0 > options/overwrite
[ -f options/function-fork ] && echo 1 > options/function-fork
mkdir instances/opts
echo 1 > options/overwrite
expect_content instances/opts/options/overwrite 0
[ -f options/function-fork ] && expect_content instances/opts/options/function-fork 0
[ -f options/function-fork ] && echo 0 > options/function-fork
for o in record-cmd printk-msg-only; do
	[ -f options/$o ] || fail "root has no options/$o"
	[ -e instances/opts/options/$o ] && fail "instance has options/$o"
	grep -q "^\(no\)*$o\$" instances/opts/trace_options || fail "instance trace_options lacks $o"
done
rmdir instances/opts
