# SPDX-License-Identifier: GPL-2.0
# trace_marker writes show up in trace as "tracing_mark_write: TEXT" lines
# with the standard context columns; a newline is added when missing;
# "echo > trace" empties the buffer.
. "$(dirname "$0")/lib.sh"
echo nop > current_tracer
echo 1 > tracing_on
echo > trace
echo "hello marker" > trace_marker
printf 'no newline' > trace_marker
out=$(cat trace)
echo "$out" | head -n 1 | grep -qx '# tracer: nop' || fail "bad first line"
echo "$out" | grep -qE '^# entries-in-buffer/entries-written: 2/2   #P:[0-9]+$' ||
	fail "bad entries line: $(echo "$out" | grep entries-in)"
echo "$out" | grep -qx '#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION' ||
	fail "bad column header"
line='^ {0,15}[^ ].{0,15}-[0-9]+ +\[[0-9]{3}\] [.dDbXnNph HszZ0-9a-f]{5} +[0-9]+\.[0-9]{6}: tracing_mark_write: '
echo "$out" | grep -qE "${line}hello marker\$" || fail "no marker line: $out"
echo "$out" | grep -qE "${line}no newline\$" || fail "no unterminated marker line"
[ "$(echo "$out" | grep -c tracing_mark_write)" = 2 ] || fail "not exactly 2 markers"

echo > trace
[ "$(grep -c tracing_mark_write trace)" = 0 ] || fail "echo > trace did not clear"
grep -qE '^# entries-in-buffer/entries-written: 0/0 ' trace || fail "counts not reset"

# With tracing off, markers are refused and nothing is recorded.
echo 0 > tracing_on
(echo off > trace_marker) 2>/dev/null && fail "marker accepted with tracing off"
echo 1 > tracing_on
[ "$(grep -c tracing_mark_write trace)" = 0 ] || fail "marker recorded while off"

# Tasks that share one open trace_marker (children of this shell, with
# consecutive pids) are all treated alike: either the comm of each is
# known (ours saves it with the write) or none is (upstream, with no
# tracer, shows "<...>" for all).  A writer whose comm went unsaved
# because it shared the fd with the one before it fails this.
echo > trace
exec 3> trace_marker
i=0
while [ $i -lt 16 ]; do
	(echo "shared-fd-$i" >&3)
	i=$((i + 1))
done
exec 3>&-
[ "$(grep -c 'tracing_mark_write: shared-fd-' trace)" = 16 ] ||
	fail "shared-fd writes missing: $(grep -c shared-fd- trace)"
unknown=$(grep 'tracing_mark_write: shared-fd-' trace | grep -c '<\.\.\.>' || true)
[ "$unknown" = 0 ] || [ "$unknown" = 16 ] ||
	fail "$unknown of 16 writers through a shared fd have no comm"

# events/ftrace/print is trace_marker's event: it takes triggers (a
# filtered one too), and has no enable or filter file, as upstream's.
[ -f events/ftrace/print/trigger ] || fail "no events/ftrace/print/trigger"
for f in events/ftrace/enable events/ftrace/filter events/ftrace/print/enable \
	 events/ftrace/print/filter events/ftrace/function/trigger; do
	[ -e $f ] && fail "$f exists"
done
echo > trace
echo 'traceoff:1 if common_pid == 1' > events/ftrace/print/trigger
echo 'stacktrace:1' >> events/ftrace/print/trigger
echo first > trace_marker
grep -q '^traceoff:count=1 if common_pid == 1' events/ftrace/print/trigger ||
	fail "trigger listing: $(cat events/ftrace/print/trigger)"
grep -q '^stacktrace:count=0' events/ftrace/print/trigger ||
	fail "stacktrace did not run once: $(cat events/ftrace/print/trigger)"
[ "$(cat tracing_on)" = 1 ] || fail "a trigger for pid 1 turned tracing off"
grep -q '^ => ' trace ||
	fail "no stack after the marker: $(tail -n 5 trace)"
echo '!traceoff:1 if common_pid == 1' > events/ftrace/print/trigger
echo 'traceoff' >> events/ftrace/print/trigger
echo second > trace_marker
[ "$(cat tracing_on)" = 0 ] || fail "traceoff on ftrace/print did not run"
grep -q 'tracing_mark_write: second' trace || fail "the triggering marker is lost"
echo '!traceoff' > events/ftrace/print/trigger
echo '!stacktrace' > events/ftrace/print/trigger
[ -z "$(grep -v '^#' events/ftrace/print/trigger)" ] ||
	fail "triggers left: $(cat events/ftrace/print/trigger)"
echo 1 > tracing_on
exit 0
