# SPDX-License-Identifier: GPL-2.0
# The latency tracers through their clients, unchanged Debian packages the
# harness copies into the guest: "trace-cmd record -p wakeup_rt" and
# "-p irqsoff" keep the latency trace, and "trace-cmd report" shows it
# with its header; rt-tests' cyclictest with "-b" ("break": on a wakeup
# latency over the bar it writes trace_marker and turns tracing off) and
# "--tracemark" stops the trace at the latency preemptirq_delay_test.ko
# makes on purpose.
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/preemptirq_delay_test.ko
grep -qw wakeup_rt available_tracers || skip "no wakeup_rt tracer"
grep -qw irqsoff available_tracers || skip "no irqsoff tracer"

cleanup() {
	echo nop > current_tracer
	echo 1 > tracing_on
	rmmod preemptirq_delay_test 2>/dev/null || true
}
trap cleanup EXIT

if command -v trace-cmd > /dev/null && command -v chrt > /dev/null; then
	trace-cmd record -q -p wakeup_rt -o /tmp/lw.dat chrt -f 5 sleep 0.1 \
		> /tmp/lw.rec 2>&1 || { cat /tmp/lw.rec; fail "trace-cmd record -p wakeup_rt failed"; }
	trace-cmd report -i /tmp/lw.dat > /tmp/lw.txt 2>&1 ||
		{ cat /tmp/lw.txt; fail "trace-cmd report of wakeup_rt failed"; }
	grep -q '^# wakeup_rt latency trace v1.1.5 on ' /tmp/lw.txt ||
		fail "wakeup_rt report: no latency header: $(head -n 5 /tmp/lw.txt)"
	grep -q '^# latency: [1-9][0-9]* us, #' /tmp/lw.txt || fail "wakeup_rt report: no latency line"
	grep -q '^#    | task: sleep-[0-9]* (uid:0 nice:0 policy:1 rt_prio:5)$' /tmp/lw.txt ||
		fail "wakeup_rt report: task line: $(grep '| task' /tmp/lw.txt)"
	grep -q '==> \[00[01]\] *[0-9]*: *94:R sleep$' /tmp/lw.txt ||
		fail "wakeup_rt report: no switch to sleep"
	[ "$(cat current_tracer)" = nop ] || fail "trace-cmd left $(cat current_tracer)"
fi

[ -f $KO ] || skip "no preemptirq_delay_test.ko"

if command -v trace-cmd > /dev/null; then
	# A section during which another CPU keeps a new maximum is dropped
	# (as upstream drops it), and right after the tracer starts the
	# maximum climbs from 0: the module comes a second later, with three
	# sections in a row.
	trace-cmd record -q -p irqsoff -O nofunction-trace -o /tmp/li.dat \
		sh -c "sleep 1; insmod $KO test_mode=irq delay=30000 burst_size=3" \
		> /tmp/li.rec 2>&1 ||
		{ cat /tmp/li.rec; fail "trace-cmd record -p irqsoff failed"; }
	rmmod preemptirq_delay_test
	trace-cmd report -i /tmp/li.dat > /tmp/li.txt 2>&1 ||
		{ cat /tmp/li.txt; fail "trace-cmd report of irqsoff failed"; }
	grep -q '^# irqsoff latency trace v1.1.5 on ' /tmp/li.txt ||
		fail "irqsoff report: no latency header: $(head -n 5 /tmp/li.txt)"
	us=$(sed -n 's/^# latency: \([0-9]*\) us, .*/\1/p' /tmp/li.txt)
	[ -n "$us" ] && [ "$us" -ge 24000 ] && [ "$us" -le 36000 ] ||
		fail "irqsoff report: latency '$us' us of a 30000 us section"
	grep -q '^#  => started at: ' /tmp/li.txt || fail "irqsoff report: no started-at line"
	[ "$(cat current_tracer)" = nop ] || fail "trace-cmd left $(cat current_tracer)"
	grep -q '^function-trace$' trace_options ||
		fail "trace-cmd did not give function-trace back"
fi

if command -v cyclictest > /dev/null; then
	# cyclictest keeps its state in shared memory.
	if ! [ -d /dev/shm ]; then
		mkdir /dev/shm && mount -t tmpfs shm /dev/shm
	fi
	echo 1 > tracing_on
	echo > trace
	cyclictest -q -t1 -a1 -p5 -i1000 -D 6 -b 20000 --tracemark > /tmp/ct.out 2>&1 &
	ct=$!
	sleep 1
	insmod $KO test_mode=preempt delay=40000 cpu_affinity=1 || fail "insmod"
	rmmod preemptirq_delay_test
	wait $ct || { cat /tmp/ct.out; fail "cyclictest failed"; }
	brk=$(sed -n 's/^# Break value: \([0-9]*\)$/\1/p' /tmp/ct.out)
	[ -n "$brk" ] && [ "$brk" -gt 20000 ] ||
		fail "cyclictest did not break: $(cat /tmp/ct.out)"
	[ "$(cat tracing_on)" = 0 ] || fail "cyclictest -b left tracing on"
	grep -q "tracing_mark_write: hit latency threshold ($brk > 20000)\$" trace ||
		fail "no break marker: $(grep -v '^#' trace | tail -n 3)"
fi
exit 0
