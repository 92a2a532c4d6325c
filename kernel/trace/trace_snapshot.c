// SPDX-License-Identifier: GPL-2.0
/*
 * Snapshots: a second buffer per instance that a snapshot swaps with the
 * live one, so what was recorded so far stays readable in "snapshot"
 * while tracing goes on.
 *
 *	echo 1 > snapshot	allocate the snapshot buffer if needed, swap
 *	echo 0 > snapshot	free it (it shrinks to its minimum size)
 *	echo 2 > snapshot	empty it (any number but 0 and 1)
 *
 * A swap is two pointer stores under the instance's snap_lock, so the
 * in-kernel tracing_snapshot() may take one in any context but NMI.  The
 * snapshot buffer, once made, lives as long as the instance: a writer or
 * reader that loaded a buffer pointer just before a swap goes on with a
 * buffer that still exists.
 *
 * With CONFIG_RING_BUFFER_ALLOW_SWAP, "echo 1 > per_cpu/cpuN/snapshot"
 * swaps CPU N only: the ring buffer exchanges what that CPU's buffers
 * hold (ring_buffer_swap_cpu()), the buffers themselves stay in place.
 * Without it a per-CPU swap is refused, as upstream's.
 */
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/seq_buf.h>
#include <linux/trace.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

/* The live and snapshot buffers change places.  snap_lock held. */
static void swap_buffers(struct trace_array *tr)
{
	struct trace_buffer *live = tr->buffer;
	u64 start = tr->time_start;

	WRITE_ONCE(tr->buffer, tr->snap);
	WRITE_ONCE(tr->snap, live);
	tr->time_start = tr->snap_start;
	tr->snap_start = start;
	tr->snap_cpu = -1;
	tr->snap_section = false;
}

/**
 * trace_snapshot_swap() - take a snapshot: swap the live and snapshot buffers
 * @tr: the instance
 *
 * Any context but NMI.  Records being written go on into the buffer they
 * were reserved in.  A snapshot asked for from inside a snapshot (a probe
 * on the lock's slow path) is that snapshot.
 *
 * Return: true, or false when the snapshot buffer is not allocated.
 */
bool trace_snapshot_swap(struct trace_array *tr)
{
	unsigned long flags;
	bool on;

	if (trace_snap_nested())
		return true;
	flags = trace_snap_lock(tr);
	on = tr->snap_on;
	/* As upstream: no swap while tracing is stopped (tracing_stop()). */
	if (on && !READ_ONCE(tr->stop_count))
		swap_buffers(tr);
	trace_snap_unlock(tr, flags);
	return on;
}

/* Make the snapshot buffer as big as the live one; allowed to swap after. */
static int snapshot_arm(struct trace_array *tr)
{
	unsigned long flags;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (tr->snap_on)
		return 0;
	ret = tracing_expand_buffer(tr);
	if (!ret)
		ret = trace_snap_alloc(tr);
	if (ret)
		return ret;
	flags = trace_snap_lock(tr);
	tr->snap_on = true;
	trace_snap_unlock(tr, flags);
	return 0;
}

/* No more swaps; the buffer shrinks (unless a reader walks it) and empties. */
static void snapshot_free(struct trace_array *tr)
{
	unsigned long flags;

	lockdep_assert_held(&trace_types_lock);
	if (!tr->snap_on)
		return;
	flags = trace_snap_lock(tr);
	tr->snap_on = false;
	trace_snap_unlock(tr, flags);
	ring_buffer_resize(tr->snap, 0, RING_BUFFER_ALL_CPUS);
	ring_buffer_reset(tr->snap);
}

/*
 * One CPU's live and snapshot contents change places.  Sleeps.  A full
 * swap (a trigger, any context) may run meanwhile: the two commute, as
 * long as the pair of buffers is read at once.
 */
static int snapshot_swap_cpu(struct trace_array *tr, long cpu)
{
	struct trace_buffer *bufs[2];
	unsigned long flags;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (!IS_ENABLED(CONFIG_RING_BUFFER_ALLOW_SWAP))
		return -EINVAL;
	ret = snapshot_arm(tr);
	if (ret)
		return ret;
	/* As upstream: no swap while tracing is stopped (tracing_stop()). */
	if (READ_ONCE(tr->stop_count))
		return 0;
	/* The snapshot's CPU gets as big as the live one first. */
	trace_buffers(tr, bufs);
	ret = ring_buffer_resize(bufs[1], ring_buffer_size(bufs[0], cpu), cpu);
	if (!ret)
		ret = ring_buffer_swap_cpu(bufs[0], bufs[1], cpu);
	if (ret)
		return ret;
	/* The snapshot now holds two times: show all of it. */
	flags = trace_snap_lock(tr);
	tr->snap_cpu = -1;
	tr->snap_section = false;
	trace_snap_unlock(tr, flags);
	return 0;
}

