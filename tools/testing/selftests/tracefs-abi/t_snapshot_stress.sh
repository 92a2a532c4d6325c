# SPDX-License-Identifier: GPL-2.0
# Snapshots and instances under load: while both CPUs write markers and
# the function tracer runs in an instance, take, clear and free snapshots,
# resize the buffer, read snapshot, snapshot_raw and trace, and create and
# remove instances that run the function tracer with filters and pid
# sets.  The harness fails the run on any oops, WARN or lockdep report;
# here every file must stay readable and records must survive.  4 rounds,
# or N/10 with ftk.stress=N on the kernel command line (make stress).
. "$(dirname "$0")/lib.sh"
[ -f snapshot ] || skip "no snapshot file"
have_func=0
grep -qw function available_tracers && have_func=1
n=4
for arg in $(cat /proc/cmdline); do
	case "$arg" in ftk.stress=*) n=$((${arg#ftk.stress=} / 10)) ;; esac
done
for c in 0 1; do
	taskset -c $c sh -c 'i=0; while :; do echo "load $i" > trace_marker; i=$((i + 1)); sleep 0; done' &
	eval load$c=$!
done
cleanup() {
	kill $load0 $load1 2>/dev/null || true
	wait 2>/dev/null || true
	echo 0 > snapshot
	[ -d instances/st ] && { echo nop > instances/st/current_tracer; rmdir instances/st; }
	[ -d instances/sx ] && rmdir instances/sx
	echo 1408 > buffer_size_kb
	true
}
trap cleanup EXIT
if [ $have_func = 1 ]; then
	mkdir instances/st
	echo 'vfs_* ksys_*' > instances/st/set_ftrace_filter
	echo function > instances/st/current_tracer
fi
i=0
while [ $i -lt $n ]; do
	echo 1 > snapshot
	cat snapshot > /dev/null
	case $((i % 8)) in
	0) echo 2 > snapshot ;;
	3) echo 0 > snapshot ;;
	5) echo $((64 + i)) > buffer_size_kb ;;
	6) dd if=per_cpu/cpu$((i % 2))/snapshot_raw of=/dev/null bs=4096 count=2 2>/dev/null &
	   dd_pid=$!; kill $dd_pid 2>/dev/null || true ;;
	esac
	if [ $have_func = 1 ]; then
		mkdir instances/sx
		echo 1 > instances/sx/snapshot
		echo 'schedule*' > instances/sx/set_ftrace_filter
		echo $$ > instances/sx/set_ftrace_pid
		echo 'vfs_read:stacktrace:2' >> instances/sx/set_ftrace_filter
		echo function > instances/sx/current_tracer
		cat instances/sx/trace > /dev/null
		rmdir instances/sx || fail "rmdir of a busy-free instance failed"
		cat instances/st/trace > /dev/null
	fi
	i=$((i + 1))
done
kill $load0 $load1 || true
wait 2>/dev/null || true
echo 0 > tracing_on
for c in 0 1; do
	s=per_cpu/cpu$c/stats
	e=$(sed -n 's/^entries: //p' $s)
	o=$(sed -n 's/^overrun: //p' $s)
	[ -n "$e" ] && [ -n "$o" ] || fail "stats unreadable"
done
grep -q 'load' trace || grep -q 'load' snapshot || fail "no records survived"
echo 1 > tracing_on
true
