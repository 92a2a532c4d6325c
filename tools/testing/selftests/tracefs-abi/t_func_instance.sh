# SPDX-License-Identifier: GPL-2.0
# The function tracer in an instance: its own set_ftrace_filter,
# set_ftrace_notrace, set_ftrace_pid and filter commands, independent of
# the top instance's; rmdir takes it all down.
. "$(dirname "$0")/lib.sh"
[ -f set_ftrace_filter ] || skip "no function tracer"
I=instances/fi
cleanup() {
	echo nop > current_tracer
	echo > set_ftrace_filter
	echo 1 > tracing_on
	[ -d $I ] && rmdir $I
	true
}
trap cleanup EXIT
mkdir $I
for f in set_ftrace_filter set_ftrace_notrace set_ftrace_pid set_ftrace_notrace_pid; do
	[ -f $I/$f ] || fail "instance has no $f"
done
grep -qw function $I/available_tracers || fail "instance does not offer function"

# Each instance traces its own functions.
echo vfs_read > $I/set_ftrace_filter
echo ksys_read > set_ftrace_filter
expect_content $I/set_ftrace_filter vfs_read
expect_content set_ftrace_filter ksys_read
echo function > $I/current_tracer
echo function > current_tracer
cat $I/set_ftrace_notrace > /dev/null
echo 0 > tracing_on
echo 0 > $I/tracing_on
grep -q ' vfs_read <-' $I/trace || fail "instance did not trace vfs_read"
grep -q ' ksys_read <-' $I/trace && fail "instance traced the top filter"
grep -q ' ksys_read <-' trace || fail "top did not trace ksys_read"
grep -q ' vfs_read <-' trace && fail "top traced the instance filter"
echo nop > current_tracer
echo 1 > tracing_on
echo nop > $I/current_tracer
echo 1 > $I/tracing_on

# set_ftrace_pid of the instance: only this shell.
read -r mypid _ < /proc/self/stat
echo > $I/trace
echo "$mypid" > $I/set_ftrace_pid
expect_content set_ftrace_pid "no pid"
echo function > $I/current_tracer
read -r x < $I/set_ftrace_pid
cat $I/set_ftrace_pid > /dev/null
echo 0 > $I/tracing_on
other=$(grep -v '^#' $I/trace | grep -v -- "-$mypid " | wc -l)
mine=$(grep -v '^#' $I/trace | grep -c -- "-$mypid ") || true
[ "$mine" -gt 0 ] || fail "pid filter: nothing of $mypid"
[ "$other" -eq 0 ] || fail "pid filter: $other lines of other tasks"
echo nop > $I/current_tracer
echo 1 > $I/tracing_on
echo > $I/set_ftrace_pid

# Commands act on their instance.
echo 'vfs_read:traceoff' >> $I/set_ftrace_filter
grep -q '^vfs_read:traceoff:unlimited$' $I/set_ftrace_filter || fail "command not listed"
grep -q traceoff set_ftrace_filter && fail "command listed at the top"
cat $I/trace_options > /dev/null
expect_content $I/tracing_on 0
expect_content tracing_on 1
echo '!vfs_read:traceoff' >> $I/set_ftrace_filter
echo 1 > $I/tracing_on
echo > $I/trace
echo 'kernel_clone:stacktrace' >> $I/set_ftrace_filter
(echo forked) > /dev/null
sh -c true
grep -q '<stack trace>' $I/trace || fail "stacktrace command did not record in the instance"
grep -q '<stack trace>' trace && fail "stacktrace command recorded at the top"

# Busy while a filter file is open; removal drops its commands and sets.
exec 3< $I/set_ftrace_filter
(rmdir $I) 2>/dev/null && fail "rmdir with set_ftrace_filter open worked"
exec 3<&-
echo function > $I/current_tracer
rmdir $I || fail "rmdir with the function tracer running failed"
grep -q '^kernel_clone' enabled_functions && fail "removed instance's command still enabled"
true
