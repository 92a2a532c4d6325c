/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ring buffer: the writers' fast path, inline.
 *
 * ring_buffer_write.c builds the API on it; the two hottest writers
 * inline it so that a record costs one function call less: the function
 * tracer (rb_write3()) and an enabled trace event (rb_lock_reserve() and
 * rb_unlock_commit()).  Only code in kernel/trace includes this.  See
 * ring_buffer_write.c for the design and rb_internal.h for the positions
 * and the legend.
 *
 * This header pulls in rb_internal.h, so whoever includes it sees the
 * ring's internals.  trace_functions.c and trace_events_record.c are the
 * only files outside the ring that do, and they must use nothing here but
 * those three; everything else outside the ring goes through
 * <linux/ring_buffer.h> (ring_buffer_kunit.c, which tests the internals,
 * aside).
 */
#ifndef _RING_BUFFER_FAST_H
#define _RING_BUFFER_FAST_H

#include <linux/hardirq.h>
#include <linux/preempt.h>
#include <linux/ring_buffer.h>
#include <linux/sched/clock.h>
#include <linux/trace_clock.h>
#include <linux/unaligned.h>

#include "rb_internal.h"

/* Write the header of a data record of @size bytes (header included). */
static __always_inline void rb_set_header(struct ring_buffer_event *e,
					  unsigned int size, u32 delta)
{
	unsigned int len = size - RB_HDR_SIZE;
	u32 *hdr = (u32 *)e;

	/*
	 * One store for both bit fields (little-endian: type_len is the
	 * low 5 bits) rather than a read-modify-write of each.
	 */
	BUILD_BUG_ON(IS_ENABLED(CONFIG_CPU_BIG_ENDIAN));
	if (len > RB_MAX_SMALL) {
		*hdr = delta << 5;
		e->array[0] = len;
	} else {
		*hdr = delta << 5 | len / RB_ALIGN;
	}
}

/*
 * The buffer's clock.  The default one directly: the writers run with
 * preemption disabled, which is all trace_clock_local() adds to it.
 */
static __always_inline u64 rb_clock(struct trace_buffer *buffer)
{
	if (likely(READ_ONCE(buffer->clock) == trace_clock_local))
		return sched_clock_noinstr();
	return buffer->clock();
}

/*
 * Claimed: the record goes at @pos, @need bytes of which a time extend
 * takes the first ones when @need is not @size.  Write its header(s) and
 * count it.
 */
static __always_inline struct ring_buffer_event *
rb_claimed(struct rb_cpu *c, u64 pos, unsigned int size, unsigned int need,
	   u64 delta)
{
	struct ring_buffer_event *e;
	struct rb_page_meta *m;
	unsigned int slot;
	u64 cur;

	/*
	 * The slot of our page, without a division unless a nested writer
	 * moved on to the next page since we claimed our bytes.
	 */
	cur = READ_ONCE(c->wslot);
	if (likely((u32)cur == (u32)pos_page(pos)))
		slot = cur >> 32;
	else
		slot = pos_page(pos) % c->nr_pages;
	e = (void *)&c->pages[slot]->data[pos_off(pos)];
	m = &c->meta[slot];
	if (unlikely(need != size)) {
		e->type_len = RINGBUF_TYPE_TIME_EXTEND;
		e->time_delta = delta & RB_DELTA_MAX;
		e->array[0] = delta >> RB_DELTA_BITS;
		e = (void *)e + RB_EXTEND_SIZE;
		delta = 0;
	}
	rb_set_header(e, size, delta);
	local_inc(&m->entries);
	local_inc(&c->written);
	local_add(need, &c->written_bytes);	/* a time extend included */
	return e;
}

struct ring_buffer_event *rb_reserve_slow(struct trace_buffer *buffer,
					  struct rb_cpu *c, unsigned int size);

