# SPDX-License-Identifier: GPL-2.0
# buffer_subbuf_size_kb: the size of the ring buffer's pages.  It rounds
# up to a power of two of system pages, events/header_page follows it,
# changing it empties the buffer, and big trace_marker writes still go
# in whole, in pieces.
. "$(dirname "$0")/lib.sh"
[ -f buffer_subbuf_size_kb ] || skip "no buffer_subbuf_size_kb"
orig=$(cat buffer_subbuf_size_kb)
cleanup() {
	echo "$orig" > buffer_subbuf_size_kb
	echo 1 > tracing_on
}
trap cleanup EXIT
data_size() {
	sed -n 's/^.*data;.*size:\([0-9]*\);.*/\1/p' events/header_page
}
expect_content buffer_subbuf_size_kb 4
[ "$(data_size)" = 4080 ] || fail "header_page data size $(data_size)"

echo marker-before > trace_marker
echo 5 > buffer_subbuf_size_kb
expect_content buffer_subbuf_size_kb 8
[ "$(data_size)" = 8176 ] || fail "header_page data size $(data_size) at 8 KiB"
grep -q marker-before trace && fail "records survived the change"

# A 10000-byte marker write: every byte comes out, in order.
str=$(printf 'Y%.0s' $(seq 10000))
echo "$str" > trace_marker
got=$(awk '/tracing_mark_write: / { sub(/^.*tracing_mark_write: /, ""); printf "%s", $0 }' trace)
[ "$got" = "$str" ] || fail "marker text lost: ${#got} of 10000 bytes"
n=$(grep -c 'tracing_mark_write: ' trace)
[ "$n" -gt 1 ] || fail "a 10000-byte marker in one record"

echo 32 > buffer_subbuf_size_kb
expect_content buffer_subbuf_size_kb 32
[ "$(data_size)" = 32752 ] || fail "header_page data size $(data_size) at 32 KiB"
echo after > trace_marker
grep -q 'tracing_mark_write: after' trace || fail "no record with 32 KiB pages"

mkdir instances/sb
expect_content instances/sb/buffer_subbuf_size_kb 4
echo 16 > instances/sb/buffer_subbuf_size_kb
expect_content instances/sb/buffer_subbuf_size_kb 16
expect_content buffer_subbuf_size_kb 32
rmdir instances/sb

expect_write_error "Invalid argument" 0 buffer_subbuf_size_kb
expect_write_error "Invalid argument" abc buffer_subbuf_size_kb
expect_content buffer_subbuf_size_kb 32
