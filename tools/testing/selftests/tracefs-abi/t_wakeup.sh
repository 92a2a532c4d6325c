# SPDX-License-Identifier: GPL-2.0
# The wakeup latency tracers wakeup, wakeup_rt and wakeup_dl: a real-time
# task is followed from its wakeup ("  + [CPU]") to its switch-in
# ("==> [CPU]") and the wait is kept with the latency header naming it,
# in the text, raw, hex and bin forms;
# a wait made on purpose (cyclictest's timer-woken thread on CPU 1 while
# preemptirq_delay_test.ko keeps preemption off there) is kept within 20%
# of the section the module measured, a shorter one does not replace it,
# tracing_thresh keeps every wait over it; wakeup_dl follows deadline
# tasks only; one instance at a time.
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/preemptirq_delay_test.ko
grep -qw wakeup_rt available_tracers || skip "no wakeup_rt tracer"
command -v chrt > /dev/null || skip "no chrt"

cleanup() {
	echo nop > current_tracer
	echo 0 > tracing_thresh
	echo 1 > options/function-trace
	echo 0 > options/raw; echo 0 > options/hex; echo 0 > options/bin
	[ -d instances/wk ] && rmdir instances/wk
	rmmod preemptirq_delay_test 2>/dev/null || true
}
trap cleanup EXIT

# keep_sleep: a real-time "sleep" waits for a CPU; the kept trace is
# copied in its four forms to /tmp/wk.{text,raw,hex,bin}, and $max set.
# False when the copies do not all show sleep's wait: another real-time
# task (the migration threads are FIFO 99) may wait longer meanwhile.
keep_sleep() {
	echo 0 > tracing_max_latency
	chrt -f 5 sleep 0.2 || fail "chrt -f 5 sleep"
	max=$(cat tracing_max_latency)
	cat trace > /tmp/wk.text
	for o in raw hex bin; do
		echo 1 > options/$o
		cat trace > /tmp/wk.$o
		echo 0 > options/$o
	done
	[ "$(cat tracing_max_latency)" = "$max" ] &&
		grep -q '^#    | task: sleep-' /tmp/wk.text
}

# woken TRACER: a real-time "sleep" is kept, as ftracetest checks it.
woken() {
	echo "$1" > current_tracer
	grep -q '^latency-format$' trace_options || fail "$1: latency-format not forced on"
	n=0
	until keep_sleep; do
		n=$((n + 1))
		[ $n -lt 3 ] ||
			fail "$1: sleep's wait not kept 3 times: $(grep '^#    | task' /tmp/wk.text)"
	done
	t=/tmp/wk.text
	[ "$max" -gt 0 ] || fail "$1: nothing kept"
	grep -q "^# $1 latency trace v1.1.5 on " $t || fail "$1: no latency header"
	grep -q "^# latency: $max us, #[0-9]*/[0-9]*, CPU#[0-9]* | (M:preempt VP:0, KP:0, SP:0 HP:0 #P:$(nproc))\$" $t ||
		fail "$1: latency line: $(grep '^# latency' $t)"
	grep -q '^#    | task: sleep-[0-9]* (uid:0 nice:0 policy:1 rt_prio:5)$' $t ||
		fail "$1: task line: $(grep '^#    | task' $t)"
	# Upstream copies the CPU's critical_start into the kept trace; an
	# irqsoff section cut short by a tracer switch leaves it stale.
	if grep -q '=> started at' $t; then
		upstream_bug "$1: a wakeup has no started-at line"
	fi
	grep -q ':120:[RSD]   + \[00[01]\] *[0-9]*: *94:[RSD] sleep$' $t ||
		fail "$1: no wakeup record of sleep: $(grep '+ \[' $t)"
	grep -q ':[RSDI] ==> \[00[01]\] *[0-9]*: *94:R sleep$' $t ||
		fail "$1: no switch to sleep: $(grep '==> \[' $t)"
	grep -q ' [0-9]* 120 + [01] [0-9]* 94 [RSD]$' /tmp/wk.raw ||
		fail "$1: raw wakeup record: $(grep ' 94 ' /tmp/wk.raw | head -n 2)"
	# hex: the fields' digits, a wakeup's previous state as '+' (2b),
	# the woken task's prio 94 (5e) and state R (00000052, an int).
	grep -q ' 2b 0000000[01] [0-9a-f]\{8\} 5e [0-9a-f]\{8\} $' /tmp/wk.hex ||
		fail "$1: hex wakeup record: $(grep -v '^#' /tmp/wk.hex | head -n 3)"
	grep -q ' [0-9a-f][0-9a-f] 0000000[01] [0-9a-f]\{8\} 5e 00000052 $' /tmp/wk.hex ||
		fail "$1: hex switch record: $(grep -v '^#' /tmp/wk.hex | head -n 3)"
	# bin: the wakeup and switch records have their binary form (stack
	# records have none, upstream's neither: "type: 4").
	if grep -aq 'type: [23]$' /tmp/wk.bin; then
		fail "$1: a record without its binary form: $(grep -a 'type: [23]$' /tmp/wk.bin | head -n 1)"
	fi
}

