// SPDX-License-Identifier: GPL-2.0
/*
 * Ring buffer: the writer side (reserve, commit, discard).
 *
 * The fast path is one 16-byte cmpxchg on this CPU's {pos, ts}: read the
 * clock, compute the delta against the previous record's time, and claim
 * the bytes for the record (plus a time-extend record when the delta does
 * not fit in 27 bits).  A nested writer (interrupt, NMI) that gets in
 * between makes the cmpxchg fail and we simply retry with a fresh clock
 * read, so deltas are never negative and never stale.
 *
 * Starting a page is the slow path: it makes sure the page's slot may be
 * reused (overwriting unread data in overwrite mode, or dropping the
 * event in producer/consumer mode) and stamps the page.
 *
 * Commits: a record becomes visible when cpos moves past it.  Only the
 * outermost writer on the CPU moves cpos, to the end of everything
 * reserved so far, since inner writers have all finished by then.  See
 * rb_commit() for the race with a writer that sneaks in at the very end.
 *
 * See rb_internal.h for the positions and the legend.
 */
#include <linux/hardirq.h>
#include <linux/preempt.h>
#include <linux/ring_buffer.h>

#include "ring_buffer_fast.h"

static __always_inline struct ring_buffer_event *rb_at(struct rb_cpu *c, u64 pos)
{
	return (void *)&c->pages[pos_page(pos) % c->nr_pages]->data[pos_off(pos)];
}

static __always_inline struct rb_page_meta *rb_meta(struct rb_cpu *c, u64 page)
{
	return &c->meta[page % c->nr_pages];
}

/*
 * Make the slot of page @victim free for a new page.  Return: true when
 * the reader is past @victim (perhaps because we moved it there, losing
 * the page's unread events), false when the buffer is full and may not be
 * overwritten.
 */
static bool rb_free_slot(struct rb_cpu *c, u64 victim)
{
	struct rb_page_meta *m;
	u64 r, page;

	/*
	 * Acquire: a reader we see past @victim is done copying it before we
	 * write its slot.  Pairs with the fully ordered cmpxchg of rpos after
	 * the copy in rb_take_into() and rb_copy_pages_to_iter().
	 */
	r = atomic64_read_acquire(&c->rpos);
	while (rpos_page(r) <= victim) {
		if (!(READ_ONCE(c->buffer->flags) & RB_FL_OVERWRITE))
			return false;
		page = rpos_page(r);
		m = rb_meta(c, page);
		/*
		 * Full barrier on success: the slot is written only after the
		 * reader can no longer claim it.  Pairs with the cmpxchg of
		 * rpos in rb_take_into() and rb_copy_pages_to_iter(), and with
		 * the smp_rmb() in rb_iter_load().
		 */
		if (atomic64_try_cmpxchg(&c->rpos, &r, rpos_make(page + 1, 0, 0))) {
			local_add(local_read(&m->entries) - rpos_cnt(r), &c->overrun);
			local_add(m->end - rpos_off(r), &c->overrun_bytes);
			r = rpos_make(page + 1, 0, 0);
		}
	}
	return true;
}

/*
 * Slow path: the record starts page @page.  @old_pos and @old_ts are the
 * writer state we saw (by value, so that the fast path keeps it in
 * registers), @ts the time stamp to use.  Return: the record, NULL when it
 * must be dropped, or ERR_PTR(-EAGAIN) when a nested writer got in first.
 */
