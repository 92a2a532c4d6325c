# SPDX-License-Identifier: GPL-2.0
# The "dump" function command prints the buffer to the console and turns
# tracing off; the dump must end even when records keep coming: the long
# fuzz once had a dump consume, for ever, the records that a writer on
# the other CPU (and its own printing) added while it printed, tracing
# having been turned back on meanwhile.
. "$(dirname "$0")/lib.sh"
f=""
for c in ksys_sync __x64_sys_sync __do_sys_sync; do
	grep -q "^$c\$" available_filter_functions && { f=$c; break; }
done
[ -n "$f" ] || skip "no traceable function of sync(2)"
[ "$(grep -c ^processor /proc/cpuinfo)" -ge 2 ] || skip "needs 2 CPUs"
echo nop > current_tracer
echo 8 > buffer_size_kb
echo > trace
echo 1 > tracing_on
for i in 1 2 3 4 5; do echo "before-$i" > trace_marker; done
# The function tracer records each printk of the dump, and a traceon
# command there undoes the dump's tracing_off(): its own printing would
# feed it.
p=vprintk_emit
grep -q "^$p\$" available_filter_functions || skip "$p not traceable"
echo $p > set_ftrace_filter
echo "$p:traceon" >> set_ftrace_filter
echo "$f:dump:1" >> set_ftrace_filter || fail "the dump command was refused"
echo function > current_tracer

rm -f /tmp/dump.stop
( while [ ! -e /tmp/dump.stop ]; do
	echo 1 > tracing_on
	echo during > trace_marker
  done ) 2>/dev/null &
writer=$!
sleep 1
sync &
dumper=$!
i=0
while kill -0 $dumper 2>/dev/null && [ $i -lt 60 ]; do
	sleep 1
	i=$((i + 1))
done
ended=1
kill -0 $dumper 2>/dev/null && ended=0
touch /tmp/dump.stop
wait $writer || true	# its last marker write may have been refused
wait $dumper || true
echo nop > current_tracer
echo "!$f:dump" >> set_ftrace_filter
echo "!$p:traceon" >> set_ftrace_filter
echo > set_ftrace_filter
echo 1 > tracing_on
echo 1408 > buffer_size_kb
rm -f /tmp/dump.stop
[ $ended = 1 ] || fail "the dump did not end in 60 s while records kept coming"
dmesg | grep -q 'Dumping ftrace buffer' || fail "no dump on the console"
