/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the ring buffer, shared by its writer (ring_buffer_write.c),
 * its reader (ring_buffer_read.c) and its management (ring_buffer.c).
 *
 * Pages.  A "page" here is a sub-buffer: 2^order system pages
 * (buffer_subbuf_size_kb), the same for every CPU of a buffer, holding a
 * struct buffer_data_page.  Every per-CPU buffer numbers its pages from 0
 * upwards for ever; page number n lives in slot n % nr_pages.  A position
 * is (page << RB_OFF_BITS) | offset, offset being the byte offset in the
 * page's data area.  Three positions describe a buffer:
 *
 *	rpos <= cpos <= w.pos
 *	 |       |        `-- end of the last reservation   (writers)
 *	 |       `----------- end of the committed data     (writers publish)
 *	 `------------------- first byte not yet taken by the reader
 *
 * Data between rpos and cpos is readable.  A page is complete once cpos
 * has moved past it; its length is then in meta[slot].end.
 *
 * Writers (this CPU only, possibly nested by interrupts and NMIs) claim
 * space with one 16-byte cmpxchg of {w.pos, w.ts}: position and time stamp
 * move together, so time deltas are always against the record just before
 * and never negative.  Commits are published by the outermost writer only.
 *
 * The reader (any CPU, under reader_lock) copies committed data out to its
 * private page and then claims it by a cmpxchg of rpos.  A writer about to
 * reuse the slot of an unread page moves rpos past that page first (the
 * events are then lost and counted as overrun), also by cmpxchg on rpos.
 * Whoever wins that race owns the page: the reader's copy is valid only if
 * its cmpxchg succeeded, and the writer writes the slot only after rpos is
 * past it.  rpos also carries how many events of its page the reader has
 * already taken, so the count of overwritten events is exact.
 */
#ifndef _KERNEL_TRACE_RB_INTERNAL_H
#define _KERNEL_TRACE_RB_INTERNAL_H

#include <linux/atomic.h>
#include <linux/mm.h>
#include <linux/ring_buffer.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/local.h>

/**
 * struct buffer_data_page - a page (sub-buffer) of the ring
 * @time_stamp: the time the delta of the first record counts from
 * @commit: bytes of data, plus the RB_MISSED_* bits on pages handed out
 * @data: the records
 *
 * This layout is ABI: trace_pipe_raw hands out pages in it, and
 * ring_buffer_print_page_header() describes it in events/header_page.
 */
struct buffer_data_page {
	u64		time_stamp;
	local_t		commit;
	unsigned char	data[];
};

#define RB_PAGE_HDR	offsetof(struct buffer_data_page, data)
#define RB_MAX_ORDER	4				/* 64 KiB sub-buffers */
#define RB_OFF_BITS	(PAGE_SHIFT + RB_MAX_ORDER)
#define RB_OFF_MASK	((1UL << RB_OFF_BITS) - 1)

/* Bytes of data in a page of 2^@order system pages. */
static inline unsigned int rb_data_size(unsigned int order)
{
	return (PAGE_SIZE << order) - RB_PAGE_HDR;
}

#define RB_HDR_SIZE	4U				/* struct ring_buffer_event */
#define RB_ALIGN	4U
#define RB_MAX_SMALL	(RB_ALIGN * RINGBUF_TYPE_DATA_TYPE_LEN_MAX)
#define RB_DELTA_BITS	27
#define RB_DELTA_MAX	((1ULL << RB_DELTA_BITS) - 1)
#define RB_EXTEND_SIZE	8U

/*
 * rpos: page number, byte offset, and events taken from that page.  The
 * offset is a multiple of RB_ALIGN and stored divided by it; a page holds
 * at most one event per 8 bytes.  That leaves 64 - 13 - 14 = 37 bits of
 * page number: 2^37 pages written on one CPU before it wraps.
 */
#define RPOS_CNT_BITS	(RB_OFF_BITS - 3)
#define RPOS_OFF_BITS	(RB_OFF_BITS - 2)
#define RPOS_OFF_SHIFT	RPOS_CNT_BITS
#define RPOS_PAGE_SHIFT	(RPOS_CNT_BITS + RPOS_OFF_BITS)

static_assert(RB_ALIGN == 4 && RB_EXTEND_SIZE == 8);

static inline u64 rpos_make(u64 page, unsigned int off, unsigned int cnt)
{
	return page << RPOS_PAGE_SHIFT | (u64)(off / RB_ALIGN) << RPOS_OFF_SHIFT |
	       cnt;
}

static inline u64 rpos_page(u64 r) { return r >> RPOS_PAGE_SHIFT; }

static inline unsigned int rpos_off(u64 r)
{
	return ((r >> RPOS_OFF_SHIFT) & ((1U << RPOS_OFF_BITS) - 1)) * RB_ALIGN;
}

static inline unsigned int rpos_cnt(u64 r) { return r & ((1U << RPOS_CNT_BITS) - 1); }

static inline u64 pos_page(u64 pos) { return pos >> RB_OFF_BITS; }
static inline unsigned int pos_off(u64 pos) { return pos & RB_OFF_MASK; }

/**
 * struct rb_page_meta - what the buffer knows about one slot
 * @end: length of the data of the page in this slot, once complete
 * @entries: events written on the page in this slot
 *
 * Written by the writers of the CPU while the page is the write page;
 * read by writers (overrun accounting) and by the reader (@end).
 */
struct rb_page_meta {
	unsigned int	end;
	local_t		entries;
};

/**
 * union rb_wstate - the writer state, updated as one 16-byte word
 * @full: the whole state, for try_cmpxchg128_local()
 * @pos: end of the last reservation, a position
 * @ts: time stamp of the record that ends at @pos
 */
union rb_wstate {
	u128		full;
	struct {
		u64	pos;
		u64	ts;
	};
};

/**
 * struct rb_cpu - the buffer of one CPU
 * @w: [w] the reserve state (end of the last reservation, its time)
 * @committing: [w] writers between reserve and commit
 * @commits: [w] reservations made, for rb_commit() to re-check publishing
 * @nest: [w] bitmask of the contexts writing (rb_nest_enter())
 * @wslot: [w] rb_wslot_make() of the write page
 * @cpos: [p] end of the committed data
 * @rpos: [a] reader position, see rpos_make()
 * @written: [w] events committed
 * @written_bytes: [w] their bytes
 * @overrun: [w] events overwritten before they were read
 * @overrun_bytes: [w] their bytes
 * @commit_overrun: [w] events dropped: the whole ring was uncommitted
 * @dropped: [w] events dropped: full without overwrite, or too big
 * @writers_off: [a] above 0: writers drop; counts the buffer's switch too
 * @iters: [r] open iterators; no resize while there are any
 * @data_size: [I] data bytes of a page
 * @order: [I] a page is 2^order system pages
 * @nr_pages: [I] pages (slots) in the ring
 * @pages: [I] the @nr_pages pages
 * @meta: [I] what the buffer knows about each slot, @nr_pages entries
 * @reader_lock: the lock of the [r] fields
 * @rpage: [r] the reader's private page: events taken, not yet consumed
 * @rpage_len: [r] bytes of data in @rpage
 * @rpage_off: [r] next record in @rpage
 * @rpage_ts: [r] time of the record before @rpage_off
 * @read_ts: [r] time of the last record taken
 * @read: [r] events consumed
 * @read_bytes: [r] their bytes
 * @lost_seen: [r] overrun already reported
 * @lost_pending: [r] lost events to report next
 * @cpu: [I] the CPU
 * @buffer: [I] the buffer this is part of
 *
 * Legend: [I] set at allocation or resize (recording off, no reader),
 * [w] writers of this CPU (local ops: only they write it, others may
 * read), [p] published by the outermost writer with store-release,
 * [a] atomic, written by the reader and the writers, [r] reader_lock
 * (@iters also read with READ_ONCE() for a first look, then again under
 * the lock).
 */
struct rb_cpu {
	union rb_wstate		w __aligned(16);
	local_t			committing;
	local_t			commits;
	unsigned long		nest;
	u64			wslot;
	u64			cpos;
	atomic64_t		rpos;

	local_t			written;
	local_t			written_bytes;
	local_t			overrun;
	local_t			overrun_bytes;
	local_t			commit_overrun;
	local_t			dropped;
	atomic_t		writers_off;
	int			iters;

	unsigned int		data_size;
	unsigned int		order;
	unsigned int		nr_pages;
	struct buffer_data_page	**pages;
	struct rb_page_meta	*meta;

	raw_spinlock_t		reader_lock;
	struct buffer_data_page	*rpage;
	unsigned int		rpage_len;
	unsigned int		rpage_off;
	u64			rpage_ts;
	u64			read_ts;
	unsigned long		read;
	unsigned long		read_bytes;
	unsigned long		lost_seen;
	unsigned long		lost_pending;
	int			cpu;
	struct trace_buffer	*buffer;
};

/**
 * struct trace_buffer - a set of per-CPU buffers
 * @cpus: [I] the per-CPU buffers, indexed by CPU number
 * @order: [M] every CPU's pages are 2^order system pages
 * @order_busy: [M] set while @order changes (no new iterators meanwhile)
 * @flags: [a] RB_FL_OVERWRITE
 * @clock: [M] the time source of the records; changed with recording off
 * @writers_off: [a] above 0: recording off on all CPUs
 *	(ring_buffer_record_is_on())
 * @resize_lock: serialises resize, page size changes, reset and clock
 *	changes; whole-page readers hold it while they copy
 *
 * Legend: [I] immutable, [M] resize_lock, [a] atomic.
 */
struct trace_buffer {
	struct rb_cpu		**cpus;
	unsigned int		order;
	int			order_busy;
	unsigned int		flags;
	u64			(*clock)(void);
	atomic_t		writers_off;
	struct mutex		resize_lock;	/* serialises changes of the pages */
};

/*
 * The write page and its slot, in one word the writers read at once, so
 * the fast path needs no division: the slot in the high half, the page
 * number's low 32 bits in the low half.  Those bits identify the page: a
 * writer compares them with its own page's, which is at most a few pages
 * behind (2^32 pages cannot go by while it is between two instructions).
 */
#define RB_SLOT_BITS	20
#define RB_MAX_PAGES	BIT(RB_SLOT_BITS)

static inline u64 rb_wslot_make(u64 page, unsigned int slot)
{
	return (u64)slot << 32 | (u32)page;
}

/* Size of a record with @len bytes of data, header included. */
static inline unsigned int rb_event_size(unsigned long len)
{
	if (!len)
		len = 1;
	len = ALIGN(len, RB_ALIGN);
	if (len > RB_MAX_SMALL)
		len += sizeof(u32);
	return RB_HDR_SIZE + len;
}

/* Size of the record at @e in bytes, header included; 0 if malformed. */
static inline unsigned int rb_record_size(struct ring_buffer_event *e)
{
	switch (e->type_len) {
	case 0:
		return e->array[0] >= sizeof(u32) ? RB_HDR_SIZE + e->array[0] : 0;
	case RINGBUF_TYPE_PADDING:
		return e->time_delta ? RB_HDR_SIZE + e->array[0] : 0;
	case RINGBUF_TYPE_TIME_EXTEND:
	case RINGBUF_TYPE_TIME_STAMP:
		return RB_EXTEND_SIZE;
	default:
		return RB_HDR_SIZE + e->type_len * RB_ALIGN;
	}
}

/* The delta carried by a time-extend record. */
static inline u64 rb_extend_delta(struct ring_buffer_event *e)
{
	return ((u64)e->array[0] << RB_DELTA_BITS) | e->time_delta;
}

int rb_count_records(void *data, unsigned int len, u64 *ts, unsigned int *bytes);

#endif /* _KERNEL_TRACE_RB_INTERNAL_H */
