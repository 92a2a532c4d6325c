// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the ring buffer.
 *
 * Records carry a sequence number, so every test can tell exactly which
 * records it got back, in which order, and which were lost.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/irq_work.h>
#include <linux/kthread.h>
#include <linux/ring_buffer.h>
#include <linux/sched.h>
#include <linux/uio.h>

#include "rb_internal.h"

struct rec {
	u64 seq;
	u64 pad;
};

static int write_seq(struct trace_buffer *b, u64 from, u64 n)
{
	struct rec r = { };
	int ok = 0;
	u64 i;

	for (i = from; i < from + n; i++) {
		r.seq = i;
		ok += !ring_buffer_write(b, sizeof(r), &r);
	}
	return ok;
}

static u64 seq_of(struct ring_buffer_event *e)
{
	return ((struct rec *)ring_buffer_event_data(e))->seq;
}

static void expect_identity(struct kunit *test, struct trace_buffer *b, int cpu)
{
	KUNIT_EXPECT_EQ(test, ring_buffer_written_cpu(b, cpu),
			ring_buffer_read_events_cpu(b, cpu) +
			ring_buffer_overrun_cpu(b, cpu) +
			ring_buffer_entries_cpu(b, cpu));
}

static struct trace_buffer *alloc_buffer(struct kunit *test, unsigned long size,
					 unsigned int flags)
{
	struct trace_buffer *b = ring_buffer_alloc(size, flags);

	KUNIT_ASSERT_NOT_NULL(test, b);
	return b;
}

static void order_and_timestamps(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	u64 ts, last = 0, i = 0;
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 100), 100);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 100UL);
	KUNIT_EXPECT_FALSE(test, ring_buffer_empty_cpu(b, cpu));
	while ((e = ring_buffer_consume(b, cpu, &ts, NULL))) {
		KUNIT_EXPECT_EQ(test, seq_of(e), i);
		KUNIT_EXPECT_GE(test, ts, last);
		KUNIT_EXPECT_EQ(test, ring_buffer_event_length(e), sizeof(struct rec));
		last = ts;
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, 100ULL);
	KUNIT_EXPECT_EQ(test, ring_buffer_read_events_cpu(b, cpu), 100UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 0UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_bytes_cpu(b, cpu), 0UL);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(b, cpu));
	expect_identity(test, b, cpu);
	migrate_enable();
	ring_buffer_free(b);
}

static void overwrite_wraps(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 1, RB_FL_OVERWRITE);
	unsigned long lost, lost_total = 0;
	struct ring_buffer_event *e;
	u64 first = 0, expect = 0, got = 0;
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 2000), 2000);
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(b, cpu), 0UL);
	expect_identity(test, b, cpu);
	while ((e = ring_buffer_consume(b, cpu, NULL, &lost))) {
		if (!got) {
			first = seq_of(e);
			expect = first;
		}
		lost_total += lost;
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
		expect++;
		got++;
	}
	/* The newest records survive, the loss is reported exactly. */
	KUNIT_EXPECT_EQ(test, expect, 2000ULL);
	KUNIT_EXPECT_EQ(test, lost_total, (unsigned long)first);
	KUNIT_EXPECT_EQ(test, ring_buffer_overrun_cpu(b, cpu), (unsigned long)first);
	KUNIT_EXPECT_EQ(test, ring_buffer_read_events_cpu(b, cpu), (unsigned long)got);
	KUNIT_EXPECT_EQ(test, ring_buffer_dropped_events_cpu(b, cpu), 0UL);
	expect_identity(test, b, cpu);
	migrate_enable();
	ring_buffer_free(b);
}

/*
 * Complete pages go straight to an iov_iter, in the page ABI, with the
 * loss before them stored after the data; the page being written stays
 * for ring_buffer_read_page() and the consuming reads.
 */
