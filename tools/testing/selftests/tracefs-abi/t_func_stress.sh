# SPDX-License-Identifier: GPL-2.0
# Live patching under load: while CPU 0 runs a syscall loop and this shell
# runs on CPU 1, switch current_tracer between function and nop N times
# on a filtered set (~300 functions) and once (5 times) on every function,
# rewrite the filter while tracing, and toggle tracing_on while every
# function is traced.  The harness fails the run on any oops, WARN or
# lockdep report; here the trace must stay readable.  N is 40 (make
# check), or ftk.stress=N on the kernel command line (make stress boots
# with 1000, and then switches 5 times on every function).
. "$(dirname "$0")/lib.sh"
grep -qw function available_tracers || skip "no function tracer"
n_switch=40 n_all=1
for arg in $(cat /proc/cmdline); do
	case "$arg" in ftk.stress=*) n_switch=${arg#ftk.stress=} n_all=5 ;; esac
done
taskset -c 0 sh -c "while :; do cat /proc/version > /dev/null; done" &
load_pid=$!
taskset -p -c 1 $$ > /dev/null
trap 'kill $load_pid 2>/dev/null; echo nop > current_tracer; echo > set_ftrace_filter' EXIT
echo 'sched* vfs_* *_read' > set_ftrace_filter
i=0
while [ $i -lt "$n_switch" ]; do
	echo function > current_tracer
	echo nop > current_tracer
	i=$((i + 1))
done
echo > set_ftrace_filter
i=0
while [ $i -lt "$n_all" ]; do
	echo function > current_tracer
	echo nop > current_tracer
	i=$((i + 1))
done
# Filter rewrites while the tracer runs.
echo function > current_tracer
for f in 'vfs_*' '!vfs_write' 'schedule' '*_read' 'ksys_*'; do
	echo "$f" >> set_ftrace_filter
done
echo > set_ftrace_filter
# Every function traced, tracing_on toggled.
i=0
while [ $i -lt 20 ]; do
	echo 0 > tracing_on
	echo 1 > tracing_on
	i=$((i + 1))
done
echo 0 > tracing_on
n=$(grep -c ' <-' trace || true)
echo 1 > tracing_on
echo nop > current_tracer
[ "$n" -gt 0 ] || fail "no function entries after the stress"
