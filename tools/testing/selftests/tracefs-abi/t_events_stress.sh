# SPDX-License-Identifier: GPL-2.0
# Trace events under load: while both CPUs fork and write markers and a
# reader drains trace_pipe, enable and disable event groups, set and
# clear filters, add and remove enable_event commands and function-fork,
# and create and remove instances with events and filters enabled.  The
# harness fails the run on any oops, WARN or lockdep report; here the
# files must keep working.  4 rounds, or N/10 with ftk.stress=N on the
# kernel command line (make stress).
. "$(dirname "$0")/lib.sh"
[ -f set_event ] || skip "no trace events"
n=4
for arg in $(cat /proc/cmdline); do
	case "$arg" in ftk.stress=*) n=$((${arg#ftk.stress=} / 10)) ;; esac
done
for c in 0 1; do
	taskset -c $c sh -c 'i=0; while :; do echo "load $i" > trace_marker; /bin/true; i=$((i + 1)); done' &
	eval load$c=$!
done
cat trace_pipe > /dev/null &
reader=$!
cleanup() {
	kill $load0 $load1 $reader 2>/dev/null || true
	wait 2>/dev/null || true
	echo > set_event
	echo 0 > events/sched/filter
	if [ -f set_ftrace_filter ]; then
		echo '!schedule:disable_event:irq:softirq_entry' >> set_ftrace_filter 2>/dev/null || true
		echo > set_ftrace_filter
		echo > set_ftrace_pid
		echo 0 > options/function-fork 2>/dev/null || true
	fi
	for d in ea eb; do
		[ -d instances/$d ] && rmdir instances/$d
	done
	true
}
trap cleanup EXIT
i=0
while [ $i -lt $n ]; do
	echo 1 > events/sched/enable
	echo 'irq:*' >> set_event
	echo 'common_pid != 0 && prev_prio < 200' > events/sched/sched_switch/filter
	echo 'comm ~ "t*"' > events/sched/filter
	mkdir instances/ea
	echo 1 > instances/ea/events/sched/enable
	echo 'next_comm ~ "s*"' > instances/ea/events/sched/sched_switch/filter
	mkdir instances/eb
	echo 'sched:sched_wakeup sched:sched_process_exec' > instances/eb/set_event
	if [ -f set_ftrace_filter ]; then
		echo 'schedule:disable_event:irq:softirq_entry' > set_ftrace_filter
		echo 'schedule:enable_event:sched:sched_switch:2' > instances/eb/set_ftrace_filter
		read -r me _ < /proc/self/stat
		echo "$me" > set_ftrace_pid
		echo 1 > options/function-fork
	fi
	cat events/sched/sched_switch/format > /dev/null
	grep -c . instances/ea/trace > /dev/null
	head -n 20 trace > /dev/null
	rmdir instances/ea
	echo 0 > events/sched/filter
	echo '!irq:*' >> set_event
	echo 0 > events/enable
	if [ -f set_ftrace_filter ]; then
		echo 0 > options/function-fork
		echo > set_ftrace_pid
		echo '!schedule:disable_event:irq:softirq_entry' >> set_ftrace_filter
	fi
	rmdir instances/eb
	i=$((i + 1))
done
[ -d instances/ea ] && fail "instance ea left"
expect_content events/sched/enable 0
echo stress-done > trace_marker
