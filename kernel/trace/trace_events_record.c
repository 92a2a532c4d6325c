// SPDX-License-Identifier: GPL-2.0
/*
 * The fast path of trace events: what TRACE_EVENT()'s generated probe
 * (and a probe event's handler) calls on every hit of an enabled event.
 *
 *	if (trace_trigger_soft_disabled(file))	(inline: one flags test)
 *		return;
 *	entry = trace_event_buffer_reserve(&fb, file, len);
 *	... fill in the fields ...
 *	trace_event_buffer_commit(&fb);
 *
 * The probe's data is the trace_event_file of the instance it writes to.
 * The event's triggers (trace_trigger.h) run from here: before the
 * record, or around it when one needs the record.  A record that only
 * triggers look at (the event is soft-disabled, or the buffer refused
 * it), or that a filter may reject, is built in a scratch buffer of this
 * CPU and context instead.
 */
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include "ring_buffer_fast.h"
#include "trace_priv.h"
#include "trace_events_priv.h"
#include "trace_trigger.h"

/*
 * Scratch records per CPU: one per writer that may be nested on it (task,
 * softirq, irq, NMI, and an event probe's record inside each).
 */
#define SCRATCH_LEVELS	8
#define SCRATCH_SIZE	PAGE_SIZE

/* [event_mutex] to set, then [I]: made with the first filter or trigger. */
static DEFINE_PER_CPU(void *, event_scratch);
static DEFINE_PER_CPU(int, scratch_depth);	/* slots in use */
static bool scratch_ready;

/**
 * trace_event_scratch_alloc() - make the scratch records of every CPU
 *
 * Called before the first filter or trigger that needs records is set;
 * they stay for good.
 *
 * Context: event_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_event_scratch_alloc(void)
{
	int cpu;
	void *p;

	lockdep_assert_held(&event_mutex);
	if (scratch_ready)
		return 0;
	for_each_possible_cpu(cpu) {
		if (per_cpu(event_scratch, cpu))
			continue;
		p = kmalloc_node(SCRATCH_LEVELS * SCRATCH_SIZE, GFP_KERNEL,
				 cpu_to_node(cpu));
		if (!p)
			return -ENOMEM;
		per_cpu(event_scratch, cpu) = p;
	}
	/* The pointers are set before a hit can see a trigger needing them:
	 * the trigger is published with list_add_rcu() after this.
	 */
	scratch_ready = true;
	return 0;
}

/**
 * trace_event_reg() - the reg callback of TRACE_EVENT() classes
 * @call: the event
 * @type: the request (TRACE_REG_*)
 * @data: the trace_event_file the probe writes for (instance requests)
 *
 * The perf probe (trace_events_perf.c) is registered once per event,
 * with the event as its data; perf's per-event requests need nothing
 * more (0: perf core keeps its lists).
 *
 * Return: 0 or an errno of the tracepoint core.
 */
int trace_event_reg(struct trace_event_call *call, enum trace_reg type,
		    void *data)
{
	void *probe = call->class->probe;

	switch (type) {
	case TRACE_REG_REGISTER:
	case TRACE_REG_UNREGISTER:
		break;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
	case TRACE_REG_PERF_UNREGISTER:
		/* One perf probe per event, whose data is the event. */
		probe = call->class->perf_probe;
		data = call;
		if (!probe)
			return -ENODEV;
		break;
#endif
	default:
		/* perf's requests per perf event: its core keeps the lists. */
		return IS_ENABLED(CONFIG_PERF_EVENTS) ? 0 : -EOPNOTSUPP;
	}
	if (type == TRACE_REG_REGISTER || type == TRACE_REG_PERF_REGISTER)
		return tracepoint_probe_register(call->tp, probe, data);
	tracepoint_probe_unregister(call->tp, probe, data);
	return 0;
}
EXPORT_SYMBOL_GPL(trace_event_reg);

/*
 * Per CPU and context level: the hit whose triggers run now, so that a
 * trigger's stack starts where the hit's does: at the probe's registers
 * (probe events), or at the caller of the probe, known by the return
 * address into it (0: none known).  An interrupt's hit has a level of its
 * own; a hit nested in a trigger at the same level saves and restores it.
 */
static DEFINE_PER_CPU(struct event_trigger_hit [4], trigger_hits);

