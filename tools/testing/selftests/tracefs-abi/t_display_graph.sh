# SPDX-License-Identifier: GPL-2.0
# options/display-graph: irqsoff keeps a section made by
# preemptirq_delay_test.ko and "trace" prints it as a function graph with
# upstream's fixed columns (relative time, CPU, task, the latency flags,
# duration) under the latency header; the start and end of the section
# are calls of no duration at depth 0.  Turning the option off while the
# tracer runs starts measuring again.  wakeup_rt prints its sections so
# too, and function_graph itself prints the latency flags with
# options/latency-format.
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/preemptirq_delay_test.ko
grep -qw irqsoff available_tracers || skip "no irqsoff tracer"
grep -qw function_graph available_tracers || skip "no function_graph tracer"
[ -f options/display-graph ] || fail "no options/display-graph"
[ -f $KO ] || skip "no preemptirq_delay_test.ko"

# "7 (expanded: 1408)" before the buffer's first use.
size=$(cat buffer_size_kb)
size=${size##*: }
size=${size%%[ )]*}
cleanup() {
	echo nop > current_tracer
	echo 1 > tracing_on
	echo "$size" > buffer_size_kb
	echo 0 > options/display-graph
	echo 0 > options/latency-format
	echo 1 > options/function-trace
	echo > set_graph_function
	echo > set_ftrace_filter
	rmmod preemptirq_delay_test 2>/dev/null || true
}
trap cleanup EXIT

section() {
	insmod $KO test_mode="$1" delay="$2" || fail "insmod $1 $2"
	rmmod preemptirq_delay_test || fail "rmmod"
	delay_test_us "$2"
}

flags='[.dDbX][.nNp][.hHsSzZ][.0-9a-f][.0-9a-f]'
dur='[ +!#*@$] [0-9.]{1,8} us +'
pre="^ *[0-9]+ us \|  +[0-9]+\) .{14} \|  $flags \| "

grep -q '^nodisplay-graph$' trace_options || fail "display-graph on by default"
echo 1 > options/display-graph
grep -q '^display-graph$' trace_options || fail "trace_options does not follow"
# Room for the whole section: a local_clock() call every microsecond or so.
echo 4096 > buffer_size_kb
# Graphing every function makes other sections long too: only what the
# modules' sections call (ours: local_clock(), upstream's:
# kthread_should_stop()).  Upstream's irqsoff graph ignores the filter
# and makes sections of up to 40 ms here under lockdep (an exec's page
# fault): the module's is longer, and tracing stops right after it.
echo local_clock > set_ftrace_filter 2>/dev/null || true
echo kthread_should_stop >> set_ftrace_filter 2>/dev/null || true
echo irqsoff > current_tracer
echo 40000 > tracing_max_latency
insmod $KO test_mode=irq delay=60000 || fail "insmod"
echo 0 > tracing_on
us=$(delay_test_us 60000)
max=$(cat tracing_max_latency)
cat trace > /tmp/dg.trace
echo 1 > tracing_on
rmmod preemptirq_delay_test || fail "rmmod"
kept=$(sed -n 's/^# latency: \([0-9]*\) us.*/\1/p' /tmp/dg.trace)
within20 "${kept:-0}" "$us" || fail "kept ${kept:-no} us, the module measured ${us} us"
# Upstream sets tracing_max_latency before it swaps the buffers, and a
# section whose swap then fails leaves a maximum no buffer holds.
[ "$max" = "$kept" ] ||
	upstream_bug "tracing_max_latency is $max us, the kept section $kept us"