static void whole_pages_to_iter(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 1, RB_FL_OVERWRITE);
	size_t size = 8 * PAGE_SIZE;
	void *buf = kunit_kzalloc(test, size, GFP_KERNEL);
	struct kvec kv = { .iov_base = buf, .iov_len = size };
	u64 rec[3] = { };	/* 28-byte records: a seq and padding */
	struct ring_buffer_event *e;
	struct buffer_data_page *bp;
	unsigned long commit, lost;
	u64 expect = 0, ts;
	struct iov_iter to;
	ssize_t n;
	int cpu, i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	migrate_disable();
	cpu = smp_processor_id();
	/* 145 records fill a page, with room for the lost count after them. */
	for (rec[0] = 0; rec[0] < 2000; rec[0]++)
		KUNIT_EXPECT_EQ(test, ring_buffer_write(b, sizeof(rec), rec), 0);
	iov_iter_kvec(&to, ITER_DEST, &kv, 1, size);
	n = ring_buffer_read_pages_iter(b, cpu, &to);
	KUNIT_EXPECT_GT(test, n, 0L);
	KUNIT_EXPECT_EQ(test, n % PAGE_SIZE, 0L);
	KUNIT_EXPECT_EQ(test, iov_iter_count(&to), size - n);
	for (i = 0; i < n / PAGE_SIZE; i++) {
		unsigned int off = 0, len;

		bp = buf + i * PAGE_SIZE;
		commit = local_read(&bp->commit);
		len = commit & ~(RB_MISSED_EVENTS | RB_MISSED_STORED);
		KUNIT_EXPECT_LE(test, len, rb_data_size(0));
		if (!i) {
			/* The first record left tells how many went before it. */
			expect = ((struct rec *)((void *)bp->data + 4))->seq;
			KUNIT_EXPECT_GT(test, expect, 0ULL);
			KUNIT_EXPECT_TRUE(test, commit & RB_MISSED_EVENTS);
			KUNIT_EXPECT_TRUE(test, commit & RB_MISSED_STORED);
			memcpy(&lost, bp->data + len, sizeof(lost));
			KUNIT_EXPECT_EQ(test, lost, (unsigned long)expect);
		} else {
			KUNIT_EXPECT_EQ(test, commit & RB_MISSED_EVENTS, 0UL);
		}
		while (off < len) {
			e = (void *)bp->data + off;
			KUNIT_ASSERT_EQ(test, rb_record_size(e), rb_event_size(sizeof(rec)));
			KUNIT_EXPECT_EQ(test, seq_of(e), expect);
			expect++;
			off += rb_record_size(e);
		}
	}
	/* The rest comes through the consuming reads, in order. */
	while ((e = ring_buffer_consume(b, cpu, &ts, &lost))) {
		KUNIT_EXPECT_EQ(test, lost, 0UL);
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
		expect++;
	}
	KUNIT_EXPECT_EQ(test, expect, 2000ULL);
	/* Nothing complete is left: the page-sized reader takes nothing. */
	iov_iter_kvec(&to, ITER_DEST, &kv, 1, size);
	KUNIT_EXPECT_EQ(test, ring_buffer_read_pages_iter(b, cpu, &to), 0L);
	expect_identity(test, b, cpu);
	migrate_enable();
	ring_buffer_free(b);
}

static void producer_consumer_drops(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 1, 0);
	struct ring_buffer_event *e;
	u64 expect = 0;
	int cpu, written;

	migrate_disable();
	cpu = smp_processor_id();
	written = write_seq(b, 0, 2000);
	KUNIT_EXPECT_LT(test, written, 2000);
	KUNIT_EXPECT_EQ(test, ring_buffer_dropped_events_cpu(b, cpu),
			(unsigned long)(2000 - written));
	KUNIT_EXPECT_EQ(test, ring_buffer_overrun_cpu(b, cpu), 0UL);
	/* The oldest records survive. */
	while ((e = ring_buffer_consume(b, cpu, NULL, NULL)))
		KUNIT_EXPECT_EQ(test, seq_of(e), expect++);
	KUNIT_EXPECT_EQ(test, expect, (u64)written);
	/* Reading made room again. */
	KUNIT_EXPECT_EQ(test, write_seq(b, 5000, 10), 10);
	expect_identity(test, b, cpu);
	migrate_enable();
	ring_buffer_free(b);
}

