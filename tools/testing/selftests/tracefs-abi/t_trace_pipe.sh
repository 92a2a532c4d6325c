# SPDX-License-Identifier: GPL-2.0
# trace_pipe consumes: what it returned is gone from trace.  Markers
# written from both CPUs at once are all read or reported as lost: none
# disappears silently.
. "$(dirname "$0")/lib.sh"
echo nop > current_tracer
echo 1 > tracing_on
echo > trace
echo first > trace_marker
echo second > trace_marker
timeout 2 cat trace_pipe > /tmp/pipe.out || true
grep -q 'tracing_mark_write: first$' /tmp/pipe.out || fail "first missing"
grep -q 'tracing_mark_write: second$' /tmp/pipe.out || fail "second missing"
[ "$(grep -c tracing_mark_write trace)" = 0 ] || fail "trace_pipe did not consume"

# A small buffer and two writers: loss is expected, but exactly accounted.
echo 8 > buffer_size_kb
echo > trace
cat trace_pipe > /tmp/pipe2.out &
reader=$!
sleep 1
n=1500
pids=
for cpu in 0 1; do
	taskset -c $cpu sh -c "i=0; while [ \$i -lt $n ]; do echo c$cpu-\$i > trace_marker; i=\$((i+1)); done" &
	pids="$pids $!"
done
for p in $pids; do wait $p; done
sleep 3
kill $reader
wait $reader || true
seen=$(grep -c 'tracing_mark_write: c[01]-' /tmp/pipe2.out || true)
lost=$(sed -n 's/.*\[LOST \([0-9]*\) EVENTS\]/\1/p' /tmp/pipe2.out | awk '{s+=$1} END {print s+0}')
left=$(grep -c 'tracing_mark_write: c[01]-' trace || true)
echo "seen=$seen lost=$lost left=$left"
[ $((seen + lost + left)) -eq $((2 * n)) ] ||
	fail "seen $seen + lost $lost + left $left != $((2 * n)) written"
for cpu in 0 1; do
	# Per CPU, numbers only increase.
	grep -o "c$cpu-[0-9]*" /tmp/pipe2.out | cut -d- -f2 |
		awk 'NR > 1 && $1 <= p { exit 1 } { p = $1 }' ||
		fail "cpu $cpu markers out of order"
done

# No reader while writing: the small buffer must overflow, and the loss
# is reported exactly when the pipe is drained.
echo > trace
pids=
for cpu in 0 1; do
	taskset -c $cpu sh -c "i=0; while [ \$i -lt $n ]; do echo d$cpu-\$i > trace_marker; i=\$((i+1)); done" &
	pids="$pids $!"
done
for p in $pids; do wait $p; done
timeout 5 cat trace_pipe > /tmp/pipe3.out || true
seen=$(grep -c 'tracing_mark_write: d[01]-' /tmp/pipe3.out || true)
lost=$(sed -n 's/.*\[LOST \([0-9]*\) EVENTS\]/\1/p' /tmp/pipe3.out | awk '{s+=$1} END {print s+0}')
echo "drain: seen=$seen lost=$lost"
[ "$lost" -gt 0 ] || fail "an 8 KiB buffer held $((2 * n)) markers?"
[ $((seen + lost)) -eq $((2 * n)) ] ||
	fail "drain: seen $seen + lost $lost != $((2 * n)) written"
echo 1408 > buffer_size_kb