woken wakeup_rt
woken wakeup
echo nop > current_tracer
grep -q '^nolatency-format$' trace_options || fail "latency-format not restored"

# wakeup_dl: a real-time task is not followed, a deadline task is.
if grep -qw wakeup_dl available_tracers; then
	echo wakeup_dl > current_tracer
	chrt -f 5 sleep 0.1
	[ "$(cat tracing_max_latency)" = 0 ] ||
		fail "wakeup_dl followed a real-time task: $(grep '^#    | task' trace)"
	if chrt -d -T 2000000 -D 10000000 -P 10000000 0 sleep 0.1; then
		[ "$(cat tracing_max_latency)" -gt 0 ] || fail "wakeup_dl: deadline task not kept"
		grep -q '^#    | task: sleep-[0-9]* (uid:0 nice:0 policy:6 rt_prio:0)$' trace ||
			fail "wakeup_dl: task line: $(grep '^#    | task' trace)"
	fi
	echo nop > current_tracer
fi

# One instance at a time; an instance may run one.
mkdir instances/wk
echo wakeup > current_tracer
expect_write_error "Device or resource busy" wakeup_rt instances/wk/current_tracer
echo nop > current_tracer
echo wakeup_rt > instances/wk/current_tracer
chrt -f 5 sleep 0.1
[ "$(cat instances/wk/tracing_max_latency)" -gt 0 ] || fail "nothing kept in an instance"
grep -q '==> \[' instances/wk/trace || fail "no switch record in the instance"
echo nop > instances/wk/current_tracer
rmdir instances/wk

# The wait made on purpose.
[ -f $KO ] || skip "no preemptirq_delay_test.ko"
command -v cyclictest > /dev/null || skip "no cyclictest"
# cyclictest keeps its state in shared memory.
if ! [ -d /dev/shm ]; then
	mkdir /dev/shm && mount -t tmpfs shm /dev/shm
fi

# wait US: cyclictest's thread (FIFO 5, CPU 1, woken every ms) waits
# while the module keeps preemption off on CPU 1 for US us; prints the
# module's own measure of that section in us.
wait_made() {
	cyclictest -q -t1 -a1 -p5 -i1000 -D 4 > /dev/null &
	ct=$!
	sleep 1
	insmod $KO test_mode=preempt delay="$1" cpu_affinity=1 || fail "insmod $1"
	rmmod preemptirq_delay_test || fail "rmmod"
	wait $ct
	delay_test_us "$1"
}

echo 0 > options/function-trace
echo wakeup_rt > current_tracer
echo 20000 > tracing_max_latency
us=$(wait_made 60000)
max=$(cat tracing_max_latency)
within20 "$max" "$us" || fail "kept a wait of ${max} us, the module measured ${us} us"
grep -q '^#    | task: cyclictest-[0-9]* (uid:0 nice:0 policy:1 rt_prio:5)$' trace ||
	fail "task line: $(grep '^#    | task' trace)"
grep -q ':120:R   + \[001\] *[0-9]*: *94:[RSD] cyclictest$' trace ||
	fail "no wakeup on CPU 1: $(grep '+ \[' trace)"
grep -q ' ==> \[001\] *[0-9]*: *94:R cyclictest$' trace ||
	fail "no switch on CPU 1: $(grep '==> \[' trace)"

# A shorter wait does not replace it.
wait_made 30000 > /dev/null
[ "$(cat tracing_max_latency)" = "$max" ] ||
	fail "a shorter wait replaced the kept one: $(cat tracing_max_latency) us"

# tracing_thresh: every wait over it is kept, the shorter one too.
echo 25000 > tracing_thresh
us=$(wait_made 35000)
got=$(cat tracing_max_latency)
within20 "$got" "$us" || fail "thresh kept ${got} us, the module measured ${us} us"
echo 0 > tracing_thresh

# function-trace: the functions CPU 1 calls while the task waits.
echo nop > current_tracer
echo 1 > options/function-trace
echo wakeup_rt > current_tracer
echo 20000 > tracing_max_latency
wait_made 30000 > /dev/null
n=$(grep -c '^ *[^ ]*-[0-9]* *1.* <-' trace)
[ "$n" -gt 10 ] || fail "function-trace: only $n function records of CPU 1 in the wait"
exit 0
