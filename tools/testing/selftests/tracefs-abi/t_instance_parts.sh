# SPDX-License-Identifier: GPL-2.0
# mkdir/rmdir of instances with every part of them in use: function
# tracing with filters, pid sets, function-fork and commands (among them
# enable_event, which holds one of the instance's events), events with
# filters, a snapshot, error_log entries and options.  rmdir must undo all
# of it: nothing of the instance stays patched or enabled, and the top
# instance is as it was.
. "$(dirname "$0")/lib.sh"
[ -d instances ] || skip "no instances/"
[ -f set_ftrace_filter ] || skip "no function tracing"
[ -d events/sched/sched_switch ] || skip "no sched events"
read -r mypid _ < /proc/self/stat
[ -z "$(cat enabled_functions)" ] || skip "functions traced before the test"
expect_content events/sched/sched_switch/enable 0
cleanup() {
	for d in instances/parts*; do
		[ -d "$d" ] || continue
		echo nop > "$d/current_tracer"
		rmdir "$d"
	done
}
trap cleanup EXIT

i=0
while [ $i -lt 8 ]; do
	d=instances/parts$i
	mkdir $d
	echo 'ksys_*' > $d/set_ftrace_filter
	echo 'ksys_write' > $d/set_ftrace_notrace
	echo "$mypid" > $d/set_ftrace_pid
	echo 1 > $d/options/function-fork
	echo 'ksys_read:traceon:5' >> $d/set_ftrace_filter
	echo 'do_sys_openat2:stacktrace' >> $d/set_ftrace_filter
	echo 'ksys_read:enable_event:sched:sched_switch:2' >> $d/set_ftrace_filter
	echo 'ksys_read:disable_event:sched:sched_wakeup' >> $d/set_ftrace_filter
	grep -q 'ksys_read:enable_event:sched:sched_switch:count=' $d/set_ftrace_filter ||
		fail "instance has no enable_event command"
	# Held in soft mode: "0*", or "1*" once ksys_read turned it on.
	case $(cat $d/events/sched/sched_switch/enable) in
	'0*'|'1*') ;;
	*) fail "enable_event does not hold sched_switch" ;;
	esac
	echo 1 > $d/events/irq/enable 2>/dev/null || true
	echo 'prev_pid != 0' > $d/events/sched/sched_switch/filter
	(echo 'no_such_field == 1' > $d/events/sched/sched_switch/filter) 2>/dev/null &&
		fail "a bad filter was taken"
	[ -n "$(cat $d/error_log)" ] || fail "no error_log entry"
	echo 1 > $d/options/record-tgid
	echo 0 > $d/options/overwrite
	echo function > $d/current_tracer
	cat /proc/self/stat > /dev/null
	grep -q "ksys_" $d/trace || fail "instance recorded nothing"
	echo 1 > $d/snapshot
	grep -q "ksys_" $d/snapshot || fail "the snapshot has nothing"
	# The top instance shares none of it.
	expect_content events/sched/sched_switch/enable 0
	grep -q traceon set_ftrace_filter && fail "command leaked into the top"
	echo nop > $d/current_tracer
	rmdir $d || fail "rmdir of a busy-looking instance failed"
	[ -e $d ] && fail "$d still there"
	# Nothing of it is left patched: its commands' ops are gone too.
	[ -z "$(cat enabled_functions)" ] ||
		fail "functions still traced after rmdir: $(head -n 3 enabled_functions)"
	expect_content events/sched/sched_switch/enable 0
	i=$((i + 1))
done
[ -z "$(ls instances)" ] || fail "left over: $(ls instances)"