static noinline struct ring_buffer_event *
rb_reserve_page(struct rb_cpu *c, u64 old_pos, u64 old_ts, u64 page, u64 ts,
		unsigned int size)
{
	union rb_wstate new, cur = { .pos = old_pos, .ts = old_ts };
	struct ring_buffer_event *e;
	struct rb_page_meta *m;
	long stale;

	if (page >= c->nr_pages) {
		u64 victim = page - c->nr_pages;

		/*
		 * Never overwrite data that is not committed yet.  Acquire:
		 * pairs with the store-release in rb_commit().  Only writers of
		 * this CPU publish cpos, so this orders us against nothing on
		 * other CPUs.
		 */
		if (victim >= pos_page(smp_load_acquire(&c->cpos))) {
			local_inc(&c->commit_overrun);
			return NULL;
		}
		if (!rb_free_slot(c, victim)) {
			local_inc(&c->dropped);
			return NULL;
		}
	}

	/*
	 * The slot still counts the records of the page it held before.
	 * Clearing that before the claim would wipe the counts of a nested
	 * writer that starts this page first (our claim then fails); clearing
	 * it after, the count of one that adds a record right after our
	 * claim.  So take the old count away once the page is ours: nested
	 * writers only ever add to it.
	 */
	m = rb_meta(c, page);
	stale = local_read(&m->entries);

	new.pos = page << RB_OFF_BITS | size;
	new.ts = ts;
	if (!try_cmpxchg128_local(&c->w.full, &cur.full, new.full))
		return ERR_PTR(-EAGAIN);
	local_sub(stale, &m->entries);

	/*
	 * The page is ours: from now on the fast path finds its slot here.
	 * A nested writer that gets in before this store divides instead.
	 */
	WRITE_ONCE(c->wslot, rb_wslot_make(page, page % c->nr_pages));

	/*
	 * The page we left is complete: record its length, and make the page
	 * itself what trace_pipe_raw hands out, so whole-page readers copy
	 * it as it is (rb_copy_pages_to_iter()): commit set, the rest zero.
	 */
	if (pos_off(old_pos)) {
		unsigned int end = pos_off(old_pos);
		struct buffer_data_page *done;

		done = c->pages[pos_page(old_pos) % c->nr_pages];
		rb_meta(c, pos_page(old_pos))->end = end;
		local_set(&done->commit, end);
		memset(done->data + end, 0, c->data_size - end);
	}
	c->pages[page % c->nr_pages]->time_stamp = ts;

	e = rb_at(c, page << RB_OFF_BITS);
	rb_set_header(e, size, 0);
	local_inc(&m->entries);
	return e;
}

/**
 * rb_reserve_slow() - reserve a record: what rb_reserve() leaves out
 * @buffer: the buffer
 * @c: this CPU's part of it, entered as a writer
 * @size: bytes of the record, header included
 *
 * Everything but the common case: a record that starts a page or needs a
 * time extend, a clock behind the previous record, and the retries after
 * a nested writer got in between.
 *
 * Return: the record, or NULL when it must be dropped.
 */
noinline struct ring_buffer_event *
rb_reserve_slow(struct trace_buffer *buffer, struct rb_cpu *c,
		unsigned int size)
{
	struct ring_buffer_event *e;
	union rb_wstate old, new;
	unsigned int off, need;
	u64 ts, delta;

	for (;;) {
		old.pos = READ_ONCE(c->w.pos);
		old.ts = READ_ONCE(c->w.ts);
		ts = rb_clock(buffer);
		if ((s64)(ts - old.ts) < 0)
			ts = old.ts;
		delta = ts - old.ts;
		off = pos_off(old.pos);
		need = size + (delta > RB_DELTA_MAX ? RB_EXTEND_SIZE : 0);

		if (unlikely(!off || off + need > c->data_size)) {
			e = rb_reserve_page(c, old.pos, old.ts,
					    pos_page(old.pos) + !!off, ts, size);
			if (e == ERR_PTR(-EAGAIN))
				continue;	/* a nested writer got in */
			if (e) {
				local_inc(&c->written);
				local_add(size, &c->written_bytes);
			}
			return e;
		}
		new.pos = old.pos + need;
		new.ts = ts;
		if (try_cmpxchg128_local(&c->w.full, &old.full, new.full))
			return rb_claimed(c, old.pos, size, need, delta);
	}
}

/**
 * ring_buffer_lock_reserve() - reserve room for a record on this CPU
 * @buffer: the buffer
 * @length: bytes of data
 *
 * Disables preemption until ring_buffer_unlock_commit() or
 * ring_buffer_discard_commit().  Safe in any context, NMI included.
 *
 * Return: the record (fill it through ring_buffer_event_data()), or NULL
 * when recording is off, the record is too big, the buffer is full
 * (producer/consumer mode) or this context is already writing.
 */
struct ring_buffer_event *
ring_buffer_lock_reserve(struct trace_buffer *buffer, unsigned long length)
{
	return rb_lock_reserve(buffer, length);
}
EXPORT_SYMBOL_GPL(ring_buffer_lock_reserve);

