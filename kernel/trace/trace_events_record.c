// SPDX-License-Identifier: GPL-2.0
/*
 * The fast path of trace events: what TRACE_EVENT()'s generated probe
 * calls on every hit of an enabled tracepoint.
 *
 *	if (trace_trigger_soft_disabled(file))	(inline: one flags test)
 *		return;
 *	entry = trace_event_buffer_reserve(&fb, file, len);
 *	... fill in the fields ...
 *	trace_event_buffer_commit(&fb);
 *
 * The probe's data is the trace_event_file of the instance it writes to.
 */
#include <linux/tracepoint.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/**
 * trace_event_reg() - the reg callback of TRACE_EVENT() classes
 * @call: the event
 * @type: TRACE_REG_REGISTER or TRACE_REG_UNREGISTER
 * @data: the trace_event_file the probe writes for
 *
 * Perf's tracepoint events are not offered (perf_trace_init() refuses
 * them), so the perf requests are refused as well.
 *
 * Return: 0 or an errno of the tracepoint core.
 */
int trace_event_reg(struct trace_event_call *call, enum trace_reg type,
		    void *data)
{
	switch (type) {
	case TRACE_REG_REGISTER:
		return tracepoint_probe_register(call->tp, call->class->probe,
						 data);
	case TRACE_REG_UNREGISTER:
		tracepoint_probe_unregister(call->tp, call->class->probe, data);
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}
EXPORT_SYMBOL_GPL(trace_event_reg);

/**
 * __trace_trigger_soft_disabled() - the slow half of
 *	trace_trigger_soft_disabled()
 * @file: the event in an instance
 *
 * Return: true when the probe must not write (the event is soft-disabled).
 */
bool __trace_trigger_soft_disabled(struct trace_event_file *file)
{
	return test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
}
EXPORT_SYMBOL_GPL(__trace_trigger_soft_disabled);

/**
 * trace_event_ignore_this_pid() - is the current task filtered out?
 * @trace_file: the event in an instance
 *
 * There is no per-instance event pid filter (set_event_pid) yet.
 *
 * Return: false.
 */
bool trace_event_ignore_this_pid(struct trace_event_file *trace_file)
{
	return false;
}
EXPORT_SYMBOL_GPL(trace_event_ignore_this_pid);

/**
 * trace_event_buffer_reserve() - reserve the record of an event hit
 * @fbuffer: filled in for trace_event_buffer_commit()
 * @trace_file: the event in the instance written to
 * @len: bytes of the record, header included
 *
 * Return: the record, or NULL when nothing may be written.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_file *trace_file,
				 unsigned long len)
{
	struct trace_event_call *call = trace_file->event_call;
	struct trace_array *tr = trace_file->tr;

	/*
	 * A preemptible kernel's tracepoint disabled preemption around the
	 * probe: that level is not the traced code's.
	 */
	fbuffer->trace_ctx = trace_ctx_now();
	if (IS_ENABLED(CONFIG_PREEMPTION) && (fbuffer->trace_ctx & 0xf))
		fbuffer->trace_ctx--;
	fbuffer->event = trace_reserve(tr, &fbuffer->buffer, call->event.type,
				       len, fbuffer->trace_ctx);
	if (!fbuffer->event)
		return NULL;
	fbuffer->trace_file = trace_file;
	fbuffer->regs = NULL;
	fbuffer->entry = ring_buffer_event_data(fbuffer->event);
	return fbuffer->entry;
}
EXPORT_SYMBOL_GPL(trace_event_buffer_reserve);

/**
 * trace_event_buffer_commit() - commit the record of an event hit
 * @fbuffer: from trace_event_buffer_reserve()
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;
	struct trace_array *tr = file->tr;
	struct event_filter *f;

	if (unlikely(file->flags & EVENT_FILE_FL_FILTERED)) {
		/* Pairs with rcu_replace_pointer() in file_set_filter(). */
		f = rcu_dereference_sched(file->filter);
		if (f && !trace_filter_match(f, fbuffer->entry)) {
			ring_buffer_discard_commit(fbuffer->buffer,
						   fbuffer->event);
			return;
		}
	}
	trace_commit(tr, fbuffer->buffer);
	/* options/stacktrace: from the probe's registers, or from the caller. */
	if (unlikely(READ_ONCE(tr->flags) & TRACE_OPT_STACKTRACE)) {
		if (fbuffer->regs)
			trace_record_stack_regs(tr, fbuffer->trace_ctx,
						fbuffer->regs);
		else
			trace_record_stack(tr, fbuffer->trace_ctx, 3);
	}
	trace_save_writer_once(tr);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_commit);