/* ring_buffer_percent_filled() counts complete unread pages. */
static void fill_levels(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 5 * rb_data_size(0), 0);
	unsigned int nr, per_page = rb_data_size(0) / rb_event_size(sizeof(struct rec));
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	nr = ring_buffer_size(b, cpu) / rb_data_size(0);
	KUNIT_ASSERT_GE(test, nr, 3U);
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu), 0);
	/* A partly written page is not counted. */
	write_seq(b, 0, per_page / 2);
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu), 0);
	/* One complete page out of the nr - 1 a writer can fill. */
	write_seq(b, 0, per_page);
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu),
			(int)(100 / (nr - 1)));
	/* Producer/consumer: fill until writes drop, then it is full. */
	write_seq(b, 0, nr * per_page);
	KUNIT_EXPECT_GT(test, ring_buffer_dropped_events_cpu(b, cpu), 0UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu), 100);
	while (ring_buffer_consume(b, cpu, NULL, NULL))
		;
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu), 0);
	/* Another CPU's level is its own. */
	KUNIT_EXPECT_EQ(test, ring_buffer_percent_filled(b, cpu ? 0 : 1), 0);
	migrate_enable();
	ring_buffer_free(b);
}

/* A writer in hardirq context, on the CPU of the test. */
struct nest_ctx {
	struct irq_work work;
	struct trace_buffer *b;
	bool done;
	bool discard_outer;
};

static void nest_irq(struct irq_work *w)
{
	struct nest_ctx *n = container_of(w, struct nest_ctx, work);

	write_seq(n->b, 2, 1);
	WRITE_ONCE(n->done, true);
}

static bool run_nested(struct nest_ctx *n)
{
	unsigned long until = jiffies + 5 * HZ;

	WRITE_ONCE(n->done, false);
	irq_work_queue(&n->work);
	while (!READ_ONCE(n->done) && time_before(jiffies, until))
		cpu_relax();
	return READ_ONCE(n->done);
}

static void nested_writers(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct nest_ctx n = { .b = b };
	struct ring_buffer_event *a, *e;
	u64 ts_a, ts_b;
	int cpu;

	init_irq_work(&n.work, nest_irq);
	migrate_disable();
	cpu = smp_processor_id();

	a = ring_buffer_lock_reserve(b, sizeof(struct rec));
	KUNIT_ASSERT_NOT_NULL(test, a);
	((struct rec *)ring_buffer_event_data(a))->seq = 1;
	/* The same context may not nest. */
	KUNIT_EXPECT_NULL(test, ring_buffer_lock_reserve(b, 8));
	KUNIT_ASSERT_TRUE(test, run_nested(&n));
	/* The inner record is committed, but the outer one is not yet. */
	KUNIT_EXPECT_NULL(test, ring_buffer_peek(b, cpu, NULL, NULL));
	ring_buffer_unlock_commit(b);

	e = ring_buffer_consume(b, cpu, &ts_a, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 1ULL);
	e = ring_buffer_consume(b, cpu, &ts_b, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 2ULL);
	KUNIT_EXPECT_LE(test, ts_a, ts_b);
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(b, cpu, NULL, NULL));
	expect_identity(test, b, cpu);
	migrate_enable();
	irq_work_sync(&n.work);
	ring_buffer_free(b);
}

static void discards(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct nest_ctx n = { .b = b };
	struct ring_buffer_event *e;
	int cpu;

	init_irq_work(&n.work, nest_irq);
	migrate_disable();
	cpu = smp_processor_id();

	write_seq(b, 0, 1);
	e = ring_buffer_lock_reserve(b, sizeof(struct rec));
	KUNIT_ASSERT_NOT_NULL(test, e);
	ring_buffer_discard_commit(b, e);
	write_seq(b, 1, 1);

	/* A discard under a nested record becomes padding. */
	e = ring_buffer_lock_reserve(b, 200);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_TRUE(test, run_nested(&n));
	ring_buffer_discard_commit(b, e);

	KUNIT_EXPECT_EQ(test, ring_buffer_written_cpu(b, cpu), 3UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 3UL);
	e = ring_buffer_consume(b, cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 0ULL);
	e = ring_buffer_consume(b, cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 1ULL);
	e = ring_buffer_consume(b, cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 2ULL);
	KUNIT_EXPECT_NULL(test, ring_buffer_consume(b, cpu, NULL, NULL));
	expect_identity(test, b, cpu);
	migrate_enable();
	irq_work_sync(&n.work);
	ring_buffer_free(b);
}

