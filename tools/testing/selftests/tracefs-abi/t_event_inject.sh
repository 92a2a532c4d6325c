# SPDX-License-Identifier: GPL-2.0
# events/SYSTEM/EVENT/inject (TRACE_EVENT_INJECT): a write makes one
# record of the event from FIELD=VALUE pairs (numbers, fixed and
# __data_loc strings, common_pid), enabled or not, in the instance of the
# file; the event's filter applies; bad input gets upstream's errno.
. "$(dirname "$0")/lib.sh"
S=events/sched/sched_switch
[ -f $S/inject ] || skip "no inject files (TRACE_EVENT_INJECT off)"
I=instances/inj
cleanup() {
	echo 0 > $S/filter
	[ -d $I ] && rmdir $I
	true
}
trap cleanup EXIT
echo > set_event
echo > trace

[ "$(stat -c %a $S/inject)" = 200 ] || fail "inject mode $(stat -c %a $S/inject)"
[ -f events/ftrace/print/inject ] || fail "events/ftrace/print has no inject"
cat $S/inject 2> /dev/null && fail "inject could be read"

echo 'prev_comm="injected" prev_pid=4242 prev_prio=120 next_comm="target" next_pid=77 next_prio=-1 common_pid=4242' > $S/inject
line=$(grep 'sched_switch:' trace) || fail "no injected record: $(cat trace)"
echo "$line" | grep -q -- '-4242 .*sched_switch: prev_comm=injected prev_pid=4242 prev_prio=120 prev_state=R ==> next_comm=target next_pid=77 next_prio=-1$' ||
	fail "injected record reads: $line"

# A __data_loc string, and the numbers' forms (hex).
echo "irq=0x1f name='my irq'" > events/irq/irq_handler_entry/inject
grep -q 'irq_handler_entry: irq=31 name=my irq$' trace ||
	fail "irq_handler_entry: $(grep irq_handler trace)"

# The core's records too (an empty trace_marker line here).
n=$(grep -vc '^#' trace)
echo 'ip=0' > events/ftrace/print/inject
[ "$(grep -vc '^#' trace)" = $((n + 1)) ] || fail "no injected print record"

# The event's filter applies to injected records.
echo 'next_pid == 1' > $S/filter
echo 'next_pid=2' > $S/inject
echo 'next_pid=1' > $S/inject
[ "$(grep -c 'sched_switch:' trace)" = 2 ] ||
	fail "the filter did not apply: $(grep sched_switch trace)"
echo 0 > $S/filter

# Into the instance of the file only.
mkdir $I
echo > trace
echo 'next_pid=5' > $I/$S/inject
grep -q 'next_pid=5 ' $I/trace || fail "no record in the instance"
grep -q 'next_pid=5 ' trace && fail "the instance's record in the top buffer"

bad() {	# bad INPUT ERRNO-TEXT
	out=$( (echo "$1" > $S/inject) 2>&1) && fail "'$1' accepted"
	echo "$out" | grep -q "$2" || fail "'$1' gave '$out', expected $2"
}
bad 'no_such_field=1' 'No such file'
bad 'next_pid="text"' 'Invalid argument'
bad 'next_comm=5' 'Invalid argument'
bad 'next_pid' 'Invalid argument'
bad 'next_pid=12x' 'Invalid argument'
bad "next_comm='open" 'Invalid argument'
exit 0
