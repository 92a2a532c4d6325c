// SPDX-License-Identifier: GPL-2.0
/*
 * Ring buffer: the reader side (consuming reads and iterators).
 *
 * A consuming reader never reads the ring in place.  It copies the
 * committed data after rpos into its private page, then claims that data
 * with a cmpxchg of rpos.  If a writer moved rpos first (overwriting the
 * page), the cmpxchg fails and the copy is thrown away: the writer has
 * already counted those events as overrun.  Records are then handed out
 * from the private page one by one.
 *
 * Iterators (the "trace" file) walk without consuming, while writers go
 * on; a block that was overwritten during its copy is skipped.
 *
 * See rb_internal.h for the positions and the legend.
 */
#include <linux/ring_buffer.h>
#include <linux/slab.h>
#include <linux/uio.h>

#include "rb_internal.h"

/**
 * rb_count_records() - walk a block of records
 * @data: first record
 * @len: bytes in the block
 * @ts: in: time before the first record; out: time of the last one
 * @bytes: if not NULL, out: bytes up to the end of the last data record
 *
 * Return: the number of data records, or -EINVAL when the block does not
 * parse (a record runs past @len).
 */
int rb_count_records(void *data, unsigned int len, u64 *ts, unsigned int *bytes)
{
	unsigned int off = 0, size;
	struct ring_buffer_event *e;
	int n = 0;

	while (off < len) {
		e = data + off;
		size = rb_record_size(e);
		if (!size || off + size > len)
			return -EINVAL;
		switch (e->type_len) {
		case RINGBUF_TYPE_PADDING:
			break;
		case RINGBUF_TYPE_TIME_EXTEND:
			*ts += rb_extend_delta(e);
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			*ts = rb_extend_delta(e);
			break;
		default:
			*ts += e->time_delta;
			n++;
			break;
		}
		off += size;
	}
	if (bytes)
		*bytes = off;
	return n;
}

/* Add what writers overwrote since the last look to the loss to report. */
static void rb_note_overrun(struct rb_cpu *c)
{
	unsigned long ov = local_read(&c->overrun);

	lockdep_assert_held(&c->reader_lock);
	c->lost_pending += ov - c->lost_seen;
	c->lost_seen = ov;
}

/*
 * Move the next block of committed data into @dst (the private page, or a
 * page for a reader of whole pages).  Return: its length, 0 when there is
 * none.  For the private page, the reader state is set up to hand out its
 * records; for another page, the caller accounts for them.
 */
static unsigned int rb_take_into(struct rb_cpu *c, struct buffer_data_page *dst)
{
	u64 r = atomic64_read(&c->rpos), cp, page, ts, base, next;
	struct buffer_data_page *src;
	unsigned int off, end;
	int n;

	lockdep_assert_held(&c->reader_lock);
	for (;;) {
		/* Acquire: pairs with the store-release in rb_commit(). */
		cp = smp_load_acquire(&c->cpos);
		page = rpos_page(r);
		off = rpos_off(r);
		if (page > pos_page(cp))
			return 0;
		if (page == pos_page(cp))
			end = pos_off(cp);
		else
			end = min_t(unsigned int, READ_ONCE(c->meta[page % c->nr_pages].end),
				    c->data_size);

		if (off >= end) {
			if (page == pos_page(cp))
				return 0;
			/* A complete page we have taken everything from. */
			atomic64_try_cmpxchg(&c->rpos, &r, rpos_make(page + 1, 0, 0));
			continue;
		}

		src = c->pages[page % c->nr_pages];
		base = off ? c->read_ts : READ_ONCE(src->time_stamp);
		memcpy(dst->data, src->data + off, end - off);
		ts = base;
		if (page < pos_page(cp)) {
			/*
			 * A complete page: the writers counted its records, and
			 * the next block starts a page, so no time is needed.
			 * A lapping writer makes the cmpxchg below fail.
			 */
			n = local_read(&c->meta[page % c->nr_pages].entries) -
			    rpos_cnt(r);
		} else {
			n = rb_count_records(dst->data, end - off, &ts, NULL);
		}
		next = page == pos_page(cp) ?
		       rpos_make(page, end, rpos_cnt(r) + max(n, 0)) :
		       rpos_make(page + 1, 0, 0);
		/*
		 * Full barrier: our copy is complete before we claim the data.
		 * Pairs with the load-acquire and the cmpxchg of rpos in
		 * rb_free_slot().
		 */
		if (!atomic64_try_cmpxchg(&c->rpos, &r, next))
			continue;
		if (WARN_ON_ONCE(n < 0))
			continue;	/* committed data that does not parse */

		dst->time_stamp = base;
		c->read_ts = ts;
		rb_note_overrun(c);
		if (dst == c->rpage) {
			c->rpage_len = end - off;
			c->rpage_off = 0;
			c->rpage_ts = base;
		} else {
			c->read += n;
			c->read_bytes += end - off;
		}
		return end - off;
	}
}