static int snapshot_cmd(struct trace_array *tr, long cpu, unsigned long val)
{
	lockdep_assert_held(&trace_types_lock);
	switch (val) {
	case 0:
		if (cpu != RING_BUFFER_ALL_CPUS)
			return -EINVAL;
		snapshot_free(tr);
		return 0;
	case 1:
		if (cpu != RING_BUFFER_ALL_CPUS)
			return snapshot_swap_cpu(tr, cpu);
		return snapshot_arm(tr) ?: (trace_snapshot_swap(tr), 0);
	default:
		if (!tr->snap_on)
			return 0;
		if (cpu == RING_BUFFER_ALL_CPUS)
			ring_buffer_reset(tr->snap);
		else
			ring_buffer_reset_cpu(tr->snap, cpu);
		return 0;
	}
}

/**
 * trace_snapshot_write() - a number written to snapshot or per_cpu/cpuN/snapshot
 * @file: the file
 * @ubuf: the number
 * @cnt: its bytes
 * @ppos: file position
 *
 * Return: @cnt, or -EINVAL for a bad number, a free asked of a per-CPU
 * file or a per-CPU swap without CONFIG_RING_BUFFER_ALLOW_SWAP, -ENOMEM,
 * or -EBUSY (a latency tracer keeps its section there, or a reader walks
 * a buffer being resized or swapped).
 */
ssize_t trace_snapshot_write(struct file *file, const char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct trace_cpu_file *sel = file_inode(file)->i_private;
	unsigned long val;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 10, &val);
	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	/* A latency tracer keeps its worst section there. */
	if (sel->tr->current_trace->use_max)
		ret = -EBUSY;
	else
		ret = snapshot_cmd(sel->tr, sel->cpu, val);
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

/* The command help, upstream's text byte for byte. */
static const char help_all[] =
	"# echo 0 > snapshot : Clears and frees snapshot buffer\n"
	"# echo 1 > snapshot : Allocates snapshot buffer, if not already allocated.\n"
	"#                      Takes a snapshot of the main buffer.\n"
	"# echo 2 > snapshot : Clears snapshot buffer (but does not allocate or free)\n";

static const char help_cpu[] =
	"# echo 0 > snapshot : Invalid for per_cpu snapshot file.\n"
#ifdef CONFIG_RING_BUFFER_ALLOW_SWAP
	"# echo 1 > snapshot : Allocates snapshot buffer, if not already allocated.\n"
	"#                      Takes a snapshot of the main buffer for this cpu.\n"
#else
	"# echo 1 > snapshot : Not supported with this kernel.\n"
	"#                     Must use main snapshot file to allocate.\n"
#endif
	"# echo 2 > snapshot : Clears this cpu's snapshot buffer (but does not allocate)\n";

static const char help_any[] =
	"#                      (Doesn't have to be '2' works with any number that\n"
	"#                       is not a '0' or '1')\n";

/**
 * trace_snapshot_help() - the header of an empty snapshot file
 * @s: output
 * @tr: the instance
 * @cpu: the file's CPU, or RING_BUFFER_ALL_CPUS
 */
void trace_snapshot_help(struct seq_buf *s, struct trace_array *tr, long cpu)
{
	lockdep_assert_held(&trace_types_lock);
	seq_buf_printf(s, "# tracer: %s\n#\n#\n# * Snapshot is %s *\n#\n",
		       tr->current_trace->name,
		       tr->snap_on ? "allocated" : "freed");
	seq_buf_puts(s, "# Snapshot commands:\n");
	seq_buf_puts(s, cpu == RING_BUFFER_ALL_CPUS ? help_all : help_cpu);
	seq_buf_puts(s, help_any);
}

/* alloc_snapshot: the top instance's snapshot buffer from boot on. */
static bool snapshot_at_boot __initdata;

static int __init set_alloc_snapshot(char *str)
{
	if (*str)	/* "alloc_snapshot=INSTANCE": no instances at boot */
		pr_warn("alloc_snapshot%s: only the top instance is supported\n",
			str);
	else
		snapshot_at_boot = true;
	return 1;
}
__setup("alloc_snapshot", set_alloc_snapshot);

