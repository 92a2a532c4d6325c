// SPDX-License-Identifier: GPL-2.0
/*
 * perf's tracepoint PMU on trace events: perf_event_open() with
 * PERF_TYPE_TRACEPOINT and an event's id ("perf record -e
 * sched:sched_switch", "perf stat -e 'syscalls:sys_enter_*'").
 *
 * An event with perf users has its class's perf probe registered
 * (reg(TRACE_REG_PERF_REGISTER)) and a per-CPU list of the perf events
 * scheduled in on that CPU (call->perf_events): perf core adds and
 * removes them through perf_trace_add()/perf_trace_del().  A hit with a
 * non-empty list builds its record in a per-CPU buffer of the recursion
 * context (perf_trace_buf_alloc()) and hands it to perf_tp_event(), which
 * applies each perf event's filter (ftrace_profile_set_filter()).
 *
 * Locking: event_mutex serialises opening and closing (perf_refcount,
 * perf_events and the buffers); probes read the per-CPU lists under RCU
 * (sched), and a list's last user waits for them before it frees it.
 *
 * The function event (ftrace:function) is no tracepoint: each of its perf
 * events has an ftrace_ops of its own (below).  The perf_kprobe and
 * perf_uprobe PMUs are the probe events' (probes/), through
 * trace_event_perf_open().
 */
#include <linux/ctype.h>
#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/perf_event.h>
#include <linux/slab.h>
#include <linux/trace_events.h>
#include <linux/tracepoint.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* One record buffer per CPU and recursion context: [event_mutex] to set. */
static char __percpu *perf_bufs[PERF_NR_CONTEXTS];
static int perf_bufs_users;	/* [event_mutex] events with perf users */

static int bufs_get(void)
{
	int i;

	if (perf_bufs_users++)
		return 0;
	for (i = 0; i < PERF_NR_CONTEXTS; i++) {
		perf_bufs[i] = __alloc_percpu(PERF_MAX_TRACE_SIZE,
					      __alignof__(u64));
		if (!perf_bufs[i])
			goto fail;
	}
	return 0;
fail:
	while (i--) {
		free_percpu(perf_bufs[i]);
		perf_bufs[i] = NULL;
	}
	perf_bufs_users--;
	return -ENOMEM;
}

/* After the probes are gone (tracepoint_synchronize_unregister()). */
static void bufs_put(void)
{
	int i;

	if (--perf_bufs_users)
		return;
	for (i = 0; i < PERF_NR_CONTEXTS; i++) {
		free_percpu(perf_bufs[i]);
		perf_bufs[i] = NULL;
	}
}

/*
 * May the opener have @call's records?  Counting is open to anyone perf
 * lets in; raw records (PERF_SAMPLE_RAW) need perf's tracepoint
 * permission, except events marked for any user traced in their task.
 */
static int perf_permitted(struct trace_event_call *call,
			  struct perf_event *p_event)
{
	int ret;

	if (call->perf_perm) {
		ret = call->perf_perm(call, p_event);
		if (ret)
			return ret;
	}
	/* An inherited event: its parent was checked. */
	if (p_event->parent)
		return 0;
	if (!(p_event->attr.sample_type & PERF_SAMPLE_RAW))
		return 0;
	if (p_event->attach_state == PERF_ATTACH_TASK &&
	    (call->flags & TRACE_EVENT_FL_CAP_ANY))
		return 0;
	return perf_allow_tracepoint();
}

/* The first perf user of @call: its lists, the buffers, its probe. */
static int call_perf_get(struct trace_event_call *call)
{
	struct hlist_head __percpu *lists;
	int cpu, ret;

	if (call->perf_refcount++)
		return 0;
	ret = -ENOMEM;
	lists = alloc_percpu(struct hlist_head);
	if (!lists)
		goto fail;
	for_each_possible_cpu(cpu)
		INIT_HLIST_HEAD(per_cpu_ptr(lists, cpu));
	ret = bufs_get();
	if (ret)
		goto fail_lists;
	call->perf_events = lists;
	ret = call->class->reg(call, TRACE_REG_PERF_REGISTER, NULL);
	if (!ret)
		return 0;
	call->perf_events = NULL;
	bufs_put();
fail_lists:
	free_percpu(lists);
fail:
	call->perf_refcount--;
	return ret;
}

