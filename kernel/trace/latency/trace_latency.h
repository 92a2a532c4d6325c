/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the latency tracers share (trace_latency.c): the worst section of
 * an instance, kept in its snapshot buffer.
 *
 * A latency tracer measures sections (interrupts off, preemption off, a
 * woken task waiting for a CPU).  It writes a record where a section
 * starts; where it ends it asks latency_worse() whether the section is
 * one to keep (longer than tracing_max_latency, or than tracing_thresh
 * when that is set), and if so latency_keep() writes the end record and
 * a stack and swaps the live buffer, which holds the section, into the
 * snapshot buffer.  Reading "trace" then shows that section in the
 * latency format.  Sections that are not kept cost one record and two
 * clock reads.
 *
 * options/function-trace: while a CPU is inside a section
 * (latency_in_section), every function it calls is recorded too.
 * options/display-graph (for irqsoff's family in the top instance only,
 * as upstream): they are recorded as calls and returns of the function
 * graph, and "trace" prints the section as a graph.
 *
 * Two families of tracers may run at once, each in one instance: the
 * irqsoff family (irqsoff, preemptoff, preemptirqsoff) and the wakeup
 * family (wakeup, wakeup_rt, wakeup_dl).
 */
#ifndef _KERNEL_TRACE_LATENCY_H
#define _KERNEL_TRACE_LATENCY_H

#include "../trace_priv.h"

/* The families of latency tracers; each runs in one instance at most. */
enum latency_family {
	LATENCY_IRQSOFF,
	LATENCY_WAKEUP,
	LATENCY_FAMILIES
};

/**
 * struct latency_section - a section to keep, for latency_keep()
 * @start: when it started, in the buffer's clock
 * @delta: its length in ns
 * @cpu: the CPU the header names
 * @one_cpu: only @cpu's records belong to it (irqsoff); otherwise those
 *	of every CPU from @start on (wakeup)
 * @start_ip: where it started (0: the header has no "started at" lines)
 * @end_ip: where it ended
 * @task: the task the header names
 */
struct latency_section {
	u64			start;
	u64			delta;
	int			cpu;
	bool			one_cpu;
	unsigned long		start_ip;
	unsigned long		end_ip;
	struct task_struct	*task;
};

/**
 * struct trace_latency - the latency state of one instance
 * @tr: the instance
 * @max: tracing_max_latency, in ns
 * @lock: serialises keeping a section
 * @info: the kept section, for the header
 * @running: a latency tracer runs in @tr
 * @family: the family of that tracer
 * @drop: the tracer's own: forget the sections in progress (their start
 *	records are gone when the buffers were reset)
 * @ops: records functions inside sections (options/function-trace), with
 *	the instance's set_ftrace_filter and set_ftrace_notrace
 * @gops: records calls and returns inside sections instead of @ops with
 *	display-graph
 * @graph: the functions are recorded as a graph: @gops (not @ops) is the
 *	one registered while function-trace is on, and the start and end of
 *	sections are written as graph records
 * @ops_on: @ops or @gops is registered
 * @saved_flags: @tr's overwrite and latency-format before the tracer started
 * @snap_was_on: @tr had a snapshot buffer before the tracer started
 *
 * Legend: [I] set at creation, [L] trace_types_lock, [K] @lock.  @max is
 * written under [K] (or [L] through the file) and read locklessly.
 */
struct trace_latency {
	struct trace_array	*tr;		/* [I] */
	u64			max;		/* [K] write, READ_ONCE */
	raw_spinlock_t		lock;
	struct trace_lat_info	info;		/* [K] */
	bool			running;	/* [L] */
	enum latency_family	family;		/* [L] */
	void			(*drop)(void);	/* [L] */
	struct ftrace_ops	ops;		/* [L] */
#ifdef CONFIG_FUNCTION_GRAPH_TRACER
	struct fgraph_ops	gops;		/* [L] */
#endif
	bool			graph;		/* [L] write, READ_ONCE */
	bool			ops_on;		/* [L] */
	unsigned long		saved_flags;	/* [L] */
	bool			snap_was_on;	/* [L] */
};

/*
 * This CPU is inside a section of the running tracer of a family: its
 * functions are recorded (function-trace).  One byte per family, so that
 * the families never write the same word: irqsoff's is written by its
 * CPU only, wakeup's under that tracer's lock from any CPU.
 */
DECLARE_PER_CPU(bool, latency_in_section[LATENCY_FAMILIES]);

int latency_start(struct trace_array *tr, enum latency_family family,
		  void (*drop)(void));
void latency_stop(struct trace_array *tr);
void latency_keep(struct trace_array *tr, const struct latency_section *sec);
void latency_record_fn(struct trace_array *tr, unsigned long ip,
		       unsigned long parent_ip, unsigned int ctx);
void latency_record_end(struct trace_array *tr, unsigned long ip,
			unsigned long parent_ip, unsigned int ctx);
void *latency_print_open(struct trace_array *tr);
void latency_print_close(void *state);
bool latency_print_line(struct trace_line *line);
void latency_print_header(struct seq_buf *s, struct trace_array *tr,
			  struct trace_buffer *buf, void *state);
int latency_selftest_end(struct tracer *t, struct trace_array *tr);

/**
 * latency_worse() - is a section of @delta ns one to keep?
 * @lat: the instance's latency state
 * @delta: the section's length
 *
 * Return: true when tracing_thresh is set and @delta reaches it, or when
 * it is not and @delta is above tracing_max_latency.
 */
static __always_inline bool latency_worse(struct trace_latency *lat, u64 delta)
{
	unsigned long thresh = READ_ONCE(tracing_thresh);

	if (thresh)
		return delta >= thresh;
	return delta > READ_ONCE(lat->max);
}

/**
 * latency_outer_ctx() - the context of a record about a tracepoint's caller
 *
 * The tracepoint disabled preemption once around its probes: the record
 * shows the depth of the code that fired it.
 *
 * Return: a context for trace_reserve().
 */
static __always_inline unsigned int latency_outer_ctx(void)
{
	unsigned int ctx = trace_ctx_now();

	return IS_ENABLED(CONFIG_PREEMPT_COUNT) && (ctx & 0xf) ? ctx - 1 : ctx;
}

#endif /* _KERNEL_TRACE_LATENCY_H */
