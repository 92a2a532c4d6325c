// SPDX-License-Identifier: GPL-2.0
/*
 * Ring buffer: allocation, sizing, reset and accounting.
 *
 * Everything here runs in process context and may sleep.  Changing the
 * pages of a CPU's buffer (resize, reset) first turns recording off on it
 * and waits for the writers already inside (they run with preemption
 * disabled, so an RCU grace period is enough), then takes the reader lock.
 *
 * Accounting identities, per CPU, at any quiet moment:
 *
 *	written = read + overrun + entries
 *	written_bytes = read_bytes + overrun_bytes + bytes
 *
 * "dropped" and "commit overrun" count events that were never written.
 */
#include <linux/cpumask.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/rcupdate.h>
#include <linux/ring_buffer.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/trace_clock.h>

#include "rb_internal.h"

#define RB_MIN_PAGES	3

static void rb_free_pages(struct buffer_data_page **pages, unsigned int nr,
			  unsigned int order)
{
	unsigned int i;

	if (!pages)
		return;
	for (i = 0; i < nr; i++)
		free_pages((unsigned long)pages[i], order);
	kvfree(pages);
}

static struct buffer_data_page **rb_alloc_pages(int cpu, unsigned int nr,
						unsigned int order)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOWARN |
			  __GFP_ZERO;
	bool user = !(current->flags & PF_KTHREAD);
	struct buffer_data_page **pages;
	struct page *pg;
	unsigned int i;

	/* A size that cannot fit fails at once, not after taking it all. */
	if ((unsigned long)nr << order > si_mem_available())
		return NULL;
	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL | __GFP_NOWARN);
	if (!pages)
		return NULL;
	/*
	 * Should the estimate be wrong, allocations fail quietly; and if
	 * the OOM killer runs meanwhile, it takes the writer of the size.
	 */
	if (user)
		set_current_oom_origin();
	for (i = 0; i < nr; i++) {
		pg = alloc_pages_node(cpu_to_node(cpu), gfp, order);
		if (!pg || fatal_signal_pending(current)) {
			if (pg)
				__free_pages(pg, order);
			rb_free_pages(pages, i, order);
			pages = NULL;
			break;
		}
		pages[i] = page_address(pg);
	}
	if (user)
		clear_current_oom_origin();
	return pages;
}

/* Pages of 2^@order system pages that hold @size bytes of data. */
static unsigned int rb_nr_pages(unsigned long size, unsigned int order)
{
	unsigned long n = size / rb_data_size(order) +
			  !!(size % rb_data_size(order));	/* no overflow */

	return min_t(unsigned long, max_t(unsigned long, n, RB_MIN_PAGES),
		     UINT_MAX);
}

/* Start the CPU's buffer afresh at a new page.  Recording must be off. */
static void rb_reset_cpu(struct rb_cpu *c)
{
	u64 page = pos_page(c->w.pos) + 1;

	c->w.pos = page << RB_OFF_BITS;
	/*
	 * Forget the last time stamp: after a change of clock (which resets
	 * the buffer) one behind the old clock would be clamped to it.
	 */
	c->w.ts = 0;
	c->cpos = c->w.pos;
	atomic64_set(&c->rpos, rpos_make(page, 0, 0));
	local_set(&c->written, 0);
	local_set(&c->written_bytes, 0);
	local_set(&c->overrun, 0);
	local_set(&c->overrun_bytes, 0);
	local_set(&c->commit_overrun, 0);
	local_set(&c->dropped, 0);
	c->rpage_len = 0;
	c->rpage_off = 0;
	c->read = 0;
	c->read_bytes = 0;
	c->lost_seen = 0;
	c->lost_pending = 0;
}

