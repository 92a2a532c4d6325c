/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU tracing ring buffer.
 *
 * Writers on a CPU write only into that CPU's buffer, without locks, and
 * may nest (task, softirq, hardirq, NMI).  Readers on any CPU consume
 * events in order, per CPU.  The page and event layouts below are ABI:
 * trace_pipe_raw hands out whole pages in this format, and user-space
 * parsers (libtraceevent, trace-cmd) read them as described by
 * events/header_page and events/header_event.
 */
#ifndef _LINUX_RING_BUFFER_H
#define _LINUX_RING_BUFFER_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>
/* Not needed here, but code that includes <linux/trace_events.h> relies on them. */
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/seq_file.h>

struct iov_iter;
struct seq_buf;
struct trace_buffer;
struct ring_buffer_iter;

/**
 * struct ring_buffer_event - header of one record in a buffer page
 * @type_len: a &enum ring_buffer_type, or for data 1..28 the data length
 *	in 4-byte words (0: the length is in @array[0])
 * @time_delta: nanoseconds since the previous record on this CPU
 * @array: @type_len == 0: array[0] = 4 + data length, data from array[1];
 *	padding: array[0] = bytes after the header; time extend: array[0]
 *	= the delta's bits above bit 26; data: data starts at array[0]
 */
struct ring_buffer_event {
	u32		type_len:5, time_delta:27;
	u32		array[];
};

/**
 * enum ring_buffer_type - values of ring_buffer_event.type_len
 * @RINGBUF_TYPE_DATA_TYPE_LEN_MAX: largest type_len that encodes a data
 *	length (28 words, 112 bytes)
 * @RINGBUF_TYPE_PADDING: skipped space; time_delta 0 means "to the end
 *	of the page", otherwise a discarded record of array[0] + 4 bytes
 * @RINGBUF_TYPE_TIME_EXTEND: a time delta too large for 27 bits
 * @RINGBUF_TYPE_TIME_STAMP: an absolute time stamp
 */
enum ring_buffer_type {
	RINGBUF_TYPE_DATA_TYPE_LEN_MAX = 28,
	RINGBUF_TYPE_PADDING,
	RINGBUF_TYPE_TIME_EXTEND,
	RINGBUF_TYPE_TIME_STAMP,
};

/* Bits of the page header's commit word, set on pages handed to readers. */
#define RB_MISSED_EVENTS	BIT(31)	/* events were lost before this page */
#define RB_MISSED_STORED	BIT(30)	/* their count follows the data */

/* "Every CPU", for ring_buffer_resize(). */
#define RING_BUFFER_ALL_CPUS	-1

/* Flags of ring_buffer_alloc(). */
#define RB_FL_OVERWRITE		BIT(0)	/* overwrite the oldest when full */

struct trace_buffer *ring_buffer_alloc(unsigned long size, unsigned int flags);
void ring_buffer_free(struct trace_buffer *buffer);
int ring_buffer_resize(struct trace_buffer *buffer, unsigned long size, int cpu);
unsigned long ring_buffer_size(struct trace_buffer *buffer, int cpu);
int ring_buffer_subbuf_order_set(struct trace_buffer *buffer, int order);
int ring_buffer_subbuf_order_get(struct trace_buffer *buffer);
int ring_buffer_subbuf_size_get(struct trace_buffer *buffer);
int ring_buffer_print_page_header(struct trace_buffer *buffer, struct seq_buf *s);
void ring_buffer_change_overwrite(struct trace_buffer *buffer, int val);
void ring_buffer_set_clock(struct trace_buffer *buffer, u64 (*clock)(void));
u64 ring_buffer_time_stamp(struct trace_buffer *buffer);

/* Writing: reserve, fill, commit (or discard). */
struct ring_buffer_event *
ring_buffer_lock_reserve(struct trace_buffer *buffer, unsigned long length);
int ring_buffer_unlock_commit(struct trace_buffer *buffer);
void ring_buffer_discard_commit(struct trace_buffer *buffer,
				struct ring_buffer_event *event);
int ring_buffer_write(struct trace_buffer *buffer, unsigned long length,
		      void *data);
int ring_buffer_write3(struct trace_buffer *buffer, u64 w0, u64 w1, u64 w2);
/**
 * ring_buffer_event_data() - the data of a data record
 * @event: the record
 *
 * Inline: every writer calls it between reserve and commit.
 *
 * Return: a pointer to its first data byte.
 */
static inline void *ring_buffer_event_data(struct ring_buffer_event *event)
{
	return event->type_len ? (void *)&event->array[0] : (void *)&event->array[1];
}

unsigned int ring_buffer_event_length(struct ring_buffer_event *event);

/* Turning recording off and on; calls nest. */
void ring_buffer_record_disable(struct trace_buffer *buffer);
void ring_buffer_record_enable(struct trace_buffer *buffer);
void ring_buffer_record_disable_cpu(struct trace_buffer *buffer, int cpu);
void ring_buffer_record_enable_cpu(struct trace_buffer *buffer, int cpu);
bool ring_buffer_record_is_on(struct trace_buffer *buffer);

/* Consuming reads. */
struct ring_buffer_event *
ring_buffer_peek(struct trace_buffer *buffer, int cpu, u64 *ts,
		 unsigned long *lost_events);
struct ring_buffer_event *
ring_buffer_consume(struct trace_buffer *buffer, int cpu, u64 *ts,
		    unsigned long *lost_events);
int ring_buffer_read_page(struct trace_buffer *buffer, int cpu, void *page,
			  size_t size);
ssize_t ring_buffer_read_pages_iter(struct trace_buffer *buffer, int cpu,
				    struct iov_iter *to);
bool ring_buffer_empty(struct trace_buffer *buffer);
bool ring_buffer_empty_cpu(struct trace_buffer *buffer, int cpu);
int ring_buffer_percent_filled(struct trace_buffer *buffer, int cpu);
void ring_buffer_reset_cpu(struct trace_buffer *buffer, int cpu);
void ring_buffer_reset(struct trace_buffer *buffer);
#ifdef CONFIG_RING_BUFFER_ALLOW_SWAP
int ring_buffer_swap_cpu(struct trace_buffer *buffer_a,
			 struct trace_buffer *buffer_b, int cpu);
#else
static inline int ring_buffer_swap_cpu(struct trace_buffer *buffer_a,
				       struct trace_buffer *buffer_b, int cpu)
{
	return -ENODEV;
}
#endif

/*
 * Non-consuming iteration over one CPU, up to what was committed when it
 * started.  Writers go on meanwhile; records they overwrite are skipped.
 */
struct ring_buffer_iter *ring_buffer_read_start(struct trace_buffer *buffer,
						int cpu, gfp_t flags);
struct ring_buffer_event *ring_buffer_iter_peek(struct ring_buffer_iter *iter,
						u64 *ts);
void ring_buffer_iter_advance(struct ring_buffer_iter *iter);
void ring_buffer_read_finish(struct ring_buffer_iter *iter);

/* Accounting, per CPU. */
unsigned long ring_buffer_entries_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_overrun_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_commit_overrun_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_dropped_events_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_read_events_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_written_cpu(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_bytes_cpu(struct trace_buffer *buffer, int cpu);
u64 ring_buffer_oldest_event_ts(struct trace_buffer *buffer, int cpu);
unsigned long ring_buffer_entries(struct trace_buffer *buffer);
unsigned long ring_buffer_overruns(struct trace_buffer *buffer);

#endif /* _LINUX_RING_BUFFER_H */