/**
 * ring_buffer_unlock_commit() - make the reserved record visible
 * @buffer: the buffer of the ring_buffer_lock_reserve() just made
 *
 * Return: 0.
 */
int ring_buffer_unlock_commit(struct trace_buffer *buffer)
{
	rb_unlock_commit(buffer);
	return 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_unlock_commit);

/**
 * ring_buffer_write3() - write a record of three 64-bit words
 * @buffer: the buffer
 * @w0: the first word of the record's data
 * @w1: the second
 * @w2: the third
 *
 * Reserve, fill and commit in one call, with the record's size known at
 * build time: the fast path of the function tracer, whose records are a
 * struct trace_entry and two addresses.
 *
 * It leaves out what its caller does already: preemption is disabled,
 * and the caller cannot recurse into it from the same context (the
 * function tracer holds ftrace_test_recursion_trylock()), so the
 * per-context guard of ring_buffer_lock_reserve() is not taken.  A writer
 * of an interrupt or NMI may still nest, as with every writer.
 *
 * Context: preemption disabled, recursion excluded by the caller.
 * Return: 0, or -EBUSY when the record could not be written.
 */
int ring_buffer_write3(struct trace_buffer *buffer, u64 w0, u64 w1, u64 w2)
{
	return rb_write3(buffer, w0, w1, w2);
}
EXPORT_SYMBOL_GPL(ring_buffer_write3);

/**
 * ring_buffer_discard_commit() - drop a reserved record instead of committing
 * @buffer: the buffer
 * @event: the record from ring_buffer_lock_reserve()
 *
 * @event becomes padding that readers skip and is no longer counted as
 * written.  Its time delta is lost to the records after it, as with
 * upstream's padding records.
 */
void ring_buffer_discard_commit(struct trace_buffer *buffer,
				struct ring_buffer_event *event)
{
	struct rb_cpu *c = buffer->cpus[raw_smp_processor_id()];
	/* A page of 2^order system pages is aligned to its size. */
	unsigned long page = (unsigned long)event &
			     ~((PAGE_SIZE << c->order) - 1);
	unsigned int i, slot;

	event->array[0] = rb_record_size(event) - RB_HDR_SIZE;
	event->time_delta = 1;
	event->type_len = RINGBUF_TYPE_PADDING;

	/*
	 * The page's slot, whose count loses the record.  Discards are common
	 * (every record an event filter rejects), so do not search the whole
	 * ring: the record is on the write page, or on one shortly before it
	 * when nested writers started pages meanwhile.  So search backwards
	 * from the write page's slot: the first look almost always finds it,
	 * and the loop still covers every slot.
	 */
	slot = READ_ONCE(c->wslot) >> 32;
	for (i = 0; i < c->nr_pages; i++) {
		if ((unsigned long)c->pages[slot] == page) {
			local_dec(&c->meta[slot].entries);
			break;
		}
		slot = (slot ? slot : c->nr_pages) - 1;
	}
	local_dec(&c->written);
	ring_buffer_unlock_commit(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_discard_commit);

/**
 * ring_buffer_write() - copy a whole record into the buffer
 * @buffer: the buffer
 * @length: bytes of @data
 * @data: the record's data
 *
 * Return: 0, or -EBUSY when the record could not be reserved.
 */
int ring_buffer_write(struct trace_buffer *buffer, unsigned long length,
		      void *data)
{
	struct ring_buffer_event *e = ring_buffer_lock_reserve(buffer, length);

	if (!e)
		return -EBUSY;
	memcpy(ring_buffer_event_data(e), data, length);
	return ring_buffer_unlock_commit(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_write);

/**
 * ring_buffer_event_length() - bytes of data of a data record
 * @event: the record
 *
 * Return: the length of the data (rounded up to 4 bytes).
 */
unsigned int ring_buffer_event_length(struct ring_buffer_event *event)
{
	if (event->type_len > RINGBUF_TYPE_DATA_TYPE_LEN_MAX)
		return 0;
	return event->type_len ? event->type_len * RB_ALIGN :
				 event->array[0] - sizeof(u32);
}
EXPORT_SYMBOL_GPL(ring_buffer_event_length);
