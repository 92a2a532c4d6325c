# SPDX-License-Identifier: GPL-2.0
# Event probes (e: in dynamic_events): an event written from the records
# of another event, with its fields ($FIELD), dereferences, types and a
# filter; per instance; the source event is held while the probe exists;
# upstream's listing, format, text and errors.
. "$(dirname "$0")/lib.sh"
[ -f dynamic_events ] || skip "no dynamic_events"
grep -q 'attached-group>.<attached-event>' README || skip "no event probes"
S=events/sched/sched_process_fork
# expect_append_error ERRTEXT LINE: appending LINE to dynamic_events fails
# so (expect_write_error's ">" would clear every dynamic event first).
expect_append_error() {
	if out=$( (echo "$2" >> dynamic_events) 2>&1); then
		fail "appending '$2' succeeded"
	fi
	case "$out" in
	*"$1"*) ;;
	*) fail "appending '$2': expected '$1', got '$out'" ;;
	esac
}
cleanup() {
	[ -f events/eprobes/enable ] && echo 0 > events/eprobes/enable
	[ -d instances/ep ] && rmdir instances/ep
	echo > dynamic_events
	echo > trace
	true
}
trap cleanup EXIT
cleanup

echo 'e:forked sched/sched_process_fork child=$child_pid:s32 comm=$child_comm:string if child_pid > 0' >> dynamic_events
expect_content dynamic_events 'e:eprobes/forked sched.sched_process_fork child=$child_pid:s32 comm=$child_comm:string'
sed -n '/^$/,$p' events/eprobes/forked/format > /tmp/ep_fmt
printf '\n\tfield:s32 child;\toffset:8;\tsize:4;\tsigned:1;\n\tfield:__data_loc char[] comm;\toffset:12;\tsize:4;\tsigned:1;\n\nprint fmt: " child=%%d comm=\\"%%s\\"", REC->child, __get_str(comm)\n' > /tmp/ep_want
cmp -s /tmp/ep_fmt /tmp/ep_want || fail "format: $(cat /tmp/ep_fmt)"

echo 1 > events/eprobes/forked/enable
# The source records nothing itself; it runs for the probe.
expect_content $S/enable '0*'
sh -c true
echo 0 > events/eprobes/forked/enable
grep -qE ' forked: \(sched.sched_process_fork\) child=[0-9]+ comm="sh"$' trace ||
	fail "no event probe record: $(grep -m1 forked: trace)"
grep -q ' sched_process_fork: ' trace && fail "the source event recorded"
expect_content $S/enable 0

# Not on a probe's event; a kprobe cannot take the event probe's name.
if [ -f kprobe_events ]; then
	echo 'p:kprobes/epsrc kernel_clone' > kprobe_events
	expect_append_error "No such device" 'e:onk kprobes/epsrc'
	echo '-:kprobes/epsrc' >> dynamic_events
	expect_append_error "File exists" 'p:eprobes/forked kernel_clone'
fi

# Per instance: enabled there, it writes there.
mkdir instances/ep
echo > trace
echo 1 > instances/ep/events/eprobes/forked/enable
sh -c true
echo 0 > instances/ep/events/eprobes/forked/enable
grep -q ' forked: ' instances/ep/trace || fail "no record in the instance"
grep -q ' forked: ' trace && fail "a record in the top instance"
rmdir instances/ep

# Enabled, it cannot go; then it goes by every spelling.
echo 1 > events/eprobes/forked/enable
expect_append_error "Device or resource busy" '-:eprobes/forked'
echo 0 > events/eprobes/forked/enable
echo '-:forked sched.sched_process_fork' >> dynamic_events
[ -d events/eprobes/forked ] && fail "the event stayed"

# Errors, as upstream's.
echo > error_log
expect_append_error "Invalid argument" 'e a.'
expect_append_error "No such device" 'e nosys.noevent'
expect_append_error "Invalid argument" 'e:foo/bar sched/sched_process_fork x=$nosuch'
grep -q 'event_probe: error: Invalid $-variable specified' error_log || fail "error_log: $(cat error_log)"
expect_append_error "Invalid argument" 'e:foo/bar sched/sched_process_fork if'
grep -q "No filter rule after 'if'" error_log || fail "no NO_EP_FILTER"
exit 0
