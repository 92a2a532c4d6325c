# SPDX-License-Identifier: GPL-2.0
# per_cpu/cpuN/trace_pipe_raw hands out whole buffer pages in the
# header_page layout, and consumes what it hands out.
. "$(dirname "$0")/lib.sh"
echo 1 > tracing_on
echo > trace
taskset -c 0 sh -c 'echo rawmark-1 > trace_marker; echo rawmark-2 > trace_marker'
timeout 5 dd if=per_cpu/cpu0/trace_pipe_raw of=/tmp/raw bs=4096 count=1 2>/dev/null || true
[ "$(wc -c < /tmp/raw)" = 4096 ] || fail "read $(wc -c < /tmp/raw) bytes, not a page"
commit=$(od -A n -t u8 -j 8 -N 8 /tmp/raw | tr -d ' ')
[ "$commit" -gt 0 ] && [ "$commit" -le 4080 ] || fail "commit field $commit"
tr -d '\000' < /tmp/raw | grep -q rawmark-1 || fail "first marker not in the page"
tr -d '\000' < /tmp/raw | grep -q rawmark-2 || fail "second marker not in the page"
# The page's time stamp is a plausible boot-relative time in ns.
ts=$(od -A n -t u8 -N 8 /tmp/raw | tr -d ' ')
[ "$ts" -gt 0 ] || fail "time stamp $ts"
grep -q rawmark per_cpu/cpu0/trace && fail "raw read did not consume"
# Empty: a non-blocking read finds nothing.
timeout 3 dd if=per_cpu/cpu0/trace_pipe_raw of=/tmp/raw2 bs=4096 count=1 \
	iflag=nonblock 2>/dev/null || true
[ ! -s /tmp/raw2 ] || fail "read $(wc -c < /tmp/raw2) bytes from an empty buffer"
