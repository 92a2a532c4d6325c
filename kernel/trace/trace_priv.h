/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface of the tracing core, shared by the files of
 * kernel/trace and by the tracers.  Nothing outside kernel/trace uses it.
 *
 * Objects:
 *
 *   struct tracer       a plugin selected through current_tracer; static,
 *                       registered once with register_tracer().
 *   struct trace_array  a tracing instance: which tracer is current and
 *                       whether tracing is on.  There is one, the global
 *                       instance (trace_top); instances come with the ring
 *                       buffer.
 *
 * Locking: trace_types_lock (a mutex) serialises registration, tracer
 * switching and everything else that changes a trace_array; the legend of
 * each struct says which members it protects.
 */
#ifndef _KERNEL_TRACE_PRIV_H
#define _KERNEL_TRACE_PRIV_H

#include <linux/ftrace.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct seq_file;
struct trace_array;
struct tracer;

/**
 * struct tracer_opt - a tracer-specific option
 * @name: option name, as it appears in trace_options
 * @bit: the option's bit in tracer_flags.val
 */
struct tracer_opt {
	const char	*name;
	u32		bit;
};

/**
 * struct tracer_flags - the option set of a tracer
 * @val: current option bits
 * @opts: the options, terminated by an entry with a NULL name
 *
 * Legend: [I] immutable after registration, [L] trace_types_lock.
 */
struct tracer_flags {
	u32			val;	/* [L] */
	struct tracer_opt	*opts;	/* [I] */
};

/**
 * struct tracer - a tracer plugin
 * @name: unique name, 1 to MAX_TRACER_SIZE - 1 characters
 * @init: start tracing on @tr; called when the tracer becomes current
 * @reset: stop tracing on @tr; called when another tracer replaces it
 * @start: optional, called when tracing_on goes from 0 to 1
 * @stop: optional, called when tracing_on goes from 1 to 0
 * @selftest: optional, run at registration when CONFIG_FTRACE_STARTUP_TEST
 *	is set; returns 0 when the tracer works
 * @set_flag: called before an option bit changes; may refuse with an errno.
 *	Registration fills in an accept-all default when it is NULL.
 * @flags: option set; registration gives a tracer without one an empty set
 * @noboot: must not be selected before boot has finished
 * @allow_instances: may be current in an instance, not only the global array
 * @list: link in the list of registered tracers
 *
 * Legend: [I] immutable once registered, [L] trace_types_lock.
 * All members but @list are [I]; @list is [L].
 */
struct tracer {
	const char		*name;
	int			(*init)(struct trace_array *tr);
	void			(*reset)(struct trace_array *tr);
	void			(*start)(struct trace_array *tr);
	void			(*stop)(struct trace_array *tr);
	int			(*selftest)(struct tracer *trace,
					    struct trace_array *tr);
	int			(*set_flag)(struct trace_array *tr, u32 old_flags,
					    u32 bit, int set);
	struct tracer_flags	*flags;
	bool			noboot;
	bool			allow_instances;
	struct list_head	list;
};

/**
 * struct trace_array - a tracing instance
 * @name: instance name, NULL for the global instance
 * @current_trace: the tracer selected through current_tracer
 * @on: the tracing_on switch
 * @stop_count: nesting depth of tracing_stop(); recording needs it at 0
 *
 * Legend: [I] immutable, [L] trace_types_lock.  @on and @stop_count are
 * written under [L] (or by tracing_off() from any context, which only
 * clears @on) and read locklessly with READ_ONCE().
 */
struct trace_array {
	const char		*name;		/* [I] */
	struct tracer		*current_trace;	/* [L] */
	bool			on;		/* [L] write, lockless read */
	int			stop_count;	/* [L] write, lockless read */
};

extern struct mutex trace_types_lock;
extern struct trace_array trace_top;
extern struct tracer nop_trace;

/* tracer.c: the registry of tracers. */
int register_tracer(struct tracer *type);
void unregister_tracer(struct tracer *type);
int tracing_set_tracer(struct trace_array *tr, const char *name);
int tracer_show_available(struct seq_file *m);
void tracer_set_boot_name(const char *name);
const char *tracer_boot_name(void);

/* trace_core.c: the on/off state of a trace_array. */
void tracer_tracing_on(struct trace_array *tr);
void tracer_tracing_off(struct trace_array *tr);
bool tracer_tracing_is_on(struct trace_array *tr);
void tracing_on_store(struct trace_array *tr, bool on);

#endif /* _KERNEL_TRACE_PRIV_H */