static struct rb_cpu *rb_alloc_cpu(struct trace_buffer *buffer, int cpu,
				   unsigned int nr, unsigned int order)
{
	struct rb_cpu *c;

	/*
	 * cmpxchg16b needs c->w 16-byte aligned; kmalloc aligns power-of-two
	 * sizes naturally.
	 */
	c = kzalloc_node(roundup_pow_of_two(sizeof(*c)), GFP_KERNEL,
			 cpu_to_node(cpu));
	if (!c)
		return NULL;
	c->cpu = cpu;
	c->buffer = buffer;
	raw_spin_lock_init(&c->reader_lock);
	c->rpage = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
	c->meta = kvcalloc(nr, sizeof(*c->meta), GFP_KERNEL);
	c->pages = rb_alloc_pages(cpu, nr, order);
	if (!c->rpage || !c->meta || !c->pages) {
		rb_free_pages(c->pages, nr, order);
		kvfree(c->meta);
		free_pages((unsigned long)c->rpage, order);
		kfree(c);
		return NULL;
	}
	c->nr_pages = nr;
	c->order = order;
	c->data_size = rb_data_size(order);
	return c;
}

static void rb_free_cpu(struct rb_cpu *c)
{
	if (!c)
		return;
	rb_free_pages(c->pages, c->nr_pages, c->order);
	kvfree(c->meta);
	free_pages((unsigned long)c->rpage, c->order);
	kfree(c);
}

/**
 * ring_buffer_alloc() - allocate a buffer for every possible CPU
 * @size: bytes of data per CPU (rounded up to whole pages, at least 3)
 * @flags: RB_FL_OVERWRITE for overwrite mode
 *
 * The x86-64 writer needs cmpxchg16b.
 *
 * Return: the buffer, or NULL.
 */
struct trace_buffer *ring_buffer_alloc(unsigned long size, unsigned int flags)
{
	unsigned int nr = rb_nr_pages(size, 0);
	struct trace_buffer *buffer;
	int cpu;

	if (!system_has_cmpxchg128()) {
		pr_warn_once("ring buffer: this CPU lacks cmpxchg16b\n");
		return NULL;
	}
	if (nr > RB_MAX_PAGES)
		return NULL;
	buffer = kzalloc(sizeof(*buffer), GFP_KERNEL);
	if (!buffer)
		return NULL;
	buffer->cpus = kcalloc(nr_cpu_ids, sizeof(*buffer->cpus), GFP_KERNEL);
	if (!buffer->cpus)
		goto fail;
	buffer->flags = flags;
	buffer->clock = trace_clock_local;
	mutex_init(&buffer->resize_lock);
	for_each_possible_cpu(cpu) {
		buffer->cpus[cpu] = rb_alloc_cpu(buffer, cpu, nr, 0);
		if (!buffer->cpus[cpu])
			goto fail;
	}
	return buffer;
fail:
	ring_buffer_free(buffer);
	return NULL;
}
EXPORT_SYMBOL_GPL(ring_buffer_alloc);

/**
 * ring_buffer_free() - free a buffer
 * @buffer: the buffer; no writer or reader may use it any more
 */
void ring_buffer_free(struct trace_buffer *buffer)
{
	int cpu;

	if (!buffer)
		return;
	if (buffer->cpus)
		for_each_possible_cpu(cpu)
			rb_free_cpu(buffer->cpus[cpu]);
	kfree(buffer->cpus);
	kfree(buffer);
}
EXPORT_SYMBOL_GPL(ring_buffer_free);

/* Turn a CPU's buffer off for a change of its pages; sleeps. */
static void rb_quiesce(struct trace_buffer *buffer, int cpu)
{
	ring_buffer_record_disable_cpu(buffer, cpu);
	synchronize_rcu();	/* writers run with preemption off */
}

/*
 * Move the pages in use (the reader's page up to the write page) from
 * @c's arrays into @pages/@meta of @nr slots, each to the slot its page
 * number maps to there; the fresh pages they displace go back into @c's
 * arrays, to be freed with them.  When @nr slots cannot hold them all,
 * the oldest pages are dropped as if overwritten.  Recording must be off,
 * reader_lock held.
 */
static void rb_move_pages(struct rb_cpu *c, struct buffer_data_page **pages,
			  struct rb_page_meta *meta, unsigned int nr)
{
	u64 r = atomic64_read(&c->rpos), wp = pos_page(c->w.pos), p;
	u64 first = rpos_page(r);
	unsigned int from, to;
	struct rb_page_meta *m;

