// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_dump(): print the top instance's buffer to the console, oldest
 * record first, consuming it.  Used on oopses (ftrace_dump_on_oops) and by
 * the "dump" and "cpudump" commands of set_ftrace_filter.
 *
 * It may run in any context, also NMI and panic: it takes no sleeping
 * lock, allocates nothing and lets only one dump run at a time.  Tracing
 * is turned off first, so the dump shows what led up to it.
 */
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/ring_buffer.h>
#include <linux/seq_buf.h>

#include "trace_priv.h"

#define DUMP_LINE	512

static atomic_t dump_running;
static char dump_line[DUMP_LINE];	/* only the running dump uses it */

/* The CPU whose next record is oldest, or -1 when all are empty. */
static int oldest_cpu(struct trace_buffer *b, int only, u64 *ts)
{
	int cpu, best = -1;
	u64 t, min = U64_MAX;

	for_each_online_cpu(cpu) {
		if (only >= 0 && cpu != only)
			continue;
		if (ring_buffer_peek(b, cpu, &t, NULL) && t < min) {
			min = t;
			best = cpu;
		}
	}
	*ts = min;
	return best;
}

/**
 * ftrace_dump() - print the trace buffer to the console
 * @mode: DUMP_ALL for every CPU, DUMP_ORIG for the calling CPU only
 */
void ftrace_dump(enum ftrace_dump_mode mode)
{
	struct trace_array *tr = &trace_top;
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	unsigned long lost, n = 0;
	int cpu, only = -1;
	struct seq_buf s;
	u64 ts;

	if (mode == DUMP_NONE || !tr->buffer)
		return;
	if (atomic_inc_return(&dump_running) != 1) {
		atomic_dec(&dump_running);
		return;
	}
	tracing_off();
	/*
	 * Nothing may add to the buffer being dumped: a traceon command or
	 * a tracing_on write undoes tracing_off(), and a dump that consumes
	 * records written while it prints (by its own printing, or by a
	 * faster writer on another CPU) never ends.  Dump the buffer live
	 * now, even if a snapshot swaps another in meanwhile.
	 */
	buf = READ_ONCE(tr->buffer);
	ring_buffer_record_disable(buf);
	if (mode == DUMP_ORIG)
		only = raw_smp_processor_id();
	pr_info("Dumping ftrace buffer:\n---------------------------------\n");
	while ((cpu = oldest_cpu(buf, only, &ts)) >= 0) {
		e = ring_buffer_consume(buf, cpu, &ts, &lost);
		if (!e)
			continue;
		seq_buf_init(&s, dump_line, DUMP_LINE - 1);
		if (lost)
			seq_buf_printf(&s, "CPU:%d [LOST %lu EVENTS]\n", cpu, lost);
		trace_print_record(&s, tr, cpu, ts, ring_buffer_event_data(e),
				   ring_buffer_event_length(e), NULL);
		dump_line[seq_buf_used(&s)] = '\0';
		pr_info("%s", dump_line);
		n++;
		touch_nmi_watchdog();
	}
	if (!n)
		pr_info("   (ftrace buffer empty)\n");
	pr_info("---------------------------------\n");
	ring_buffer_record_enable(buf);
	atomic_dec(&dump_running);
}
EXPORT_SYMBOL_GPL(ftrace_dump);