static void call_perf_put(struct trace_event_call *call)
{
	if (--call->perf_refcount)
		return;
	call->class->reg(call, TRACE_REG_PERF_UNREGISTER, NULL);
	/* No probe may still be walking the lists or writing a buffer. */
	tracepoint_synchronize_unregister();
	free_percpu(call->perf_events);
	call->perf_events = NULL;
	bufs_put();
}

/**
 * trace_event_perf_open() - give a perf event the records of a trace event
 * @call: the trace event, held by the caller
 * @p_event: the perf event
 *
 * For perf_trace_init() and the PMUs of local probe events (which are in
 * no list: perf alone uses them).
 *
 * Context: event_mutex held.
 * Return: 0, or the errno of the permission check or the registration.
 */
int trace_event_perf_open(struct trace_event_call *call,
			  struct perf_event *p_event)
{
	int ret;

	lockdep_assert_held(&event_mutex);
	ret = perf_permitted(call, p_event);
	if (!ret)
		ret = call_perf_get(call);
	if (ret)
		return ret;
	p_event->tp_event = call;
	ret = call->class->reg(call, TRACE_REG_PERF_OPEN, p_event);
	if (ret) {
		p_event->tp_event = NULL;
		call_perf_put(call);
	}
	return ret;
}

/**
 * trace_event_perf_close() - undo trace_event_perf_open()
 * @p_event: the perf event, scheduled out
 *
 * Context: event_mutex held.
 */
void trace_event_perf_close(struct perf_event *p_event)
{
	struct trace_event_call *call = p_event->tp_event;

	lockdep_assert_held(&event_mutex);
	call->class->reg(call, TRACE_REG_PERF_CLOSE, p_event);
	call_perf_put(call);
}

/**
 * perf_trace_init() - open a perf tracepoint event
 * @p_event: the perf event; attr.config is the trace event's id
 *
 * Context: perf_event_open(), or inheritance at fork.
 * Return: 0, -EINVAL for an id that is no trace event, or the errno of
 * the permission check or the registration.
 */
int perf_trace_init(struct perf_event *p_event)
{
	struct trace_event_call *call;
	int ret = -EINVAL;

	mutex_lock(&event_mutex);
	list_for_each_entry(call, &trace_events, list) {
		if (call->event.type != p_event->attr.config)
			continue;
		if (!call->class || !call->class->reg ||
		    !trace_event_try_get_ref(call))
			break;
		ret = trace_event_perf_open(call, p_event);
		if (ret)
			trace_event_put_ref(call);
		break;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * perf_trace_destroy() - close a perf tracepoint event
 * @p_event: the perf event, scheduled out
 */
void perf_trace_destroy(struct perf_event *p_event)
{
	struct trace_event_call *call = p_event->tp_event;

	mutex_lock(&event_mutex);
	trace_event_perf_close(p_event);
	trace_event_put_ref(call);
	mutex_unlock(&event_mutex);
}

/**
 * perf_trace_add() - schedule a perf tracepoint event in on this CPU
 * @p_event: the perf event
 * @flags: PERF_EF_START to start it counting at once
 *
 * Context: perf core, on the CPU, interrupts off.
 * Return: 0.
 */
int perf_trace_add(struct perf_event *p_event, int flags)
{
	struct trace_event_call *call = p_event->tp_event;

	if (!(flags & PERF_EF_START))
		p_event->hw.state = PERF_HES_STOPPED;
	/* A class's reg may take the event itself (returns non-zero). */
	if (!call->class->reg(call, TRACE_REG_PERF_ADD, p_event))
		hlist_add_head_rcu(&p_event->hlist_entry,
				   this_cpu_ptr(call->perf_events));
	return 0;
}

/**
 * perf_trace_del() - schedule a perf tracepoint event out
 * @p_event: the perf event
 * @flags: PERF_EF_*
 */
void perf_trace_del(struct perf_event *p_event, int flags)
{
	struct trace_event_call *call = p_event->tp_event;

	if (!call->class->reg(call, TRACE_REG_PERF_DEL, p_event))
		hlist_del_rcu(&p_event->hlist_entry);
}

/**
 * perf_trace_buf_alloc() - the buffer to build a perf record in
 * @size: the record's size, a multiple of 8 less 4 (perf's u32 size
 *	word goes before it)
 * @regs: if not NULL, gets this context's pt_regs to fill in
 * @rctxp: gets the recursion context, for perf_trace_buf_submit()
 *
 * Context: a probe, preemption disabled.
 * Return: the buffer, or NULL: too large a record, or a hit nested in
 * another of the same context (perf counts neither).
 */
void *perf_trace_buf_alloc(int size, struct pt_regs **regs, int *rctxp)
{
	char *raw;
	int rctx;

	BUILD_BUG_ON(PERF_MAX_TRACE_SIZE % sizeof(unsigned long));
	if (size > PERF_MAX_TRACE_SIZE) {
		pr_warn_once("perf: a %d-byte trace record is over PERF_MAX_TRACE_SIZE\n",
			     size);
		return NULL;
	}
	rctx = perf_swevent_get_recursion_context();
	*rctxp = rctx;
	if (rctx < 0)
		return NULL;
	if (regs)
		*regs = this_cpu_ptr(&__perf_regs[rctx]);
	raw = this_cpu_ptr(perf_bufs[rctx]);
	/* The alignment tail goes to user space: no stale bytes in it. */
	memset(&raw[size - sizeof(u64)], 0, sizeof(u64));
	return raw;
}
EXPORT_SYMBOL_GPL(perf_trace_buf_alloc);
NOKPROBE_SYMBOL(perf_trace_buf_alloc);

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
NOKPROBE_SYMBOL(perf_trace_buf_update);

#ifdef CONFIG_FUNCTION_TRACER
/*
 * ftrace:function.  A perf event of it has its own ftrace_ops (in struct
 * perf_event), registered while the event is open and filtered by the
 * event's perf filter.  The callback records only on the CPU the event
 * is scheduled in on: ops->private holds that CPU, nr_cpu_ids while the
 * event is out (written by perf_trace_add()/del() on the CPU).
 */

/* The record, its size such that perf's u32 size word aligns it to u64. */
#define FN_SIZE	(ALIGN(sizeof(struct ftrace_entry) + sizeof(u32), \
		       sizeof(u64)) - sizeof(u32))

