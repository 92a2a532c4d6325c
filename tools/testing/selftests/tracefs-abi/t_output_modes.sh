# SPDX-License-Identifier: GPL-2.0
# Output options: printk-msg-only, hex, bin and annotate, byte for byte
# where upstream's format is fixed.
. "$(dirname "$0")/lib.sh"
for o in hex bin annotate printk-msg-only; do
	[ -f options/$o ] || fail "no options/$o"
done
expect_content options/annotate 1
expect_content options/printk-msg-only 0
cleanup() {
	for o in hex bin printk-msg-only raw; do echo 0 > options/$o; done
	echo 1 > options/annotate
	echo 1 > options/context-info
	echo 1408 > buffer_size_kb
}
trap cleanup EXIT
# What a failure needs to be understood: the switch, the loss counts and
# the first records.
state() {
	echo "tracing_on $(cat tracing_on);" \
	     "$(grep -h overrun per_cpu/cpu*/stats | tr '\n' ' ');" \
	     "$(grep -v '^#' trace | head -n 3 | tr '\n' '|')"
}
echo 1 > tracing_on
echo > trace
echo msg > trace_marker || fail "marker not written: $(state)"

echo 1 > options/printk-msg-only
[ "$(grep -v '^#' trace)" = msg ] || fail "printk-msg-only: $(grep -v '^#' trace)"
echo 0 > options/printk-msg-only

# hex: pid, CPU and time stamp as hex digits and a space each, then the
# record: a marker has no hex form ("type: 5"), then a newline.
echo 1 > options/hex
line=$(grep -v '^#' trace | head -n 1)
echo "$line" | grep -qE '^[0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{16} type: 5$' ||
	fail "hex: '$line'"
pid=$(echo "$line" | cut -d' ' -f1)
[ $((0x$pid)) -gt 0 ] || fail "hex pid $pid"
echo 0 > options/context-info
[ "$(grep -v '^#' trace | head -n 1)" = "type: 5" ] ||
	fail "hex without context: $(grep -v '^#' trace | head -n 1)"
echo 1 > options/context-info
echo 0 > options/hex

# bin: 4-byte pid, 4-byte CPU, 8-byte time stamp, then "type: 5\n", after
# the '#' header lines.  Not split into lines: the binary part may hold
# any byte, '#' and newline included.
echo 1 > options/bin
cat trace > /tmp/t_output_modes.bin
n=$(wc -c < /tmp/t_output_modes.bin)
[ "$n" -ge $((16 + 8)) ] || fail "bin: $n bytes"
hdr=$(head -c $((n - 16 - 8)) /tmp/t_output_modes.bin | grep -vc '^#' || true)
[ "$hdr" -eq 0 ] || fail "bin: $hdr lines before the record are not headers"
[ "$(tail -c 8 /tmp/t_output_modes.bin)" = "type: 5" ] || fail "bin: no type"
echo 0 > options/bin

# annotate: once records were lost, the first record of a CPU other than
# the first lines' says where that CPU's buffer starts.
if [ -d per_cpu/cpu1 ]; then
	echo 8 > buffer_size_kb
	echo > trace
	i=0
	while [ $i -lt 1000 ]; do echo "fill $i"; i=$((i + 1)); done |
		taskset -c 0 sh -c 'while read l; do echo "$l" > trace_marker || exit 1; done' ||
		fail "a fill marker was not written: $(state)"
	taskset -c 1 sh -c 'echo late > trace_marker' || fail "late marker not written: $(state)"
	grep -q "^##### CPU 1 buffer started ####$" trace || fail "no annotation: $(state)"
	grep -q '^##### CPU 0 buffer started ####$' trace && fail "first CPU annotated: $(state)"
	[ "$(grep -B1 'tracing_mark_write: late$' trace | head -n 1)" = \
	  "##### CPU 1 buffer started ####" ] ||
		fail "annotation not before the record: $(grep -B2 'tracing_mark_write: late$' trace | tr '\n' '|')"
	echo 0 > options/annotate
	grep -q 'buffer started' trace && fail "annotate off still annotates"
	echo 1 > options/annotate
	echo 1 > options/raw
	grep -q 'buffer started' trace && fail "raw output annotated"
	echo 0 > options/raw
fi
true
