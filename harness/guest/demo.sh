#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A short session with the tracing core, run in the guest by "make demo".
run() { echo "# $*"; sh -c "$*" 2>&1; }
cd /sys/kernel/tracing
run uname -r
run grep -c processor /proc/cpuinfo
run ls /sys/kernel/tracing
run cat available_tracers
run cat current_tracer
run 'echo nop > current_tracer; cat current_tracer'
run 'echo no_such_tracer > current_tracer'
run 'echo 0 > tracing_on; cat tracing_on'
run 'echo 1 > tracing_on; cat tracing_on'
run 'ls /sys/kernel/debug/tracing/ && grep tracefs /proc/mounts'
run 'echo "hello from the demo" > trace_marker; cat trace'
run 'echo another > trace_marker; cat trace_pipe & sleep 1; kill $!'
run 'cat per_cpu/cpu0/stats'
run 'mkdir instances/demo; echo in-instance > instances/demo/trace_marker; tail -1 instances/demo/trace; rmdir instances/demo'
run head -n 8 README
run 'dmesg | grep -i -E "tracing|tracer|kunit" | head -20'
