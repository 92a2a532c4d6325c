# SPDX-License-Identifier: GPL-2.0
# CPU hotplug while tracing: what an offline CPU recorded stays readable and
# counted, per_cpu/cpu1 stays, tracing resumes on the CPU when it comes
# back (under every tracer, for events and in an instance), and
# tracing_cpumask still applies to it.
. "$(dirname "$0")/lib.sh"
ON=/sys/devices/system/cpu/cpu1/online
[ -w $ON ] || skip "CPU 1 cannot go offline"
I=instances/hp
mask0=$(cat tracing_cpumask)
cleanup() {
	echo 1 > $ON
	echo nop > current_tracer
	echo > set_ftrace_filter 2>/dev/null
	echo > set_event
	echo $mask0 > tracing_cpumask
	echo 1 > tracing_on
	[ -d $I ] && rmdir $I
	true
}
trap cleanup EXIT
on_cpu1() { taskset -c 1 sh -c "$1"; }
offline() { echo 0 > $ON; [ "$(cat $ON)" = 0 ] || fail "cpu1 still online"; }
online() { echo 1 > $ON; [ "$(cat $ON)" = 1 ] || fail "cpu1 still offline"; }
count() { grep -c "$1" "${2:-trace}" || true; }

echo 1 > tracing_on
echo > trace
on_cpu1 'for i in 1 2 3 4 5 6 7 8 9 10; do echo hp-before-$i > trace_marker; done'
offline
# The offline CPU's records stay: in trace, in its per_cpu files, counted.
[ "$(count 'tracing_mark_write: hp-before-')" = 10 ] || fail "lost records of the offline CPU"
[ "$(count 'tracing_mark_write: hp-before-' per_cpu/cpu1/trace)" = 10 ] ||
	fail "per_cpu/cpu1/trace lost records"
grep -qx 'entries: 10' per_cpu/cpu1/stats || fail "cpu1 stats: $(grep entries per_cpu/cpu1/stats)"
grep -qx 'overrun: 0' per_cpu/cpu1/stats || fail "cpu1 overrun"
taskset -c 1 true 2>/dev/null && fail "taskset onto an offline CPU worked"
echo on-cpu0 > trace_marker
[ "$(count 'tracing_mark_write: on-cpu0')" = 1 ] || fail "cpu0 stopped recording"
# Reading the offline CPU's pipe consumes what it holds.
timeout 2 cat per_cpu/cpu1/trace_pipe > /tmp/hp.pipe 2>/dev/null || true
[ "$(count 'hp-before-' /tmp/hp.pipe)" = 10 ] || fail "cpu1 pipe of an offline CPU"
online
on_cpu1 'echo hp-after > trace_marker'
grep -q '\[001\].*tracing_mark_write: hp-after' trace || fail "cpu1 does not record after online"

# Every tracer: switch to it, take CPU 1 down and up, CPU 1 records again.
# The latency tracers without function-trace: with it, every function a
# reader of trace_pipe calls with preemption off is recorded, and the
# flood overwrites the marker before it is read (on both kernels).
[ -f options/function-trace ] && echo 0 > options/function-trace
for t in $(cat available_tracers); do
	[ -f set_ftrace_filter ] && echo ksys_write > set_ftrace_filter
	echo $t > current_tracer
	[ -f tracing_max_latency ] && echo 100000000 > tracing_max_latency
	echo > trace
	offline
	online
	on_cpu1 "echo hp-$t > trace_marker"
	case $t in
	irqsoff|preemptoff|preemptirqsoff|wakeup*)
		# A latency tracer's trace is its kept section: the live
		# buffer is what trace_pipe reads.  (Keeping a new section
		# swaps the live buffer away: the bar is set high above.)
		timeout 2 cat per_cpu/cpu1/trace_pipe > /tmp/hp.pipe 2>/dev/null || true
		# Upstream's pipe did not give the marker in 2 s (it writes
		# three records for every section, the reader's own too):
		# reported, not investigated further.
		grep -q "hp-$t" /tmp/hp.pipe ||
			upstream_bug "tracer $t: cpu1's marker not read from per_cpu/cpu1/trace_pipe after online"
		;;
	*)
		# "[001]" in most tracers' output, " 1)" in function_graph's
		grep -Eq "(\[001\]| 1\)).*hp-$t" trace ||
			fail "tracer $t: cpu1 silent after online"
		;;
	esac
	if [ "$t" = function ]; then
		grep -q '\[001\].* ksys_write' trace || fail "function: no ksys_write on cpu1"
	fi
	echo nop > current_tracer
done
[ -f options/function-trace ] && echo 1 > options/function-trace

# Events, in the top instance and in a new one, across the cycle.
mkdir $I
echo sched:sched_process_fork > set_event
echo 1 > $I/events/sched/sched_process_exit/enable
echo > trace
offline
online
on_cpu1 '/bin/true; /bin/true'
grep -q '\[001\].*sched_process_fork:' trace || fail "event not recorded on cpu1 after online"
grep -q '\[001\].*sched_process_exit:' $I/trace || fail "instance event not on cpu1 after online"
[ -f $I/per_cpu/cpu1/trace ] || fail "instance lost per_cpu/cpu1"
on_cpu1 "echo inst-hp > $I/trace_marker"
grep -q '\[001\].*inst-hp' $I/trace || fail "instance marker on cpu1"

# tracing_cpumask is kept across the cycle and still masks CPU 1.
echo > set_event
echo 1 > tracing_cpumask
offline
online
expect_content tracing_cpumask 1
echo > trace
# a CPU outside the mask cannot write a marker (EBADF, as upstream)
on_cpu1 'echo masked-out > trace_marker' 2>/dev/null || true
[ "$(count masked-out)" = 0 ] || fail "cpu1 recorded outside tracing_cpumask"
echo $mask0 > tracing_cpumask
on_cpu1 'echo masked-in > trace_marker'
[ "$(count masked-in)" = 1 ] || fail "cpu1 silent back inside tracing_cpumask"
