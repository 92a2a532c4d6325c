# SPDX-License-Identifier: GPL-2.0
# Trace events: available_events, set_event, events/SYSTEM/EVENT/{enable,
# format,id}, the SYSTEM and top-level enable files, events in instances,
# and the enable_event/disable_event function commands.  The record
# layouts in golden/event_formats.txt were read from upstream's 6.12.
. "$(dirname "$0")/lib.sh"
E=events/sched/sched_switch
I=instances/ev
cleanup() {
	echo > set_event
	if [ -f set_ftrace_filter ]; then
		# Upstream removes a counted command only with a count.
		echo '!schedule:enable_event:sched:sched_switch:1' \
			>> set_ftrace_filter 2>/dev/null || true
		echo > set_ftrace_filter
	fi
	echo 1 > tracing_on
	[ -d $I ] && rmdir $I
	true
}
trap cleanup EXIT
echo > set_event
echo > trace

grep -qx sched:sched_switch available_events || fail "no sched:sched_switch"
grep -q '^ftrace:' available_events && fail "core records listed as events"
for f in enable format id; do
	[ -f $E/$f ] || fail "$E/$f missing"
done
[ -f events/sched/enable ] || fail "events/sched/enable missing"

# The formats of a few events, byte for byte but for the ID line.
for e in sched/sched_switch sched/sched_wakeup irq/irq_handler_entry \
	 kmem/kmalloc; do
	grep -v -e '^ID:' -e '^print fmt' events/$e/format
done > /tmp/formats.txt
cmp -s /tmp/formats.txt "$(dirname "$0")/golden/event_formats.txt" ||
	fail "formats differ: $(diff /tmp/formats.txt "$(dirname "$0")/golden/event_formats.txt")"
id=$(cat $E/id)
grep -qx "ID: $id" $E/format || fail "id $id is not the format's ID"
[ "$(cat events/sched/sched_wakeup/id)" != "$id" ] || fail "two events, one id"

# One event: enable, set_event, the group files, the records.
expect_content $E/enable 0
expect_content events/sched/enable 0
echo 1 > $E/enable
expect_content $E/enable 1
expect_content events/sched/enable X
expect_content set_event sched:sched_switch
sleep 0.1
echo 0 > $E/enable
expect_content $E/enable 0
expect_content set_event ""
grep -q ' sched_switch: prev_comm=.* ==> next_comm=' trace ||
	fail "no sched_switch records"
grep -v '^#' trace | grep -v ' sched_switch: ' && fail "records of other events"
expect_write_error "Invalid argument" 2 $E/enable
expect_write_error "Invalid argument" x $E/enable

# set_event: SYSTEM:EVENT, SYSTEM:*, EVENT alone, !, and errors.
echo sched:sched_wakeup > set_event
expect_content events/sched/sched_wakeup/enable 1
echo '!sched:sched_wakeup' >> set_event
expect_content events/sched/sched_wakeup/enable 0
echo sched_wakeup > set_event
expect_content set_event sched:sched_wakeup
echo 'sched:*' > set_event
expect_content events/sched/enable 1
echo > set_event
expect_content events/sched/enable 0
expect_write_error "Invalid argument" no_such:event set_event
expect_write_error "Invalid argument" no_such_event set_event
echo 1 > events/sched/enable
expect_content events/sched/enable 1
grep -q ^irq: set_event && fail "sched/enable enabled irq events"
echo 0 > events/sched/enable
echo 1 > events/irq/enable
echo 0 > events/irq/enable
expect_content set_event ""

# An instance has its own events; the top buffer gets none of them.
mkdir $I
echo > trace
echo 1 > $I/$E/enable
expect_content $E/enable 0
expect_content $I/set_event sched:sched_switch
sleep 0.1
echo 0 > $I/tracing_on
grep -q ' sched_switch: ' $I/trace || fail "instance recorded no event"
grep -q ' sched_switch: ' trace && fail "top recorded the instance's event"
exec 3< $I/$E/enable
rmdir $I 2>/dev/null && fail "rmdir with an event file open succeeded"
exec 3<&-
rmdir $I
[ -d $I ] && fail "instance still there"

# enable_event / disable_event: the event is held in soft mode ("*").
if [ -f set_ftrace_filter ]; then
	echo 'schedule:enable_event:sched:sched_switch:1' > set_ftrace_filter
	# schedule may have run it already: the count says how often.
	grep -qx 'schedule:enable_event:sched:sched_switch:count=[01]' \
		set_ftrace_filter || fail "command not listed: $(cat set_ftrace_filter)"
	case $(cat $E/enable) in
	0\*|1\*) ;;
	*) fail "soft mode not shown: $(cat $E/enable)" ;;
	esac
	sleep 0.1
	expect_content $E/enable '1*'
	echo 0 > $E/enable
	expect_content $E/enable '0*'
	echo '!schedule:enable_event:sched:sched_switch:1' >> set_ftrace_filter
	expect_content $E/enable 0
	# An instance goes with a command holding one of its events.
	mkdir $I
	echo 'schedule:enable_event:sched:sched_switch' > $I/set_ftrace_filter
	sleep 0.1
	rmdir $I
	[ -d $I ] && fail "instance with an enable_event command not removed"
	expect_write_error "Invalid argument" \
		'schedule:enable_event:sched:no_such' set_ftrace_filter
	expect_write_error "Invalid argument" \
		'schedule:disable_event:sched' set_ftrace_filter
fi