static bool rb_take(struct rb_cpu *c)
{
	return rb_take_into(c, c->rpage);
}

/*
 * The next data record in the private page, refilling it as needed.
 * Non-data records before it are consumed on the way.
 */
static struct ring_buffer_event *rb_next_record(struct rb_cpu *c, u64 *ts)
{
	struct ring_buffer_event *e;
	unsigned int size;

	for (;;) {
		if (c->rpage_off >= c->rpage_len) {
			if (!rb_take(c))
				return NULL;
		}
		e = (void *)&c->rpage->data[c->rpage_off];
		size = rb_record_size(e);
		switch (e->type_len) {
		case RINGBUF_TYPE_PADDING:
			break;
		case RINGBUF_TYPE_TIME_EXTEND:
			c->rpage_ts += rb_extend_delta(e);
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			c->rpage_ts = rb_extend_delta(e);
			break;
		default:
			if (ts)
				*ts = c->rpage_ts + e->time_delta;
			return e;
		}
		c->rpage_off += size;
		c->read_bytes += size;
	}
}

static struct rb_cpu *rb_cpu_of(struct trace_buffer *buffer, int cpu)
{
	if (cpu < 0 || cpu >= nr_cpu_ids || !cpumask_test_cpu(cpu, cpu_possible_mask))
		return NULL;
	return buffer->cpus[cpu];
}

/**
 * ring_buffer_peek() - the next record of a CPU, without consuming it
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: if not NULL, gets the record's time stamp
 * @lost_events: if not NULL, gets the events lost before this record
 *
 * The record stays valid until the next consuming read of @cpu.
 *
 * Return: the record, or NULL when @cpu has none.
 */
struct ring_buffer_event *
ring_buffer_peek(struct trace_buffer *buffer, int cpu, u64 *ts,
		 unsigned long *lost_events)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	struct ring_buffer_event *e;
	unsigned long flags;

	if (!c)
		return NULL;
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	e = rb_next_record(c, ts);
	if (lost_events)
		*lost_events = c->lost_pending;
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	return e;
}
EXPORT_SYMBOL_GPL(ring_buffer_peek);

/**
 * ring_buffer_consume() - take the next record of a CPU
 * @buffer: the buffer
 * @cpu: the CPU
 * @ts: if not NULL, gets the record's time stamp
 * @lost_events: if not NULL, gets the number of events lost before this
 *	record (each loss is reported once)
 *
 * The record stays valid until the next consuming read of @cpu.
 *
 * Return: the record, or NULL when @cpu has none.
 */
struct ring_buffer_event *
ring_buffer_consume(struct trace_buffer *buffer, int cpu, u64 *ts,
		    unsigned long *lost_events)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	struct ring_buffer_event *e;
	unsigned long flags;
	unsigned int size;
	u64 t;

	if (!c)
		return NULL;
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	e = rb_next_record(c, &t);
	if (e) {
		size = rb_record_size(e);
		c->rpage_off += size;
		c->rpage_ts = t;
		c->read++;
		c->read_bytes += size;
		if (ts)
			*ts = t;
	}
	if (lost_events)
		*lost_events = e ? c->lost_pending : 0;
	if (e)
		c->lost_pending = 0;
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	return e;
}
EXPORT_SYMBOL_GPL(ring_buffer_consume);

