# SPDX-License-Identifier: GPL-2.0
# tracing_cpumask: CPUs outside the mask record nothing; timestamp_mode
# lists the modes with the current one in brackets.
. "$(dirname "$0")/lib.sh"
ncpu=$(ls -d per_cpu/cpu* | wc -l)
[ "$ncpu" -ge 2 ] || skip "needs 2 CPUs"
expect_content tracing_cpumask 3
echo 1 > tracing_on
echo > trace
echo 1 > tracing_cpumask
expect_content tracing_cpumask 1
taskset -c 0 sh -c 'echo on-cpu0 > trace_marker' || true
taskset -c 1 sh -c 'echo on-cpu1 > trace_marker' 2>/dev/null || true
grep -q 'tracing_mark_write: on-cpu0$' trace || fail "cpu0 lost"
grep -q 'tracing_mark_write: on-cpu1$' trace && fail "cpu1 recorded outside the mask"
echo 3 > tracing_cpumask
taskset -c 1 sh -c 'echo again-cpu1 > trace_marker'
grep -q 'tracing_mark_write: again-cpu1$' trace || fail "cpu1 not back"
expect_write_error "Invalid argument" xyz tracing_cpumask
grep -qx '\[delta\] absolute' timestamp_mode || fail "timestamp_mode: $(cat timestamp_mode)"