static u64 fake_now;

static u64 fake_clock(void)
{
	return READ_ONCE(fake_now);
}

static void time_extends_and_clamping(struct kunit *test)
{
	static const u64 stamps[] = {
		1000, 1000, 1000 + (1ULL << 27) + 5, 5ULL << 40, 100, (5ULL << 40) + 1,
	};
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	u64 ts, want = 0;
	unsigned int i;
	int cpu;

	ring_buffer_set_clock(b, fake_clock);
	migrate_disable();
	cpu = smp_processor_id();
	for (i = 0; i < ARRAY_SIZE(stamps); i++) {
		WRITE_ONCE(fake_now, stamps[i]);
		write_seq(b, i, 1);
	}
	for (i = 0; i < ARRAY_SIZE(stamps); i++) {
		e = ring_buffer_consume(b, cpu, &ts, NULL);
		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, seq_of(e), (u64)i);
		/* A clock that steps back is clamped: never backwards. */
		want = max(want, stamps[i]);
		KUNIT_EXPECT_EQ(test, ts, want);
	}
	migrate_enable();
	ring_buffer_free(b);
}

/* A reset starts time afresh: a new clock may run behind the old one. */
static void reset_forgets_the_clock(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	u64 ts;
	int cpu;

	ring_buffer_set_clock(b, fake_clock);
	migrate_disable();
	cpu = smp_processor_id();
	WRITE_ONCE(fake_now, 5ULL << 40);
	write_seq(b, 0, 1);
	ring_buffer_reset(b);
	WRITE_ONCE(fake_now, 7);
	write_seq(b, 1, 1);
	WRITE_ONCE(fake_now, 9);
	write_seq(b, 2, 1);
	e = ring_buffer_consume(b, cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, seq_of(e), 1ULL);
	KUNIT_EXPECT_EQ(test, ts, 7ULL);
	e = ring_buffer_consume(b, cpu, &ts, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, ts, 9ULL);
	migrate_enable();
	ring_buffer_free(b);
}

static void iterator_does_not_consume(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_iter *it;
	struct ring_buffer_event *e;
	u64 ts, ts2, n = 3;
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	write_seq(b, 0, 10);
	for (; n; n--)
		ring_buffer_consume(b, cpu, NULL, NULL);
	migrate_enable();

	it = ring_buffer_read_start(b, cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	/* Records written after the start are not part of the walk. */
	migrate_disable();
	write_seq(b, 100, 1);
	migrate_enable();
	n = 3;
	while ((e = ring_buffer_iter_peek(it, &ts))) {
		KUNIT_EXPECT_EQ(test, seq_of(e), n);
		KUNIT_EXPECT_PTR_EQ(test, ring_buffer_iter_peek(it, &ts2), e);
		KUNIT_EXPECT_EQ(test, ts, ts2);
		ring_buffer_iter_advance(it);
		n++;
	}
	ring_buffer_read_finish(it);
	KUNIT_EXPECT_EQ(test, n, 10ULL);
	KUNIT_EXPECT_GE(test, ring_buffer_entries_cpu(b, cpu), 7UL);
	ring_buffer_free(b);
}

/* Writers on each CPU, with per-CPU sequence numbers. */
struct load {
	struct trace_buffer *b;
	int cpu;
	u64 seq;
	struct completion done;
};

static int load_fn(void *arg)
{
	struct load *l = arg;

	while (!kthread_should_stop()) {
		l->seq += write_seq(l->b, l->seq, 16);
		cond_resched();
	}
	complete(&l->done);
	return 0;
}

static void start_loads(struct kunit *test, struct load *l, struct task_struct **t,
			struct trace_buffer *b, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		l[i].b = b;
		l[i].cpu = i;
		l[i].seq = 0;
		init_completion(&l[i].done);
		t[i] = kthread_create_on_cpu(load_fn, &l[i], i, "rb_kunit/%u");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		wake_up_process(t[i]);
	}
}

