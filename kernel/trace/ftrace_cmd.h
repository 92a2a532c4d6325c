/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The commands of set_ftrace_filter, "GLOB:NAME[:PARAM]", for the parts
 * that add one (ftrace_cmds.c has the function tracer's own, the events
 * add enable_event and disable_event).  A command is a static struct
 * ftrace_cmd registered once; ftrace_cmds.c parses the glob, keeps the
 * table of (function, command, data, count) of each instance and runs the
 * commands when their functions are hit.
 */
#ifndef _KERNEL_TRACE_FTRACE_CMD_H
#define _KERNEL_TRACE_FTRACE_CMD_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/types.h>

struct seq_file;
struct trace_array;

/**
 * struct ftrace_cmd - a command of set_ftrace_filter
 * @name: NAME, as written after the function glob
 * @parse: turn PARAM (NULL when absent) into @data and @count in @tr.
 *	@count starts as -1 (unlimited).  When @remove is false, @data is
 *	released with @free once no function has the command any more; when
 *	it is true, @data only has to compare equal to the data of the
 *	command to remove (no reference is taken) and @count is ignored.
 *	May sleep; no lock is held.  Returns 0 or a negative errno.
 * @run: the command, when the function at @ip, which has it, is hit: any
 *	context, preemption off.  @count is the runs left (negative: unlimited);
 *	take one with ftrace_cmd_take() when the command does something.
 * @print: optional; what set_ftrace_filter shows of @data, after
 *	"function:NAME" and before the count
 * @free: optional; release what @parse took.  May sleep; no lock is held.
 * @list: in the list of commands
 * @order: set at registration: the commands of one function are listed
 *	in the order their commands registered
 *
 * Legend: all [I] once registered.
 */
struct ftrace_cmd {
	const char	*name;
	int		(*parse)(struct trace_array *tr, char *param, bool remove,
				 void **data, long *count);
	void		(*run)(struct trace_array *tr, unsigned long ip,
			       void *data, atomic_long_t *count);
	void		(*print)(struct seq_file *m, void *data);
	void		(*free)(void *data);
	struct list_head list;
	unsigned int	order;
};

#ifdef CONFIG_DYNAMIC_FTRACE
int register_ftrace_command(struct ftrace_cmd *cmd);
int register_ftrace_commands(struct ftrace_cmd *cmds, unsigned int n);
int ftrace_cmd_parse_count(const char *s, long *count);
bool ftrace_cmd_take(atomic_long_t *count);
#endif

#endif /* _KERNEL_TRACE_FTRACE_CMD_H */