	if (wp - first + 1 > nr) {
		first = wp - nr + 1;
		for (p = rpos_page(r); p < first; p++) {
			m = &c->meta[p % c->nr_pages];
			local_add(local_read(&m->entries) - rpos_cnt(r), &c->overrun);
			local_add(m->end - rpos_off(r), &c->overrun_bytes);
			r = rpos_make(p + 1, 0, 0);
		}
		atomic64_set(&c->rpos, r);
	}
	/* Two divisions, not two per page: IRQs are off. */
	from = first % c->nr_pages;
	to = first % nr;
	for (p = first; p <= wp; p++) {
		swap(pages[to], c->pages[from]);
		m = &c->meta[from];
		meta[to].end = m->end;
		local_set(&meta[to].entries, local_read(&m->entries));
		if (++from == c->nr_pages)
			from = 0;
		if (++to == nr)
			to = 0;
	}
	c->wslot = rb_wslot_make(wp, wp % nr);
}

/* Is an iterator open on any CPU?  (rb_resize_cpu() checks again.) */
static bool rb_any_iter(struct trace_buffer *buffer)
{
	int cpu;

	for_each_possible_cpu(cpu)
		if (READ_ONCE(buffer->cpus[cpu]->iters))
			return true;
	return false;
}

static int rb_resize_cpu(struct trace_buffer *buffer, int cpu, unsigned int nr)
{
	struct rb_cpu *c = buffer->cpus[cpu];
	struct buffer_data_page **pages, **old;
	struct rb_page_meta *meta, *old_meta;
	unsigned int old_nr;
	unsigned long flags;

	if (c->nr_pages == nr)
		return 0;
	pages = rb_alloc_pages(cpu, nr, c->order);
	meta = kvcalloc(nr, sizeof(*meta), GFP_KERNEL);
	if (!pages || !meta) {
		rb_free_pages(pages, nr, c->order);
		kvfree(meta);
		return -ENOMEM;
	}

	rb_quiesce(buffer, cpu);
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	if (c->iters) {
		/* Iterators walk the pages without the lock. */
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
		ring_buffer_record_enable_cpu(buffer, cpu);
		rb_free_pages(pages, nr, c->order);
		kvfree(meta);
		return -EBUSY;
	}
	rb_move_pages(c, pages, meta, nr);
	old = c->pages;
	old_meta = c->meta;
	old_nr = c->nr_pages;
	c->pages = pages;
	c->meta = meta;
	c->nr_pages = nr;
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	ring_buffer_record_enable_cpu(buffer, cpu);

	rb_free_pages(old, old_nr, c->order);
	kvfree(old_meta);
	return 0;
}