static void concurrent_exact_accounting(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 8192, RB_FL_OVERWRITE);
	u64 next[2] = { 0, 0 }, missing[2] = { 0, 0 };
	unsigned long lost, lost_sum[2] = { 0, 0 };
	struct task_struct *t[2];
	struct ring_buffer_event *e;
	struct load l[2];
	int cpu, round;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs");
	start_loads(test, l, t, b, 2);
	for (round = 0; round < 2000; round++) {
		for (cpu = 0; cpu < 2; cpu++) {
			e = ring_buffer_consume(b, cpu, NULL, &lost);
			if (!e)
				continue;
			lost_sum[cpu] += lost;
			KUNIT_ASSERT_GE(test, seq_of(e), next[cpu]);
			missing[cpu] += seq_of(e) - next[cpu];
			next[cpu] = seq_of(e) + 1;
		}
		if (!(round % 64))
			usleep_range(100, 200);
	}
	for (cpu = 0; cpu < 2; cpu++) {
		kthread_stop(t[cpu]);
		wait_for_completion(&l[cpu].done);
	}
	for (cpu = 0; cpu < 2; cpu++) {
		while ((e = ring_buffer_consume(b, cpu, NULL, &lost))) {
			lost_sum[cpu] += lost;
			KUNIT_ASSERT_GE(test, seq_of(e), next[cpu]);
			missing[cpu] += seq_of(e) - next[cpu];
			next[cpu] = seq_of(e) + 1;
		}
		/* Everything written was read or reported lost: no silent loss. */
		KUNIT_EXPECT_EQ(test, next[cpu], l[cpu].seq);
		KUNIT_EXPECT_EQ(test, missing[cpu], (u64)lost_sum[cpu]);
		KUNIT_EXPECT_EQ(test, (u64)ring_buffer_overrun_cpu(b, cpu), missing[cpu]);
		KUNIT_EXPECT_EQ(test, (u64)ring_buffer_written_cpu(b, cpu), l[cpu].seq);
		KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 0UL);
		KUNIT_EXPECT_EQ(test, ring_buffer_bytes_cpu(b, cpu), 0UL);
		expect_identity(test, b, cpu);
	}
	/* The buffer was small enough for the writers to lap the reader. */
	KUNIT_EXPECT_GT(test, missing[0] + missing[1], 0ULL);
	ring_buffer_free(b);
}

static void resize_under_load(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 8192, RB_FL_OVERWRITE);
	struct task_struct *t[2];
	struct load l[2];
	int i, cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs");
	start_loads(test, l, t, b, 2);
	for (i = 0; i < 20; i++) {
		KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, (i % 4 + 1) * 4096,
							 i % 3 ? RING_BUFFER_ALL_CPUS : i % 2), 0);
		for (cpu = 0; cpu < 2; cpu++)
			ring_buffer_consume(b, cpu, NULL, NULL);
		usleep_range(200, 400);
	}
	for (cpu = 0; cpu < 2; cpu++) {
		kthread_stop(t[cpu]);
		wait_for_completion(&l[cpu].done);
	}
	/* Sizes round up to whole pages of PAGE_SIZE - 16 data bytes. */
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 3 * (PAGE_SIZE - 16), 1), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(b, 1), 3UL * (PAGE_SIZE - 16));
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 3 * (PAGE_SIZE - 16) + 1, 1), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(b, 1), 4UL * (PAGE_SIZE - 16));
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 4096, nr_cpu_ids), -EINVAL);
	for (cpu = 0; cpu < 2; cpu++)
		expect_identity(test, b, cpu);
	ring_buffer_free(b);
}

/*
 * ring_buffer_write3(): the same records as ring_buffer_write() of three
 * words, mixed with other writes, across page ends and wrapping.
 */
