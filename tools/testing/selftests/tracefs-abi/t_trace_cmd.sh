# SPDX-License-Identifier: GPL-2.0
# trace-cmd (the Debian package, copied into the guest by the harness)
# records trace_marker events from both CPUs through trace_pipe_raw and
# reports every one of them, in order, from the binary pages; it records
# and decodes trace events and function_graph's records.
. "$(dirname "$0")/lib.sh"
command -v trace-cmd > /dev/null || skip "trace-cmd is not in the guest"
echo 1 > tracing_on
echo > trace
cat > /tmp/tcw.sh <<EOS
for i in \$(seq 1 150); do echo "tcmark-\$1-\$i" > $PWD/trace_marker; done
EOS
trace-cmd record -q -p nop -o /tmp/tc.dat sh -c \
	"taskset -c 0 sh /tmp/tcw.sh 0 & taskset -c 1 sh /tmp/tcw.sh 1 & wait" \
	> /tmp/tc.rec 2>&1 || { cat /tmp/tc.rec; fail "trace-cmd record failed"; }
trace-cmd report -i /tmp/tc.dat > /tmp/tc.txt 2> /tmp/tc.err ||
	{ cat /tmp/tc.err; fail "trace-cmd report failed"; }
grep -q '^cpus=2' /tmp/tc.txt || fail "report header: $(head -n 1 /tmp/tc.txt)"
for cpu in 0 1; do
	n=$(grep -c "print: *tracing_mark_write: tcmark-$cpu-" /tmp/tc.txt || true)
	[ "$n" = 150 ] || fail "writer $cpu: $n of 150 markers reported"
	# Each writer's markers come out in the order written.
	grep -o "tcmark-$cpu-[0-9]*" /tmp/tc.txt | cut -d- -f3 > /tmp/tc.seq
	seq 1 150 | cmp -s - /tmp/tc.seq || fail "writer $cpu: markers out of order"
done
# Time stamps in the report never go backwards (trace-cmd merges CPUs).
awk '/tracing_mark_write: tcmark/ { t = $3; sub(":", "", t);
	if (t + 0 < last) { print "backwards: " $0; bad = 1 } last = t + 0 }
	END { exit bad }' /tmp/tc.txt || fail "time stamps go backwards"
# Raw field view decodes the same records through the print event format.
n=$(trace-cmd report -R -i /tmp/tc.dat 2>/dev/null | grep -c 'ip=.*buf=tcmark' || true)
[ "$n" = 300 ] || fail "raw report shows $n of 300 markers"
# Trace events: trace-cmd enables them through events/, parses their
# formats (fields, print fmt with enum values) and decodes the records.
if [ -f events/sched/sched_switch/format ]; then
	trace-cmd record -q -e sched:sched_switch -e sched:sched_process_exec \
		-o /tmp/tce.dat sh -c 'sleep 0.1; exec true' > /tmp/tce.rec 2>&1 ||
		{ cat /tmp/tce.rec; fail "trace-cmd record -e failed"; }
	trace-cmd report -i /tmp/tce.dat > /tmp/tce.txt 2> /tmp/tce.err ||
		{ cat /tmp/tce.err; fail "trace-cmd report of events failed"; }
	# With or without trace-cmd's sched_switch plugin.
	grep -Eq 'sched_switch: +(prev_comm=[^ ]+ prev_pid=[0-9]+ .* ==> next_comm=|[^ ]+:[0-9]+ \[[0-9]+\] [^ ]+ ==> )' /tmp/tce.txt ||
		fail "no decoded sched_switch: $(grep -m 3 sched_switch /tmp/tce.txt)"
	grep -q 'sched_process_exec: *filename=' /tmp/tce.txt ||
		fail "no decoded sched_process_exec"
	cat /sys/kernel/tracing/set_event | grep -q . &&
		fail "trace-cmd left events enabled: $(cat set_event)"
fi
# The function_graph tracer: trace-cmd sets set_graph_function and
# max_graph_depth and shows the graph from the funcgraph records.
if grep -qw function_graph available_tracers; then
	trace-cmd record -q -p function_graph -g do_sys_openat2 --max-graph-depth 2 \
		-o /tmp/tcg.dat cat /dev/null > /tmp/tcg.rec 2>&1 ||
		{ cat /tmp/tcg.rec; fail "trace-cmd record -p function_graph failed"; }
	trace-cmd report -i /tmp/tcg.dat > /tmp/tcg.txt 2> /tmp/tcg.err ||
		{ cat /tmp/tcg.err; fail "trace-cmd report of the graph failed"; }
	grep -Eq 'funcgraph_entry: +\|  do_sys_openat2\(\) \{' /tmp/tcg.txt ||
		fail "no graph entry: $(grep -m 3 funcgraph /tmp/tcg.txt)"
	grep -Eq 'funcgraph_entry: +[!+#*@$]? *[0-9.]+ us +\|    [a-z_.0-9]+\(\);' /tmp/tcg.txt ||
		fail "no leaf one level down: $(grep -m 3 funcgraph /tmp/tcg.txt)"
	grep -Eq 'funcgraph_exit: +[!+#*@$]? *[0-9.]+ us +\|  \}' /tmp/tcg.txt ||
		fail "no graph return: $(grep -m 3 funcgraph_exit /tmp/tcg.txt)"
	grep -Eq '\|      [a-z]' /tmp/tcg.txt && fail "--max-graph-depth 2 went deeper"
	[ "$(cat current_tracer)" = nop ] || fail "trace-cmd left $(cat current_tracer)"
fi
# trace-cmd snapshot: take, show, reset, free.
if [ -f snapshot ]; then
	echo 1 > tracing_on
	echo tc-snap > trace_marker
	trace-cmd snapshot -s > /dev/null 2>&1 || fail "trace-cmd snapshot -s failed"
	trace-cmd snapshot 2>/dev/null | grep -q 'tracing_mark_write: tc-snap$' ||
		fail "trace-cmd snapshot does not show the record"
	trace-cmd snapshot -r > /dev/null 2>&1 || fail "trace-cmd snapshot -r failed"
	trace-cmd snapshot 2>/dev/null | grep -q 'tc-snap$' && fail "reset kept the record"
	trace-cmd snapshot -f > /dev/null 2>&1 || fail "trace-cmd snapshot -f failed"
	grep -q '^# \* Snapshot is freed \*$' snapshot || fail "trace-cmd snapshot -f did not free"
fi
true