static int __init snapshot_boot_alloc(void)
{
	int ret;

	if (!snapshot_at_boot)
		return 0;
	mutex_lock(&trace_types_lock);
	ret = snapshot_arm(&trace_top);
	mutex_unlock(&trace_types_lock);
	if (ret)
		pr_warn("alloc_snapshot: no snapshot buffer: %d\n", ret);
	return 0;
}
core_initcall(snapshot_boot_alloc);

/**
 * trace_snapshot_arm() - give an instance its snapshot buffer
 * @tr: the instance
 *
 * For in-kernel users that will snapshot from any context later (the
 * snapshot trigger).  Sleeps.
 *
 * Return: 0, or the error of the allocation.
 */
int trace_snapshot_arm(struct trace_array *tr)
{
	int ret;

	mutex_lock(&trace_types_lock);
	ret = snapshot_arm(tr);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * trace_snapshot_keep() - swap in a latency tracer's new worst section
 * @tr: the instance
 * @start: when the section started, in the buffer's clock
 * @cpu: the CPU it ran on, or RING_BUFFER_ALL_CPUS for a section that
 *	involves several
 *
 * The live buffer, which holds the section, becomes the snapshot buffer,
 * whose time now counts from @start; its readers see only @cpu's records
 * (or all CPUs') from @start on.  Any context but NMI.
 *
 * Return: true, or false when there was no swap (no snapshot buffer,
 * tracing stopped, or inside a snapshot already).
 */
bool trace_snapshot_keep(struct trace_array *tr, u64 start, int cpu)
{
	unsigned long flags;
	bool done = false;

	if (trace_snap_nested())
		return false;
	flags = trace_snap_lock(tr);
	if (tr->snap_on && !READ_ONCE(tr->stop_count)) {
		swap_buffers(tr);
		tr->snap_start = start;
		tr->snap_cpu = cpu;
		tr->snap_section = true;
		done = true;
	}
	trace_snap_unlock(tr, flags);
	return done;
}

/**
 * trace_snapshot_arm_locked() - trace_snapshot_arm() under trace_types_lock
 * @tr: the instance
 *
 * Return: 0, or the error of the allocation.
 */
int trace_snapshot_arm_locked(struct trace_array *tr)
{
	return snapshot_arm(tr);
}

/**
 * trace_snapshot_free_locked() - free the snapshot buffer (echo 0 > snapshot)
 * @tr: the instance
 *
 * Context: trace_types_lock held.
 */
void trace_snapshot_free_locked(struct trace_array *tr)
{
	snapshot_free(tr);
}

/**
 * trace_snapshot_take() - take a snapshot of an instance
 * @tr: the instance
 *
 * Any context.  Without an allocated snapshot buffer (trace_snapshot_arm()
 * or "echo 1 > snapshot") it records why and turns tracing off, so the
 * trace up to here stays as it is.
 */
void trace_snapshot_take(struct trace_array *tr)
{
	if (READ_ONCE(tr->current_trace)->use_max) {
		trace_array_puts(tr, "*** LATENCY TRACER ACTIVE ***\n");
		trace_array_puts(tr, "*** Can not use snapshot (sorry) ***\n");
		return;
	}
	if (in_nmi()) {
		trace_array_puts(tr, "*** SNAPSHOT CALLED FROM NMI CONTEXT ***\n");
		trace_array_puts(tr, "*** snapshot is being ignored        ***\n");
		return;
	}
	if (!trace_snapshot_swap(tr)) {
		trace_array_puts(tr, "*** SNAPSHOT NOT ALLOCATED ***\n");
		trace_array_puts(tr, "*** stopping trace here!   ***\n");
		tracer_tracing_off(tr);
	}
}

/**
 * tracing_snapshot() - take a snapshot of the top-level instance
 *
 * As trace_snapshot_take() of the top instance.
 */
void tracing_snapshot(void)
{
	trace_snapshot_take(&trace_top);
}
EXPORT_SYMBOL_GPL(tracing_snapshot);

/**
 * tracing_snapshot_alloc() - allocate the snapshot buffer, then snapshot
 *
 * Sleeps.  If the buffer cannot be allocated nothing is swapped.
 */
void tracing_snapshot_alloc(void)
{
	int ret;

	mutex_lock(&trace_types_lock);
	ret = snapshot_arm(&trace_top);
	mutex_unlock(&trace_types_lock);
	if (ret) {
		pr_warn("tracing: no snapshot buffer: %d\n", ret);
		return;
	}
	tracing_snapshot();
}
EXPORT_SYMBOL_GPL(tracing_snapshot_alloc);
