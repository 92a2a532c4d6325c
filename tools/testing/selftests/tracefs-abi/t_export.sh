# SPDX-License-Identifier: GPL-2.0
# Trace exports (register_ftrace_export()), through the ftk_export module
# (/ftk/files/ftk_export.ko): an export gets a copy of each function
# tracer record, kept event record and trace_marker write, of the kinds
# it asked for and no others, and nothing once it is gone.
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/ftk_export.ko
P=/sys/module/ftk_export/parameters
[ -f $KO ] || skip "no ftk_export.ko in the guest"
[ -f available_filter_functions ] || skip "no function tracer"
FN=$(cat events/ftrace/function/id)
PR=$(cat events/ftrace/print/id)
SW=$(cat events/sched/sched_switch/id)
cleanup() {
	echo nop > current_tracer
	echo > set_ftrace_filter
	echo 0 > events/enable
	rmmod ftk_export 2>/dev/null || true
}
trap cleanup EXIT
echo 1 > tracing_on
# load KINDS, then run: kick the target 3 times, a marker, sched_switch on
run() {
	insmod $KO kinds=$1 fn_type=$FN print_type=$PR ||
		fail "insmod ftk_export.ko kinds=$1 failed"
	echo ftk_export_target > set_ftrace_filter ||
		fail "ftk_export_target is not traceable"
	echo function > current_tracer
	for i in 1 2 3; do echo 1 > $P/kick; done
	[ "$(grep -c ' ftk_export_target' trace)" = 3 ] ||
		fail "want 3 ftk_export_target records in the trace"
	echo nop > current_tracer
	echo ftk-export-$1 > trace_marker
	echo 1 > events/sched/sched_switch/enable
	sleep 1
	echo 0 > events/sched/sched_switch/enable
}
# 5: functions and markers
run 5
[ "$(cat $P/functions)" = 3 ] ||
	fail "function records exported: $(cat $P/functions), want 3"
[ "$(cat $P/markers)" = 1 ] ||
	fail "markers exported: $(cat $P/markers), want 1"
grep -q '^ftk-export-5$' $P/last_marker ||
	fail "the marker exported reads '$(cat $P/last_marker)'"
[ "$(cat $P/events)" = 0 ] || fail "events exported without being asked for"
[ "$(cat $P/bad)" = 0 ] || fail "$(cat $P/bad) records of a kind not asked for, or malformed"
grep -q 'ftk-export-5' trace || fail "the marker is not in the trace"
rmmod ftk_export || fail "rmmod ftk_export failed"
# 2: events only
run 2
[ "$(cat $P/events)" -gt 0 ] || fail "no sched_switch record exported"
[ "$(cat $P/last_event_type)" = "$SW" ] ||
	fail "last event exported has type $(cat $P/last_event_type), want sched_switch's $SW"
[ "$(cat $P/functions)" = 0 ] || fail "function records exported without being asked for"
[ "$(cat $P/markers)" = 0 ] || fail "markers exported without being asked for"
[ "$(cat $P/bad)" = 0 ] || fail "$(cat $P/bad) records of a kind not asked for, or malformed"
rmmod ftk_export || fail "rmmod ftk_export failed"
# gone: tracing goes on without it
echo function > current_tracer
echo 1 > events/sched/sched_switch/enable
sleep 1
grep -q 'sched_switch:' trace || fail "no sched_switch records after the export went"
exit 0
