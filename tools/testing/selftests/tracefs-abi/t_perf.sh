# SPDX-License-Identifier: GPL-2.0
# perf (Debian's linux-perf, copied into the guest by the harness) on trace
# events through perf's tracepoint PMU: it counts a tracepoint and a
# syscall event exactly, records and prints them (perf script decodes the
# records with the events' format files), and applies filters given with
# --filter.
. "$(dirname "$0")/lib.sh"
P=$(command -v perf) || skip "perf is not in the guest"
[ -d events/syscalls/sys_enter_kill ] || skip "no syscall events"
cd /tmp

# count EVENT CMD: how many times perf stat counts EVENT while CMD runs.
count() {
	$P stat -x, -e "$1" -- sh -c "$2" 2> /tmp/pstat.out > /dev/null ||
		{ cat /tmp/pstat.out; fail "perf stat -e $1 failed"; }
	sed -n "s/^\([0-9]*\),.*$1.*/\1/p" /tmp/pstat.out
}
n=$(count sched:sched_process_fork '(:)& (:)& (:)& wait')
[ "$n" = 3 ] || fail "sched_process_fork counted '$n' times, expected 3"
n=$(count syscalls:sys_enter_kill 'kill -0 $$; kill -0 $$; kill -0 $$')
[ "$n" = 3 ] || fail "sys_enter_kill counted '$n' times, expected 3"
n=$(count syscalls:sys_exit_kill 'kill -0 $$; kill -0 $$')
[ "$n" = 2 ] || fail "sys_exit_kill counted '$n' times, expected 2"

# A system-wide record of a tracepoint, printed by perf script.
$P record -q -a -e sched:sched_switch -o /tmp/p1.data -- sleep 0.2 \
	> /tmp/prec.out 2>&1 || { cat /tmp/prec.out; fail "perf record -a failed"; }
$P script -i /tmp/p1.data > /tmp/p1.txt 2> /tmp/pscript.err ||
	{ cat /tmp/pscript.err; fail "perf script failed"; }
grep -q 'sched:sched_switch: .*prev_comm=.*prev_pid=[0-9]* .*==> next_comm=' /tmp/p1.txt ||
	fail "no sched_switch in perf script: $(head -n 3 /tmp/p1.txt)"

# A syscall event in one command's tasks, with and without a filter.
rec() {	# rec FILTER: the sys_enter_kill lines perf script prints
	$P record -q -e syscalls:sys_enter_kill ${1:+--filter "$1"} -o /tmp/p2.data \
		-- sh -c 'kill -0 $$; kill -0 $$; kill -0 $$' > /tmp/prec.out 2>&1 ||
		{ cat /tmp/prec.out; fail "perf record of sys_enter_kill failed"; }
	$P script -i /tmp/p2.data 2> /dev/null | grep 'syscalls:sys_enter_kill:' || true
}
out=$(rec '')
[ "$(echo "$out" | grep -c 'sig: 0x0*$')" = 3 ] ||
	fail "expected 3 records with sig 0: $out"
[ "$(rec 'sig == 0' | wc -l)" = 3 ] || fail "filter sig == 0 did not keep 3"
[ -z "$(rec 'sig == 9')" ] || fail "filter sig == 9 kept records"
# A filter that does not parse is refused.
$P record -q -e syscalls:sys_enter_kill --filter 'no_such_field == 1' \
	-o /tmp/p3.data -- true > /tmp/prec.out 2>&1 &&
	fail "a bad filter was accepted"

