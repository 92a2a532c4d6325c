# SPDX-License-Identifier: GPL-2.0
# snapshot: "echo 1" swaps the live buffer with the snapshot buffer,
# "echo 2" empties the snapshot, "echo 0" frees it; an empty snapshot
# shows the command help; snapshot_raw hands out its pages.  Also: a buffer cannot be resized while a
# trace reader walks it (-EBUSY).
. "$(dirname "$0")/lib.sh"
[ -f snapshot ] || skip "no snapshot file"
echo 0 > snapshot
echo > trace
grep -q '^# \* Snapshot is freed \*$' snapshot || fail "fresh snapshot not freed"
grep -q '^# echo 1 > snapshot : Allocates snapshot buffer' snapshot ||
	fail "no command help"
grep -q '^# echo 0 > snapshot : Invalid for per_cpu snapshot file.$' \
	per_cpu/cpu0/snapshot || fail "no per-CPU command help"

echo before > trace_marker
echo 1 > snapshot
grep -q 'tracing_mark_write: before$' snapshot || fail "snapshot lacks the record"
grep -q 'before$' trace && fail "record still in the live buffer"
grep -q '^# entries-in-buffer/entries-written: 1/1 ' snapshot ||
	fail "snapshot header: $(grep entries-in snapshot)"
echo after > trace_marker
grep -q 'after$' snapshot && fail "new record went into the snapshot"
grep -q 'tracing_mark_write: after$' trace || fail "live buffer lost a record"

# A second snapshot swaps again: the old snapshot becomes the live buffer.
echo 1 > snapshot
grep -q 'after$' snapshot || fail "second snapshot lacks the new record"
grep -q 'before$' snapshot && fail "second snapshot kept the old record"
grep -q 'tracing_mark_write: before$' trace || fail "swap did not swap"

echo 2 > snapshot
grep -q '^# \* Snapshot is allocated \*$' snapshot || fail "cleared snapshot not allocated"
grep -q 'after$' snapshot && fail "echo 2 did not clear"
grep -q 'tracing_mark_write: before$' trace || fail "echo 2 touched the live buffer"

# The settings stay with the instance: tracing_on, cpumask, buffer size.
echo 0 > tracing_on
echo 1 > snapshot
expect_content tracing_on 0
echo 1 > tracing_on
mask=$(cat tracing_cpumask)
echo 0 > tracing_cpumask
echo 1 > snapshot
echo "$mask" > tracing_cpumask
echo masked > trace_marker
grep -q 'tracing_mark_write: masked$' trace || fail "cpumask lost across a snapshot"
size=$(cat buffer_size_kb)
echo 1 > snapshot
expect_content buffer_size_kb "$size"

# snapshot_raw: the snapshot buffer's pages, consumed.
echo > trace
echo 2 > snapshot
taskset -c 0 sh -c 'echo raw-snap > trace_marker'
echo 1 > snapshot
dd if=per_cpu/cpu0/snapshot_raw of=/tmp/t_snapshot.raw bs=4096 count=1 2>/dev/null
[ "$(wc -c < /tmp/t_snapshot.raw)" -eq 4096 ] || fail "snapshot_raw: not one page"
grep -q raw-snap /tmp/t_snapshot.raw || fail "snapshot_raw lacks the record"
grep -q 'raw-snap$' snapshot && fail "snapshot_raw did not consume"

expect_write_error "Invalid argument" abc snapshot
expect_write_error "Invalid argument" 0 per_cpu/cpu0/snapshot
echo 2 > per_cpu/cpu0/snapshot || fail "per-CPU clear refused"
echo 0 > snapshot
grep -q '^# \* Snapshot is freed \*$' snapshot || fail "echo 0 did not free"

# A per-CPU swap (RING_BUFFER_ALLOW_SWAP, which the irqsoff tracer and
# TRACER_SNAPSHOT_PER_CPU_SWAP select): only that CPU's records change
# places; it allocates.  Without it (Debian's config) it is refused.
if grep -q '^# echo 1 > snapshot : Not supported with this kernel\.$' \
	per_cpu/cpu1/snapshot; then
	expect_write_error "Invalid argument" 1 per_cpu/cpu1/snapshot
else
	grep -q '^#                      Takes a snapshot of the main buffer for this cpu.$' \
		per_cpu/cpu1/snapshot || fail "per-CPU swap help: $(grep '^# echo 1' per_cpu/cpu1/snapshot)"
	echo > trace
	taskset -c 0 sh -c 'echo on-cpu0 > trace_marker'
	taskset -c 1 sh -c 'echo on-cpu1 > trace_marker'
	echo 1 > per_cpu/cpu1/snapshot
	grep -q 'on-cpu1$' per_cpu/cpu1/snapshot || fail "CPU 1's record not swapped out"
	grep -q 'on-cpu1$' snapshot || fail "CPU 1's record not in the snapshot"
	grep -q 'on-cpu0$' snapshot && fail "CPU 0's record swapped too"
	grep -q 'on-cpu0$' trace || fail "CPU 0's record left the live buffer"
	grep -q 'on-cpu1$' trace && fail "CPU 1's record still live"
	taskset -c 1 sh -c 'echo later-cpu1 > trace_marker'
	grep -q 'later-cpu1$' per_cpu/cpu1/trace || fail "CPU 1 stopped recording after a swap"
	echo 1 > per_cpu/cpu1/snapshot
	grep -q 'on-cpu1$' trace || fail "swapping back lost CPU 1's record"
	grep -q 'later-cpu1$' snapshot || fail "swapping back: the later record"
fi
echo 0 > snapshot

# Instances have their own.
mkdir instances/snap
echo inst > instances/snap/trace_marker
echo 1 > instances/snap/snapshot
grep -q 'tracing_mark_write: inst$' instances/snap/snapshot || fail "instance snapshot"
grep -q 'inst$' snapshot && fail "instance snapshot leaked to the top"
echo 0 > instances/snap/snapshot
rmdir instances/snap || fail "rmdir after snapshot"

# An open trace reader keeps the buffer's size.
exec 3< trace
old=$(cat buffer_size_kb)
expect_write_error "Device or resource busy" $((old + 8)) buffer_size_kb
exec 3<&-
echo $((old + 8)) > buffer_size_kb || fail "resize after close failed"
echo "$old" > buffer_size_kb