/*
 * This CPU's part of @buffer for a writer, preemption disabled: NULL when
 * recording is off on it.  Every possible CPU has its part, and its off
 * switch counts the buffer's too.
 */
static __always_inline struct rb_cpu *rb_writer_cpu(struct trace_buffer *buffer)
{
	struct rb_cpu *c = buffer->cpus[raw_smp_processor_id()];

	return unlikely(atomic_read(&c->writers_off)) ? NULL : c;
}

/* A writer is between reserve and commit from here to rb_commit(). */
static __always_inline void rb_commit_begin(struct rb_cpu *c)
{
	local_inc(&c->committing);
	local_inc(&c->commits);
	/*
	 * Compiler barrier: counted before we reserve.  Pairs with the
	 * barrier()s in rb_commit() of a writer that interrupts us.
	 */
	barrier();
}

/*
 * The common case inline: the record fits in the page being written, its
 * delta fits in the header, and no nested writer gets in between.
 */
static __always_inline struct ring_buffer_event *
rb_reserve(struct trace_buffer *buffer, struct rb_cpu *c, unsigned int size)
{
	union rb_wstate old, new;
	unsigned int off;

	old.pos = READ_ONCE(c->w.pos);
	old.ts = READ_ONCE(c->w.ts);
	new.ts = rb_clock(buffer);
	off = pos_off(old.pos);
	/*
	 * A clock behind the previous record gives a huge delta.  An offset
	 * of 0 (no page yet) wraps to a huge one.
	 */
	if (unlikely(new.ts - old.ts > RB_DELTA_MAX ||
		     off - 1 >= c->data_size - size))
		return rb_reserve_slow(buffer, c, size);
	new.pos = old.pos + size;
	if (unlikely(!try_cmpxchg128_local(&c->w.full, &old.full, new.full)))
		return rb_reserve_slow(buffer, c, size);
	return rb_claimed(c, old.pos, size, size, new.ts - old.ts);
}

/*
 * Publish everything reserved so far if we are the outermost writer.
 *
 * The re-check closes this race: we publish, and before we drop
 * @committing an interrupt reserves and commits; it sees @committing > 1
 * and leaves publishing to us, but we have already published.  Its
 * reservation changed @commits, so we go round again.
 */
static __always_inline void rb_commit(struct rb_cpu *c)
{
	long n;

again:
	n = local_read(&c->commits);
	/* Compiler barriers: only this CPU's nested writers race with us. */
	barrier();
	if (local_read(&c->committing) == 1) {
		/*
		 * Release: the records' contents are visible before cpos
		 * covers them.  Pairs with the load-acquires of cpos in
		 * rb_take_into(), ring_buffer_read_pages_iter(),
		 * ring_buffer_read_start(), ring_buffer_percent_filled() and
		 * (this CPU's) rb_reserve_page().
		 */
		smp_store_release(&c->cpos, READ_ONCE(c->w.pos));
	}
	/* Publish before leaving, as an interrupt would see it. */
	barrier();
	local_dec(&c->committing);
	/* Leave before re-checking @commits. */
	barrier();
	if (unlikely(local_read(&c->commits) != n) &&
	    !local_read(&c->committing)) {
		local_inc(&c->committing);
		goto again;
	}
}

/* One writer per context level; a second one is recursion, dropped. */
static __always_inline bool rb_nest_enter(struct rb_cpu *c)
{
	unsigned long bit = 1UL << interrupt_context_level();
	unsigned long nest = READ_ONCE(c->nest);

	if (unlikely(nest & bit))
		return false;
	/*
	 * Not atomic, but safe: a nested writer restores @nest before it
	 * returns to us.  Compiler barrier: the bit is set before we write;
	 * pairs with the barrier() in rb_nest_exit().
	 */
	WRITE_ONCE(c->nest, nest | bit);
	barrier();
	return true;
}

/*
 * Writers on a CPU finish in the reverse order of their start (an
 * interrupt's writer is done before the interrupted one goes on), so the
 * one finishing holds the highest bit.
 */