grep -q "^# irqsoff latency trace v1.1.5 on " /tmp/dg.trace || fail "no latency header"
grep -q '^#  => started at: ' /tmp/dg.trace || fail "no started-at line"
# Upstream's legend lines end in spaces: each line is compared with an @
# after it.
[ "$(sed -n '/^#  => ended at:/,$p' /tmp/dg.trace | sed -n 2,10p | sed 's/$/@/')" = "#@
#@
#                                       _-----=> irqs-off        @
#                                      / _----=> need-resched    @
#                                     | / _---=> hardirq/softirq @
#                                     || / _--=> preempt-depth   @
#                                     ||| /                      @
#   REL TIME      CPU  TASK/PID       ||||     DURATION                  FUNCTION CALLS@
#      |          |     |    |        ||||      |   |                     |   |   |   |@" ] ||
	fail "graph header: $(sed -n '/^#  => ended at:/,$p' /tmp/dg.trace | sed -n 2,10p)"
body=$(grep -v '^#' /tmp/dg.trace) || true
# Graph lines, and the stack of the section's end in the latency format.
bad=$(echo "$body" | grep -vE "$pre(              \|  ( {2})*[^ ].*\(\) \{|$dur\|  ( {2})*[^ ].*\(\);|$dur\|  ( {2})*\}( /\* .* \*/)?)\$" |
      grep -vE '^ -{42}$|^ +[0-9]+\) .* => .*$|^$|<stack trace>$|^ => ' | head -n 3) || true
[ -z "$bad" ] || fail "malformed lines: $bad"
# The section's start and end: calls of no duration at depth 0, the
# start first.
point="$pre  0\.000 us    \|  [^ ]+( \[[^]]+\])?\(\);\$"
echo "$body" | head -n 1 | grep -qE "$point" ||
	fail "the graph does not start with the section's start: $(echo "$body" | head -n 1)"
n=$(echo "$body" | grep -cE "$point") || true
[ "$n" -ge 2 ] || fail "$n points of no duration at depth 0: $(echo "$body" | head -n 5)"
# Time runs from the section's start: the last graph line before the
# stack of the section's end is about its length in.
st=$(echo "$body" | sed '/<stack trace>$/q' | grep -E "$pre" | tail -n 1 |
     sed -nE 's/^ *([0-9]+) us .*/\1/p')
[ -n "$st" ] && within20 "$st" "$us" ||
	fail "last graph line at ${st:-?} us, section of $us us: $(echo "$body" | grep -B2 '<stack trace>$' | head -n 3)"

# Turning it off while irqsoff runs starts again: a section is kept and
# printed in the latency format.  Which section is kept is not checked:
# with every function traced, other sections may be longer than the
# module's, on both kernels.
echo > set_ftrace_filter
echo 0 > options/display-graph
echo 20000 > tracing_max_latency
section irq 30000 > /dev/null
grep -q '^# latency: [0-9]* us' trace || fail "display-graph off: no section kept"
grep -q '^#  cmd     pid     |||||| time  |   caller' trace || fail "no latency legend after display-graph off"
echo nop > current_tracer

# wakeup_rt graphs too (in any instance, upstream's rule): a woken
# real-time task's wait, its start and end points in the graph.
if command -v chrt > /dev/null && grep -qw wakeup_rt available_tracers; then
	echo 1 > options/display-graph
	echo wakeup_rt > current_tracer
	for i in 1 2 3; do chrt -f 5 sleep 0.01; done
	cat trace > /tmp/dg.trace
	echo nop > current_tracer
	echo 0 > options/display-graph
	grep -q '^#   REL TIME      CPU  TASK/PID       ||||     DURATION ' /tmp/dg.trace ||
		fail "wakeup_rt: no graph header: $(grep -v '^#' /tmp/dg.trace | head -n 3)"
	n=$(grep -v '^#' /tmp/dg.trace | grep -cE "$point") || true
	[ "$n" -ge 2 ] || fail "wakeup_rt: $n points of no duration: $(grep -v '^#' /tmp/dg.trace | head -n 5)"
fi

# function_graph with latency-format: upstream's flag columns.
echo do_sys_openat2 > set_graph_function
echo 1 > options/latency-format
echo function_graph > current_tracer
cat /dev/null
echo 0 > tracing_on
out=$(cat trace)
echo 1 > tracing_on
echo "$out" | grep -q '^# function_graph latency trace v1.1.5 on ' || fail "function_graph: no latency header"
[ "$(echo "$out" | grep -A7 '^#    -----------------$' | tail -n 7 | sed 's/$/@/')" = "#@
#      _-----=> irqs-off        @
#     / _----=> need-resched    @
#    | / _---=> hardirq/softirq @
#    || / _--=> preempt-depth   @
#    ||| /                      @
# CPU||||     DURATION                  FUNCTION CALLS@" ] ||
	fail "function_graph latency header: $(echo "$out" | grep -A8 '^#    -----------------$' | tail -n 8)"
echo "$out" | grep -qE "^ [0-9]\)  $flags \| .*do_sys_openat2\(\) \{\$" ||
	fail "function_graph: no call line with flags: $(echo "$out" | grep -v '^#' | head -n 3)"