/**
 * ring_buffer_read_page() - consume the next block of a CPU as a page
 * @buffer: the buffer
 * @cpu: the CPU
 * @page: a sub-buffer (ring_buffer_subbuf_size_get()), filled in the
 *	buffer page format (ABI), ready to hand to user space as it is:
 *	time_stamp is the time before the first record, commit the bytes
 *	of records, with RB_MISSED_EVENTS when records were lost before
 *	them and RB_MISSED_STORED when their number (an unsigned long)
 *	follows the data; every byte after that, up to @size, is zero
 * @size: the bytes at @page
 *
 * Return: the bytes of records in @page, 0 when @cpu has none, or
 * -EINVAL for a bad CPU, or -E2BIG when @size is smaller than the
 * buffer's pages (their size changed: ask again).
 */
int ring_buffer_read_page(struct trace_buffer *buffer, int cpu, void *page,
			  size_t size)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	struct buffer_data_page *bp = page;
	unsigned long flags, lost, commit;
	unsigned int len = 0, used;
	u64 ts;
	int n;

	if (!c)
		return -EINVAL;
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	/* The page size changes only under reader_lock. */
	if (size < RB_PAGE_HDR + c->data_size) {
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
		return -E2BIG;
	}
	if (c->rpage_off < c->rpage_len) {
		/* Records a text reader has taken but not consumed go first. */
		len = c->rpage_len - c->rpage_off;
		memcpy(bp->data, c->rpage->data + c->rpage_off, len);
		bp->time_stamp = c->rpage_ts;
		ts = c->rpage_ts;
		n = rb_count_records(bp->data, len, &ts, NULL);
		c->read += max(n, 0);
		c->read_bytes += len;
		c->rpage_off = c->rpage_len;
		c->rpage_ts = ts;
	} else {
		/* Straight from the ring into the caller's page. */
		len = rb_take_into(c, bp);
		if (!len) {
			raw_spin_unlock_irqrestore(&c->reader_lock, flags);
			return 0;
		}
	}

	commit = len;
	used = len;
	lost = c->lost_pending;
	c->lost_pending = 0;
	if (lost) {
		commit |= RB_MISSED_EVENTS;
		if (len + sizeof(lost) <= c->data_size) {
			memcpy(&bp->data[len], &lost, sizeof(lost));
			commit |= RB_MISSED_STORED;
			used += sizeof(lost);
		}
	}
	local_set(&bp->commit, commit);
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	/* The page is the caller's alone: clear its tail without the lock. */
	memset(bp->data + used, 0, size - RB_PAGE_HDR - used);
	return len;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_page);

/* Most complete pages ring_buffer_read_pages_iter() claims at once. */
#define RB_COPY_BATCH	16

/*
 * Copy the @nr complete pages from reader position @r to @to (whole
 * pages, in the ABI layout) and claim them with one cmpxchg of rpos.  The
 * copy goes straight from the ring to the user without reader_lock, since
 * it may fault; it counts only if rpos still equals @r afterwards, like
 * rb_take_into()'s copy.  Return: bytes copied, 0 when @r no longer holds
 * (nothing consumed, @to unchanged), or -EFAULT.
 */
static ssize_t rb_copy_pages_to_iter(struct rb_cpu *c, u64 r, unsigned int nr,
				     struct iov_iter *to)
{
	unsigned long flags, lost, entries = 0, bytes = 0, commit;
	struct iov_iter start = *to;	/* the first header is finished last */
	unsigned int psize = RB_PAGE_HDR + c->data_size;
	unsigned int i, slot, end, first_end = 0;
	struct buffer_data_page *src;
	u64 ts = 0;

	for (i = 0; i < nr; i++) {
		slot = (rpos_page(r) + i) % c->nr_pages;
		src = c->pages[slot];
		ts = READ_ONCE(src->time_stamp);
		end = min_t(unsigned int, READ_ONCE(c->meta[slot].end), c->data_size);
		entries += local_read(&c->meta[slot].entries);
		bytes += end;
		if (!i)
			first_end = end;
		/* A complete page is in the ABI layout already (rb_reserve_page()). */
		if (copy_to_iter(src, psize, to) != psize) {
			*to = start;
			return -EFAULT;
		}
	}