static __always_inline void rb_nest_exit(struct rb_cpu *c)
{
	unsigned long nest = READ_ONCE(c->nest);

	/*
	 * Compiler barrier: the record is finished before the bit goes.
	 * Pairs with the barrier() in rb_nest_enter().
	 */
	barrier();
	WRITE_ONCE(c->nest, nest & ~(1UL << __fls(nest)));
}

/*
 * Enter this CPU's buffer as a writer: preemption off, this context's nest
 * bit set, counted as committing.  Return: the CPU's buffer, or NULL (and
 * nothing to undo) when recording is off or this context writes already.
 */
static __always_inline struct rb_cpu *rb_write_begin(struct trace_buffer *buffer)
{
	struct rb_cpu *c;

	preempt_disable_notrace();
	c = rb_writer_cpu(buffer);
	if (unlikely(!c || !rb_nest_enter(c))) {
		preempt_enable_notrace();
		return NULL;
	}
	rb_commit_begin(c);
	return c;
}

/* Leave as rb_write_begin() entered: publish, clear the nest bit. */
static __always_inline void rb_write_end(struct rb_cpu *c)
{
	rb_commit(c);
	rb_nest_exit(c);
	preempt_enable_notrace();
}

/**
 * rb_lock_reserve() - ring_buffer_lock_reserve(), inline
 * @buffer: the buffer
 * @length: bytes of data
 *
 * For the hottest writers of kernel/trace (an enabled trace event), which
 * save a call and its frame.
 *
 * Context: as ring_buffer_lock_reserve().
 * Return: as ring_buffer_lock_reserve().
 */
static __always_inline struct ring_buffer_event *
rb_lock_reserve(struct trace_buffer *buffer, unsigned long length)
{
	unsigned int size = rb_event_size(length);
	struct ring_buffer_event *e;
	struct rb_cpu *c;

	c = rb_write_begin(buffer);
	if (unlikely(!c))
		return NULL;
	if (unlikely(length > c->data_size || size > c->data_size)) {
		local_inc(&c->dropped);
		e = NULL;
	} else {
		e = rb_reserve(buffer, c, size);
	}
	if (likely(e))
		return e;
	rb_write_end(c);
	return NULL;
}

/**
 * rb_unlock_commit() - ring_buffer_unlock_commit(), inline
 * @buffer: the buffer of the rb_lock_reserve() just made
 */
static __always_inline void rb_unlock_commit(struct trace_buffer *buffer)
{
	rb_write_end(buffer->cpus[raw_smp_processor_id()]);
}

/**
 * rb_write3() - ring_buffer_write3(), inline
 * @buffer: the buffer
 * @w0: the first word of the record's data
 * @w1: the second
 * @w2: the third
 *
 * Context: as ring_buffer_write3().
 * Return: as ring_buffer_write3().
 */
static __always_inline int rb_write3(struct trace_buffer *buffer,
				     u64 w0, u64 w1, u64 w2)
{
	struct ring_buffer_event *e;
	struct rb_cpu *c;
	u64 *data;

	c = rb_writer_cpu(buffer);
	if (unlikely(!c))
		return -EBUSY;
	rb_commit_begin(c);
	/* Three words are a small record: the length lives in the header. */
	BUILD_BUG_ON(3 * sizeof(u64) > RB_MAX_SMALL);
	e = rb_reserve(buffer, c, rb_event_size(3 * sizeof(u64)));
	if (likely(e)) {
		/* Records are 4-byte aligned. */
		data = (u64 *)&e->array[0];
		put_unaligned(w0, &data[0]);
		put_unaligned(w1, &data[1]);
		put_unaligned(w2, &data[2]);
	}
	rb_commit(c);
	return e ? 0 : -EBUSY;
}

#endif /* _RING_BUFFER_FAST_H */
