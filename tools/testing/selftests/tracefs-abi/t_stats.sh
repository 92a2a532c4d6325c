# SPDX-License-Identifier: GPL-2.0
# per_cpu/cpuN/stats counts exactly what one CPU wrote and read.
. "$(dirname "$0")/lib.sh"
echo 1 > tracing_on
echo > trace
taskset -c 0 sh -c 'for i in 1 2 3 4 5; do echo s$i > trace_marker; done'
s=per_cpu/cpu0/stats
grep -qx 'entries: 5' $s || fail "entries: $(grep entries $s)"
grep -qx 'overrun: 0' $s || fail "overrun: $(grep '^overrun' $s)"
grep -qx 'read events: 0' $s || fail "read: $(grep read $s)"
for f in 'commit overrun' bytes 'oldest event ts' 'now ts' 'dropped events'; do
	grep -q "^$f: " $s || fail "no '$f' line"
done
timeout 2 cat per_cpu/cpu0/trace_pipe > /tmp/cpu0.out || true
[ "$(grep -c 'tracing_mark_write: s' /tmp/cpu0.out)" = 5 ] || fail "cpu0 pipe"
grep -qx 'entries: 0' $s || fail "entries after read: $(grep entries $s)"
grep -qx 'read events: 5' $s || fail "read after read: $(grep read $s)"