/**
 * event_trigger_hit_begin() - note the hit whose triggers are to run
 * @ret: the return address into the probe, on the stack while they run
 * @regs: the probe's registers, or NULL
 *
 * Context: preemption disabled, until event_trigger_hit_end().
 * Return: what event_trigger_hit_end() restores.
 */
struct event_trigger_hit event_trigger_hit_begin(unsigned long ret,
						 struct pt_regs *regs)
{
	struct event_trigger_hit *h;
	struct event_trigger_hit prev;

	h = this_cpu_ptr(&trigger_hits[interrupt_context_level()]);
	prev = *h;
	h->ret = ret;
	h->regs = regs;
	return prev;
}

/**
 * event_trigger_hit_end() - the triggers of the hit have run
 * @prev: what event_trigger_hit_begin() returned
 */
void event_trigger_hit_end(struct event_trigger_hit prev)
{
	*this_cpu_ptr(&trigger_hits[interrupt_context_level()]) = prev;
}

/**
 * event_trigger_hit() - the hit whose triggers run
 *
 * Context: a trigger, preemption disabled.
 * Return: the hit; its fields are 0 when not known.
 */
struct event_trigger_hit event_trigger_hit(void)
{
	return *this_cpu_ptr(&trigger_hits[interrupt_context_level()]);
}

/**
 * event_triggers_call() - run the triggers of an event hit
 * @file: the event in an instance
 * @buffer: the buffer the record is in (NULL: scratch, or no record)
 * @rec: the record, or NULL before it: then every trigger runs
 * @event: the record's ring buffer event, or NULL
 *
 * With a record, a trigger runs only when its filter matches it, and a
 * post trigger is only noted, for event_triggers_post_call().
 *
 * Context: a probe, preemption disabled.
 * Return: the ETT_* types of the post triggers to run.
 */
enum event_trigger_type
event_triggers_call(struct trace_event_file *file, struct trace_buffer *buffer,
		    void *rec, struct ring_buffer_event *event)
{
	enum event_trigger_type tt = ETT_NONE;
	struct event_trigger *t;

	/* Pairs with list_add_rcu()/list_del_rcu() in the trigger file. */
	list_for_each_entry_rcu(t, &file->triggers, link) {
		if (rec) {
			if (t->filter && !trace_filter_match(t->filter, rec))
				continue;
			if (t->cmd->post) {
				tt |= t->cmd->type;
				continue;
			}
		}
		t->cmd->fire(t, rec);
	}
	return tt;
}
EXPORT_SYMBOL_GPL(event_triggers_call);

/**
 * event_triggers_post_call() - run the post triggers noted for a hit
 * @file: the event in an instance
 * @tt: what event_triggers_call() returned
 *
 * Context: a probe, preemption disabled.
 */
void event_triggers_post_call(struct trace_event_file *file,
			      enum event_trigger_type tt)
{
	struct event_trigger *t;

	list_for_each_entry_rcu(t, &file->triggers, link)
		if (t->cmd->post && (tt & t->cmd->type))
			t->cmd->fire(t, NULL);
}
EXPORT_SYMBOL_GPL(event_triggers_post_call);

/**
 * __trace_trigger_soft_disabled() - the slow half of
 *	trace_trigger_soft_disabled()
 * @file: the event in an instance
 *
 * Runs the triggers that need no record.  The flags are read once, before
 * them: an enable_event trigger on its own event takes effect from the
 * next hit, as upstream's.
 *
 * Return: true when the probe must not write (the event is soft-disabled,
 * or the instance's pid filter leaves the current task out).
 */
bool __trace_trigger_soft_disabled(struct trace_event_file *file)
{
	unsigned long flags = READ_ONCE(file->flags);
	struct event_trigger_hit prev;

	if (flags & EVENT_FILE_FL_TRIGGER_MODE) {
		prev = event_trigger_hit_begin(_RET_IP_, NULL);
		event_triggers_call(file, NULL, NULL, NULL);
		event_trigger_hit_end(prev);
	}
	if (flags & EVENT_FILE_FL_SOFT_DISABLED)
		return true;
	return (flags & EVENT_FILE_FL_PID_FILTER) &&
	       trace_event_ignore_this_pid(file);
}
EXPORT_SYMBOL_GPL(__trace_trigger_soft_disabled);

/* trace_ctx of a scratch record whose context word waits (ctx_fill()). */
#define CTX_LATER	(~0U)