/**
 * ring_buffer_resize() - change the size of one or all CPUs' buffers
 * @buffer: the buffer
 * @size: new bytes of data per CPU (rounded up to whole pages, at least 3)
 * @cpu: the CPU, or RING_BUFFER_ALL_CPUS
 *
 * A resized CPU buffer keeps its contents and counters; one made too
 * small for them keeps the newest pages and counts the rest as overrun.
 * Sleeps.
 *
 * Return: 0, -EINVAL for a bad CPU, -EBUSY while an iterator
 * (ring_buffer_read_start()) is open on a CPU to resize, or -ENOMEM.
 */
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size, int cpu)
{
	unsigned int nr;
	int ret = 0, c;

	if (cpu != RING_BUFFER_ALL_CPUS &&
	    (cpu < 0 || cpu >= nr_cpu_ids || !buffer->cpus[cpu]))
		return -EINVAL;
	mutex_lock(&buffer->resize_lock);
	nr = rb_nr_pages(size, buffer->order);
	if (nr > RB_MAX_PAGES) {
		mutex_unlock(&buffer->resize_lock);
		return -ENOMEM;	/* more than 2^20 pages on one CPU */
	}
	if (cpu != RING_BUFFER_ALL_CPUS) {
		ret = rb_resize_cpu(buffer, cpu, nr);
	} else if (rb_any_iter(buffer)) {
		ret = -EBUSY;	/* all or none, as far as iterators go */
	} else {
		for_each_possible_cpu(c) {
			ret = rb_resize_cpu(buffer, c, nr);
			if (ret)
				break;
		}
	}
	mutex_unlock(&buffer->resize_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_resize);

/* New pages for one CPU, made before anything changes. */
struct rb_new_pages {
	struct buffer_data_page	**pages;
	struct rb_page_meta	*meta;
	void			*rpage;
	unsigned int		nr;
};

static void rb_free_new(struct rb_new_pages *n, unsigned int order)
{
	rb_free_pages(n->pages, n->nr, order);
	kvfree(n->meta);
	free_pages((unsigned long)n->rpage, order);
}

/**
 * ring_buffer_subbuf_order_set() - change the size of the buffer's pages
 * @buffer: the buffer
 * @order: each page (sub-buffer) becomes 2^@order system pages
 *
 * Every CPU keeps about the bytes of data it had, in fewer and bigger
 * pages or more and smaller ones.  The records are discarded (their
 * pages are gone) and so are the counters, as after a reset.  Sleeps.
 *
 * Return: 0, -EINVAL for an order above RB_MAX_ORDER, -EBUSY while an
 * iterator is open, or -ENOMEM (the buffer is then unchanged).
 */
int ring_buffer_subbuf_order_set(struct trace_buffer *buffer, int order)
{
	unsigned long cpu_bytes;
	unsigned int old_order;
	struct rb_new_pages *n;
	unsigned long flags;
	struct rb_cpu *c;
	int cpu, ret = 0;

	if (order < 0 || order > RB_MAX_ORDER)
		return -EINVAL;
	n = kcalloc(nr_cpu_ids, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	mutex_lock(&buffer->resize_lock);
	old_order = buffer->order;
	if (order == old_order)
		goto out;
	WRITE_ONCE(buffer->order_busy, 1);
	/*
	 * Full barrier: either we see a new iterator or it sees
	 * @order_busy (pairs with the smp_mb() in ring_buffer_read_start()).
	 */
	smp_mb();
	ret = -EBUSY;
	if (rb_any_iter(buffer))
		goto out;
	ret = -ENOMEM;
	for_each_possible_cpu(cpu) {
		c = buffer->cpus[cpu];
		cpu_bytes = (unsigned long)c->nr_pages * c->data_size;
		n[cpu].nr = rb_nr_pages(cpu_bytes, order);
		if (n[cpu].nr > RB_MAX_PAGES)
			goto out_free;
		n[cpu].pages = rb_alloc_pages(cpu, n[cpu].nr, order);
		n[cpu].meta = kvcalloc(n[cpu].nr, sizeof(*n[cpu].meta), GFP_KERNEL);
		n[cpu].rpage = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
							order);
		if (!n[cpu].pages || !n[cpu].meta || !n[cpu].rpage)
			goto out_free;
	}

	ring_buffer_record_disable(buffer);
	synchronize_rcu();	/* writers run with preemption off */
	for_each_possible_cpu(cpu) {
		c = buffer->cpus[cpu];
		raw_spin_lock_irqsave(&c->reader_lock, flags);
		swap(c->pages, n[cpu].pages);
		swap(c->meta, n[cpu].meta);
		swap(c->rpage, n[cpu].rpage);
		swap(c->nr_pages, n[cpu].nr);
		c->order = order;
		c->data_size = rb_data_size(order);
		rb_reset_cpu(c);
		c->wslot = rb_wslot_make(pos_page(c->w.pos),
					 pos_page(c->w.pos) % c->nr_pages);
		raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	}
	buffer->order = order;
	ring_buffer_record_enable(buffer);
	ret = 0;
	/* n[] now holds the old pages. */
	for_each_possible_cpu(cpu)
		rb_free_new(&n[cpu], old_order);
	goto out;
out_free:
	for_each_possible_cpu(cpu)
		rb_free_new(&n[cpu], order);
out:
	WRITE_ONCE(buffer->order_busy, 0);
	mutex_unlock(&buffer->resize_lock);
	kfree(n);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_order_set);

/**
 * ring_buffer_subbuf_order_get() - the size of the buffer's pages, as order
 * @buffer: the buffer
 *
 * Return: each page (sub-buffer) is 2^order system pages.
 */
int ring_buffer_subbuf_order_get(struct trace_buffer *buffer)
{
	return READ_ONCE(buffer->order);
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_order_get);

/**
 * ring_buffer_subbuf_size_get() - the bytes of a page of the buffer
 * @buffer: the buffer
 *
 * Return: the size of a sub-buffer, header included: what a page read
 * from trace_pipe_raw is.
 */
int ring_buffer_subbuf_size_get(struct trace_buffer *buffer)
{
	return PAGE_SIZE << READ_ONCE(buffer->order);
}
EXPORT_SYMBOL_GPL(ring_buffer_subbuf_size_get);

/**
 * ring_buffer_print_page_header() - the page layout, as events/header_page
 * @buffer: the buffer, or NULL for pages of one system page
 * @s: gets the text
 *
 * Describes the header of the pages trace_pipe_raw hands out and the data
 * area after it, whose size is that of @buffer's current sub-buffers less
 * the header.  Parsers (libtraceevent) take both the layout and the page
 * size from this text.
 *
 * Return: 0, or -EOVERFLOW when @s had no room for all of it.
 */
int ring_buffer_print_page_header(struct trace_buffer *buffer, struct seq_buf *s)
{
	unsigned int order = buffer ? READ_ONCE(buffer->order) : 0;

	seq_buf_printf(s, "\tfield: u64 timestamp;\toffset:%zu;\tsize:%zu;\tsigned:0;\n",
		       offsetof(struct buffer_data_page, time_stamp),
		       sizeof_field(struct buffer_data_page, time_stamp));
	seq_buf_printf(s, "\tfield: local_t commit;\toffset:%zu;\tsize:%zu;\tsigned:1;\n",
		       offsetof(struct buffer_data_page, commit),
		       sizeof_field(struct buffer_data_page, commit));
	/* Parsers still look for this one: a byte over the commit word. */
	seq_buf_printf(s, "\tfield: int overwrite;\toffset:%zu;\tsize:1;\tsigned:1;\n",
		       offsetof(struct buffer_data_page, commit));
	seq_buf_printf(s, "\tfield: char data;\toffset:%zu;\tsize:%u;\tsigned:0;\n",
		       offsetof(struct buffer_data_page, data), rb_data_size(order));
	return seq_buf_has_overflowed(s) ? -EOVERFLOW : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_print_page_header);

/**
 * ring_buffer_size() - bytes of data a CPU's buffer holds
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the size, or 0 for a bad CPU.
 */
unsigned long ring_buffer_size(struct trace_buffer *buffer, int cpu)
{
	if (cpu < 0 || cpu >= nr_cpu_ids || !buffer->cpus[cpu])
		return 0;
	return (unsigned long)READ_ONCE(buffer->cpus[cpu]->nr_pages) *
	       READ_ONCE(buffer->cpus[cpu]->data_size);
}
EXPORT_SYMBOL_GPL(ring_buffer_size);

/**
 * ring_buffer_reset_cpu() - discard everything in a CPU's buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Also clears the CPU's counters.  Sleeps.
 */
void ring_buffer_reset_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c;
	unsigned long flags;

	if (cpu < 0 || cpu >= nr_cpu_ids || !buffer->cpus[cpu])
		return;
	c = buffer->cpus[cpu];
	mutex_lock(&buffer->resize_lock);
	rb_quiesce(buffer, cpu);
	raw_spin_lock_irqsave(&c->reader_lock, flags);
	rb_reset_cpu(c);
	raw_spin_unlock_irqrestore(&c->reader_lock, flags);
	ring_buffer_record_enable_cpu(buffer, cpu);
	mutex_unlock(&buffer->resize_lock);
}
EXPORT_SYMBOL_GPL(ring_buffer_reset_cpu);

