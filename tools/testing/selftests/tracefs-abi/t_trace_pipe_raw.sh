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
# Large reads get whole pages (one or several a read) and lose nothing:
# 400 numbered markers fill several pages, all of them come back.
old_kb=$(cut -d" " -f1 buffer_size_kb)
echo 64 > buffer_size_kb
taskset -c 0 sh -c 'i=0; while [ $i -lt 400 ]; do
	echo "rawseq-$i-padding-padding-padding" > trace_marker; i=$((i + 1)); done'
timeout 3 dd if=per_cpu/cpu0/trace_pipe_raw of=/tmp/raw3 bs=65536 2>/dev/null || true
size=$(wc -c < /tmp/raw3)
[ "$size" -ge 8192 ] && [ $((size % 4096)) = 0 ] || fail "large reads gave $size bytes"
n=$(tr -d '\000' < /tmp/raw3 | grep -o 'rawseq-[0-9]*-' | sort -u | wc -l)
[ "$n" = 400 ] || fail "$n of 400 markers in the pages"
echo "$old_kb" > buffer_size_kb