/*
 * The context word of a probe's record; @pc: the preemption count of
 * the probe.  A preemptible kernel's tracepoint disabled preemption
 * around the probe: that level is not the traced code's.
 */
static __always_inline unsigned int probe_ctx(unsigned int pc)
{
	unsigned int ctx = trace_ctx_flags(trace_irqs_status(), pc) << 16 |
			   trace_ctx_depths(pc);

	if (IS_ENABLED(CONFIG_PREEMPTION) && (ctx & 0xf))
		ctx--;
	return ctx;
}

/*
 * The context word of a scratch record reserved with CTX_LATER, in the
 * same probe: scratch_reserve() has disabled preemption once more since.
 */
static noinline void ctx_fill(struct trace_event_buffer *fb)
{
	struct trace_entry *ent = fb->entry;

	fb->trace_ctx = probe_ctx(preempt_count() -
				  IS_ENABLED(CONFIG_PREEMPT_COUNT));
	ent->flags = fb->trace_ctx >> 16;
	ent->preempt_count = fb->trace_ctx & 0xff;
}

/*
 * A scratch slot: the record's length, then the record.  Slots are taken
 * and given back in LIFO order on a CPU (an interrupt's writer, or an
 * event probe writing from inside its event's commit, finishes first),
 * so a per-CPU depth picks the slot; preemption stays off from reserve
 * to trace_event_buffer_commit().
 */
struct scratch_slot {
	unsigned long	len;
	u64		rec[];
};

#define SCRATCH_MAX	(SCRATCH_SIZE - sizeof(struct scratch_slot))

static __always_inline void *scratch_reserve(struct trace_event_buffer *fb,
					     int type, unsigned long len)
{
	struct scratch_slot *slot;
	struct trace_entry *ent;
	void *base;
	int depth;

	if (len > SCRATCH_MAX)
		return NULL;
	preempt_disable_notrace();
	base = this_cpu_read(event_scratch);
	/* Interrupt-safe: a nested writer takes the next slot. */
	depth = this_cpu_inc_return(scratch_depth);
	if (!base || depth > SCRATCH_LEVELS) {
		this_cpu_dec(scratch_depth);
		preempt_enable_notrace();
		return NULL;
	}
	slot = base + (depth - 1) * SCRATCH_SIZE;
	slot->len = len;
	ent = (struct trace_entry *)slot->rec;
	ent->type = type;
	/* Else ctx_fill() writes them, if the record needs them. */
	if (fb->trace_ctx != CTX_LATER) {
		ent->flags = fb->trace_ctx >> 16;
		ent->preempt_count = fb->trace_ctx & 0xff;
	}
	ent->pid = current->pid;
	fb->entry = ent;
	return ent;
}

/* The record in the instance's buffer; false when the buffer refused it. */
static __always_inline bool reserve_in_buffer(struct trace_event_buffer *fb,
					      unsigned long len)
{
	struct trace_event_file *file = fb->trace_file;
	struct trace_buffer *buf = trace_live_buffer(file->tr);
	u64 hdr;

	fb->trace_ctx = probe_ctx(preempt_count());
	if (!buf)
		return false;
	/* trace_reserve(), with the ring buffer's fast path inline. */
	hdr = trace_entry_word(file->event_call->event.type, fb->trace_ctx);
	fb->event = rb_lock_reserve(buf, len);
	if (unlikely(!fb->event))
		return false;
	fb->buffer = buf;
	fb->entry = ring_buffer_event_data(fb->event);
	put_unaligned(hdr, (u64 *)fb->entry);
	return true;
}

/* The buffer refused the record: a scratch one if triggers need it. */
static noinline void *reserve_for_triggers(struct trace_event_buffer *fb,
					   unsigned long flags,
					   unsigned long len)
{
	if (!(flags & EVENT_FILE_FL_TRIGGER_COND))
		return NULL;
	return scratch_reserve(fb, fb->trace_file->event_call->event.type,
			       len);
}

/* The plain hit: no pid filter, not soft-disabled, no filter. */
static noinline void *reserve_plain(struct trace_event_buffer *fb,
				    unsigned long flags, unsigned long len)
{
	if (likely(reserve_in_buffer(fb, len)))
		return fb->entry;
	return reserve_for_triggers(fb, flags, len);
}