#ifdef CONFIG_RING_BUFFER_ALLOW_SWAP
/*
 * Exchange what two buffers of a CPU hold: pages, positions, counters and
 * the reader's page.  The off switch, the reader's lock, the iterator
 * count and the identity stay, so each buffer's recording state is its
 * own before and after.  Both quiesced, both reader_locks held.
 */
static void rb_swap_state(struct rb_cpu *a, struct rb_cpu *b)
{
	swap(a->w, b->w);
	swap(a->commits, b->commits);
	swap(a->wslot, b->wslot);
	swap(a->cpos, b->cpos);
	swap(a->rpos, b->rpos);
	swap(a->written, b->written);
	swap(a->written_bytes, b->written_bytes);
	swap(a->overrun, b->overrun);
	swap(a->overrun_bytes, b->overrun_bytes);
	swap(a->commit_overrun, b->commit_overrun);
	swap(a->dropped, b->dropped);
	swap(a->nr_pages, b->nr_pages);
	swap(a->pages, b->pages);
	swap(a->meta, b->meta);
	swap(a->rpage, b->rpage);
	swap(a->rpage_len, b->rpage_len);
	swap(a->rpage_off, b->rpage_off);
	swap(a->rpage_ts, b->rpage_ts);
	swap(a->read_ts, b->read_ts);
	swap(a->read, b->read);
	swap(a->read_bytes, b->read_bytes);
	swap(a->lost_seen, b->lost_seen);
	swap(a->lost_pending, b->lost_pending);
}