	raw_spin_lock_irqsave(&c->reader_lock, flags);
	/*
	 * Full barrier: the copies are complete before we claim the pages.
	 * Pairs with the load-acquire and the cmpxchg of rpos in
	 * rb_free_slot().  Records a text reader took into rpage first
	 * would be out of order, so they also fail.
	 */
	if (c->rpage_off < c->rpage_len ||
	    !atomic64_try_cmpxchg(&c->rpos, &r, rpos_make(rpos_page(r) + nr, 0, 0))) {
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
		*to = start;
		return 0;
	}
	c->read += entries;
	c->read_bytes += bytes;
	c->read_ts = ts;
	rb_note_overrun(c);
	lost = c->lost_pending;
	c->lost_pending = 0;
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);

	if (!lost)
		return nr * psize;
	/* The loss goes with the first page: its commit word, and after it. */
	commit = first_end | RB_MISSED_EVENTS;
	if (first_end + sizeof(lost) <= c->data_size) {
		struct iov_iter at = start;

		iov_iter_advance(&at, RB_PAGE_HDR + first_end);
		if (copy_to_iter(&lost, sizeof(lost), &at) != sizeof(lost))
			return -EFAULT;
		commit |= RB_MISSED_STORED;
	}
	iov_iter_advance(&start, offsetof(struct buffer_data_page, commit));
	if (copy_to_iter(&commit, sizeof(commit), &start) != sizeof(commit))
		return -EFAULT;
	return nr * psize;
}

/**
 * ring_buffer_read_pages_iter() - consume complete pages of a CPU into @to
 * @buffer: the buffer
 * @cpu: the CPU
 * @to: where the pages go; whole pages only, as many as fit
 *
 * The zero-copy path of trace_pipe_raw: complete pages go from the ring
 * to @to directly, in the format of ring_buffer_read_page().  It stops at
 * the page being written, at a page the reader has started, and when @to
 * has less than a page left; ring_buffer_read_page() handles those.
 * Sleeps (it holds off resizing while it copies).
 *
 * Return: the bytes copied (a multiple of the sub-buffer size), or -EFAULT when
 * nothing could be copied because of a fault.
 */
ssize_t ring_buffer_read_pages_iter(struct trace_buffer *buffer, int cpu,
				    struct iov_iter *to)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	unsigned int nr, batch = RB_COPY_BATCH;
	ssize_t n, done = 0;
	u64 r, cp;

	if (!c)
		return 0;
	/* Resizing frees pages: it waits for the copies. */
	mutex_lock(&buffer->resize_lock);
	for (;;) {
		/* Unlocked looks: rb_copy_pages_to_iter() checks them again. */
		if (READ_ONCE(c->rpage_off) < READ_ONCE(c->rpage_len))
			break;
		r = atomic64_read(&c->rpos);
		/* Acquire: pairs with the store-release in rb_commit(). */
		cp = smp_load_acquire(&c->cpos);
		if (rpos_off(r) || rpos_page(r) >= pos_page(cp))
			break;
		nr = min3(iov_iter_count(to) / (RB_PAGE_HDR + c->data_size),
			  (size_t)(pos_page(cp) - rpos_page(r)), (size_t)batch);
		if (!nr)
			break;
		n = rb_copy_pages_to_iter(c, r, nr, to);
		if (n < 0) {
			if (!done)
				done = n;
			break;
		}
		/* A writer or reader got in: look again, a page at a time. */
		if (!n)
			batch = 1;
		done += n;
	}
	mutex_unlock(&buffer->resize_lock);
	return done;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_pages_iter);

/**
 * ring_buffer_empty_cpu() - has a CPU nothing to read?
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: true when a consuming read of @cpu would find nothing.
 */
bool ring_buffer_empty_cpu(struct trace_buffer *buffer, int cpu)
{
	return !ring_buffer_peek(buffer, cpu, NULL, NULL);
}
EXPORT_SYMBOL_GPL(ring_buffer_empty_cpu);

