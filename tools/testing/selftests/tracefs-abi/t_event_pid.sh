# SPDX-License-Identifier: GPL-2.0
# set_event_pid, set_event_notrace_pid and options/event-fork, in the top
# instance and in an instance: only the listed tasks record events, the
# notrace list is left out, a sched_switch involving a listed task is
# recorded, and with event-fork the children of a listed task join the
# set (and leave it once gone).
. "$(dirname "$0")/lib.sh"
[ -f set_event_pid ] || skip "no set_event_pid"
read -r mypid _ < /proc/self/stat
cleanup() {
	echo > set_event
	echo > set_event_pid
	echo > set_event_notrace_pid
	echo 0 > options/event-fork
	[ ! -d instances/evpid ] || rmdir instances/evpid
	echo 1 > tracing_on
}
trap cleanup EXIT
# count_other FILE: records of tasks other than this shell, but the
# sched_switch records naming this shell as prev or next.
count_other() {
	n=0
	while read -r line; do
		case "$line" in
		\#*) ;;
		*-"$mypid"\ *) ;;
		*sched_switch:*"prev_pid=$mypid "*) ;;
		*sched_switch:*"next_pid=$mypid "*) ;;
		*) n=$((n + 1)) ;;
		esac
	done < "$1"
	echo $n
}
count_mine() {
	n=0
	while read -r line; do
		case "$line" in *-"$mypid"\ *) n=$((n + 1)) ;; esac
	done < "$1"
	echo $n
}

# Empty sets read as nothing (set_ftrace_pid says "no pid").
expect_content set_event_pid ""
expect_content set_event_notrace_pid ""
expect_content options/event-fork 0
grep -qx noevent-fork trace_options || fail "trace_options lacks noevent-fork"
expect_write_error "Invalid argument" "abc" set_event_pid
expect_write_error "Invalid argument" "-3" set_event_notrace_pid

# Writes: replace, append, sorted without duplicates, cleared.
echo "30 10" > set_event_pid
echo 20 >> set_event_pid
echo 10 >> set_event_pid
[ "$(pids_of set_event_pid)" = " 10 20 30" ] ||
	fail "set_event_pid reads '$(pids_of set_event_pid)'"
echo > set_event_pid
expect_content set_event_pid ""

# Only this shell: its syscalls and its switches, nobody else's.
echo "$mypid" > set_event_pid
echo > trace
echo 'sched:sched_switch raw_syscalls:sys_enter' > set_event
sh -c 'read -r x < /proc/self/stat'
sleep 0.2
echo > set_event
o=$(count_other trace)
[ "$o" = 0 ] || fail "$o records of other tasks with set_event_pid=$mypid"
[ "$(count_mine trace)" -gt 0 ] || fail "no records of the listed task"
grep -q "sched_switch:.*pid=$mypid " trace ||
	fail "no sched_switch involving the listed task"

# The notrace list: this shell is left out, the others are not.
echo > set_event_pid
echo "$mypid" > set_event_notrace_pid
echo > trace
echo 'raw_syscalls:sys_enter' > set_event
sh -c 'read -r x < /proc/self/stat; read -r x < /proc/self/stat'
echo > set_event
[ "$(count_mine trace)" = 0 ] ||
	fail "set_event_notrace_pid=$mypid: the shell still records"
grep -q "sys_enter" trace || fail "set_event_notrace_pid: the child did not record"
echo > set_event_notrace_pid

# event-fork: a child of a listed task records, and leaves the set once
# it is gone.
echo "$mypid" > set_event_pid
echo 1 > options/event-fork
grep -qx event-fork trace_options || fail "trace_options lacks event-fork"
echo > trace
echo 'raw_syscalls:sys_enter' > set_event
sh -c 'echo $$ > /tmp/evfork_child; read -r x < /proc/self/stat'
echo > set_event
read -r child < /tmp/evfork_child
grep -q -- "-$child .*sys_enter" trace || fail "the child $child did not record with event-fork"
expect_pid_leaves set_event_pid "$child"
echo 0 > options/event-fork
echo > set_event_pid

# An instance has its own pair, and starts without event-fork.
mkdir instances/evpid
[ -f instances/evpid/set_event_pid ] || fail "no set_event_pid in an instance"
expect_content instances/evpid/options/event-fork 0
echo "$mypid" > instances/evpid/set_event_pid
expect_content set_event_pid ""
echo > instances/evpid/trace
echo > trace
echo 'raw_syscalls:sys_enter' > instances/evpid/set_event
echo 'raw_syscalls:sys_enter' > set_event
sh -c 'read -r x < /proc/self/stat'
echo > instances/evpid/set_event
echo > set_event
o=$(count_other instances/evpid/trace)
[ "$o" = 0 ] || fail "$o records of other tasks in the instance"
grep -q "sys_enter" trace || fail "the top instance was filtered by the instance's set"
o=$(count_other trace)
[ "$o" -gt 0 ] || fail "the top instance lost the records of other tasks"
rmdir instances/evpid || fail "rmdir of the instance failed"
exit 0