/**
 * ring_buffer_swap_cpu() - exchange one CPU's contents between two buffers
 * @buffer_a: a buffer
 * @buffer_b: another, with the same page size
 * @cpu: the CPU
 *
 * What @cpu recorded in @buffer_a is in @buffer_b afterwards and the
 * other way round; the other CPUs' buffers are untouched.  Sizes go with
 * the contents.  Writers of @cpu drop their records while it runs.
 * Sleeps.  The caller keeps two swaps of the same pair in the opposite
 * order from running at once (the per-CPU snapshot file: trace_types_lock).
 *
 * Return: 0, -EINVAL for a bad CPU or different page sizes, -EBUSY while
 * an iterator (ring_buffer_read_start()) is open on either.
 */
int ring_buffer_swap_cpu(struct trace_buffer *buffer_a,
			 struct trace_buffer *buffer_b, int cpu)
{
	struct rb_cpu *a, *b;
	unsigned long flags;
	int ret = 0;

	if (cpu < 0 || cpu >= nr_cpu_ids || buffer_a == buffer_b ||
	    !buffer_a->cpus[cpu] || !buffer_b->cpus[cpu])
		return -EINVAL;
	a = buffer_a->cpus[cpu];
	b = buffer_b->cpus[cpu];
	mutex_lock(&buffer_a->resize_lock);
	mutex_lock_nested(&buffer_b->resize_lock, SINGLE_DEPTH_NESTING);
	if (buffer_a->order != buffer_b->order) {
		ret = -EINVAL;
		goto unlock;
	}
	ring_buffer_record_disable_cpu(buffer_a, cpu);
	ring_buffer_record_disable_cpu(buffer_b, cpu);
	synchronize_rcu();	/* writers run with preemption off */
	raw_spin_lock_irqsave(&a->reader_lock, flags);
	raw_spin_lock_nested(&b->reader_lock, SINGLE_DEPTH_NESTING);
	/* Iterators walk the pages without the lock. */
	if (a->iters || b->iters)
		ret = -EBUSY;
	else
		rb_swap_state(a, b);
	raw_spin_unlock(&b->reader_lock);
	raw_spin_unlock_irqrestore(&a->reader_lock, flags);
	ring_buffer_record_enable_cpu(buffer_b, cpu);
	ring_buffer_record_enable_cpu(buffer_a, cpu);
unlock:
	mutex_unlock(&buffer_b->resize_lock);
	mutex_unlock(&buffer_a->resize_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(ring_buffer_swap_cpu);
#endif

/**
 * ring_buffer_reset() - discard everything in all CPUs' buffers
 * @buffer: the buffer
 */
void ring_buffer_reset(struct trace_buffer *buffer)
{
	int cpu;

	for_each_possible_cpu(cpu)
		ring_buffer_reset_cpu(buffer, cpu);
}
EXPORT_SYMBOL_GPL(ring_buffer_reset);

/**
 * ring_buffer_change_overwrite() - choose overwrite or producer/consumer mode
 * @buffer: the buffer
 * @val: nonzero to overwrite the oldest data when full
 */
void ring_buffer_change_overwrite(struct trace_buffer *buffer, int val)
{
	WRITE_ONCE(buffer->flags, val ? buffer->flags | RB_FL_OVERWRITE :
					buffer->flags & ~RB_FL_OVERWRITE);
}
EXPORT_SYMBOL_GPL(ring_buffer_change_overwrite);

/**
 * ring_buffer_set_clock() - choose the time source of the records
 * @buffer: the buffer
 * @clock: returns nanoseconds; must be safe in any context
 *
 * Time stamps are only comparable within one clock: reset the buffer
 * after a change.
 */
void ring_buffer_set_clock(struct trace_buffer *buffer, u64 (*clock)(void))
{
	mutex_lock(&buffer->resize_lock);
	WRITE_ONCE(buffer->clock, clock);
	mutex_unlock(&buffer->resize_lock);
}
EXPORT_SYMBOL_GPL(ring_buffer_set_clock);

/**
 * ring_buffer_time_stamp() - the buffer's clock, now
 * @buffer: the buffer
 *
 * Return: the current time of the buffer's clock.
 */
u64 ring_buffer_time_stamp(struct trace_buffer *buffer)
{
	u64 ts;

	preempt_disable_notrace();
	ts = buffer->clock();
	preempt_enable_notrace();
	return ts;
}
EXPORT_SYMBOL_GPL(ring_buffer_time_stamp);

/*
 * The off switches: nesting counts, one for the buffer and one per CPU.
 * Writers read only their CPU's: the buffer's switch counts in every
 * CPU's too.  Writers already inside finish: wait for them with
 * synchronize_rcu() (they run with preemption off).
 */
static atomic_t *rb_off_switch(struct trace_buffer *buffer, int cpu)
{
	return cpu == RING_BUFFER_ALL_CPUS ? &buffer->writers_off :
					     &buffer->cpus[cpu]->writers_off;
}

/**
 * ring_buffer_record_disable() - stop all writers; calls nest
 * @buffer: the buffer
 */
void ring_buffer_record_disable(struct trace_buffer *buffer)
{
	int cpu;

	atomic_inc(&buffer->writers_off);
	for_each_possible_cpu(cpu)
		atomic_inc(&buffer->cpus[cpu]->writers_off);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_disable);

/**
 * ring_buffer_record_enable() - undo one ring_buffer_record_disable()
 * @buffer: the buffer
 */
void ring_buffer_record_enable(struct trace_buffer *buffer)
{
	int cpu;

	for_each_possible_cpu(cpu)
		atomic_dec(&buffer->cpus[cpu]->writers_off);
	atomic_dec(&buffer->writers_off);
}
EXPORT_SYMBOL_GPL(ring_buffer_record_enable);

/**
 * ring_buffer_record_disable_cpu() - stop the writers of one CPU; calls nest
 * @buffer: the buffer
 * @cpu: the CPU
 */
void ring_buffer_record_disable_cpu(struct trace_buffer *buffer, int cpu)
{
	atomic_inc(rb_off_switch(buffer, cpu));
}
EXPORT_SYMBOL_GPL(ring_buffer_record_disable_cpu);

/**
 * ring_buffer_record_enable_cpu() - undo one ring_buffer_record_disable_cpu()
 * @buffer: the buffer
 * @cpu: the CPU
 */
void ring_buffer_record_enable_cpu(struct trace_buffer *buffer, int cpu)
{
	atomic_dec(rb_off_switch(buffer, cpu));
}
EXPORT_SYMBOL_GPL(ring_buffer_record_enable_cpu);

/**
 * ring_buffer_record_is_on() - may writers write?
 * @buffer: the buffer
 *
 * Return: true unless recording is disabled on the whole buffer.
 */
bool ring_buffer_record_is_on(struct trace_buffer *buffer)
{
	return !atomic_read(rb_off_switch(buffer, RING_BUFFER_ALL_CPUS));
}
EXPORT_SYMBOL_GPL(ring_buffer_record_is_on);

static struct rb_cpu *rb_stat_cpu(struct trace_buffer *buffer, int cpu)
{
	if (cpu < 0 || cpu >= nr_cpu_ids)
		return NULL;
	return buffer->cpus[cpu];
}

/**
 * ring_buffer_written_cpu() - events written on a CPU since the last reset
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count (discarded events excluded).
 */
unsigned long ring_buffer_written_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	return c ? local_read(&c->written) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_written_cpu);

/**
 * ring_buffer_overrun_cpu() - events overwritten before they were read
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count.
 */
unsigned long ring_buffer_overrun_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	return c ? local_read(&c->overrun) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_overrun_cpu);