static void perf_function_hit(unsigned long ip, unsigned long parent_ip,
			      struct ftrace_ops *ops, struct ftrace_regs *fregs)
{
	struct perf_event *p_event = container_of(ops, struct perf_event,
						  ftrace_ops);
	/* perf_tp_event() walks a list: this event alone. */
	struct hlist_head only = { .first = &p_event->hlist_entry };
	struct ftrace_entry *rec;
	struct pt_regs *regs;
	int rctx;

	/* The core called us with preemption off (recursion protection). */
	if ((unsigned long)READ_ONCE(ops->private) != smp_processor_id())
		return;
	rec = perf_trace_buf_alloc(FN_SIZE, &regs, &rctx);
	if (!rec)
		return;
	perf_fetch_caller_regs(regs);
	rec->ip = ip;
	rec->parent_ip = parent_ip;
	perf_trace_buf_submit(rec, FN_SIZE, rctx, TRACE_FN, 1, regs, &only,
			      NULL);
}

/*
 * Only root traces functions, and a sample may not read user stacks
 * (the callback runs in page-fault handling too): perf asks for
 * exclude_callchain_user on this event itself.
 */
static int function_permitted(struct perf_event *p_event)
{
	int ret = perf_allow_tracepoint();

	if (ret || !is_sampling_event(p_event))
		return ret;
	if (!p_event->attr.exclude_callchain_user ||
	    (p_event->attr.sample_type & PERF_SAMPLE_STACK_USER))
		return -EINVAL;
	return 0;
}

/**
 * perf_function_reg() - the class reg of ftrace:function
 * @call: the event
 * @type: TRACE_REG_*
 * @data: the perf event for TRACE_REG_PERF_OPEN, _CLOSE, _ADD and _DEL
 *
 * Context: event_mutex held, but for _ADD and _DEL (perf core, on the
 * CPU, interrupts off).
 * Return: for _ADD and _DEL 1 (the event is not listed on the call);
 * otherwise 0 or an errno.
 */