static void three_word_records(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	u64 i, n = 0, last = 0, ts, *w;
	struct rec r = { };
	int cpu, ret;

	migrate_disable();
	cpu = smp_processor_id();
	for (i = 0; i < 3000; i++) {
		if (i % 3) {
			/* Its caller disables preemption. */
			preempt_disable();
			ret = ring_buffer_write3(b, i, ~i, i * 7);
			preempt_enable();
			KUNIT_EXPECT_EQ(test, ret, 0);
		} else {
			r.seq = i;
			KUNIT_EXPECT_EQ(test, ring_buffer_write(b, sizeof(r), &r), 0);
		}
	}
	KUNIT_EXPECT_EQ(test, ring_buffer_written_cpu(b, cpu), 3000UL);
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(b, cpu), 0UL);
	i = 3000 - ring_buffer_entries_cpu(b, cpu);
	while ((e = ring_buffer_consume(b, cpu, &ts, NULL))) {
		w = ring_buffer_event_data(e);
		KUNIT_EXPECT_EQ(test, w[0], i);
		if (i % 3) {
			KUNIT_EXPECT_EQ(test, rb_record_size(e), rb_event_size(24));
			KUNIT_EXPECT_EQ(test, ring_buffer_event_length(e), 24U);
			KUNIT_EXPECT_EQ(test, w[1], ~i);
			KUNIT_EXPECT_EQ(test, w[2], i * 7);
		} else {
			KUNIT_EXPECT_EQ(test, ring_buffer_event_length(e), sizeof(r));
		}
		KUNIT_EXPECT_GE(test, ts, last);
		last = ts;
		i++;
		n++;
	}
	KUNIT_EXPECT_EQ(test, i, 3000ULL);
	KUNIT_EXPECT_GT(test, n, 400ULL);
	expect_identity(test, b, cpu);

	/* Recording off: refused, nothing written or counted. */
	ring_buffer_record_disable(b);
	preempt_disable();
	ret = ring_buffer_write3(b, 1, 2, 3);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, ret, -EBUSY);
	KUNIT_EXPECT_EQ(test, ring_buffer_written_cpu(b, cpu), 3000UL);
	KUNIT_EXPECT_TRUE(test, ring_buffer_empty_cpu(b, cpu));
	migrate_enable();
	ring_buffer_free(b);
}

static void too_big_and_sizes(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16384, RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	static u8 big[3000];
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, ring_buffer_write(b, PAGE_SIZE, big), -EBUSY);
	KUNIT_EXPECT_EQ(test, ring_buffer_dropped_events_cpu(b, cpu), 1UL);
	big[0] = 7;
	big[2999] = 9;
	KUNIT_EXPECT_EQ(test, ring_buffer_write(b, sizeof(big), big), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_write(b, 1, big), 0);
	e = ring_buffer_consume(b, cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, ring_buffer_event_length(e), 3000U);
	KUNIT_EXPECT_EQ(test, ((u8 *)ring_buffer_event_data(e))[0], 7);
	KUNIT_EXPECT_EQ(test, ((u8 *)ring_buffer_event_data(e))[2999], 9);
	KUNIT_EXPECT_EQ(test, (unsigned int)e->type_len, 0U);
	e = ring_buffer_consume(b, cpu, NULL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, (unsigned int)e->type_len, 1U);
	migrate_enable();
	ring_buffer_free(b);
}

