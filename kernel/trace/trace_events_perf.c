// SPDX-License-Identifier: GPL-2.0
/*
 * perf and trace events.
 *
 * perf's tracepoint events (perf_event_open() with PERF_TYPE_TRACEPOINT,
 * "perf record -e sched:sched_switch") are not offered yet: opening one
 * fails with -ENOENT, as it does on a kernel without event tracing, so
 * perf reports the event as unknown.  No perf probe is ever registered on
 * a tracepoint, so the perf half of TRACE_EVENT()'s generated code never
 * runs.
 */
#include <linux/perf_event.h>
#include <linux/trace_events.h>

/**
 * perf_trace_init() - set up a perf tracepoint event
 * @event: the perf event
 *
 * Return: -ENOENT: not offered.
 */
int perf_trace_init(struct perf_event *event)
{
	return -ENOENT;
}

/**
 * perf_trace_destroy() - undo perf_trace_init(); never reached
 * @event: the perf event
 */
void perf_trace_destroy(struct perf_event *event)
{
}

/**
 * perf_trace_add() - schedule a perf tracepoint event in; never reached
 * @event: the perf event
 * @flags: PERF_EF_*
 *
 * Return: -ENOENT.
 */
int perf_trace_add(struct perf_event *event, int flags)
{
	return -ENOENT;
}

/**
 * perf_trace_del() - schedule a perf tracepoint event out; never reached
 * @event: the perf event
 * @flags: PERF_EF_*
 */
void perf_trace_del(struct perf_event *event, int flags)
{
}

/**
 * perf_trace_buf_alloc() - the perf record of a tracepoint hit
 * @size: its size
 * @regs: gets the registers to fill in
 * @rctxp: gets the recursion context
 *
 * Return: NULL: no perf probe is registered, so nothing records.
 */
void *perf_trace_buf_alloc(int size, struct pt_regs **regs, int *rctxp)
{
	return NULL;
}
EXPORT_SYMBOL_GPL(perf_trace_buf_alloc);

/**
 * perf_trace_buf_update() - fill in the header of a perf record
 * @record: the record
 * @type: its event type
 */
void perf_trace_buf_update(void *record, u16 type)
{
	struct trace_entry *ent = record;

	tracing_generic_entry_update(ent, type, tracing_gen_ctx());
}
EXPORT_SYMBOL_GPL(perf_trace_buf_update);

/**
 * ftrace_profile_set_filter() - set the filter of a perf tracepoint event
 * @event: the perf event
 * @event_id: its trace event type
 * @filter_str: the filter
 *
 * Return: -ENOENT: there are no perf tracepoint events to filter.
 */
int ftrace_profile_set_filter(struct perf_event *event, int event_id,
			      char *filter_str)
{
	return -ENOENT;
}

/**
 * ftrace_profile_free_filter() - free the filter of a perf event
 * @event: the perf event
 */
void ftrace_profile_free_filter(struct perf_event *event)
{
}

#ifdef CONFIG_KPROBE_EVENTS
/**
 * perf_kprobe_init() - a perf_kprobe PMU event (perf_event_open() of type
 *	kprobe)
 * @event: the perf event
 * @is_retprobe: a return probe
 *
 * Perf cannot attach to trace events yet, so neither to probe events.
 *
 * Return: -ENOENT.
 */
int perf_kprobe_init(struct perf_event *event, bool is_retprobe)
{
	return -ENOENT;
}

/**
 * perf_kprobe_destroy() - undo perf_kprobe_init()
 * @event: the perf event
 */
void perf_kprobe_destroy(struct perf_event *event)
{
}
#endif

#ifdef CONFIG_UPROBE_EVENTS
/**
 * perf_uprobe_init() - a perf_uprobe PMU event (perf_event_open() of type
 *	uprobe)
 * @event: the perf event
 * @ref_ctr_offset: the probe point's reference counter in the file
 * @is_retprobe: a return probe
 *
 * Perf cannot attach to trace events yet, so neither to probe events.
 *
 * Return: -ENOENT.
 */
int perf_uprobe_init(struct perf_event *event, unsigned long ref_ctr_offset,
		     bool is_retprobe)
{
	return -ENOENT;
}

/**
 * perf_uprobe_destroy() - undo perf_uprobe_init()
 * @event: the perf event
 */
void perf_uprobe_destroy(struct perf_event *event)
{
}
#endif