/**
 * ring_buffer_percent_filled() - how full is a CPU's buffer?
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Counts the complete pages the reader has not taken yet, against the
 * pages a writer can fill before it must overwrite or drop (all but the
 * one it writes).  The page being written does not count: readers waiting
 * for a fill level want whole pages.
 *
 * Return: 0 to 100.
 */
int ring_buffer_percent_filled(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	u64 done, unread;

	if (!c || c->nr_pages < 2)
		return 0;
	/* Acquire: pairs with the store-release in rb_commit(). */
	done = pos_page(smp_load_acquire(&c->cpos));
	unread = done - min(done, rpos_page(atomic64_read(&c->rpos)));
	return min_t(u64, unread * 100 / (c->nr_pages - 1), 100);
}
EXPORT_SYMBOL_GPL(ring_buffer_percent_filled);

/**
 * ring_buffer_empty() - has the whole buffer nothing to read?
 * @buffer: the buffer
 *
 * Return: true when every CPU is empty.
 */
bool ring_buffer_empty(struct trace_buffer *buffer)
{
	int cpu;

	for_each_possible_cpu(cpu)
		if (!ring_buffer_empty_cpu(buffer, cpu))
			return false;
	return true;
}
EXPORT_SYMBOL_GPL(ring_buffer_empty);

/**
 * ring_buffer_oldest_event_ts() - time of the oldest unread record
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: its time stamp, or 0 when @cpu has nothing to read.
 */
u64 ring_buffer_oldest_event_ts(struct trace_buffer *buffer, int cpu)
{
	u64 ts = 0;

	ring_buffer_peek(buffer, cpu, &ts, NULL);
	return ts;
}
EXPORT_SYMBOL_GPL(ring_buffer_oldest_event_ts);

/*
 * An iterator copies what the reader has taken but not consumed, then
 * walks the ring from rpos to cpos.
 */
struct ring_buffer_iter {
	struct rb_cpu		*c;
	struct buffer_data_page	*page;	/* the current block */
	unsigned int		order;	/* @page is 2^order pages */
	unsigned int		len;	/* bytes in @page */
	unsigned int		off;	/* current record in @page */
	u64			ts;	/* time before the current record */
	u64			next;	/* ring position of the next block */
	u64			end;	/* cpos when the walk started */
};

/*
 * Load the next block of the ring; false at the end.  Writers keep going
 * meanwhile: a block is valid only if the reader position has not moved
 * past its page by the time the copy is done (a writer moves it before
 * reusing the page's slot).  A lost block means the walk skips ahead.
 */
static bool rb_iter_load(struct ring_buffer_iter *it)
{
	struct rb_cpu *c = it->c;
	unsigned int off, end;
	u64 page, r;

	while (it->next < it->end) {
		page = pos_page(it->next);
		off = pos_off(it->next);
		end = page == pos_page(it->end) ? pos_off(it->end) :
		      min_t(unsigned int, READ_ONCE(c->meta[page % c->nr_pages].end),
			    c->data_size);
		if (off < end) {
			memcpy(it->page->data,
			       c->pages[page % c->nr_pages]->data + off, end - off);
			if (!off)
				it->ts = c->pages[page % c->nr_pages]->time_stamp;
		}
		/* Copy before checking.  Pairs with the cmpxchg in rb_free_slot(). */
		smp_rmb();
		r = atomic64_read(&c->rpos);
		if (rpos_page(r) > page) {
			/* Overwritten or consumed meanwhile: go on from the reader. */
			it->next = max(it->next + 1, rpos_page(r) << RB_OFF_BITS);
			continue;
		}
		it->next = (page + 1) << RB_OFF_BITS;
		if (off >= end || rb_count_records(it->page->data, end - off,
						   &(u64){ 0 }, NULL) < 0)
			continue;
		it->len = end - off;
		it->off = 0;
		return true;
	}
	return false;
}