# A kprobe event and a return probe event, counted and recorded by perf.
if [ -f /sys/kernel/tracing/kprobe_events ]; then
	K=/sys/kernel/tracing/kprobe_events
	echo 'p:kprobes/killent __x64_sys_kill sig=+104(%di):s32' > $K
	echo 'r:kprobes/killret __x64_sys_kill ret=$retval:s32' >> $K
	n=$(count kprobes:killent 'kill -0 $$; kill -0 $$; kill -0 $$')
	[ "$n" = 3 ] || fail "kprobe event counted '$n' times, expected 3"
	$P record -q -e kprobes:killent -e kprobes:killret -o /tmp/p4.data \
		-- sh -c 'kill -0 $$; kill -0 $$' > /tmp/prec.out 2>&1 ||
		{ cat /tmp/prec.out; fail "perf record of kprobe events failed"; }
	$P script -i /tmp/p4.data > /tmp/p4.txt 2> /dev/null
	# perf script prints the addresses of the print fmt as numbers.
	A=$(grep ' __x64_sys_kill$' /proc/kallsyms | cut -d' ' -f1)
	[ "$(grep -c "kprobes:killent: ($A) sig=0$" /tmp/p4.txt)" = 2 ] ||
		fail "perf script of the kprobe event: $(cat /tmp/p4.txt)"
	[ "$(grep -c "kprobes:killret: ($A <- [0-9a-f]*) ret=0$" /tmp/p4.txt)" = 2 ] ||
		fail "perf script of the return probe event: $(cat /tmp/p4.txt)"
	# perf holds the event: it cannot be removed meanwhile.  perf starts
	# its workload only once the events are open, so the workload's
	# file says when (a slow debug kernel takes seconds to get there).
	rm -f /tmp/p5.ready
	$P record -q -e kprobes:killent -o /tmp/p5.data -- \
		sh -c 'touch /tmp/p5.ready; sleep 3' > /dev/null 2>&1 &
	i=0
	while [ ! -f /tmp/p5.ready ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -f /tmp/p5.ready ] || fail "perf record did not start its workload"
	(echo > $K) 2> /dev/null && fail "kprobe events removed while perf used one"
	wait
	echo > $K
fi

# ftrace:function: perf's own function tracing, filtered by function name.
if [ -d /sys/kernel/tracing/events/ftrace/function ]; then
	fn() {	# fn FILTER: how often perf stat counts ftrace:function
		$P stat -x, -e ftrace:function --filter "$1" -- \
			sh -c 'kill -0 $$; kill -0 $$; kill -0 $$' \
			2> /tmp/pstat.out > /dev/null ||
			{ cat /tmp/pstat.out; fail "perf stat -e ftrace:function failed"; }
		sed -n 's/^\([0-9]*\),.*ftrace:function.*/\1/p' /tmp/pstat.out
	}
	n=$(fn 'ip == __x64_sys_kill')
	[ "$n" = 3 ] || fail "ftrace:function counted '$n' kill calls, expected 3"
	n=$(fn 'ip == __x64_sys_kil* || ip == __x64_sys_exit_group')
	[ "$n" = 4 ] || fail "ftrace:function counted '$n' kill or exit_group calls"
	# Only "ip == GLOB" and "ip != GLOB" joined by "||" are filters here.
	$P stat -e ftrace:function --filter 'ip == a && ip == b' -- true \
		> /dev/null 2>&1 && fail "ftrace:function took an && filter"
	$P record -q -e ftrace:function --filter 'ip == __x64_sys_kill' \
		-o /tmp/p6.data -- sh -c 'kill -0 $$; kill -0 $$' \
		> /tmp/prec.out 2>&1 ||
		{ cat /tmp/prec.out; fail "perf record -e ftrace:function failed"; }
	A=$(grep ' __x64_sys_kill$' /proc/kallsyms | cut -d' ' -f1)
	$P script -i /tmp/p6.data > /tmp/p6.txt 2> /dev/null
	# perf resolves the names where it has its function plugin.
	[ "$(grep -cE "ftrace:function: *($A|__x64_sys_kill) <-- [0-9a-z_]+$" \
		/tmp/p6.txt)" = 2 ] ||
		fail "perf script of ftrace:function: $(cat /tmp/p6.txt)"
	# The events' ftrace_ops are gone with them: nothing stays patched.
	[ "$(wc -l < /sys/kernel/tracing/enabled_functions)" = 0 ] ||
		fail "functions stay patched: $(head -n 3 /sys/kernel/tracing/enabled_functions)"
fi

# tracefs is untouched: perf's users do not enable the events there.
[ "$(cat /sys/kernel/tracing/events/sched/sched_switch/enable)" = 0 ] ||
	fail "perf enabled sched_switch in tracefs"
exit 0
