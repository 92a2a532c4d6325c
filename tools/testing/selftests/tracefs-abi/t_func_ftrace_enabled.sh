# SPDX-License-Identifier: GPL-2.0
# kernel.ftrace_enabled: reads 1; 0 stops a running function tracer from
# recording, 1 resumes it.
. "$(dirname "$0")/lib.sh"
k=/proc/sys/kernel/ftrace_enabled
cleanup() {
	echo 1 > $k
	echo 1 > tracing_on
	echo nop > current_tracer
	echo > set_ftrace_filter
}
trap cleanup EXIT
[ -f $k ] || fail "no $k"
expect_content $k 1
echo nop > current_tracer
echo 1 > tracing_on
echo 'schedule ksys_read' > set_ftrace_filter
echo function > current_tracer
sleep 0.1
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
n=$(grep -cE ': (schedule|ksys_read) <-' trace) || true
[ "$n" -gt 0 ] || fail "function tracer recorded nothing"

echo 0 > $k
expect_content $k 0
expect_content current_tracer function
echo > trace
echo 1 > tracing_on
sleep 0.2
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
n=$(grep -c ' <-' trace) || true
[ "$n" = 0 ] || fail "$n function records with ftrace_enabled=0"

echo 1 > $k
expect_content $k 1
echo > trace
echo 1 > tracing_on
sleep 0.1
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
n=$(grep -cE ': (schedule|ksys_read) <-' trace) || true
[ "$n" -gt 0 ] || fail "no function records after ftrace_enabled=1"
n=$(grep -c ': ksys_read <-' trace) || true
[ "$n" -gt 0 ] || fail "no ksys_read records after ftrace_enabled=1"