/* Resizing keeps the records (the newest when shrinking); iterators pin it. */
static void resize_keeps_records(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 1, RB_FL_OVERWRITE);
	unsigned long lost, lost_total = 0;
	struct ring_buffer_event *e;
	struct ring_buffer_iter *it;
	u64 expect;
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	/* Three pages: about 600 records of 20 bytes. */
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 300), 300);
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 64 * rb_data_size(0), cpu), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 300UL);
	KUNIT_EXPECT_EQ(test, write_seq(b, 300, 2000), 2000);
	KUNIT_EXPECT_EQ(test, ring_buffer_overrun_cpu(b, cpu), 0UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 2300UL);
	expect_identity(test, b, cpu);

	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 1, cpu), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(b, cpu), 3UL * rb_data_size(0));
	KUNIT_EXPECT_GT(test, ring_buffer_overrun_cpu(b, cpu), 0UL);
	expect_identity(test, b, cpu);
	expect = 2300 - ring_buffer_entries_cpu(b, cpu);
	while ((e = ring_buffer_consume(b, cpu, NULL, &lost))) {
		lost_total += lost;
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
		expect++;
	}
	KUNIT_EXPECT_EQ(test, expect, 2300ULL);
	KUNIT_EXPECT_EQ(test, lost_total, ring_buffer_overrun_cpu(b, cpu));
	expect_identity(test, b, cpu);

	/* The wrapped, shrunk buffer goes on working. */
	KUNIT_EXPECT_EQ(test, write_seq(b, 2300, 1000), 1000);
	expect_identity(test, b, cpu);

	it = ring_buffer_read_start(b, cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 8 * rb_data_size(0), cpu), -EBUSY);
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 8 * rb_data_size(0),
						 RING_BUFFER_ALL_CPUS), -EBUSY);
	ring_buffer_read_finish(it);
	KUNIT_EXPECT_EQ(test, ring_buffer_resize(b, 8 * rb_data_size(0), cpu), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(b, cpu), 8UL * rb_data_size(0));
	migrate_enable();
	ring_buffer_free(b);
}

/*
 * One CPU's contents change places between two buffers, with their sizes,
 * counters and a half-consumed reader page; both go on recording after
 * what they now hold; an open iterator refuses the swap.
 */
static void swap_one_cpu(struct kunit *test)
{
	struct trace_buffer *a = alloc_buffer(test, 8 * rb_data_size(0), RB_FL_OVERWRITE);
	struct trace_buffer *b = alloc_buffer(test, 4 * rb_data_size(0), RB_FL_OVERWRITE);
	struct ring_buffer_event *e;
	struct ring_buffer_iter *it;
	u64 expect;
	int cpu, i;

	if (!IS_ENABLED(CONFIG_RING_BUFFER_ALLOW_SWAP)) {
		KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(a, b, 0), -ENODEV);
		goto out;
	}
	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, write_seq(a, 0, 100), 100);
	KUNIT_EXPECT_EQ(test, write_seq(b, 1000, 10), 10);
	for (i = 0; i < 3; i++) {
		e = ring_buffer_consume(a, cpu, NULL, NULL);
		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, seq_of(e), (u64)i);
	}
	KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(a, b, cpu), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(a, cpu), 10UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 97UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_read_events_cpu(b, cpu), 3UL);
	KUNIT_EXPECT_EQ(test, ring_buffer_size(a, cpu), 4UL * rb_data_size(0));
	KUNIT_EXPECT_EQ(test, ring_buffer_size(b, cpu), 8UL * rb_data_size(0));
	KUNIT_EXPECT_EQ(test, write_seq(a, 1010, 5), 5);
	KUNIT_EXPECT_EQ(test, write_seq(b, 100, 5), 5);
	expect_identity(test, a, cpu);
	expect_identity(test, b, cpu);
	for (expect = 1000; (e = ring_buffer_consume(a, cpu, NULL, NULL)); expect++)
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
	KUNIT_EXPECT_EQ(test, expect, 1015ULL);
	for (expect = 3; (e = ring_buffer_consume(b, cpu, NULL, NULL)); expect++)
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
	KUNIT_EXPECT_EQ(test, expect, 105ULL);

	it = ring_buffer_read_start(b, cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(a, b, cpu), -EBUSY);
	ring_buffer_read_finish(it);
	KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(a, b, nr_cpu_ids), -EINVAL);
	KUNIT_EXPECT_EQ(test, ring_buffer_swap_cpu(a, a, cpu), -EINVAL);
	migrate_enable();
out:
	ring_buffer_free(a);
	ring_buffer_free(b);
}

/*
 * Bigger sub-buffers: the change empties the buffer, keeps its size,
 * takes records too big for a system page, wraps and accounts exactly
 * with many events per page, and hands out pages of the new size.
 */