/**
 * ring_buffer_read_start() - start a non-consuming walk of a CPU
 * @buffer: the buffer
 * @cpu: the CPU
 * @flags: allocation flags
 *
 * The walk ends at what was committed when it started.  The CPU's
 * buffer cannot be resized until ring_buffer_read_finish().
 *
 * Return: the iterator, or NULL when @cpu is not valid, memory is short,
 * or the size of the buffer's pages is being changed.
 */
struct ring_buffer_iter *ring_buffer_read_start(struct trace_buffer *buffer,
						int cpu, gfp_t flags)
{
	struct rb_cpu *c = rb_cpu_of(buffer, cpu);
	struct ring_buffer_iter *it;
	unsigned long irqflags;
	u64 r;

	if (!c)
		return NULL;
	it = kzalloc(sizeof(*it), flags);
	if (!it)
		return NULL;
	it->order = READ_ONCE(c->order);
	it->page = (void *)__get_free_pages(flags, it->order);
	if (!it->page) {
		kfree(it);
		return NULL;
	}
	it->c = c;
	raw_spin_lock_irqsave(&c->reader_lock, irqflags);
	c->iters++;
	/*
	 * Full barrier: either ring_buffer_subbuf_order_set() sees @iters,
	 * or we see its @order_busy (it pairs with the smp_mb() there).
	 */
	smp_mb();
	if (READ_ONCE(buffer->order_busy) || it->order != c->order) {
		c->iters--;
		raw_spin_unlock_irqrestore(&c->reader_lock, irqflags);
		free_pages((unsigned long)it->page, it->order);
		kfree(it);
		return NULL;
	}
	it->len = c->rpage_len - c->rpage_off;
	memcpy(it->page->data, c->rpage->data + c->rpage_off, it->len);
	it->ts = c->rpage_ts;
	r = atomic64_read(&c->rpos);
	it->next = rpos_page(r) << RB_OFF_BITS | rpos_off(r);
	if (rpos_off(r))
		it->ts = it->len ? it->ts : c->read_ts;
	/* Acquire: pairs with the store-release in rb_commit(). */
	it->end = smp_load_acquire(&c->cpos);
	raw_spin_unlock_irqrestore(&c->reader_lock, irqflags);
	return it;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_start);

/**
 * ring_buffer_iter_peek() - the iterator's current record
 * @it: the iterator
 * @ts: if not NULL, gets the record's time stamp
 *
 * Return: the record, or NULL at the end.
 */
struct ring_buffer_event *ring_buffer_iter_peek(struct ring_buffer_iter *it,
						u64 *ts)
{
	struct ring_buffer_event *e;

	for (;;) {
		if (it->off >= it->len && !rb_iter_load(it))
			return NULL;
		e = (void *)&it->page->data[it->off];
		switch (e->type_len) {
		case RINGBUF_TYPE_PADDING:
			break;
		case RINGBUF_TYPE_TIME_EXTEND:
			it->ts += rb_extend_delta(e);
			break;
		case RINGBUF_TYPE_TIME_STAMP:
			it->ts = rb_extend_delta(e);
			break;
		default:
			if (ts)
				*ts = it->ts + e->time_delta;
			return e;
		}
		it->off += rb_record_size(e) ?: it->len;
	}
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_peek);

/**
 * ring_buffer_iter_advance() - step past the current record
 * @it: the iterator
 */
void ring_buffer_iter_advance(struct ring_buffer_iter *it)
{
	struct ring_buffer_event *e;
	u64 ts;

	e = ring_buffer_iter_peek(it, &ts);
	if (!e)
		return;
	it->ts = ts;
	it->off += rb_record_size(e);
}
EXPORT_SYMBOL_GPL(ring_buffer_iter_advance);

/**
 * ring_buffer_read_finish() - end a walk
 * @it: the iterator
 */
void ring_buffer_read_finish(struct ring_buffer_iter *it)
{
	struct rb_cpu *c = it->c;
	unsigned long flags;

	raw_spin_lock_irqsave(&c->reader_lock, flags);
	c->iters--;
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	free_pages((unsigned long)it->page, it->order);
	kfree(it);
}
EXPORT_SYMBOL_GPL(ring_buffer_read_finish);
