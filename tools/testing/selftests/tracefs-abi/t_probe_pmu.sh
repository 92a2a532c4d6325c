# SPDX-License-Identifier: GPL-2.0
# perf's kprobe and uprobe PMUs (perf_event_open() of type "kprobe" or
# "uprobe", as BPF tools use them), through the helper program
# /ftk/files/probe_pmu: each open makes a probe of its own that counts
# exactly the hits of the opener, shows nowhere in tracefs, and goes with
# the perf event; bad places get upstream's errno.  Then who may open
# what: a user other than root, with perf_event_paranoid at 1, counts
# tracepoints in its own tasks, samples raw records only of syscall
# events, and opens neither ftrace:function nor probe PMUs.
. "$(dirname "$0")/lib.sh"
P=/ftk/files/probe_pmu
[ -x $P ] || skip "no probe_pmu in the guest"
[ -d /sys/bus/event_source/devices/kprobe ] || skip "no kprobe PMU"

n=$($P kprobe __x64_sys_getppid 5) || fail "kprobe PMU open failed"
[ "$n" = 5 ] || fail "kprobe counted '$n' getppid calls, expected 5"
n=$($P kretprobe __x64_sys_getppid 7) || fail "kretprobe PMU open failed"
[ "$n" = 7 ] || fail "kretprobe counted '$n' getppid returns, expected 7"
if [ -d /sys/bus/event_source/devices/uprobe ]; then
	n=$($P uprobe 4) || fail "uprobe PMU open failed"
	[ "$n" = 4 ] || fail "uprobe counted '$n' calls, expected 4"
	n=$($P uretprobe 6) || fail "uretprobe PMU open failed"
	[ "$n" = 6 ] || fail "uretprobe counted '$n' returns, expected 6"
fi

err() {	# err SYMBOL ERRNO
	e=$($P kprobe-err "$1")
	[ "$e" = "$2" ] || fail "a kprobe on '$1' gave $e, expected $2"
}
err no_such_function_xyz ENOENT
err "" EINVAL
err rcu_is_watching EINVAL	# noinstr: never probed
err "$(printf '%0600d' 0)" E2BIG

# A user other than root (as t_perms adds it).
if command -v su > /dev/null; then
	grep -q '^fz:' /etc/passwd 2>/dev/null || {
		grep -q '^root:' /etc/passwd 2>/dev/null ||
			echo 'root:x:0:0::/root:/bin/sh' >> /etc/passwd
		echo 'fz:x:1000:1000::/tmp:/bin/sh' >> /etc/passwd
	}
	cp $P /tmp/probe_pmu_fz && chmod 755 /tmp/probe_pmu_fz
	old=$(cat /proc/sys/kernel/perf_event_paranoid)
	echo 1 > /proc/sys/kernel/perf_event_paranoid
	as_fz() { su -s /bin/sh fz -c "/tmp/probe_pmu_fz $*" 2>&1; }
	check() {	# check WANT ARGS...
		want=$1
		shift
		got=$(as_fz "$@")
		[ "$got" = "$want" ] || {
			echo "$old" > /proc/sys/kernel/perf_event_paranoid
			fail "non-root '$*' gave '$got', expected '$want'"
		}
	}
	sw=$(cat events/sched/sched_switch/id)
	check ok tp "$sw" count
	check EPERM tp "$sw" raw
	if [ -d events/syscalls/sys_enter_getppid ]; then
		check ok tp "$(cat events/syscalls/sys_enter_getppid/id)" raw
	fi
	[ -d events/ftrace/function ] &&
		check EPERM tp "$(cat events/ftrace/function/id)" count
	check EACCES kprobe-err __x64_sys_getppid
	echo "$old" > /proc/sys/kernel/perf_event_paranoid
	rm -f /tmp/probe_pmu_fz
fi

# Nothing stays: no probe event, no function left patched.
[ -z "$(cat kprobe_events uprobe_events 2>/dev/null)" ] ||
	fail "PMU probes show in tracefs: $(cat kprobe_events uprobe_events)"
[ "$(wc -l < enabled_functions)" = 0 ] ||
	fail "functions stay patched: $(head -n 3 enabled_functions)"
exit 0