static void subbuf_orders(struct kunit *test)
{
	struct trace_buffer *b = alloc_buffer(test, 16 * rb_data_size(0),
					      RB_FL_OVERWRITE);
	static char big[6000];
	struct ring_buffer_event *e;
	struct ring_buffer_iter *it;
	unsigned long lost, lost_total = 0;
	u64 expect = 0;
	void *page;
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_get(b), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_size_get(b), (int)PAGE_SIZE);
	KUNIT_EXPECT_NE(test, ring_buffer_write(b, sizeof(big), big), 0);
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 100), 100);

	it = ring_buffer_read_start(b, cpu, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, it);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set(b, 2), -EBUSY);
	ring_buffer_read_finish(it);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set(b, RB_MAX_ORDER + 1),
			-EINVAL);

	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set(b, 2), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_size_get(b), (int)PAGE_SIZE << 2);
	KUNIT_EXPECT_EQ(test, ring_buffer_entries_cpu(b, cpu), 0UL);
	KUNIT_EXPECT_GE(test, ring_buffer_size(b, cpu), 16UL * rb_data_size(0));
	KUNIT_EXPECT_LT(test, ring_buffer_size(b, cpu), 16UL * rb_data_size(0) +
			rb_data_size(2));
	KUNIT_EXPECT_EQ(test, ring_buffer_write(b, sizeof(big), big), 0);
	e = ring_buffer_consume(b, cpu, NULL, &lost);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, ring_buffer_event_length(e), (unsigned int)sizeof(big));

	/* Wrap it several times: more than 4096 events per page. */
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 20000), 20000);
	expect_identity(test, b, cpu);
	page = kzalloc(PAGE_SIZE << 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, ring_buffer_read_page(b, cpu, page, PAGE_SIZE), -E2BIG);
	while ((e = ring_buffer_consume(b, cpu, NULL, &lost))) {
		if (!expect)
			expect = seq_of(e);
		lost_total += lost;
		KUNIT_EXPECT_EQ(test, seq_of(e), expect);
		expect++;
	}
	KUNIT_EXPECT_EQ(test, expect, 20000ULL);
	KUNIT_EXPECT_EQ(test, lost_total, ring_buffer_overrun_cpu(b, cpu));
	expect_identity(test, b, cpu);

	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 10), 10);
	KUNIT_EXPECT_GT(test, ring_buffer_read_page(b, cpu, page, PAGE_SIZE << 2), 0);
	KUNIT_EXPECT_EQ(test, ring_buffer_subbuf_order_set(b, 0), 0);
	KUNIT_EXPECT_NE(test, ring_buffer_write(b, sizeof(big), big), 0);
	KUNIT_EXPECT_EQ(test, write_seq(b, 0, 10), 10);
	kfree(page);
	migrate_enable();
	ring_buffer_free(b);
}

static struct kunit_case ring_buffer_cases[] = {
	KUNIT_CASE(order_and_timestamps),
	KUNIT_CASE(overwrite_wraps),
	KUNIT_CASE(whole_pages_to_iter),
	KUNIT_CASE(producer_consumer_drops),
	KUNIT_CASE(nested_writers),
	KUNIT_CASE(discards),
	KUNIT_CASE(time_extends_and_clamping),
	KUNIT_CASE(reset_forgets_the_clock),
	KUNIT_CASE(iterator_does_not_consume),
	KUNIT_CASE(too_big_and_sizes),
	KUNIT_CASE(three_word_records),
	KUNIT_CASE(fill_levels),
	KUNIT_CASE(resize_keeps_records),
	KUNIT_CASE(subbuf_orders),
	KUNIT_CASE(swap_one_cpu),
	KUNIT_CASE_SLOW(concurrent_exact_accounting),
	KUNIT_CASE_SLOW(resize_under_load),
	{ }
};

static struct kunit_suite ring_buffer_suite = {
	.name = "ring_buffer",
	.test_cases = ring_buffer_cases,
};

kunit_test_suite(ring_buffer_suite);

MODULE_DESCRIPTION("KUnit tests of the ring buffer");
MODULE_LICENSE("GPL");
