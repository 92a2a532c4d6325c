// SPDX-License-Identifier: GPL-2.0
/*
 * The wakeup, wakeup_rt and wakeup_dl tracers: how long the most urgent
 * woken task waits before it runs.
 *
 * They attach to the scheduler's tracepoints.  At a wakeup they decide
 * whether to follow the woken task: wakeup follows a task that outranks
 * the one waking it and the task followed so far, wakeup_rt the same
 * among real-time and deadline tasks, wakeup_dl deadline tasks only; a
 * deadline task, once followed, is followed until it runs.  The follow
 * starts with a "wakeup" record ("  + [CPU]"), a stack and a function
 * record; it ends where the task is switched in, with a function record,
 * a "context_switch" record (" ==> [CPU]") and a stack.  When the time in
 * between is one to keep (latency_worse()), the latency part swaps the
 * buffer, which holds every CPU's records since the wakeup, into the
 * snapshot buffer.
 *
 * The followed task is known by its address and start time only, never
 * by a reference: dropping the last reference of a task frees it, which
 * may wake other tasks, and the probes run inside the scheduler.
 *
 * One instance at a time runs one of them (EBUSY otherwise), as upstream.
 * Nothing here may be traced or probed.
 */
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/deadline.h>
#include <linux/sched/rt.h>
#include <linux/tracepoint.h>
#include <trace/events/sched.h>

#include "trace_latency.h"

/* What each tracer follows. */
enum wakeup_mode {
	WAKEUP_ALL,	/* wakeup: any task that outranks its waker */
	WAKEUP_RT,	/* wakeup_rt: real-time and deadline tasks */
	WAKEUP_DL,	/* wakeup_dl: deadline tasks */
};

/*
 * "context_switch" and "wakeup" of events/ftrace/ (upstream's layout): a
 * task switched in, or woken; prev is the task switched out, or the waker.
 */
struct ctx_switch_entry {
	struct trace_entry	ent;
	unsigned int		prev_pid;
	unsigned int		next_pid;
	unsigned int		next_cpu;
	unsigned char		prev_prio;
	unsigned char		prev_state;
	unsigned char		next_prio;
	unsigned char		next_state;
};

/**
 * struct wakeup_follow - the task followed from its wakeup to its switch-in
 * @task: its address, compared, never dereferenced; NULL: none
 * @start_time: its start time, which tells it from a later task at the
 *	same address
 * @prio: its priority (INT_MAX: none); a wakeup must beat it
 * @dl: it is a deadline task: no other is followed until it runs
 * @cpu: the CPU it was woken on, which the header names
 * @cur_cpu: the CPU it waits on now (migrations move it), whose functions
 *	are recorded (function-trace)
 * @buf: the live buffer at the wakeup
 * @start: the time of the wakeup, in @buf's clock
 *
 * Written under wakeup_lock with interrupts off; the switch and migrate
 * probes read @task without it (READ_ONCE) and check again under it.
 */
struct wakeup_follow {
	struct task_struct	*task;
	u64			start_time;
	int			prio;
	bool			dl;
	int			cpu;
	int			cur_cpu;
	struct trace_buffer	*buf;
	u64			start;
};

static arch_spinlock_t wakeup_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct wakeup_follow follow = { .prio = INT_MAX, .cpu = -1 };

/*
 * The instance of the running tracer and its mode: written under
 * trace_types_lock while no probe is attached.
 */
static struct trace_array *wakeup_tr;
static enum wakeup_mode wakeup_mode;

static void record_ctx(struct trace_array *tr, int type,
		       struct task_struct *prev, struct task_struct *next,
		       unsigned int ctx)
{
	struct ring_buffer_event *e;
	struct ctx_switch_entry *r;
	struct trace_buffer *buf;

	e = trace_reserve(tr, &buf, type, sizeof(*r), ctx);
	if (!e)
		return;
	r = ring_buffer_event_data(e);
	r->prev_pid = prev->pid;
	r->prev_prio = prev->prio;
	r->prev_state = task_state_index(prev);
	r->next_pid = next->pid;
	r->next_prio = next->prio;
	r->next_state = task_state_index(next);
	r->next_cpu = task_cpu(next);
	trace_commit(tr, buf);
}

NOKPROBE_SYMBOL(record_ctx);