/* The pid filter, soft-disabled events, filtered events. */
static noinline void *reserve_slow(struct trace_event_buffer *fb,
				   unsigned long flags, unsigned long len)
{
	struct trace_event_file *file = fb->trace_file;
	void *e;

	/* With TRIGGER_COND, trace_trigger_soft_disabled() did not look. */
	if ((flags & EVENT_FILE_FL_PID_FILTER) &&
	    trace_event_ignore_this_pid(file))
		return NULL;
	if (flags & (EVENT_FILE_FL_SOFT_DISABLED | EVENT_FILE_FL_FILTERED)) {
		/*
		 * A record only a filter looks at gets its context word if
		 * it is kept (or the filter reads it): most are not.
		 */
		fb->trace_ctx = flags & EVENT_FILE_FL_TRIGGER_COND ?
				probe_ctx(preempt_count()) : CTX_LATER;
		e = scratch_reserve(fb, file->event_call->event.type, len);
		/* Soft-disabled: here only for the triggers (TRIGGER_COND). */
		if (e || (flags & EVENT_FILE_FL_SOFT_DISABLED))
			return e;
	}
	return reserve_plain(fb, flags, len);
}

/*
 * The common filtered hit: a filter, and no pid filter, soft-disable or
 * trigger.  Its record is kept only if the filter says so: the context
 * word waits for that (ctx_fill()).
 */
static noinline void *reserve_filtered(struct trace_event_buffer *fb,
				       unsigned long flags, unsigned long len)
{
	void *e;

	fb->trace_ctx = CTX_LATER;
	e = scratch_reserve(fb, fb->trace_file->event_call->event.type, len);
	if (likely(e))
		return e;
	return reserve_plain(fb, flags, len);
}

/**
 * trace_event_buffer_reserve() - reserve the record of an event hit
 * @fbuffer: filled in for trace_event_buffer_commit()
 * @trace_file: the event in the instance written to
 * @len: bytes of the record, header included
 *
 * A filtered event's record is built in a scratch record first and goes
 * to the buffer only if the filter keeps it: a rejected record costs the
 * filter alone.  So is a record that only triggers look at (the event
 * is soft-disabled, or the buffer refused it).
 *
 * Return: the record, or NULL when nothing may be written.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_file *trace_file,
				 unsigned long len)
{
	unsigned long flags = READ_ONCE(trace_file->flags);

	fbuffer->trace_file = trace_file;
	fbuffer->regs = NULL;
	fbuffer->event = NULL;
	fbuffer->buffer = NULL;
	/*
	 * Tail calls: no path pays for another's frame (a filtered hit
	 * would save and restore six registers for nothing).
	 */
	if (likely(!(flags & (EVENT_FILE_FL_PID_FILTER |
			      EVENT_FILE_FL_SOFT_DISABLED |
			      EVENT_FILE_FL_FILTERED))))
		return reserve_plain(fbuffer, flags, len);
	if ((flags & (EVENT_FILE_FL_PID_FILTER | EVENT_FILE_FL_SOFT_DISABLED |
		      EVENT_FILE_FL_FILTERED | EVENT_FILE_FL_TRIGGER_COND)) ==
	    EVENT_FILE_FL_FILTERED)
		return reserve_filtered(fbuffer, flags, len);
	return reserve_slow(fbuffer, flags, len);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_reserve);

/* Does the event's filter (if any) keep the record? */
static bool filter_keeps(struct trace_event_buffer *fb, unsigned long flags)
{
	struct event_filter *f;

	if (likely(!(flags & EVENT_FILE_FL_FILTERED)))
		return true;
	/*
	 * Pairs with rcu_replace_pointer() in file_set_filter(), which waits
	 * for the probes (preemption off) before freeing the old filter.
	 * Raw: lockdep's check would cost more than the filter itself.
	 */
	f = rcu_dereference_raw(fb->trace_file->filter);
	return !f || trace_filter_match(f, fb->entry);
}

/*
 * The scratch record kept: copy it into the buffer.  Return: false when
 * the buffer refused it.
 */
static bool scratch_commit(struct trace_event_buffer *fb)
{
	struct scratch_slot *slot = container_of((u64 *)fb->entry,
						 struct scratch_slot, rec[0]);
	struct trace_entry *ent = fb->entry;

	fb->event = trace_reserve(fb->trace_file->tr, &fb->buffer, ent->type,
				  slot->len, fb->trace_ctx);
	if (!fb->event)
		return false;
	memcpy(ring_buffer_event_data(fb->event), ent, slot->len);
	return true;
}

