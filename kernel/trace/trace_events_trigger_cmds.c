// SPDX-License-Identifier: GPL-2.0
/*
 * The trigger commands of events (see trace_events_trigger.c):
 *
 *	traceon, traceoff	turn the event's instance's tracing_on on/off
 *	snapshot		take a snapshot of the instance
 *	stacktrace		record the kernel stack into the instance
 *	enable_event:S:E	soft-enable event S:E of the same instance
 *	disable_event:S:E	soft-disable it
 *
 * A count limits the runs; traceon, traceoff, enable_event and
 * disable_event only spend one when they change something, snapshot and
 * stacktrace on every run.  traceoff and stacktrace run after the record
 * is written (post triggers).  Every run is lock-free: it flips a bit or
 * a flag, or writes a record.
 */
#include <linux/seq_buf.h>
#include <linux/string.h>

#include "trace_priv.h"
#include "trace_events_priv.h"
#include "trace_trigger.h"

static void traceon_fire(struct event_trigger *t, void *rec)
{
	struct trace_array *tr = t->file->tr;

	if (!tracer_tracing_is_on(tr) && event_trigger_take(t))
		tracer_tracing_on(tr);
}

static void traceoff_fire(struct event_trigger *t, void *rec)
{
	struct trace_array *tr = t->file->tr;

	if (tracer_tracing_is_on(tr) && event_trigger_take(t))
		tracer_tracing_off(tr);
}

static void stacktrace_fire(struct event_trigger *t, void *rec)
{
	struct event_trigger_hit hit = event_trigger_hit();
	struct trace_array *tr = t->file->tr;

	/* Where the hit's own stack starts, when the hit says. */
	if (!event_trigger_take(t))
		return;
	if (hit.regs)
		trace_record_stack_regs(tr, trace_ctx_now(), hit.regs);
	else
		trace_record_stack(tr, trace_ctx_now(), hit.ret, !!hit.ret);
}

#ifdef CONFIG_TRACER_SNAPSHOT
static void snapshot_fire(struct event_trigger *t, void *rec)
{
	if (event_trigger_take(t))
		trace_snapshot_take(t->file->tr);
}
#endif

/* "SYSTEM:EVENT[:...]": the target in the trigger's instance. */
static int event_parse(struct event_trigger *t, char *param)
{
	struct trace_event_file *target;
	char *sys, *ev;

	if (!param)
		return -EINVAL;
	sys = strsep(&param, ":");
	ev = strsep(&param, ":");
	if (!ev || !*sys || !*ev)
		return -EINVAL;
	target = trace_event_find_file(t->file->tr->events, sys, ev);
	if (!target ||
	    (target->event_call->flags & TRACE_EVENT_FL_IGNORE_ENABLE))
		return -EINVAL;
	t->data = target;
	return 0;
}

static int event_attach(struct event_trigger *t)
{
	return trace_event_soft_get(t->data);
}

static void event_detach(struct event_trigger *t)
{
	trace_event_soft_put(t->data);
}

static bool event_same(struct event_trigger *a, struct event_trigger *b)
{
	return a->data == b->data;
}

static void event_print(struct seq_buf *s, struct event_trigger *t)
{
	struct trace_event_call *call = ((struct trace_event_file *)t->data)->event_call;

	seq_buf_printf(s, ":%s:%s", call->class->system,
		       trace_event_name(call));
}

static void enable_event_fire(struct event_trigger *t, void *rec)
{
	struct trace_event_file *target = t->data;

	if (test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &target->flags) &&
	    event_trigger_take(t))
		clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &target->flags);
}

static void disable_event_fire(struct event_trigger *t, void *rec)
{
	struct trace_event_file *target = t->data;

	if (!test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &target->flags) &&
	    event_trigger_take(t))
		set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &target->flags);
}

/* In the order the trigger file lists them. */
static struct event_trigger_cmd trigger_cmds[] = {
	{
		.name		= "traceon",
		.type		= ETT_TRACE_ONOFF,
		.fire		= traceon_fire,
	}, {
		.name		= "traceoff",
		.type		= ETT_TRACE_ONOFF,
		.post		= true,
		.fire		= traceoff_fire,
	},
#ifdef CONFIG_TRACER_SNAPSHOT
	{
		.name		= "snapshot",
		.type		= ETT_SNAPSHOT,
		.prepare	= trace_snapshot_arm,
		.fire		= snapshot_fire,
	},
#endif
	{
		.name		= "stacktrace",
		.type		= ETT_STACKTRACE,
		.post		= true,
		.fire		= stacktrace_fire,
	}, {
		.name		= "enable_event",
		.type		= ETT_EVENT_ENABLE,
		.needs_param	= true,
		.parse		= event_parse,
		.attach		= event_attach,
		.detach		= event_detach,
		.same		= event_same,
		.fire		= enable_event_fire,
		.print		= event_print,
	}, {
		.name		= "disable_event",
		.type		= ETT_EVENT_ENABLE,
		.needs_param	= true,
		.parse		= event_parse,
		.attach		= event_attach,
		.detach		= event_detach,
		.same		= event_same,
		.fire		= disable_event_fire,
		.print		= event_print,
	},
};

static int __init trigger_cmds_init(void)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < ARRAY_SIZE(trigger_cmds) && !ret; i++)
		ret = event_trigger_cmd_register(&trigger_cmds[i]);
	return ret;
}
core_initcall(trigger_cmds_init);
