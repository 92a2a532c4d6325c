// SPDX-License-Identifier: GPL-2.0
/*
 * Event pid filters: set_event_pid and set_event_notrace_pid of each
 * instance, and options/event-fork.
 *
 * With set_event_pid non-empty, the events of the instance record only
 * while a task of it runs; a task of set_event_notrace_pid never records.
 * The sets are a struct trace_pids (trace_pids.c).  Rather than look the
 * current pid up on every event, probes on the scheduler keep a per-CPU
 * "ignore" flag of the instance up to date, and every event file of the
 * instance carries EVENT_FILE_FL_PID_FILTER, which sends its hits to
 * trace_event_ignore_this_pid(), a test of that flag:
 *
 *	sched_switch, before its event:	 ignore unless prev or next is followed
 *	sched_switch, after:		 ignore unless next is followed
 *	sched_waking/wakeup[_new], before: record if the wakee is followed
 *	sched_waking/wakeup[_new], after:  ignore unless current is followed
 *
 * so a switch or wakeup that involves a followed task is recorded, as
 * upstream's are.
 */
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <trace/events/sched.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/**
 * struct event_pid - the event pid filter of one instance
 * @pids: set_event_pid ([0]) and set_event_notrace_pid ([1])
 * @ignore: per CPU: the current task's events are not recorded
 * @probes: the scheduler probes are registered
 *
 * Legend: [I] set at init; @pids has its own; @probes is under
 * event_mutex; @ignore is written by the probes and by on_each_cpu()
 * on its own CPU only, and read there.
 */
struct event_pid {
	struct trace_pids	pids;
	bool __percpu		*ignore;	/* [I] */
	bool			probes;
};

static struct event_pid *pid_of(struct trace_array *tr)
{
	return tr->events->pid;
}

/**
 * trace_event_ignore_this_pid() - is the current task filtered out?
 * @trace_file: the event in an instance (EVENT_FILE_FL_PID_FILTER set)
 *
 * Context: a probe, preemption disabled.
 * Return: true when the instance's pid filter leaves this task out.
 */
bool trace_event_ignore_this_pid(struct trace_event_file *trace_file)
{
	struct event_pid *ep = pid_of(trace_file->tr);

	return ep && READ_ONCE(ep->pids.active) && this_cpu_read(*ep->ignore);
}
EXPORT_SYMBOL_GPL(trace_event_ignore_this_pid);

static bool ignores(struct event_pid *ep, struct task_struct *t)
{
	return __trace_pids_ignore(&ep->pids, t->pid);
}

static void switch_pre(void *data, bool preempt, struct task_struct *prev,
		       struct task_struct *next, unsigned int prev_state)
{
	struct event_pid *ep = data;

	this_cpu_write(*ep->ignore, ignores(ep, prev) && ignores(ep, next));
}

static void switch_post(void *data, bool preempt, struct task_struct *prev,
			struct task_struct *next, unsigned int prev_state)
{
	struct event_pid *ep = data;

	this_cpu_write(*ep->ignore, ignores(ep, next));
}

static void wakeup_pre(void *data, struct task_struct *task)
{
	struct event_pid *ep = data;

	if (this_cpu_read(*ep->ignore))
		this_cpu_write(*ep->ignore, ignores(ep, task));
}

static void wakeup_post(void *data, struct task_struct *task)
{
	struct event_pid *ep = data;

	if (!this_cpu_read(*ep->ignore))
		this_cpu_write(*ep->ignore, ignores(ep, current));
}

/* Around every other probe of the tracepoint: first and last. */
#define PRE	INT_MAX
#define POST	0

static const struct {
	struct tracepoint	*tp;
	void			*fn;
	int			prio;
} sched_probes[] = {
	{ &__tracepoint_sched_switch,		switch_pre,	PRE },
	{ &__tracepoint_sched_switch,		switch_post,	POST },
	{ &__tracepoint_sched_waking,		wakeup_pre,	PRE },
	{ &__tracepoint_sched_waking,		wakeup_post,	POST },
	{ &__tracepoint_sched_wakeup,		wakeup_pre,	PRE },
	{ &__tracepoint_sched_wakeup,		wakeup_post,	POST },
	{ &__tracepoint_sched_wakeup_new,	wakeup_pre,	PRE },
	{ &__tracepoint_sched_wakeup_new,	wakeup_post,	POST },
};

