// SPDX-License-Identifier: GPL-2.0
/*
 * Trace exports: in-kernel consumers, registered with
 * register_ftrace_export() (the STM driver's stm_ftrace is one), that get
 * a copy of each record as it goes into a buffer of any instance:
 *
 *	TRACE_EXPORT_FUNCTION	the function tracer's records
 *	TRACE_EXPORT_EVENT	trace event records a filter kept
 *	TRACE_EXPORT_MARKER	trace_marker writes
 *
 * ->write() gets the record's bytes, struct trace_entry first, and their
 * length, in the writer's context with preemption off: it must not sleep
 * and may run in NMI.  A record that ->write() itself causes (it calls a
 * traced function, say) is exported too, up to EXPORT_MAX_DEPTH levels;
 * past that the nested records go to the buffer only.
 *
 * The writers test a static key per kind: with no export a record costs
 * one NOP more.
 */
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/trace.h>

#include "trace_priv.h"

DEFINE_STATIC_KEY_FALSE(trace_export_function);
DEFINE_STATIC_KEY_FALSE(trace_export_event);
DEFINE_STATIC_KEY_FALSE(trace_export_marker);

/* A level for each context a CPU can nest: task, softirq, irq, NMI. */
#define EXPORT_MAX_DEPTH	4

/*
 * exports: the registered exports, newest first.  export_lock serialises
 * changes of the list and of the keys; writers walk it with preemption
 * off, wherever a record can be written (also where RCU does not watch).
 */
static DEFINE_MUTEX(export_lock);
static struct trace_export __rcu *exports;
static DEFINE_PER_CPU(unsigned int, export_depth);

/**
 * trace_export_write() - hand a record to the exports of its kind
 * @rec: the record, struct trace_entry first
 * @len: its length in bytes
 * @kind: TRACE_EXPORT_FUNCTION, TRACE_EXPORT_EVENT or TRACE_EXPORT_MARKER
 *
 * Called by the writers when their kind's static key is on.
 */
void trace_export_write(const void *rec, unsigned int len, int kind)
{
	struct trace_export *e;

	preempt_disable_notrace();
	if (this_cpu_inc_return(export_depth) <= EXPORT_MAX_DEPTH) {
		/* Pairs with rcu_assign_pointer() in register_ftrace_export() */
		for (e = rcu_dereference_raw(exports); e;
		     e = rcu_dereference_raw(e->next))
			if (e->flags & kind)
				e->write(e, rec, len);
	}
	this_cpu_dec(export_depth);
	preempt_enable_notrace();
}

/* Turn the keys of @flags on or off: one count per export of each kind. */
static void keys_update(int flags, bool on)
{
	static const struct {
		int			flag;
		struct static_key_false	*key;
	} keys[] = {
		{ TRACE_EXPORT_FUNCTION,	&trace_export_function },
		{ TRACE_EXPORT_EVENT,		&trace_export_event },
		{ TRACE_EXPORT_MARKER,		&trace_export_marker },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		if (!(flags & keys[i].flag))
			continue;
		if (on)
			static_branch_inc(keys[i].key);
		else
			static_branch_dec(keys[i].key);
	}
}

/**
 * register_ftrace_export() - start copying records to an export
 * @export: its ->write() and the kinds of records it wants in ->flags
 *
 * Return: 0; -EINVAL without ->write(), or when @export is registered
 * already.
 */
int register_ftrace_export(struct trace_export *export)
{
	struct trace_export *e;
	int ret = 0;

	if (WARN_ON_ONCE(!export->write))
		return -EINVAL;
	mutex_lock(&export_lock);
	for (e = rcu_dereference_protected(exports, lockdep_is_held(&export_lock));
	     e; e = rcu_dereference_protected(e->next, lockdep_is_held(&export_lock)))
		if (e == export)
			ret = -EINVAL;
	if (!ret) {
		/* Its keys first: a writer that sees it calls it. */
		keys_update(export->flags, true);
		RCU_INIT_POINTER(export->next,
				 rcu_dereference_protected(exports, 1));
		/* Pairs with rcu_dereference_raw() in trace_export_write() */
		rcu_assign_pointer(exports, export);
	}
	mutex_unlock(&export_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(register_ftrace_export);

/**
 * unregister_ftrace_export() - stop copying records to an export
 * @export: a registered export
 *
 * On return no CPU is in @export->write() any more: its module may go.
 *
 * Return: 0, or -ENOENT when @export is not registered.
 */
int unregister_ftrace_export(struct trace_export *export)
{
	struct trace_export __rcu **p;
	struct trace_export *e;
	int ret = -ENOENT;

	mutex_lock(&export_lock);
	for (p = &exports;
	     (e = rcu_dereference_protected(*p, lockdep_is_held(&export_lock)));
	     p = &e->next) {
		if (e != export)
			continue;
		rcu_assign_pointer(*p, rcu_dereference_protected(e->next, 1));
		keys_update(export->flags, false);
		ret = 0;
		break;
	}
	mutex_unlock(&export_lock);
	if (ret)
		return ret;
	/*
	 * Writers walk the list with preemption off, the function tracer's
	 * also where RCU does not watch: only a context switch on every CPU
	 * proves those are done.
	 */
	synchronize_rcu();
	if (IS_ENABLED(CONFIG_TASKS_RUDE_RCU))
		synchronize_rcu_tasks_rude();
	return 0;
}
EXPORT_SYMBOL_GPL(unregister_ftrace_export);
