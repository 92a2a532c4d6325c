# SPDX-License-Identifier: GPL-2.0
# Stacks through the tracing code: a probe's stack and a trigger's stack
# start at the probed function and name the real callers while
# function_graph has hooked their returns (no return_to_handler), on
# whichever unwinder the kernel has (guess, ORC, frame pointers: make
# unwinders runs this on the other two).
. "$(dirname "$0")/lib.sh"
grep -qw function_graph available_tracers || skip "no function_graph tracer"
[ -f kprobe_events ] || skip "no kprobe_events"
E=events/kprobes/ftk_unwind
cleanup() {
	echo 0 > options/stacktrace
	if [ -d $E ]; then
		echo 0 > $E/enable
		echo '!stacktrace' > $E/trigger 2> /dev/null || true
		echo '-:ftk_unwind' >> kprobe_events
	fi
	echo nop > current_tracer
	echo > set_graph_function
	echo 0 > events/sched/sched_process_fork/enable
	echo 1 > tracing_on
	echo > trace
}
trap cleanup EXIT
cleanup
# check WHAT: the first stack in trace starts at vfs_read, ksys_read
# follows, and no frame is return_to_handler.  Where upstream differs,
# upstream_bug reports it on the reference kernel.
check() {
	s=$(awk '/<stack trace>/ { on = 1; print; next }
		 on && /^ => / { print; next }
		 on { exit }' trace)
	[ -n "$s" ] || fail "$1: no stack"
	[ "$(echo "$s" | sed -n 2p)" = " => vfs_read" ] ||
		upstream_bug "$1: the stack does not start at vfs_read: $(echo "$s" | tr '\n' ' ')"
	echo "$s" | grep -qx ' => ksys_read' || fail "$1: no ksys_read: $s"
	! grep -q return_to_handler trace || fail "$1: return_to_handler in a stack"
}
echo 'p:ftk_unwind vfs_read' >> kprobe_events
echo ksys_read > set_graph_function
echo function_graph > current_tracer

echo 1 > options/stacktrace
echo 1 > $E/enable
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
check "options/stacktrace"
grep -q 'vfs_read() {' trace || fail "ksys_read was not graphed"

echo 0 > options/stacktrace
echo > trace
echo stacktrace > $E/trigger
echo 1 > tracing_on
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
check "the stacktrace trigger"

# An event's own stack starts past its probe (not in the tracing code).
echo '!stacktrace' > $E/trigger
echo 0 > $E/enable
echo nop > current_tracer
echo > trace
echo 1 > options/stacktrace
echo 1 > events/sched/sched_process_fork/enable
echo 1 > tracing_on
/bin/true &
wait
echo 0 > tracing_on
echo 0 > events/sched/sched_process_fork/enable
first=$(grep -A1 '<stack trace>' trace | sed -n 2p)
case "$first" in
" => "*) ;;
*) fail "no stack after sched_process_fork: $(head -n 20 trace)" ;;
esac
case "$first" in
*trace_event_raw_event*|*__traceiter*|*trace_record_stack*|*stack_trace_save*)
	upstream_bug "the fork's stack starts in the tracing code: $first" ;;
esac
grep -q ' => kernel_clone' trace || fail "no kernel_clone in the fork's stack"
