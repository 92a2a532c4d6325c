# SPDX-License-Identifier: GPL-2.0
# Event triggers (events/SYSTEM/EVENT/trigger): the listing, every command
# of this config (traceon, traceoff, snapshot, stacktrace, enable_event,
# disable_event) with counts and filters, upstream's errors, triggers in an
# instance acting on that instance, and on a kprobe event.  A fork of
# "sh -c true" hits sched_process_fork.
. "$(dirname "$0")/lib.sh"
E=events/sched/sched_process_fork
[ -f $E/trigger ] || skip "no trigger files"
S=events/sched/sched_switch
LA=events/lock/lock_acquire
LR=events/lock/lock_release
cleanup() {
	for f in $E/trigger $S/trigger $LA/trigger $LR/trigger; do
		grep -v '^#' $f 2>/dev/null | while read -r l; do
			echo "!${l%% *}" > $f
		done
	done
	echo 0 > $S/enable
	echo 0 > $E/enable
	[ -d instances/trig ] && rmdir instances/trig
	[ -f kprobe_events ] && echo > kprobe_events
	echo 1 > tracing_on
	echo > trace
	true
}
trap cleanup EXIT
cleanup
# (Each $(...) forks too: reads that must not hit use "read".)
fork() { sh -c true; }

expect_content $E/trigger "# Available triggers:
# traceon traceoff snapshot stacktrace enable_event disable_event"

# traceoff: the event only has a trigger: it records nothing, fires.
echo traceoff > $E/trigger
expect_content $E/trigger "traceoff:unlimited"
expect_content $E/enable "0*"
fork
expect_content tracing_on 0
grep -q sched_process_fork trace && fail "a trigger-only event recorded"
# traceon and traceoff are one kind: one per event.
expect_write_error "File exists" traceon $E/trigger
echo '!traceon' > $E/trigger
expect_content $E/enable 0
# Removing what is not there is no error.
echo '!traceoff' > $E/trigger || fail "removing a missing trigger failed"

# A count is spent only when the trigger changes something.
echo 1 > tracing_on
echo 'traceon:2' > $E/trigger
fork
expect_content $E/trigger "traceon:count=2"
echo 0 > tracing_on
fork
expect_content tracing_on 1
expect_content $E/trigger "traceon:count=1"
echo '!traceon:count=1' > $E/trigger

# Filters: the trigger runs only when the record matches.
echo 'traceoff if child_pid == 0' > $E/trigger
fork
expect_content tracing_on 1
expect_content $E/trigger "traceoff:unlimited if child_pid == 0"
echo '!traceoff:unlimited if child_pid == 0' > $E/trigger
echo 'traceoff:1 if child_pid > 0' > $E/trigger
fork
expect_content tracing_on 0
expect_content $E/trigger "traceoff:count=0 if child_pid > 0"
echo '!traceoff' > $E/trigger
echo 1 > tracing_on
echo > error_log
expect_write_error "Invalid argument" 'traceoff if nosuch == 1' $E/trigger
grep -q "event filter parse error: error: Field not found" error_log ||
	fail "no error_log entry for a bad trigger filter: $(cat error_log)"
expect_write_error "Invalid argument" 'traceoff if common_pid == child_pid' $E/trigger
expect_write_error "Invalid argument" 'traceoff if' $E/trigger

# Syntax errors: -EINVAL.
for bad in 'traceoff+0' 'traceoff:badparam' 'stacktrace:foo' 'nosuch' \
	   'enable_event:nogroup:noevent' 'enable_event' \
	   'enable_event:sched:sched_switch:' 'snapshot+1' '! traceon'; do
	expect_write_error "Invalid argument" "$bad" $E/trigger
done
expect_write_error "Invalid argument" '' $E/trigger

# stacktrace: a stack record after each hit, from the event's caller.
echo > trace
echo 'stacktrace:1' > $E/trigger
fork
grep -q '<stack trace>' trace || fail "no stack from the stacktrace trigger"
grep -q ' => kernel_clone' trace ||
	upstream_bug "the stacktrace trigger's stack leaves out the event's caller (kernel_clone)"
expect_content $E/trigger "stacktrace:count=0"
echo '!stacktrace' > $E/trigger

# enable_event / disable_event: soft mode of the target.
echo 'enable_event:sched:sched_switch:1' > $E/trigger
read -r l < $E/trigger
[ "$l" = "enable_event:sched:sched_switch:count=1" ] || fail "enable_event listed as '$l'"
read -r l < $S/enable
[ "$l" = "0*" ] || fail "the target of enable_event reads '$l'"
fork
expect_content $S/enable "1*"
expect_content $E/trigger "enable_event:sched:sched_switch:count=0"
expect_write_error "File exists" 'disable_event:sched:sched_switch' $E/trigger
echo '!enable_event:sched:sched_switch:count=0' > $E/trigger
# The last holder gone, the target stays as it was: enabled.
expect_content $S/enable 1
echo 'disable_event:sched:sched_switch' > $E/trigger
fork
expect_content $S/enable "0*"
echo '!disable_event:sched:sched_switch' > $E/trigger
expect_content $S/enable 0

# snapshot: the hit's trace goes to the snapshot buffer.
if [ -f snapshot ]; then
	echo 1 > $E/enable
	echo > trace
	fork
	echo 'snapshot:1' > $E/trigger
	fork
	grep -q sched_process_fork snapshot || fail "no snapshot from the trigger"
	expect_content $E/trigger "snapshot:count=0"
	echo '!snapshot' > $E/trigger
	echo 0 > $E/enable
	echo 0 > snapshot
fi

# Snapshots from lockdep's own lock events (CONFIG_LOCKDEP): the
# snapshot's lock must not fire them again.  A regression: the fuzzer's
# snapshot trigger on lock_release deadlocked a CPU on that lock.  One
# firing inside another is enough; the counts keep upstream, where every
# snapshot of both CPUs contends for one lock, from stalling RCU (TCG).
if [ -f $LR/trigger ] && [ -f snapshot ]; then
	echo 1 > snapshot
	echo 1 > $LR/enable
	echo snapshot:5 > $LA/trigger
	echo snapshot:5 > $LR/trigger
	fork
	echo 0 > $LR/enable
	expect_content $LR/trigger "snapshot:count=0"
	echo '!snapshot' > $LR/trigger
	echo '!snapshot' > $LA/trigger
	grep -q ' lock_release: ' snapshot trace ||
		fail "no lock_release record in the trace or its snapshot"
	echo 0 > snapshot
fi

# In an instance: the trigger acts on the instance, not on the top one.
mkdir instances/trig
echo traceoff > instances/trig/$E/trigger
fork
expect_content instances/trig/tracing_on 0
expect_content tracing_on 1
echo 'enable_event:sched:sched_switch' > instances/trig/$E/trigger
read -r l < instances/trig/$S/enable
[ "$l" = "0*" ] || fail "the instance's target reads '$l'"
expect_content $S/enable 0
rmdir instances/trig || fail "rmdir of an instance with triggers failed"

# Triggers on a kprobe event; the probe is busy while it has one.
if [ -f kprobe_events ]; then
	echo 'p:kprobes/trigprobe kernel_clone' > kprobe_events
	echo traceoff > events/kprobes/trigprobe/trigger
	expect_write_error "Device or resource busy" '-:kprobes/trigprobe' kprobe_events
	fork
	expect_content tracing_on 0
	echo '!traceoff' > events/kprobes/trigprobe/trigger
	echo > kprobe_events || fail "removing the probe after its trigger failed"
fi
exit 0