int perf_function_reg(struct trace_event_call *call, enum trace_reg type,
		      void *data)
{
	struct perf_event *p_event = data;
	struct ftrace_ops *ops = p_event ? &p_event->ftrace_ops : NULL;
	int ret;

	switch (type) {
	case TRACE_REG_REGISTER:
	case TRACE_REG_UNREGISTER:
	case TRACE_REG_PERF_REGISTER:
	case TRACE_REG_PERF_UNREGISTER:
		return 0;
	case TRACE_REG_PERF_OPEN:
		ret = function_permitted(p_event);
		if (ret)
			return ret;
		ops->func = perf_function_hit;
		ops->flags = FTRACE_OPS_FL_RECURSION | FTRACE_OPS_FL_RCU;
		ops->private = (void *)(unsigned long)nr_cpu_ids;
		return register_ftrace_function(ops);
	case TRACE_REG_PERF_CLOSE:
		ret = unregister_ftrace_function(ops);
		ftrace_free_filter(ops);
		return ret;
	case TRACE_REG_PERF_ADD:
		WRITE_ONCE(ops->private, (void *)(unsigned long)smp_processor_id());
		return 1;
	case TRACE_REG_PERF_DEL:
		WRITE_ONCE(ops->private, (void *)(unsigned long)nr_cpu_ids);
		return 1;
	}
	return -EINVAL;
}

static char *skip_blank(char *s)
{
	while (isspace(*s))
		s++;
	return s;
}

/*
 * "ip == GLOB" adds GLOB to the ops' filter, "ip != GLOB" to its
 * notrace; terms are joined by "||" only.  The first term of each kind
 * replaces what the set held.
 */
static int function_filter_term(struct ftrace_ops *ops, char *t,
				bool *reset_filter, bool *reset_notrace)
{
	bool eq;
	char *v;
	int len;

	t = skip_blank(t);
	if (strncmp(t, "ip", 2))
		return -EINVAL;
	t = skip_blank(t + 2);
	if (t[0] != '=' && t[0] != '!')
		return -EINVAL;
	if (t[1] != '=')
		return -EINVAL;
	eq = t[0] == '=';
	v = skip_blank(t + 2);
	len = strlen(v);
	while (len && isspace(v[len - 1]))
		len--;
	if (len >= 2 && (v[0] == '"' || v[0] == '\'') && v[len - 1] == v[0]) {
		v++;
		len -= 2;
	}
	if (!len || strnchr(v, len, ' ') || strnchr(v, len, '\t'))
		return -EINVAL;
	if (eq) {
		len = ftrace_set_filter(ops, v, len, *reset_filter);
		*reset_filter = false;
	} else {
		len = ftrace_set_notrace(ops, v, len, *reset_notrace);
		*reset_notrace = false;
	}
	return len;
}

static int function_filter_set(struct perf_event *p_event, char *str)
{
	bool reset_filter = true, reset_notrace = true;
	char *t = str, *next;
	int ret;

	do {
		next = strstr(t, "||");
		if (next) {
			*next = '\0';
			next += 2;
		}
		ret = function_filter_term(&p_event->ftrace_ops, t,
					   &reset_filter, &reset_notrace);
		if (ret)
			return ret;
		t = next;
	} while (t);
	return 0;
}
#else
static int function_filter_set(struct perf_event *p_event, char *str)
{
	return -EINVAL;
}
#endif /* CONFIG_FUNCTION_TRACER */

/**
 * ftrace_profile_set_filter() - set the filter of a perf tracepoint event
 * @event: the perf event
 * @event_id: its trace event type
 * @filter_str: the filter, in the syntax of the events' filter files
 *
 * Return: 0, -EINVAL for a bad expression or an event that is not a
 * trace event, -EEXIST when it has a filter already, or -ENOMEM.
 */
int ftrace_profile_set_filter(struct perf_event *event, int event_id,
			      char *filter_str)
{
	struct event_filter *f;
	const char *err_text;
	int err_pos, ret;

	mutex_lock(&event_mutex);
	ret = -EINVAL;
	if (!event->tp_event)
		goto out;
	if (event->tp_event->class->reg == perf_function_reg) {
		ret = function_filter_set(event, filter_str);
		goto out;
	}
	ret = -EEXIST;
	if (event->filter)
		goto out;
	f = trace_filter_parse(event->tp_event, filter_str, &err_text,
			       &err_pos);
	ret = PTR_ERR_OR_ZERO(f);
	if (!ret)
		event->filter = f;
out:
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * ftrace_profile_free_filter() - free the filter of a perf event
 * @event: the perf event, being freed after an RCU grace period
 */
void ftrace_profile_free_filter(struct perf_event *event)
{
	struct event_filter *f = event->filter;

	event->filter = NULL;
	if (f)
		trace_filter_free(f);
}