/*
 * A record in the buffer, kept: commit it, then its stack and the comm.
 * @ret: the return address into the probe: the stack starts at the
 * probe's caller.
 */
static __always_inline void commit_kept(struct trace_event_buffer *fb,
					struct trace_array *tr,
					unsigned long ret)
{
	if (static_branch_unlikely(&trace_event_printk_key))
		trace_event_printk(fb);
	if (static_branch_unlikely(&trace_export_event))
		trace_export_write(ring_buffer_event_data(fb->event),
				   ring_buffer_event_length(fb->event),
				   TRACE_EXPORT_EVENT);
	/* trace_commit(), with the ring buffer's commit inline. */
	rb_unlock_commit(fb->buffer);
	if (READ_ONCE(tr->waiting))
		irq_work_queue(&tr->wake_work);
	/* options/stacktrace: from the probe's registers, or from the caller. */
	if (unlikely(READ_ONCE(tr->flags) & TRACE_OPT_STACKTRACE)) {
		if (fb->regs)
			trace_record_stack_regs(tr, fb->trace_ctx, fb->regs);
		else
			trace_record_stack(tr, fb->trace_ctx, ret, 1);
	}
	trace_save_writer_once(tr);
}

/*
 * The common filtered hit: a scratch record with no trigger.  The filter
 * runs here, inline, once; a rejected record is dropped (true).
 */
static __always_inline bool scratch_rejected(struct trace_event_buffer *fb)
{
	struct event_filter *f;

	/* Pairs with rcu_replace_pointer() in file_set_filter(). */
	f = rcu_dereference_raw(fb->trace_file->filter);
	if (!f)
		return false;
	if (fb->trace_ctx == CTX_LATER && trace_filter_reads_ctx(f))
		ctx_fill(fb);
	if (trace_filter_match(f, fb->entry))
		return false;
	this_cpu_dec(scratch_depth);
	preempt_enable_notrace();
	return true;
}

/*
 * Triggers, filters and scratch records, out of the plain path.  @ret:
 * the return address into the probe that called
 * trace_event_buffer_commit().
 */
static noinline void commit_slow(struct trace_event_buffer *fb,
				 unsigned long flags, unsigned long ret)
{
	bool triggers = unlikely(flags & EVENT_FILE_FL_TRIGGER_COND);
	struct trace_event_file *file = fb->trace_file;
	enum event_trigger_type tt = ETT_NONE;
	struct event_trigger_hit prev = {};
	bool kept;

	/* A deferred context word: whatever follows may read or copy it. */
	if (fb->trace_ctx == CTX_LATER)
		ctx_fill(fb);
	/* Only triggers ask where the hit came from. */
	if (triggers) {
		prev = event_trigger_hit_begin(ret, fb->regs);
		tt = event_triggers_call(file, fb->buffer, fb->entry, fb->event);
	}
	if (fb->event) {
		kept = filter_keeps(fb, flags);
		if (!kept)
			ring_buffer_discard_commit(fb->buffer, fb->event);
	} else {
		/* A scratch record: to the buffer if enabled and kept. */
		kept = !(flags & EVENT_FILE_FL_SOFT_DISABLED) &&
		       filter_keeps(fb, flags) &&
		       scratch_commit(fb);
		this_cpu_dec(scratch_depth);
		preempt_enable_notrace();
	}
	if (kept)
		commit_kept(fb, file->tr, ret);
	if (triggers) {
		if (tt)
			event_triggers_post_call(file, tt);
		event_trigger_hit_end(prev);
	}
}

/**
 * trace_event_buffer_commit() - commit the record of an event hit
 * @fbuffer: from trace_event_buffer_reserve()
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_file *file = fbuffer->trace_file;
	unsigned long flags = READ_ONCE(file->flags);

	if (likely(!(flags & (EVENT_FILE_FL_TRIGGER_COND |
			      EVENT_FILE_FL_FILTERED)) && fbuffer->event)) {
		commit_kept(fbuffer, file->tr, _RET_IP_);
		return;
	}
	if (!(flags & EVENT_FILE_FL_TRIGGER_COND) && !fbuffer->event) {
		if (scratch_rejected(fbuffer))
			return;
		flags &= ~EVENT_FILE_FL_FILTERED;	/* it kept the record */
	}
	commit_slow(fbuffer, flags, _RET_IP_);
}
EXPORT_SYMBOL_GPL(trace_event_buffer_commit);
