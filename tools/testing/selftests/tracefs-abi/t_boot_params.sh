# SPDX-License-Identifier: GPL-2.0
# Boot parameters, checked when the harness booted with them:
#   ftrace=NAME          NAME is current if it exists, else a warning
#   traceoff_on_warning  shows in /proc/sys/kernel/traceoff_on_warning
#   ftrace_dump_on_oops  shows in /proc/sys/kernel/ftrace_dump_on_oops
#   ftrace_filter=A,B    set_ftrace_filter holds A and B
#   ftrace_notrace=A     set_ftrace_notrace holds A
#   ftrace_graph_filter=A,B, ftrace_graph_notrace=A
#                        set_graph_function / set_graph_notrace hold them
#   ftrace_graph_max_depth=N  max_graph_depth reads N
#   alloc_snapshot       the snapshot buffer is allocated
#   trace_event=A,B      set_event holds A and B, and A recorded from boot
#   trace_trigger=E.T,.. each event E lists a trigger of T's command
#   lockdown=confidentiality  tracefs stays empty, with upstream's warning
#   tp_printk            events also go to the kernel log, until
#                        kernel.tracepoint_printk is cleared
#   tp_printk_stop_on_boot  (with tp_printk) it is off once booted
. "$(dirname "$0")/lib.sh"
cmdline=$(cat /proc/cmdline)
tested=0
for arg in $cmdline; do
	case "$arg" in
	ftrace=*)
		name=${arg#ftrace=}
		tested=1
		if grep -qw "$name" available_tracers; then
			expect_content current_tracer "$name"
		else
			dmesg | grep -q "ftrace bootup tracer '$name' not registered" ||
				fail "no warning for unknown boot tracer $name"
		fi
		;;
	tp_printk)
		tested=1
		case " $cmdline " in
		*" tp_printk_stop_on_boot "*)
			expect_content /proc/sys/kernel/tracepoint_printk 0 ;;
		*)
			expect_content /proc/sys/kernel/tracepoint_printk 1
			echo 1 > events/sched/sched_process_fork/enable
			sh -c true
			echo 0 > events/sched/sched_process_fork/enable
			dmesg | grep -q 'sched_process_fork: comm=sh pid=[0-9]* child_comm=sh' ||
				fail "tp_printk: no event in the kernel log"
			echo 0 > /proc/sys/kernel/tracepoint_printk
			expect_content /proc/sys/kernel/tracepoint_printk 0
			dmesg -c > /dev/null
			echo 1 > events/sched/sched_process_fork/enable
			sh -c true
			echo 0 > events/sched/sched_process_fork/enable
			dmesg | grep -q 'sched_process_fork: comm=' &&
				fail "tp_printk: printed after it was cleared"
			;;
		esac ;;
	traceoff_on_warning)
		tested=1
		expect_content /proc/sys/kernel/traceoff_on_warning 1 ;;
	ftrace_filter=*|ftrace_notrace=*)
		tested=1
		file=set_${arg%%=*}
		for f in $(echo "${arg#*=}" | tr , ' '); do
			grep -qx "$f" "$file" || fail "$file lacks $f: $(cat $file)"
		done
		;;
	ftrace_graph_filter=*|ftrace_graph_notrace=*)
		tested=1
		file=set_graph_function
		[ "${arg%%=*}" = ftrace_graph_notrace ] && file=set_graph_notrace
		for f in $(echo "${arg#*=}" | tr , ' '); do
			grep -qx "$f" "$file" || fail "$file lacks $f: $(cat $file)"
		done
		;;
	ftrace_graph_max_depth=*)
		tested=1
		expect_content max_graph_depth "${arg#*=}" ;;
	ftrace_dump_on_oops=*)
		tested=1
		expect_content /proc/sys/kernel/ftrace_dump_on_oops "${arg#*=}" ;;
	trace_event=*)
		tested=1
		for e in $(echo "${arg#*=}" | tr , ' '); do
			grep -qx "$e" set_event || fail "set_event lacks $e: $(cat set_event)"
		done
		first=$(echo "${arg#*=}" | cut -d, -f1)
		grep -q " ${first#*:}: " trace || fail "no ${first#*:} records from boot"
		echo > set_event
		;;
	trace_trigger=*)
		tested=1
		for t in $(echo "${arg#*=}" | tr , ' '); do
			e=${t%%.*} c=${t#*.}
			c=${c%%:*}
			set -- events/*/"$e"/trigger
			[ -f "$1" ] || fail "trace_trigger=: no event $e"
			grep -q "^$c:" "$1" || fail "$1 lacks $c: $(cat "$1")"
			echo "!$c" > "$1"
		done
		;;
	lockdown=confidentiality)
		tested=1
		mount -t securityfs securityfs /sys/kernel/security 2>/dev/null || true
		grep -q '\[confidentiality\]' /sys/kernel/security/lockdown ||
			fail "lockdown is not in force"
		[ -z "$(ls)" ] || fail "tracefs populated under lockdown: $(ls | head -3)"
		dmesg | grep -q 'Tracing disabled due to lockdown' ||
			fail "no lockdown warning"
		;;
	alloc_snapshot)
		tested=1
		grep -q '^# \* Snapshot is allocated \*$' snapshot ||
			fail "alloc_snapshot: snapshot not allocated"
		;;
	esac
done
[ "$tested" = 1 ] || skip "booted without tracing parameters"
# Tracing with the boot filter: the function tracer recorded schedule
# from boot, and never the notrace'd function.
case "$cmdline" in
*ftrace=function*ftrace_filter=schedule*)
	grep -q ': schedule <-' trace || fail "no schedule entries in trace"
	grep -q ': vfs_read <-' trace && fail "notrace'd vfs_read traced"
	echo nop > current_tracer
	;;
esac