/* Stop following; wakeup_lock held. */
static void follow_end(void)
{
	if (follow.task && follow.cur_cpu >= 0)
		WRITE_ONCE(per_cpu(latency_in_section[LATENCY_WAKEUP],
				   follow.cur_cpu), false);
	WRITE_ONCE(follow.task, NULL);
	WRITE_ONCE(follow.prio, INT_MAX);
	WRITE_ONCE(follow.dl, false);
	follow.cpu = -1;
	follow.cur_cpu = -1;
}

NOKPROBE_SYMBOL(follow_end);

/* Is @p, woken by current, a task to follow instead of the one followed? */
static __always_inline bool wanted(struct task_struct *p)
{
	if (READ_ONCE(follow.dl))
		return false;
	if (dl_task(p))
		return true;
	if (wakeup_mode == WAKEUP_DL ||
	    (wakeup_mode == WAKEUP_RT && !rt_task(p)))
		return false;
	return p->prio < READ_ONCE(follow.prio) && p->prio < current->prio;
}

/* The slow path of a wakeup that may be followed, in @ip. */
static noinline void follow_start(struct trace_array *tr, struct task_struct *p,
				  unsigned long ip)
{
	struct trace_buffer *buf;
	unsigned long flags;
	unsigned int ctx;

	raw_local_irq_save(flags);
	arch_spin_lock(&wakeup_lock);
	if (!wanted(p))
		goto out;
	buf = trace_live_buffer(tr);
	if (!buf)
		goto out;
	follow_end();
	follow.start_time = p->start_time;
	follow.prio = p->prio;
	follow.dl = dl_task(p);
	follow.cpu = task_cpu(p);
	follow.cur_cpu = follow.cpu;
	follow.buf = buf;
	follow.start = ring_buffer_time_stamp(buf);
	WRITE_ONCE(follow.task, p);

	ctx = latency_outer_ctx();
	trace_save_cmdline(p);
	record_ctx(tr, TRACE_WAKE, current, p, ctx);
	trace_record_stack(tr, ctx, ip, 0);
	latency_record_fn(tr, ip, 0, ctx);
	/* After our own records: the stack walk is not part of the wait. */
	WRITE_ONCE(per_cpu(latency_in_section[LATENCY_WAKEUP], follow.cpu), true);
out:
	arch_spin_unlock(&wakeup_lock);
	raw_local_irq_restore(flags);
}

NOKPROBE_SYMBOL(follow_start);

static void probe_wakeup(void *data, struct task_struct *p)
{
	struct trace_array *tr = READ_ONCE(wakeup_tr);

	if (likely(!wanted(p)) || !tr)
		return;
	/* Where the tracepoint fired (its callers need frame pointers). */
	follow_start(tr, p, _RET_IP_);
}

NOKPROBE_SYMBOL(probe_wakeup);

/* The followed task @next is switched in after @prev, in @ip. */
static noinline void follow_switch(struct task_struct *prev,
				   struct task_struct *next, unsigned long ip)
{
	struct trace_array *tr = READ_ONCE(wakeup_tr);
	struct latency_section sec;
	unsigned long flags;
	unsigned int ctx;
	s64 delta;

	raw_local_irq_save(flags);
	arch_spin_lock(&wakeup_lock);
	if (!tr || next != follow.task || next->start_time != follow.start_time)
		goto out;
	/* The wait is over: our own records are no part of it. */
	WRITE_ONCE(per_cpu(latency_in_section[LATENCY_WAKEUP], follow.cur_cpu),
		   false);
	ctx = latency_outer_ctx();
	latency_record_fn(tr, ip, 0, ctx);
	trace_save_cmdline(next);
	record_ctx(tr, TRACE_CTX, prev, next, ctx);
	trace_record_stack(tr, ctx, ip, 0);
	/* A buffer swapped meanwhile holds only part of the wait. */
	if (trace_live_buffer(tr) != follow.buf)
		goto end;
	/* The wakeup's clock was another CPU's: never less than nothing. */
	delta = max_t(s64, ring_buffer_time_stamp(follow.buf) - follow.start, 0);
	if (!latency_worse(tr->lat, delta))
		goto end;
	sec = (struct latency_section){
		.start	= follow.start,
		.delta	= delta,
		.cpu	= follow.cpu,
		.task	= next,
	};
	latency_keep(tr, &sec);
end:
	follow_end();
out:
	arch_spin_unlock(&wakeup_lock);
	raw_local_irq_restore(flags);
}