/* Unregister the first @n of sched_probes. */
static void probes_off(struct event_pid *ep, int n)
{
	while (n--)
		tracepoint_probe_unregister(sched_probes[n].tp,
					    sched_probes[n].fn, ep);
	tracepoint_synchronize_unregister();
}

static int probes_on(struct event_pid *ep)
{
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(sched_probes); i++) {
		ret = tracepoint_probe_register_prio(sched_probes[i].tp,
						     sched_probes[i].fn, ep,
						     sched_probes[i].prio);
		if (ret) {
			probes_off(ep, i);
			return ret;
		}
	}
	return 0;
}

/* The task running on this CPU now: followed or not. */
static void ignore_current(void *data)
{
	struct event_pid *ep = data;

	this_cpu_write(*ep->ignore, ignores(ep, current));
}

/*
 * A set was written: the scheduler probes run while a set is non-empty,
 * and every event file of the instance (and every one made later, through
 * new_file_flags) sends its hits to the flag.
 */
static void pids_changed(struct trace_pids *p)
{
	struct event_pid *ep = container_of(p, struct event_pid, pids);
	struct trace_event_inst *ev = p->tr->events;
	bool on = READ_ONCE(p->active);
	struct trace_event_file *file;

	mutex_lock(&event_mutex);
	if (on && !ep->probes)
		ep->probes = !probes_on(ep);
	if (on)
		on_each_cpu(ignore_current, ep, 1);
	if (on != !!(ev->new_file_flags & EVENT_FILE_FL_PID_FILTER)) {
		list_for_each_entry(file, &ev->files, list)
			assign_bit(EVENT_FILE_FL_PID_FILTER_BIT, &file->flags,
				   on);
		if (on)
			ev->new_file_flags |= EVENT_FILE_FL_PID_FILTER;
		else
			ev->new_file_flags &= ~EVENT_FILE_FL_PID_FILTER;
	}
	if (!on && ep->probes) {
		probes_off(ep, ARRAY_SIZE(sched_probes));
		ep->probes = false;
	}
	mutex_unlock(&event_mutex);
}

/* The flag and the files are read with preemption off. */
static const struct trace_pids_ops event_pids_ops = {
	.sync		= tracepoint_synchronize_unregister,
	.changed	= pids_changed,
	.empty		= "",
};

static int event_pid_init(struct trace_array *tr)
{
	struct event_pid *ep = kzalloc(sizeof(*ep), GFP_KERNEL);

	if (!ep)
		return -ENOMEM;
	ep->ignore = alloc_percpu(bool);
	if (!ep->ignore) {
		kfree(ep);
		return -ENOMEM;
	}
	trace_pids_init(&ep->pids, tr, &event_pids_ops);
	tr->events->pid = ep;
	return 0;
}

/* The instance goes away: no file is open. */
static void event_pid_free(struct trace_array *tr)
{
	struct event_pid *ep = pid_of(tr);

	if (tr->flags & TRACE_OPT_EVENT_FORK)
		trace_pids_fork(&ep->pids, false);
	trace_pids_clear(&ep->pids);
	tr->events->pid = NULL;
	free_percpu(ep->ignore);
	kfree(ep);
}

static void event_pid_create_files(struct trace_array *tr, struct dentry *dir)
{
	trace_pids_create_files(&pid_of(tr)->pids, dir, "set_event_pid",
				"set_event_notrace_pid");
}

/* options/event-fork: start or stop following forks. */
static int event_fork_changed(struct trace_array *tr, bool on)
{
	lockdep_assert_held(&trace_types_lock);
	return trace_pids_fork(&pid_of(tr)->pids, on);
}

static const struct trace_option event_pid_opts[] = {
	{ "event-fork",	TRACE_OPT_EVENT_FORK_BIT, false, event_fork_changed,
	  .fresh = true },
};

static const struct trace_part event_pid_part = {
	.name		= "event pid filter",
	.id		= TRACE_PART_EVENT_PID,
	.opts		= event_pid_opts,
	.nr_opts	= ARRAY_SIZE(event_pid_opts),
	.init		= event_pid_init,
	.free		= event_pid_free,
	.create_files	= event_pid_create_files,
};

static int __init event_pid_part_init(void)
{
	return trace_part_register(&event_pid_part);
}
core_initcall(event_pid_part_init);
