# SPDX-License-Identifier: GPL-2.0
# perf-tools (Debian's perf-tools-unstable, copied into the guest by the
# harness with bash): funcgraph-perf sets set_graph_function,
# max_graph_depth and the funcgraph options through trace_options and
# /sys/kernel/debug/tracing, prints the graph of the calls made while it
# ran, and leaves nop behind.  kprobe-perf defines a kprobe event with a
# string argument and a filter, prints its hits from trace_pipe and
# removes the probe again.  uprobe-perf finds a function of bash with
# objdump, file and ldconfig, defines a uprobe event on it and prints the
# hits of the shells started meanwhile.
. "$(dirname "$0")/lib.sh"
fg=/ftk/files/funcgraph-perf
kp=/ftk/files/kprobe-perf
up=/ftk/files/uprobe-perf
[ -x "$fg" ] && command -v bash > /dev/null || skip "perf-tools are not in the guest"
mkdir -p /var/tmp
if [ -x "$kp" ] && [ -f kprobe_events ]; then
	echo probed > /tmp/kp_target
	(while :; do cat /tmp/kp_target > /dev/null; sleep 0.05; done) &
	load=$!
	bash "$kp" -d 1 'p:myopen do_sys_openat2 file=+0(%si):string' \
		'file ~ "*kp_target"' > /tmp/kp.out 2> /tmp/kp.err ||
		{ cat /tmp/kp.err; fail "kprobe-perf failed"; }
	kill $load
	grep -qE '^ +cat-[0-9]+ +\[[0-9]+\] .{4,5} +[0-9.]+: myopen: \(do_sys_openat2\+0x0/0x[0-9a-f]+\) file="/tmp/kp_target"$' /tmp/kp.out ||
		fail "kprobe-perf: no hit: $(grep -m 3 -v '^#' /tmp/kp.out)"
	grep -v '^#' /tmp/kp.out | grep ' myopen: ' | grep -vq 'kp_target"$' &&
		fail "kprobe-perf: the filter let other files through"
	[ -z "$(cat kprobe_events)" ] || fail "kprobe-perf left $(cat kprobe_events)"
fi
if [ -x "$up" ] && [ -f uprobe_events ] && [ -x /usr/bin/objdump ] &&
   [ -x /usr/bin/file ] && [ -x /sbin/ldconfig ]; then
	(while :; do bash -c :; sleep 0.05; done) &
	load=$!
	MAGIC=/ftk/files/magic.mgc bash "$up" -d 1 \
		'p:/bin/bash:initialize_shell_builtins' > /tmp/up.out 2> /tmp/up.err ||
		{ cat /tmp/up.err; fail "uprobe-perf failed"; }
	kill $load
	grep -qE '^ +bash-[0-9]+ +\[[0-9]+\] .{4,5} +[0-9.]+: initialize_shell_builtins: \(0x[0-9a-f]+\)$' /tmp/up.out ||
		fail "uprobe-perf: no hit: $(grep -m 3 -v '^#' /tmp/up.out)"
	[ -z "$(cat uprobe_events)" ] || fail "uprobe-perf left $(cat uprobe_events)"
fi
grep -qw function_graph available_tracers || skip "no function_graph tracer"
(while :; do cat /dev/null; sleep 0.05; done) &
load=$!
trap 'kill $load 2> /dev/null || true' EXIT
bash "$fg" -H -P -T -m 3 -d 1 do_sys_openat2 > /tmp/fg.out 2> /tmp/fg.err ||
	{ cat /tmp/fg.err; fail "funcgraph-perf failed"; }
kill $load
grep -q '^# tracer: function_graph' /tmp/fg.out || fail "no header: $(head -n 3 /tmp/fg.out)"
grep -qF '# CPU  TASK/PID         DURATION                  FUNCTION CALLS' /tmp/fg.out ||
	fail "no proc header: $(sed -n 3p /tmp/fg.out)"
grep -qE '^ [0-9]\) +cat-[0-9]+ +\|               \|  do_sys_openat2\(\) \{$' /tmp/fg.out ||
	fail "no graph of do_sys_openat2: $(grep -m 3 -v '^#' /tmp/fg.out)"
grep -qE '\|  \} /\* do_sys_openat2 \*/$' /tmp/fg.out || fail "-T: no named return"
grep -qE '\|        [a-z]' /tmp/fg.out && fail "-m 3 went deeper"
expect_content current_tracer nop
expect_content set_graph_function "#### all functions enabled ####"
expect_content max_graph_depth 0
expect_content options/funcgraph-proc 0
expect_content options/funcgraph-tail 0
exit 0