NOKPROBE_SYMBOL(follow_switch);

static void probe_switch(void *data, bool preempt, struct task_struct *prev,
			 struct task_struct *next, unsigned int prev_state)
{
	if (unlikely(next == READ_ONCE(follow.task)))
		follow_switch(prev, next, _RET_IP_);
}

NOKPROBE_SYMBOL(probe_switch);

/* The followed task waits on another CPU now: record that CPU's functions. */
static void probe_migrate(void *data, struct task_struct *p, int dest_cpu)
{
	unsigned long flags;

	if (likely(p != READ_ONCE(follow.task)))
		return;
	raw_local_irq_save(flags);
	arch_spin_lock(&wakeup_lock);
	if (p == follow.task && p->start_time == follow.start_time) {
		WRITE_ONCE(per_cpu(latency_in_section[LATENCY_WAKEUP],
				   follow.cur_cpu), false);
		follow.cur_cpu = dest_cpu;
		WRITE_ONCE(per_cpu(latency_in_section[LATENCY_WAKEUP], dest_cpu),
			   true);
	}
	arch_spin_unlock(&wakeup_lock);
	raw_local_irq_restore(flags);
}

NOKPROBE_SYMBOL(probe_migrate);

/* The probes, each on its tracepoint of the scheduler. */
static const struct {
	struct tracepoint	*tp;
	void			*probe;
} wakeup_probes[] = {
	{ &__tracepoint_sched_wakeup,		probe_wakeup },
	{ &__tracepoint_sched_wakeup_new,	probe_wakeup },
	{ &__tracepoint_sched_switch,		probe_switch },
	{ &__tracepoint_sched_migrate_task,	probe_migrate },
};

/* Detach the first @n probes; after it, none of them runs any more. */
static void detach(int n)
{
	while (n--)
		tracepoint_probe_unregister(wakeup_probes[n].tp,
					    wakeup_probes[n].probe, NULL);
	tracepoint_synchronize_unregister();
}

/* Registering a probe fails only for want of memory. */
static int attach(void)
{
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(wakeup_probes); i++) {
		ret = tracepoint_probe_register(wakeup_probes[i].tp,
						wakeup_probes[i].probe, NULL);
		if (ret) {
			detach(i);
			return ret;
		}
	}
	return 0;
}

static void follow_reset(void)
{
	unsigned long flags;

	raw_local_irq_save(flags);
	arch_spin_lock(&wakeup_lock);
	follow_end();
	arch_spin_unlock(&wakeup_lock);
	raw_local_irq_restore(flags);
}

static int wakeup_start(struct trace_array *tr, enum wakeup_mode mode)
{
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (wakeup_tr)
		return -EBUSY;
	ret = latency_start(tr, LATENCY_WAKEUP, follow_reset);
	if (ret)
		return ret;
	follow_reset();
	wakeup_mode = mode;
	WRITE_ONCE(wakeup_tr, tr);
	ret = attach();
	if (ret) {
		WRITE_ONCE(wakeup_tr, NULL);
		latency_stop(tr);
	}
	return ret;
}

static void wakeup_reset(struct trace_array *tr)
{
	lockdep_assert_held(&trace_types_lock);
	detach(ARRAY_SIZE(wakeup_probes));
	WRITE_ONCE(wakeup_tr, NULL);
	follow_reset();
	latency_stop(tr);
}

static int wakeup_init(struct trace_array *tr)
{
	return wakeup_start(tr, WAKEUP_ALL);
}

static int wakeup_rt_init(struct trace_array *tr)
{
	return wakeup_start(tr, WAKEUP_RT);
}

static int wakeup_dl_init(struct trace_array *tr)
{
	return wakeup_start(tr, WAKEUP_DL);
}

#ifdef CONFIG_FTRACE_STARTUP_TEST
static int selftest_thread(void *arg)
{
	struct completion *done = arg;

	complete(done);
	return 0;
}

/*
 * A real-time kthread woken by a task of lower priority is followed to
 * its switch-in: tracing_max_latency grows and the snapshot buffer holds
 * the wait.  wakeup_dl is left untested: a deadline task is not made for
 * a boot test.
 */
