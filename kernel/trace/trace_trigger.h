/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event triggers: what runs when an event is hit, beside (or instead of)
 * writing its record.  The events core walks an event's triggers on
 * every hit (trace_events_record.c); the trigger file and the commands
 * (trace_events_trigger*.c) fill the list.  A kind of trigger is a
 * struct event_trigger_cmd in the table; hist and event probes are later
 * entries, nothing in the walk knows any of them.
 *
 * Two moments of a hit:
 *   before the record  when no trigger of the event needs the record
 *                      (none has a filter, none is a post trigger), all
 *                      run before anything is reserved, with no record;
 *   around the record  otherwise (EVENT_FILE_FL_TRIGGER_COND): the record
 *                      is reserved and filled (in a scratch buffer when
 *                      the event only has triggers or the buffer is off),
 *                      each trigger whose filter matches runs, the record
 *                      is committed or dropped, then the post triggers run.
 */
#ifndef _KERNEL_TRACE_TRIGGER_H
#define _KERNEL_TRACE_TRIGGER_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/trace_events.h>

struct event_filter;
struct event_trigger;
struct seq_buf;
struct trace_array;

/**
 * struct event_trigger_cmd - a kind of trigger ("traceon", "enable_event")
 * @name: the command as written in the trigger file
 * @type: ETT_* bit; an event has at most one trigger of a type (and of
 *	the same @same key)
 * @post: runs after the record is committed (needs it written first)
 * @needs_rec: runs on the record (an event probe reads its fields)
 * @internal: attached by kernel code (event_trigger_attach()), not in
 *	the trigger file: neither listed nor written there
 * @needs_param: "CMD:PARAM..." must name something (enable_event's event)
 * @prepare: optional; what may sleep and take the tracing locks, before
 *	event_mutex is taken (the snapshot buffer); 0 or an errno
 * @parse: optional; resolve @param (the text after "CMD:" up to the
 *	count, NULL when there is none) into @t->data, taking nothing; also
 *	used to find the trigger a removal names; 0 or an errno
 * @attach: optional; take what @t->data needs while @t is listed (a hold
 *	on the target event); 0 or an errno
 * @detach: optional; undo @attach, once no hit can see @t
 * @same: optional; whether two triggers of the type are the same one
 *	(enable_event of the same event); without it, the type alone is
 * @fire: run the trigger; @rec is the record or NULL (before it)
 * @print: optional; what the listing shows between the name and the count
 * @list: in the table of commands
 *
 * Static; @fire runs in any context, the rest under event_mutex but for
 * @prepare, which runs without it.
 */
struct event_trigger_cmd {
	const char	*name;
	unsigned int	type;
	bool		post;
	bool		needs_rec;
	bool		internal;
	bool		needs_param;
	int		(*prepare)(struct trace_array *tr);
	int		(*parse)(struct event_trigger *t, char *param);
	int		(*attach)(struct event_trigger *t);
	void		(*detach)(struct event_trigger *t);
	bool		(*same)(struct event_trigger *a,
				struct event_trigger *b);
	void		(*fire)(struct event_trigger *t, void *rec);
	void		(*print)(struct seq_buf *s, struct event_trigger *t);
	struct list_head list;
};

/**
 * struct event_trigger - one trigger of an event in an instance
 * @link: on the event file's triggers list
 * @cmd: its command
 * @file: the event (in its instance) the trigger is on
 * @filter: NULL, or what the record must match for the trigger to run
 * @filter_str: the filter's text, for the listing
 * @count: runs left; -1: no limit
 * @data: the command's
 * @next_dead: once unlisted, the next trigger to free with it
 *
 * Legend: @link is written under event_mutex and walked under RCU
 * (sched) by the hits; @count is atomic (the hits take runs from it);
 * @next_dead is the remover's, under event_mutex; everything else is set
 * before the trigger is listed and never changes.
 */
struct event_trigger {
	struct list_head		link;
	const struct event_trigger_cmd	*cmd;
	struct trace_event_file		*file;
	struct event_filter		*filter;
	char				*filter_str;
	atomic_long_t			count;
	void				*data;
	struct event_trigger		*next_dead;
};

/**
 * event_trigger_take() - take one run from a trigger's count
 * @t: the trigger
 *
 * Return: true when the trigger may run (no limit, or a run was left).
 */
static inline bool event_trigger_take(struct event_trigger *t)
{
	long c = atomic_long_read(&t->count);

	do {
		if (c < 0)
			return true;
		if (!c)
			return false;
	} while (!atomic_long_try_cmpxchg(&t->count, &c, c - 1));
	return true;
}

/**
 * struct event_trigger_hit - where the hit whose triggers run comes from
 * @ret: the return address into the probe (0: not known)
 * @regs: the probe's registers, or NULL
 *
 * Legend: per CPU and context level, written by the hit's walks.
 */
struct event_trigger_hit {
	unsigned long	ret;
	struct pt_regs	*regs;
};

/* trace_events_record.c: the hit whose triggers run. */
struct event_trigger_hit event_trigger_hit_begin(unsigned long ret,
						 struct pt_regs *regs);
void event_trigger_hit_end(struct event_trigger_hit prev);
struct event_trigger_hit event_trigger_hit(void);

/* trace_events_trigger.c: the table of commands, in-kernel triggers. */
int event_trigger_cmd_register(struct event_trigger_cmd *cmd);
int event_trigger_attach(struct trace_event_file *file,
			 const struct event_trigger_cmd *cmd, void *data,
			 const char *filter);
void event_trigger_detach(struct trace_event_file *file,
			  const struct event_trigger_cmd *cmd, void *data);

#endif /* _KERNEL_TRACE_TRIGGER_H */
