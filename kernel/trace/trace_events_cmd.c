// SPDX-License-Identifier: GPL-2.0
/*
 * The events' commands of set_ftrace_filter:
 *
 *	GLOB:enable_event:SYSTEM:EVENT[:N]	turn a soft-disabled event on
 *	GLOB:disable_event:SYSTEM:EVENT[:N]	turn it off
 *
 * A command holds the event's file in the instance registered in soft
 * mode (trace_event_soft_get()) for as long as a function has it; its run
 * only flips the SOFT_DISABLED bit, which the event's probe tests, and N
 * counts the flips.  ftrace_cmds.c keeps the tables and calls parse and
 * free without ftrace_lock, so event_mutex is taken here alone.
 */
#include <linux/seq_file.h>
#include <linux/string.h>

#include "ftrace_cmd.h"
#include "trace_events_priv.h"
#include "trace_priv.h"

/* "SYSTEM:EVENT[:N]": the event's file, held unless @remove, and N. */
static int event_cmd_parse(struct trace_array *tr, char *param, bool remove,
			   void **data, long *count)
{
	struct trace_event_file *file;
	char *sys, *ev;
	int ret;

	if (!param)
		return -EINVAL;
	sys = strsep(&param, ":");
	ev = strsep(&param, ":");
	if (!ev || !*sys || !*ev)
		return -EINVAL;
	/* A count given with a removal is ignored, as upstream does. */
	if (!remove && ftrace_cmd_parse_count(param, count))
		return -EINVAL;
	mutex_lock(&event_mutex);
	ret = -EINVAL;
	file = tr->events ? trace_event_find_file(tr->events, sys, ev) : NULL;
	if (file)
		ret = remove ? 0 : trace_event_soft_get(file);
	mutex_unlock(&event_mutex);
	*data = file;
	return ret;
}

static void event_cmd_free(void *data)
{
	mutex_lock(&event_mutex);
	trace_event_soft_put(data);
	mutex_unlock(&event_mutex);
}

static void event_cmd_print(struct seq_file *m, void *data)
{
	struct trace_event_file *file = data;

	seq_printf(m, ":%s:%s", file->event_call->class->system,
		   trace_event_name(file->event_call));
}

static void enable_event_run(struct trace_array *tr, unsigned long ip,
			     void *data, atomic_long_t *count)
{
	struct trace_event_file *file = data;

	if (test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags) &&
	    ftrace_cmd_take(count))
		clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
}

static void disable_event_run(struct trace_array *tr, unsigned long ip,
			      void *data, atomic_long_t *count)
{
	struct trace_event_file *file = data;

	if (!test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags) &&
	    ftrace_cmd_take(count))
		set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
}

static struct ftrace_cmd event_cmds[] = {
	{
		.name	= "enable_event",
		.parse	= event_cmd_parse,
		.run	= enable_event_run,
		.print	= event_cmd_print,
		.free	= event_cmd_free,
	}, {
		.name	= "disable_event",
		.parse	= event_cmd_parse,
		.run	= disable_event_run,
		.print	= event_cmd_print,
		.free	= event_cmd_free,
	},
};

static int __init event_cmds_register(void)
{
	return register_ftrace_commands(event_cmds, ARRAY_SIZE(event_cmds));
}
core_initcall(event_cmds_register);