static int wakeup_selftest(struct tracer *t, struct trace_array *tr)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct task_struct *k;
	int ret;

	k = kthread_create(selftest_thread, &done, "wakeup_selftest");
	if (IS_ERR(k))
		return PTR_ERR(k);
	sched_set_fifo(k);
	ret = t->init(tr);
	if (ret) {
		kthread_stop(k);
		pr_warn("%s selftest: cannot start: %d\n", t->name, ret);
		return ret;
	}
	wake_up_process(k);
	wait_for_completion(&done);
	return latency_selftest_end(t, tr);
}

#define WAKEUP_SELFTEST	wakeup_selftest
#else
#define WAKEUP_SELFTEST	NULL
#endif

/* The family's members differ only in name and in whom they follow. */
#define WAKEUP_MEMBER(_name, _init, _selftest) {		\
	.name		= _name,				\
	.init		= _init,				\
	.reset		= wakeup_reset,				\
	.selftest	= _selftest,				\
	.print_open	= latency_print_open,			\
	.print_close	= latency_print_close,			\
	.print_line	= latency_print_line,			\
	.print_header	= latency_print_header,			\
	.allow_instances = true,				\
	.use_max	= true,					\
}

static struct tracer wakeup_family[] = {
	WAKEUP_MEMBER("wakeup", wakeup_init, WAKEUP_SELFTEST),
	WAKEUP_MEMBER("wakeup_rt", wakeup_rt_init, WAKEUP_SELFTEST),
	WAKEUP_MEMBER("wakeup_dl", wakeup_dl_init, NULL),
};

/* ---- The records' formats and text ---------------------------------------- */

/* The fields after the common header, in their order in the record. */
static const struct {
	const char	*type;
	const char	*name;
	size_t		offset;
	size_t		size;
} ctx_field_list[] = {
	{ "unsigned int", "prev_pid", offsetof(struct ctx_switch_entry, prev_pid),
	  sizeof_field(struct ctx_switch_entry, prev_pid) },
	{ "unsigned int", "next_pid", offsetof(struct ctx_switch_entry, next_pid),
	  sizeof_field(struct ctx_switch_entry, next_pid) },
	{ "unsigned int", "next_cpu", offsetof(struct ctx_switch_entry, next_cpu),
	  sizeof_field(struct ctx_switch_entry, next_cpu) },
	{ "unsigned char", "prev_prio", offsetof(struct ctx_switch_entry, prev_prio),
	  sizeof_field(struct ctx_switch_entry, prev_prio) },
	{ "unsigned char", "prev_state", offsetof(struct ctx_switch_entry, prev_state),
	  sizeof_field(struct ctx_switch_entry, prev_state) },
	{ "unsigned char", "next_prio", offsetof(struct ctx_switch_entry, next_prio),
	  sizeof_field(struct ctx_switch_entry, next_prio) },
	{ "unsigned char", "next_state", offsetof(struct ctx_switch_entry, next_state),
	  sizeof_field(struct ctx_switch_entry, next_state) },
};

static int ctx_fields(struct trace_event_call *call)
{
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(ctx_field_list); i++) {
		ret = trace_define_field(call, ctx_field_list[i].type,
					 ctx_field_list[i].name,
					 ctx_field_list[i].offset,
					 ctx_field_list[i].size, 0, FILTER_OTHER);
		if (ret)
			return ret;
	}
	return 0;
}

/* "prev_pid:prio:S ==> [cpu] next_pid:prio:T comm", the arrow by type. */
static enum print_line_t ctx_print(struct trace_iterator *iter, int flags,
				   struct trace_event *event)
{
	struct ctx_switch_entry *r = (struct ctx_switch_entry *)iter->ent;
	char comm[TASK_COMM_LEN];

	if (iter->ent_size < sizeof(*r))
		return TRACE_TYPE_UNHANDLED;
	trace_find_cmdline(r->next_pid, comm);
	trace_seq_printf(&iter->seq, " %7d:%3d:%c %s [%03d] %7d:%3d:%c %s\n",
			 r->prev_pid, r->prev_prio,
			 task_index_to_char(r->prev_state),
			 r->ent.type == TRACE_WAKE ? "  +" : "==>",
			 r->next_cpu, r->next_pid, r->next_prio,
			 task_index_to_char(r->next_state), comm);
	return trace_handle_return(&iter->seq);
}

/* The raw form: a wakeup shows "+" where a switch shows the prev state. */
static enum print_line_t ctx_raw(struct trace_iterator *iter, int flags,
				 struct trace_event *event)
{
	struct ctx_switch_entry *r = (struct ctx_switch_entry *)iter->ent;

