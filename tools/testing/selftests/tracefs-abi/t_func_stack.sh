# SPDX-License-Identifier: GPL-2.0
# options/func_stack_trace: each function record is followed by the
# kernel stack that led to it, and trace_options lists the option while
# the function tracer is current.
. "$(dirname "$0")/lib.sh"
grep -qw function available_tracers || skip "no function tracer"
cleanup() {
	echo 1 > tracing_on
	echo nop > current_tracer
	echo 0 > options/func_stack_trace
	echo > set_ftrace_filter
}
trap cleanup EXIT
[ -f options/func_stack_trace ] || fail "no options/func_stack_trace"
expect_content options/func_stack_trace 0
echo ksys_read > set_ftrace_filter
echo function > current_tracer
grep -qx nofunc_stack_trace trace_options || fail "trace_options lacks nofunc_stack_trace"
echo 1 > options/func_stack_trace
grep -qx func_stack_trace trace_options || fail "trace_options lacks func_stack_trace"
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
grep -A1 ': ksys_read <-' trace | grep -q '<stack trace>' ||
	fail "no stack after ksys_read: $(grep -A2 ksys_read trace | head -n 3)"
n=$(grep -c '^ => ' trace || true)
[ "$n" -ge 2 ] || fail "only $n stack lines"
grep -q '^ => .*read' trace || fail "the stack does not show the read path"
# It starts at the traced function, whatever the unwinder (guess, ORC).
# Upstream's guess-unwinder stack starts with "[FTRACE TRAMPOLINE]" and
# stale addresses.
grep -A1 '<stack trace>' trace | sed -n 2p | grep -qx ' => ksys_read' ||
	upstream_bug "the stack does not start at ksys_read: $(grep -A2 '<stack trace>' trace | sed -n 2,3p | tr '\n' ' ')"
expect_write_error "Invalid argument" 2 options/func_stack_trace
