# SPDX-License-Identifier: GPL-2.0
# Event filters: events/SYSTEM/EVENT/filter and events/SYSTEM/filter
# (numbers, strings, globs, && || !), records that fail are dropped, and
# parse errors reach error_log with the caret under the error.
. "$(dirname "$0")/lib.sh"
E=events/sched/sched_switch
cleanup() {
	echo 0 > $E/enable
	echo 0 > $E/filter
	echo 0 > events/sched/filter
	echo > error_log
	echo 1 > tracing_on
	true
}
trap cleanup EXIT
[ -f $E/filter ] || skip "no event filters"
[ -f error_log ] || fail "no error_log"
echo > trace
expect_content $E/filter none

# A numeric filter: only switches away from the idle task are kept.
echo 'prev_pid == 0' > $E/filter
expect_content $E/filter 'prev_pid == 0'
echo 1 > $E/enable
sleep 0.2
echo 0 > $E/enable
n=$(grep -c ' sched_switch: ' trace || true)
[ "$n" -gt 0 ] || fail "no records pass prev_pid == 0"
grep ' sched_switch: ' trace | grep -v ' prev_pid=0 ' && fail "filtered records kept"

# Strings, globs and logic.
echo > trace
echo 'next_comm ~ "swapper*" || (prev_prio < 100 && !prev_pid == 0)' > $E/filter
echo 1 > $E/enable
sleep 0.2
echo 0 > $E/enable
grep -q ' sched_switch: ' trace || fail "no records pass the string filter"
grep ' sched_switch: ' trace | grep -v 'next_comm=swapper' |
	grep -v 'prev_prio=[0-9] \|prev_prio=[0-9][0-9] ' && fail "string filter let others through"
echo 0 > $E/filter
expect_content $E/filter none

# A system filter goes to each event of the system it fits.
echo 'common_pid != 0' > events/sched/filter
head -n 1 events/sched/filter | grep -qx '### global filter ###' ||
	fail "events/sched/filter: $(cat events/sched/filter)"
expect_content $E/filter 'common_pid != 0'
expect_content events/sched/sched_wakeup/filter 'common_pid != 0'
echo 0 > events/sched/filter
expect_content $E/filter none

# Errors: EINVAL, the filter file shows the error (the event is then
# unfiltered, as upstream's), and an error_log entry.
echo 'prev_pid == 1' > $E/filter
echo > error_log
expect_write_error "Invalid argument" 'prev_pid = 1' $E/filter
[ "$(head -n 1 $E/filter)" = 'prev_pid = 1' ] || fail "filter reads: $(cat $E/filter)"
grep -qx 'parse_error: Invalid operator' $E/filter || fail "filter reads: $(cat $E/filter)"
grep -q 'event filter parse error: error: Invalid operator' error_log ||
	fail "no error_log entry: $(cat error_log)"
expect_write_error "Invalid argument" 'no_such_field == 1' $E/filter
grep -q 'error: Field not found' error_log || fail "no Field not found"
grep -q '^  Command: no_such_field == 1$' error_log || fail "no Command line"
# The caret sits under the operator: "  Command: " + 14 columns.
[ "$(tail -n 1 error_log)" = "$(printf '%25s^' '')" ] ||
	fail "caret misplaced: '$(tail -n 1 error_log)'"
expect_write_error "Invalid argument" 'prev_comm > 1' $E/filter
expect_write_error "Invalid argument" 'prev_pid == abc' $E/filter
# Unbalanced parentheses fail (upstream gives ENOENT for one of them).
(echo '(prev_pid == 1' > $E/filter) 2>/dev/null && fail "'(' accepted"
(echo 'prev_pid == 1)' > $E/filter) 2>/dev/null && fail "')' accepted"
grep -q 'error: Too many' error_log || fail "no paren error"
echo > error_log
expect_content error_log ""

# FIELD.function: an address field matched against a kernel function.
K=events/kmem/kmem_cache_free
if [ -d $K ]; then
	expect_write_error "Invalid argument" 'call_site.function == no_such_fn_x' $K/filter
	grep -qx 'parse_error: Function not found' $K/filter ||
		fail "filter reads: $(cat $K/filter)"
	# As upstream's, an error ends with an empty line.
	[ "$(tail -c 2 $K/filter | od -An -c | tr -d ' ')" = '\n\n' ] ||
		fail "the error does not end with an empty line"
	expect_write_error "Invalid argument" 'call_site.function < vfs_read' $K/filter
	grep -qx 'parse_error: Invalid operator' $K/filter ||
		fail "filter reads: $(cat $K/filter)"
	echo 'call_site.function == kmem_cache_free' > $K/filter
	expect_content $K/filter 'call_site.function == kmem_cache_free'
	echo 0 > $K/filter
fi

# options/stacktrace under a filter that keeps the record: the stack starts
# at the same frame as without a filter (kept records take another path).
F=events/sched/sched_process_fork
first_frame() {
	echo > trace
	sh -c true
	grep -m1 -A1 '<stack trace>' trace | tail -n 1
}
echo 1 > options/stacktrace
echo 1 > $F/enable
plain=$(first_frame)
echo 'parent_pid > 0' > $F/filter
filtered=$(first_frame)
echo 0 > $F/enable
echo 0 > $F/filter
echo 0 > options/stacktrace
[ -n "$plain" ] || fail "no stack with options/stacktrace"
[ "$plain" = "$filtered" ] ||
	fail "stack starts at '$filtered' with a filter, '$plain' without"