	if (iter->ent_size < sizeof(*r))
		return TRACE_TYPE_UNHANDLED;
	trace_seq_printf(&iter->seq, "%d %d %c %d %d %d %c\n",
			 r->prev_pid, r->prev_prio,
			 r->ent.type == TRACE_WAKE ? '+' :
			 task_index_to_char(r->prev_state),
			 r->next_cpu, r->next_pid, r->next_prio,
			 task_index_to_char(r->next_state));
	return trace_handle_return(&iter->seq);
}

/*
 * options/hex: the raw form's fields, each as its hex digits and a space;
 * the states as their letters ('+' for a wakeup's previous one), the
 * next one as an int, upstream's widths.
 */
static enum print_line_t ctx_hex(struct trace_iterator *iter, int flags,
				 struct trace_event *event)
{
	struct ctx_switch_entry *r = (struct ctx_switch_entry *)iter->ent;
	struct trace_seq *s = &iter->seq;
	char prev;
	int next;

	if (iter->ent_size < sizeof(*r))
		return TRACE_TYPE_UNHANDLED;
	prev = r->ent.type == TRACE_WAKE ? '+' : task_index_to_char(r->prev_state);
	next = task_index_to_char(r->next_state);
	trace_seq_putmem_hex(s, &r->prev_pid, sizeof(r->prev_pid));
	trace_seq_putmem_hex(s, &r->prev_prio, sizeof(r->prev_prio));
	trace_seq_putmem_hex(s, &prev, sizeof(prev));
	trace_seq_putmem_hex(s, &r->next_cpu, sizeof(r->next_cpu));
	trace_seq_putmem_hex(s, &r->next_pid, sizeof(r->next_pid));
	trace_seq_putmem_hex(s, &r->next_prio, sizeof(r->next_prio));
	trace_seq_putmem_hex(s, &next, sizeof(next));
	return trace_handle_return(s);
}

/* options/bin: the fields' bytes, states as recorded. */
static enum print_line_t ctx_bin(struct trace_iterator *iter, int flags,
				 struct trace_event *event)
{
	struct ctx_switch_entry *r = (struct ctx_switch_entry *)iter->ent;
	struct trace_seq *s = &iter->seq;

	if (iter->ent_size < sizeof(*r))
		return TRACE_TYPE_UNHANDLED;
	trace_seq_putmem(s, &r->prev_pid, sizeof(r->prev_pid));
	trace_seq_putmem(s, &r->prev_prio, sizeof(r->prev_prio));
	trace_seq_putmem(s, &r->prev_state, sizeof(r->prev_state));
	trace_seq_putmem(s, &r->next_cpu, sizeof(r->next_cpu));
	trace_seq_putmem(s, &r->next_pid, sizeof(r->next_pid));
	trace_seq_putmem(s, &r->next_prio, sizeof(r->next_prio));
	trace_seq_putmem(s, &r->next_state, sizeof(r->next_state));
	return trace_handle_return(s);
}

static struct trace_event_functions ctx_funcs = {
	.trace	= ctx_print,
	.raw	= ctx_raw,
	.hex	= ctx_hex,
	.binary	= ctx_bin,
};

#define CTX_ARGS	"REC->prev_pid, REC->prev_prio, REC->prev_state, "	\
			"REC->next_pid, REC->next_prio, REC->next_state, "	\
			"REC->next_cpu"

static struct trace_record_format ctx_formats[] = {
	{
		.name		= "context_switch",
		.id		= TRACE_CTX,
		.define		= ctx_fields,
		.funcs		= &ctx_funcs,
		.print_fmt	= "\"%u:%u:%u  ==> %u:%u:%u [%03u]\", " CTX_ARGS,
	}, {
		.name		= "wakeup",
		.id		= TRACE_WAKE,
		.define		= ctx_fields,
		.funcs		= &ctx_funcs,
		.print_fmt	= "\"%u:%u:%u  ==+ %u:%u:%u [%03u]\", " CTX_ARGS,
	},
};

static int __init wakeup_tracers_init(void)
{
	struct tracer *t;

	trace_record_format_add(&ctx_formats[0]);
	trace_record_format_add(&ctx_formats[1]);
	for (t = wakeup_family; t < wakeup_family + ARRAY_SIZE(wakeup_family); t++)
		register_tracer(t);
	return 0;
}
core_initcall(wakeup_tracers_init);
