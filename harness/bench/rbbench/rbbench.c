// SPDX-License-Identifier: GPL-2.0
/*
 * rbbench: the cost of one ring_buffer_lock_reserve() +
 * ring_buffer_unlock_commit() pair, measured inside the kernel.  Built
 * out of tree against both kernels (bench/run), so the same loop runs on
 * our ring buffer and on upstream's.
 *
 * insmod rbbench.ko loops=N size=BYTES: allocates a private 1 MiB per-CPU
 * buffer in overwrite mode (the trace buffer's mode), writes N records of
 * BYTES bytes of data on one CPU (preemption off, interrupts on), and prints
 *
 *	rbbench: rb_reserve_commit_ns X entries E overrun O
 *
 * X is the mean time of one write in ns of local_clock(); under QEMU's
 * -icount shift=0 that is instructions.  The loop includes the buffer's
 * own clock read and its page switches, and nothing else.
 */
#include <linux/module.h>
#include <linux/ring_buffer.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>

static unsigned long loops = 200000;
module_param(loops, ulong, 0444);
static unsigned int size = 8;
module_param(size, uint, 0444);

static int __init rbbench_init(void)
{
	struct trace_buffer *buffer;
	struct ring_buffer_event *e;
	unsigned long i, lost = 0;
	u64 t0, t1;
	int cpu;

	buffer = ring_buffer_alloc(1 << 20, RB_FL_OVERWRITE);
	if (!buffer)
		return -ENOMEM;
	/* One CPU throughout: the records all go to its buffer. */
	cpu = get_cpu();
	/* Warm up: fill the buffer once so every page has been touched. */
	for (i = 0; i < (1 << 20) / (size + 8); i++) {
		e = ring_buffer_lock_reserve(buffer, size);
		if (e)
			ring_buffer_unlock_commit(buffer);
	}
	t0 = local_clock();
	for (i = 0; i < loops; i++) {
		e = ring_buffer_lock_reserve(buffer, size);
		if (!e) {
			lost++;
			continue;
		}
		*(unsigned long *)ring_buffer_event_data(e) = i;
		ring_buffer_unlock_commit(buffer);
	}
	t1 = local_clock();
	put_cpu();
	pr_info("rbbench: rb_reserve_commit_ns %llu entries %lu overrun %lu lost %lu cpu %d\n",
		div64_u64(t1 - t0, loops), ring_buffer_entries(buffer),
		ring_buffer_overruns(buffer), lost, cpu);
	ring_buffer_free(buffer);
	return 0;
}

static void __exit rbbench_exit(void)
{
}

module_init(rbbench_init);
module_exit(rbbench_exit);
MODULE_DESCRIPTION("ring buffer reserve/commit benchmark");
MODULE_LICENSE("GPL");
