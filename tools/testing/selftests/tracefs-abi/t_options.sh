# SPDX-License-Identifier: GPL-2.0
# trace_options and options/: every option offered can be set both ways,
# through either file, and does what it says.
. "$(dirname "$0")/lib.sh"
[ -d options ] || fail "no options/"
for o in sym-offset sym-addr raw hex bin block annotate printk-msg-only context-info record-cmd record-tgid overwrite \
	 irq-info markers; do
	[ -f options/$o ] || fail "no options/$o"
	grep -qE "^(no)?$o\$" trace_options || fail "$o not in trace_options"
done
for o in sym-offset sym-addr raw hex bin block annotate printk-msg-only context-info record-cmd record-tgid overwrite \
	 irq-info markers; do
	f=options/$o
	old=$(cat $f)
	echo 1 > $f; expect_content $f 1
	grep -qx "$o" trace_options || fail "$o set but listed as off"
	echo no$o > trace_options; expect_content $f 0
	grep -qx "no$o" trace_options || fail "$o cleared but listed as on"
	echo $o > trace_options; expect_content $f 1
	echo $old > $f
	expect_write_error "Invalid argument" 2 $f
done
expect_write_error "Invalid argument" no_such_option trace_options

echo 1 > tracing_on
echo > trace
echo opt > trace_marker
echo 0 > options/context-info
grep -qx 'tracing_mark_write: opt' trace || fail "context-info off: $(grep opt trace)"
echo 1 > options/context-info
echo 1 > options/sym-offset
grep -qE 'tracing_mark_write\+0x[0-9a-f]+/0x[0-9a-f]+: opt$' trace ||
	fail "sym-offset: $(grep opt trace)"
echo 1 > options/sym-addr
grep -qE 'tracing_mark_write\+0x[0-9a-f]+/0x[0-9a-f]+ <[0-9a-f]{16}>: opt$' trace ||
	fail "sym-addr: $(grep opt trace)"
echo 0 > options/sym-offset
echo 0 > options/sym-addr
echo 1 > options/raw
grep -qE '^[0-9]+ [0-9]+ [0-9]+ # [0-9a-f]+ opt$' trace || fail "raw: $(grep opt trace)"
echo 0 > options/raw
echo 0 > options/irq-info
grep -qE '\] +[0-9]+\.[0-9]{6}: tracing_mark_write: opt$' trace ||
	fail "irq-info off: $(grep opt trace)"
grep -qx '#           TASK-PID     CPU#     TIMESTAMP  FUNCTION' trace ||
	fail "irq-info off: header"
echo 1 > options/irq-info
echo 0 > options/markers
expect_write_error "Invalid argument" x trace_marker
echo 1 > options/markers

# producer/consumer mode keeps the oldest records.
echo 8 > buffer_size_kb
echo > trace
echo 0 > options/overwrite
# Writes into a full buffer fail (EBADF) and count as dropped.
i=0; while [ $i -lt 600 ]; do taskset -c 0 sh -c "echo o$i > trace_marker" 2>/dev/null || true; i=$((i+1)); done
grep -q 'tracing_mark_write: o0$' trace || fail "no-overwrite lost the oldest"
grep -q 'tracing_mark_write: o599$' trace && fail "no-overwrite kept the newest"
dropped=$(sed -n 's/^dropped events: //p' per_cpu/cpu0/stats)
kept=$(grep -c 'tracing_mark_write: o[0-9]' trace)
[ $((dropped + kept)) -eq 600 ] || fail "dropped $dropped + kept $kept != 600"
echo 1 > options/overwrite
echo > trace
i=0; while [ $i -lt 600 ]; do echo o$i > trace_marker; i=$((i+1)); done
grep -q 'tracing_mark_write: o599$' trace || fail "overwrite lost the newest"
grep -q 'tracing_mark_write: o0$' trace && fail "overwrite kept the oldest"
echo 1408 > buffer_size_kb
