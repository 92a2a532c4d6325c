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
 */
#ifndef _KERNEL_TRACE_LATENCY_H
#define _KERNEL_TRACE_LATENCY_H

#include "../trace_priv.h"

/**
 * struct trace_latency - the latency state of one instance
 * @tr: the instance
 * @max: tracing_max_latency, in ns
 * @lock: serialises keeping a section
 * @info: the kept section, for the header
 * @running: a latency tracer runs in @tr
 * @ops: records functions inside sections (options/function-trace), with
 *	the instance's set_ftrace_filter and set_ftrace_notrace
 * @ops_on: @ops is registered
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
	struct ftrace_ops	ops;		/* [L] */
	bool			ops_on;		/* [L] */
	unsigned long		saved_flags;	/* [L] */
	bool			snap_was_on;	/* [L] */
};

/*
 * This CPU is inside a section of the running latency tracer: its
 * functions are recorded (function-trace).  Written by that tracer on
 * this CPU only.
 */
DECLARE_PER_CPU(bool, latency_in_section);

int latency_start(struct trace_array *tr);
void latency_stop(struct trace_array *tr);
void latency_keep(struct trace_array *tr, int cpu, u64 start, u64 delta,
		  unsigned long start_ip, unsigned long ip,
		  unsigned long parent_ip, struct task_struct *task,
		  unsigned int ctx);
void latency_record_fn(struct trace_array *tr, unsigned long ip,
		       unsigned long parent_ip, unsigned int ctx);
void latency_print_header(struct seq_buf *s, struct trace_array *tr,
			  void *state);

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

#endif /* _KERNEL_TRACE_LATENCY_H */