/**
 * ring_buffer_commit_overrun_cpu() - events dropped because the whole ring
 *	held uncommitted data (writers nested that deep)
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count.
 */
unsigned long ring_buffer_commit_overrun_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	return c ? local_read(&c->commit_overrun) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_commit_overrun_cpu);

/**
 * ring_buffer_dropped_events_cpu() - events dropped because the buffer was
 *	full in producer/consumer mode, or too big
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count.
 */
unsigned long ring_buffer_dropped_events_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	return c ? local_read(&c->dropped) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_dropped_events_cpu);

/**
 * ring_buffer_read_events_cpu() - events consumed by readers
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: the count.
 */
unsigned long ring_buffer_read_events_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	return c ? READ_ONCE(c->read) : 0;
}
EXPORT_SYMBOL_GPL(ring_buffer_read_events_cpu);

/**
 * ring_buffer_entries_cpu() - events in a CPU's buffer, not yet consumed
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: written - overrun - read.
 */
unsigned long ring_buffer_entries_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	if (!c)
		return 0;
	return local_read(&c->written) - local_read(&c->overrun) - READ_ONCE(c->read);
}
EXPORT_SYMBOL_GPL(ring_buffer_entries_cpu);

/**
 * ring_buffer_bytes_cpu() - bytes of records in a CPU's buffer
 * @buffer: the buffer
 * @cpu: the CPU
 *
 * Return: bytes written, less those overwritten and consumed.
 */
unsigned long ring_buffer_bytes_cpu(struct trace_buffer *buffer, int cpu)
{
	struct rb_cpu *c = rb_stat_cpu(buffer, cpu);

	if (!c)
		return 0;
	return local_read(&c->written_bytes) - local_read(&c->overrun_bytes) -
	       READ_ONCE(c->read_bytes);
}
EXPORT_SYMBOL_GPL(ring_buffer_bytes_cpu);

/**
 * ring_buffer_entries() - events in the buffer, all CPUs
 * @buffer: the buffer
 *
 * Return: the sum of ring_buffer_entries_cpu().
 */
unsigned long ring_buffer_entries(struct trace_buffer *buffer)
{
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += ring_buffer_entries_cpu(buffer, cpu);
	return n;
}
EXPORT_SYMBOL_GPL(ring_buffer_entries);

/**
 * ring_buffer_overruns() - events overwritten, all CPUs
 * @buffer: the buffer
 *
 * Return: the sum of ring_buffer_overrun_cpu().
 */
unsigned long ring_buffer_overruns(struct trace_buffer *buffer)
{
	unsigned long n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += ring_buffer_overrun_cpu(buffer, cpu);
	return n;
}
EXPORT_SYMBOL_GPL(ring_buffer_overruns);
