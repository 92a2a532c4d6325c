# SPDX-License-Identifier: GPL-2.0
# function_graph under load: while CPU 0 forks and execs, and tasks are
# killed and exit while their calls are graphed (sleep in nanosleep,
# killed; do_exit never returns), this shell on CPU 1 switches
# current_tracer among function_graph, function and nop N times on a
# filtered set, then a few times on every function, changes
# set_graph_function and max_graph_depth while graphing, and runs the
# graph in an instance at the same time.  The harness fails the run on any
# oops, WARN or lockdep report; here the trace must stay readable and the
# calls must still pair up.  N is 25, or ftk.stress=N on the kernel
# command line (make stress boots with 1000).
. "$(dirname "$0")/lib.sh"
grep -qw function_graph available_tracers || skip "no function_graph tracer"
n_switch=25 n_all=1
for arg in $(cat /proc/cmdline); do
	case "$arg" in ftk.stress=*) n_switch=${arg#ftk.stress=} n_all=5 ;; esac
done
I=instances/graph_stress
cleanup() {
	kill $load_pid $kill_pid 2>/dev/null
	wait 2>/dev/null
	echo nop > current_tracer
	[ -d $I ] && echo nop > $I/current_tracer && rmdir $I
	echo > set_ftrace_filter
	echo > set_graph_function
	echo 0 > max_graph_depth
	echo 1 > tracing_on
}
trap cleanup EXIT
taskset -c 0 sh -c "while :; do cat /proc/version > /dev/null; done" &
load_pid=$!
taskset -c 0 sh -c "while :; do sleep 5 & p=\$!; sleep 0.01; kill \$p; wait \$p; done" 2>/dev/null &
kill_pid=$!
taskset -p -c 1 $$ > /dev/null

echo 'sched* vfs_* *_read do_exit* kernel_clone *nanosleep* schedule*' > set_ftrace_filter
i=0
while [ $i -lt "$n_switch" ]; do
	echo function_graph > current_tracer
	echo function > current_tracer
	echo function_graph > current_tracer
	echo nop > current_tracer
	i=$((i + 1))
done
echo > set_ftrace_filter
i=0
while [ $i -lt "$n_all" ]; do
	echo function_graph > current_tracer
	sleep 0.1
	echo nop > current_tracer
	i=$((i + 1))
done

# Filters and depth changed while graphing; an instance graphs too.
mkdir $I
echo 'vfs_*' > $I/set_ftrace_filter
echo function_graph > $I/current_tracer
echo function_graph > current_tracer
for f in vfs_read schedule do_exit ksys_read ''; do
	echo "$f" > set_graph_function
	echo 3 > max_graph_depth
	sleep 0.05
	echo 0 > max_graph_depth
done
echo 0 > tracing_on
echo 0 > $I/tracing_on
grep -v '^#' trace | head -n 2000 > /tmp/graph_stress.txt
[ -s /tmp/graph_stress.txt ] || fail "nothing graphed under load"
bad=$(grep -vE '^ [0-9]\) |^ -+$|^$' /tmp/graph_stress.txt | grep -v 'LOST' | head -n 3) || true
[ -z "$bad" ] || fail "malformed lines under load: $bad"
grep -qE '\) +[^|]*\|  +vfs_[a-z_]+\(\)' $I/trace || fail "the instance graphed no vfs_ call"
bad=$(grep -v '^#' $I/trace | grep -E '\|  +[a-z_]' | grep -vE '\|  +vfs_|\|  +\}' | head -n 3) || true
[ -z "$bad" ] || fail "the instance graphed outside its filter: $bad"
exit 0
