# SPDX-License-Identifier: GPL-2.0
# options/function-fork: with set_ftrace_pid set, the children of its
# tasks are traced too while the option is on, and a task that is gone
# leaves the set again.  Off, only the listed tasks are traced.
. "$(dirname "$0")/lib.sh"
[ -f options/function-fork ] || skip "no function-fork option"
read -r mypid _ < /proc/self/stat
cleanup() {
	echo 0 > options/function-fork
	echo nop > current_tracer
	echo > set_ftrace_pid
	echo > set_ftrace_filter
	echo 1 > tracing_on
}
trap cleanup EXIT
expect_content options/function-fork 0
grep -qx nofunction-fork trace_options || fail "trace_options lacks nofunction-fork"
echo ksys_read > set_ftrace_filter
echo "$mypid" > set_ftrace_pid
echo > trace
echo function > current_tracer
sh -c 'read -r x < /proc/self/stat'
echo 0 > tracing_on
n=0
while read -r line; do
	case "$line" in \#*) ;; *-"$mypid"\ *) ;; *) n=$((n + 1)) ;; esac
done < trace
[ "$n" = 0 ] || fail "$n records of other tasks without function-fork"

echo 1 > options/function-fork
grep -qx function-fork trace_options || fail "trace_options lacks function-fork"
echo > trace
echo 1 > tracing_on
sh -c 'echo $$ > /tmp/fork_child; read -r x < /proc/self/stat'
echo 0 > tracing_on
read -r child < /tmp/fork_child
n=0
while read -r line; do
	case "$line" in \#*) ;; *-"$mypid"\ *) ;; *ksys_read*) n=$((n + 1)) ;; esac
done < trace
[ "$n" -gt 0 ] || fail "the child was not traced with function-fork"

# The child is gone: once freed, it leaves the set (the sleeps below are
# children too and come and go).
expect_pid_leaves set_ftrace_pid "$child"
case "$(pids_of set_ftrace_pid) " in
*" $mypid "*) ;;
*) fail "the shell left set_ftrace_pid:$(pids_of set_ftrace_pid)" ;;
esac
