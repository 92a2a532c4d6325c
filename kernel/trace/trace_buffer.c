// SPDX-License-Identifier: GPL-2.0
/*
 * The ring buffer of a tracing instance: creation, sizing, clocks, the
 * record header every writer fills in, and reader wake-ups.
 *
 * The buffer starts at its minimum size and grows to trace_buf_size
 * (1408 KiB per CPU unless trace_buf_size= says otherwise) when a tracer
 * is first selected, so a kernel that never traces wastes no memory.
 *
 * Writers never wake readers directly: they may run in NMI context or with
 * the scheduler's locks held.  trace_commit() only queues an irq_work when
 * a reader sleeps, and the irq_work does the wake-up.
 *
 * Files: buffer_size_kb, buffer_total_size_kb, free_buffer, trace_clock,
 * tracing_cpumask, timestamp_mode, and per_cpu/cpuN/{buffer_size_kb,stats}.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <linux/timekeeping.h>
#include <linux/trace_clock.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

#define TRACE_BUF_SIZE_DEFAULT	1441792UL

static unsigned long trace_buf_size = TRACE_BUF_SIZE_DEFAULT;

static int __init set_buf_size(char *str)
{
	unsigned long size;

	if (!str)
		return 0;
	size = memparse(str, &str);
	if (!size)
		return 0;
	trace_buf_size = max(4096UL, size);
	return 1;
}
__setup("trace_buf_size=", set_buf_size);

/* The trace clocks, in the order trace_clock lists them. */
static const struct {
	u64	(*fn)(void);
	bool	in_ns;
} trace_clocks[] = {
	{ trace_clock_local,		true },
	{ trace_clock_global,		true },
	{ trace_clock_counter,		false },
	{ trace_clock_jiffies,		false },
	{ trace_clock,			true },
	{ ktime_get_mono_fast_ns,	true },
	{ ktime_get_raw_fast_ns,	true },
	{ ktime_get_boot_fast_ns,	true },
	{ ktime_get_tai_fast_ns,	true },
	{ trace_clock_x86_tsc,		false },
};

const char *const trace_clock_names[] = {
	"local", "global", "counter", "uptime", "perf", "mono", "mono_raw",
	"boot", "tai", "x86-tsc", NULL,
};

static_assert(ARRAY_SIZE(trace_clock_names) == ARRAY_SIZE(trace_clocks) + 1);

/**
 * trace_clock_in_ns() - does the instance's clock count nanoseconds?
 * @tr: the instance
 *
 * Return: true for the time clocks, false for counter, uptime and x86-tsc,
 * whose values are printed raw.
 */
bool trace_clock_in_ns(struct trace_array *tr)
{
	return trace_clocks[READ_ONCE(tr->clock_id)].in_ns;
}

/**
 * tracing_gen_ctx_irq_test() - the context bits of a record header
 * @irqs_status: TRACE_FLAG_IRQS_OFF or TRACE_FLAG_IRQS_NOSUPPORT, or 0
 *
 * Return: TRACE_FLAG_* bits << 16 | migrate-disable depth << 4 | preempt
 * depth (each depth capped at 15), as struct trace_entry stores them.
 */
unsigned int tracing_gen_ctx_irq_test(unsigned int irqs_status)
{
	return trace_ctx_compute(irqs_status);
}
EXPORT_SYMBOL_GPL(tracing_gen_ctx_irq_test);

/*
 * Writers queue this while @waiting is set.  Clear it first: every waiter
 * is woken and sets it again before it sleeps again, so writers stop
 * paying for irq_work_queue() once nobody waits.
 */
static void trace_wake_readers(struct irq_work *work)
{
	struct trace_array *tr = container_of(work, struct trace_array, wake_work);

	WRITE_ONCE(tr->waiting, false);
	wake_up_all(&tr->wait);
}

#define STACK_MAX	32

/*
 * A stack walk takes RCU read locks and reads that lockdep and the
 * tracepoints see: an event it hits on the way (lock:lock_acquire, with
 * options/stacktrace or a stacktrace trigger) must not walk the stack in
 * turn, or every frame of every walk would start another one and the CPU
 * would never get out.  One walk per context level on a CPU: the nested
 * event is recorded without its stack, and an interrupt that comes in
 * during a walk still records its own.  Bit N: a walk of level N.
 */
static DEFINE_PER_CPU(unsigned int, stack_walking);

/*
 * The return addresses a walk of level N collects.  Not on the stack: the
 * guess unwinder would read back what the walk has written so far.
 */
static DEFINE_PER_CPU(unsigned long [4][STACK_MAX], stack_entries);

/* Return: the level, or -1 when this level is walking already. */
static int stack_walk_begin(void)
{
	int level = interrupt_context_level();

	if (__this_cpu_read(stack_walking) & BIT(level))
		return -1;
	__this_cpu_or(stack_walking, BIT(level));
	return level;
}

static void stack_walk_end(int level)
{
	__this_cpu_and(stack_walking, ~BIT(level));
}

/* A TRACE_STACK record of @n return addresses. */
static void put_stack(struct trace_array *tr, unsigned int trace_ctx,
		      unsigned long *entries, unsigned int n)
{
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	struct stack_entry *ent;

	e = trace_reserve(tr, &buf, TRACE_STACK, struct_size(ent, caller, n),
			  trace_ctx);
	if (!e)
		return;
	ent = ring_buffer_event_data(e);
	ent->size = n * sizeof(unsigned long);
	memcpy(ent->caller, entries, n * sizeof(unsigned long));
	trace_commit(tr, buf);
	trace_save_writer_once(tr);
}

/*
 * The first entry of @entries to record: @skip past the one in [@lo, @hi),
 * or the first when none is.  Unwinders differ in the frames they report
 * for the tracing code itself (ORC only real frames, the guess unwinder
 * every text address left on the stack, and inlining changes with the
 * config), so a record starts at a known return address or function
 * rather than after a count of frames.  Reliable unwinders take the
 * innermost match (an interrupt's stack may also hold the interrupted
 * hit's).  The guess unwinder also reports the copies our own frames
 * made of the address (spilled registers), all of them inside the real
 * frame: it takes the outermost.
 */
static unsigned int stack_first(const unsigned long *entries, unsigned int n,
				unsigned long lo, unsigned long hi,
				unsigned int skip)
{
	bool outermost = IS_ENABLED(CONFIG_UNWINDER_GUESS);
	unsigned int i, found = n;

	for (i = 0; i < n; i++) {
		if (entries[i] >= lo && entries[i] < hi) {
			found = i;
			if (!outermost)
				break;
		}
	}
	return found < n ? min(found + skip, n) : 0;
}

/*
 * A TRACE_STACK record of @regs' stack, or of the current one from the
 * frame in [@lo, @hi) on, @skip frames further out.
 */
static void record_stack(struct trace_array *tr, unsigned int trace_ctx,
			 struct pt_regs *regs, unsigned long lo,
			 unsigned long hi, unsigned int skip)
{
	unsigned int n, first = 0;
	unsigned long *entries;
	int level;

	preempt_disable_notrace();
	level = stack_walk_begin();
	if (level >= 0) {
		entries = *this_cpu_ptr(&stack_entries[level]);
		if (regs) {
			n = stack_trace_save_regs(regs, entries, STACK_MAX, 0);
		} else {
			n = stack_trace_save(entries, STACK_MAX, 0);
			first = stack_first(entries, n, lo, hi, skip);
		}
		put_stack(tr, trace_ctx, entries + first, n - first);
		stack_walk_end(level);
	}
	preempt_enable_notrace();
}

/**
 * trace_record_stack() - record the current kernel stack
 * @tr: the instance
 * @trace_ctx: from tracing_gen_ctx()
 * @ret: a return address on the stack: the record starts at the frame
 *	that returns there (the function that made the call); 0: at the
 *	caller of trace_record_stack()'s caller
 * @skip: frames further out to leave out as well
 *
 * Not from inside another walk of this context (see stack_walking).
 */
void trace_record_stack(struct trace_array *tr, unsigned int trace_ctx,
			unsigned long ret, unsigned int skip)
{
	if (!ret) {
		ret = _RET_IP_;
		skip++;
	}
	record_stack(tr, trace_ctx, NULL, ret, ret + 1, skip);
}

/**
 * trace_record_stack_in() - record the current kernel stack from a function
 * @tr: the instance
 * @trace_ctx: from tracing_gen_ctx()
 * @ip: an address in a function that is on the stack: the record starts
 *	at its innermost frame
 *
 * For callers that know where they were called from, not the return
 * address.  Without kallsyms the whole stack is recorded.
 */
void trace_record_stack_in(struct trace_array *tr, unsigned int trace_ctx,
			   unsigned long ip)
{
	unsigned long size = 0, off = 0;

	if (!kallsyms_lookup_size_offset(ip, &size, &off))
		size = 0;
	record_stack(tr, trace_ctx, NULL, ip - off, ip - off + size, 0);
}

/**
 * trace_record_stack_regs() - record the stack of an interrupted context
 * @tr: the instance
 * @trace_ctx: the context of the record
 * @regs: the registers of where a probe hit: the stack starts there
 */
void trace_record_stack_regs(struct trace_array *tr, unsigned int trace_ctx,
			     struct pt_regs *regs)
{
	record_stack(tr, trace_ctx, regs, 0, 0, 0);
}

/* This CPU holds a snap_lock (interrupts are off meanwhile). */
static DEFINE_PER_CPU(bool, snap_locked);

/**
 * trace_snap_lock() - take an instance's snap_lock
 * @tr: the instance
 *
 * snap_lock is invisible to lockdep, as upstream's max_lock is: a trigger
 * on lockdep's own lock:lock_acquire or lock:lock_release event takes
 * snapshots, and a lock that lockdep sees would fire the event again
 * inside the snapshot, which then waits for itself.  Interrupts go off
 * without tracing the change, for the same reason (preemptirq events).
 * Between lock and unlock: loads and stores only.
 *
 * Return: the interrupt state, for trace_snap_unlock().
 */
unsigned long trace_snap_lock(struct trace_array *tr)
{
	unsigned long flags;

	raw_local_irq_save(flags);
	this_cpu_write(snap_locked, true);
	arch_spin_lock(&tr->snap_lock);
	return flags;
}

/**
 * trace_snap_unlock() - release an instance's snap_lock
 * @tr: the instance
 * @flags: from trace_snap_lock()
 */
void trace_snap_unlock(struct trace_array *tr, unsigned long flags)
{
	arch_spin_unlock(&tr->snap_lock);
	this_cpu_write(snap_locked, false);
	raw_local_irq_restore(flags);
}

/**
 * trace_snap_nested() - is this CPU inside a snap_lock already?
 *
 * The lock's slow path can be traced: a probe on it with a snapshot
 * trigger would take a snapshot while this CPU waits for, or holds, the
 * lock.  The snapshot being taken is that snapshot.
 *
 * Return: true there, where a snapshot must not take the lock.
 */
bool trace_snap_nested(void)
{
	return this_cpu_read(snap_locked);
}

/**
 * trace_buffers() - the instance's live buffer and its snapshot buffer
 * @tr: the instance
 * @bufs: gets the live buffer, then the snapshot buffer (or NULL)
 *
 * For settings that both buffers share.  A snapshot may swap the two
 * right after: they then trade roles, which those settings do not mind.
 */
void trace_buffers(struct trace_array *tr, struct trace_buffer *bufs[2])
{
	unsigned long flags;

	flags = trace_snap_lock(tr);
	bufs[0] = tr->buffer;
	bufs[1] = tr->snap;
	trace_snap_unlock(tr, flags);
}

/* Both buffers while the snapshot buffer is allocated: a swap keeps sizes. */
static int trace_resize(struct trace_array *tr, unsigned long size, int cpu)
{
	struct trace_buffer *bufs[2];
	int ret;

	lockdep_assert_held(&trace_types_lock);
	trace_buffers(tr, bufs);
	ret = ring_buffer_resize(bufs[0], size, cpu);
	if (!ret && tr->snap_on)
		ret = ring_buffer_resize(bufs[1], size, cpu);
	return ret;
}

/**
 * trace_snap_alloc() - give the instance a snapshot buffer of its size
 * @tr: the instance; its snapshot buffer is not allocated (!@tr->snap_on)
 *
 * The buffer is made once, with the instance's clock, overwrite mode and
 * CPU mask, and lives as long as the instance; freeing a snapshot only
 * shrinks it.  No swap happens meanwhile: @tr->snap_on is false.
 *
 * Return: 0, or the error of the allocation or resize.
 */
int trace_snap_alloc(struct trace_array *tr)
{
	struct trace_buffer *b = tr->snap;
	unsigned long flags;
	int cpu, ret;

	lockdep_assert_held(&trace_types_lock);
	if (!b) {
		b = ring_buffer_alloc(0, tr->flags & TRACE_OPT_OVERWRITE ?
				      RB_FL_OVERWRITE : 0);
		if (!b)
			return -ENOMEM;
		ring_buffer_set_clock(b, trace_clocks[tr->clock_id].fn);
		for_each_possible_cpu(cpu)
			if (!cpumask_test_cpu(cpu, tr->cpumask))
				ring_buffer_record_disable_cpu(b, cpu);
		flags = trace_snap_lock(tr);
		tr->snap = b;
		trace_snap_unlock(tr, flags);
	}
	ret = ring_buffer_subbuf_order_set(b, ring_buffer_subbuf_order_get(tr->buffer));
	if (ret)
		return ret;
	for_each_possible_cpu(cpu) {
		ret = ring_buffer_resize(b, ring_buffer_size(tr->buffer, cpu), cpu);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * tracing_expand_buffer() - give the buffer its full size, once
 * @tr: the instance
 *
 * Return: 0 or -ENOMEM.
 */
int tracing_expand_buffer(struct trace_array *tr)
{
	int ret = 0;

	lockdep_assert_held(&trace_types_lock);
	if (tr->expanded || !tr->buffer)
		return 0;
	ret = trace_resize(tr, tr->buffer_size, RING_BUFFER_ALL_CPUS);
	if (!ret)
		tr->expanded = true;
	return ret;
}

/**
 * trace_shrink_buffer() - give the buffer back its minimum size
 * @tr: the instance
 *
 * It grows again when a tracer is next selected (free_buffer).
 */
void trace_shrink_buffer(struct trace_array *tr)
{
	lockdep_assert_held(&trace_types_lock);
	if (tr->buffer && !trace_resize(tr, 0, RING_BUFFER_ALL_CPUS))
		tr->expanded = false;
}

/**
 * trace_reset_buffer() - empty the instance's buffer
 * @tr: the instance
 * @cpu: one CPU, or RING_BUFFER_ALL_CPUS
 */
void trace_reset_buffer(struct trace_array *tr, int cpu)
{
	struct trace_buffer *buf = READ_ONCE(tr->buffer);
	unsigned long flags;
	u64 now;

	if (!buf)
		return;
	if (cpu == RING_BUFFER_ALL_CPUS) {
		ring_buffer_reset(buf);
		/* Where the latency format counts from; a swap moves it. */
		now = ring_buffer_time_stamp(buf);
		flags = trace_snap_lock(tr);
		if (tr->buffer == buf)
			tr->time_start = now;
		trace_snap_unlock(tr, flags);
	} else {
		ring_buffer_reset_cpu(buf, cpu);
	}
}

/* ---- buffer_size_kb, buffer_total_size_kb, free_buffer --------------------- */

static struct trace_cpu_file *cpu_file(struct file *file)
{
	return file->f_inode->i_private;
}

static int cpu_file_open(struct inode *inode, struct file *file)
{
	return trace_array_get_file(file);
}

static int cpu_file_release(struct inode *inode, struct file *file)
{
	trace_array_put(cpu_file(file)->tr);
	return 0;
}

static ssize_t read_text(char __user *ubuf, size_t cnt, loff_t *ppos,
			 struct seq_buf *s)
{
	return simple_read_from_buffer(ubuf, cnt, ppos, s->buffer, seq_buf_used(s));
}

static ssize_t buffer_size_read(struct file *file, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_cpu_file *f = cpu_file(file);
	struct trace_array *tr = f->tr;
	unsigned long size = 0, sz;
	bool same = true;
	struct seq_buf s;
	char buf[64];
	int cpu;

	seq_buf_init(&s, buf, sizeof(buf));
	mutex_lock(&trace_types_lock);
	if (f->cpu != RING_BUFFER_ALL_CPUS) {
		size = ring_buffer_size(tr->buffer, f->cpu);
	} else {
		for_each_possible_cpu(cpu) {
			sz = ring_buffer_size(tr->buffer, cpu);
			if (size && sz != size)
				same = false;
			size = sz;
		}
	}
	if (!same)
		seq_buf_puts(&s, "X");
	else
		seq_buf_printf(&s, "%lu", size >> 10);
	if (!tr->expanded)
		seq_buf_printf(&s, " (expanded: %lu)", tr->buffer_size >> 10);
	seq_buf_putc(&s, '\n');
	mutex_unlock(&trace_types_lock);
	return read_text(ubuf, cnt, ppos, &s);
}

static ssize_t buffer_size_write(struct file *file, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_cpu_file *f = cpu_file(file);
	struct trace_array *tr = f->tr;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 1, ULONG_MAX >> 10, &val);
	if (ret)
		return ret;

	mutex_lock(&trace_types_lock);
	ret = trace_resize(tr, val << 10, f->cpu);
	if (!ret && f->cpu == RING_BUFFER_ALL_CPUS) {
		tr->buffer_size = val << 10;
		tr->expanded = true;
	}
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations buffer_size_fops = {
	.open		= cpu_file_open,
	.read		= buffer_size_read,
	.write		= buffer_size_write,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

static ssize_t buffer_total_read(struct file *file, char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	unsigned long size = 0, expanded = 0;
	struct seq_buf s;
	char buf[64];
	int cpu;

	seq_buf_init(&s, buf, sizeof(buf));
	mutex_lock(&trace_types_lock);
	for_each_possible_cpu(cpu) {
		size += ring_buffer_size(tr->buffer, cpu) >> 10;
		expanded += tr->buffer_size >> 10;
	}
	seq_buf_printf(&s, "%lu", size);
	if (!tr->expanded)
		seq_buf_printf(&s, " (expanded: %lu)", expanded);
	seq_buf_putc(&s, '\n');
	mutex_unlock(&trace_types_lock);
	return read_text(ubuf, cnt, ppos, &s);
}

static const struct file_operations buffer_total_fops = {
	.open		= cpu_file_open,
	.read		= buffer_total_read,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/*
 * buffer_subbuf_size_kb: the size of the buffer's pages (sub-buffers), in
 * KiB; a write rounds up to a power of two of system pages (64 KiB at
 * most).  Changing it empties the buffers; it gives EBUSY while trace_pipe
 * is open (its records live in the pages the change frees).
 */
static ssize_t subbuf_size_read(struct file *file, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	struct seq_buf s;
	char buf[32];

	seq_buf_init(&s, buf, sizeof(buf));
	seq_buf_printf(&s, "%d\n", ring_buffer_subbuf_size_get(tr->buffer) >> 10);
	return read_text(ubuf, cnt, ppos, &s);
}

static ssize_t subbuf_size_write(struct file *file, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	struct trace_buffer *bufs[2];
	unsigned long val, pages;
	int ret, i, order;

	/* Too big an order is refused by ring_buffer_subbuf_order_set(). */
	ret = trace_get_ulong(ubuf, cnt, 1, 1UL << 20, &val);
	if (ret)
		return ret;
	pages = DIV_ROUND_UP(val << 10, PAGE_SIZE);
	order = fls(pages - 1);
	mutex_lock(&trace_types_lock);
	/* trace_pipe prints records from the reader page it would free. */
	if (tr->pipe_readers)
		ret = -EBUSY;
	trace_buffers(tr, bufs);
	for (i = 0; i < 2 && !ret; i++)
		if (bufs[i])
			ret = ring_buffer_subbuf_order_set(bufs[i], order);
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations subbuf_size_fops = {
	.open		= cpu_file_open,
	.read		= subbuf_size_read,
	.write		= subbuf_size_write,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/* Writes are accepted and ignored; the buffer shrinks when it is closed. */
static ssize_t free_buffer_write(struct file *file, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	*ppos += cnt;
	return cnt;
}

static int free_buffer_release(struct inode *inode, struct file *file)
{
	struct trace_array *tr = cpu_file(file)->tr;

	mutex_lock(&trace_types_lock);
	trace_shrink_buffer(tr);
	mutex_unlock(&trace_types_lock);
	trace_array_put(tr);
	return 0;
}

static const struct file_operations free_buffer_fops = {
	.open		= cpu_file_open,
	.write		= free_buffer_write,
	.release	= free_buffer_release,
	.llseek		= default_llseek,
};

/* ---- trace_clock ------------------------------------------------------------ */

static ssize_t trace_clock_read(struct file *file, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	struct seq_buf s;
	char buf[128];
	int i;

	seq_buf_init(&s, buf, sizeof(buf));
	for (i = 0; trace_clock_names[i]; i++)
		seq_buf_printf(&s, i == READ_ONCE(tr->clock_id) ? "%s[%s]" : "%s%s",
			       i ? " " : "", trace_clock_names[i]);
	seq_buf_putc(&s, '\n');
	return read_text(ubuf, cnt, ppos, &s);
}

static ssize_t trace_clock_write(struct file *file, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	char buf[32];
	size_t len = min(cnt, sizeof(buf) - 1);
	int i;

	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	i = match_string(trace_clock_names, -1, strim(buf));
	if (i < 0)
		return -EINVAL;

	mutex_lock(&trace_types_lock);
	if (i != tr->clock_id) {
		struct trace_buffer *bufs[2];
		int b;

		tr->clock_id = i;
		trace_buffers(tr, bufs);
		for (b = 0; b < 2 && bufs[b]; b++) {
			ring_buffer_set_clock(bufs[b], trace_clocks[i].fn);
			/* Old and new time stamps do not compare. */
			ring_buffer_reset(bufs[b]);
		}
	}
	mutex_unlock(&trace_types_lock);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trace_clock_fops = {
	.open		= cpu_file_open,
	.read		= trace_clock_read,
	.write		= trace_clock_write,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/* ---- tracing_cpumask, timestamp_mode ---------------------------------------- */

static ssize_t cpumask_read(struct file *file, char __user *ubuf, size_t cnt,
			    loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	ssize_t ret;
	char *buf;
	int len;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	mutex_lock(&trace_types_lock);
	len = scnprintf(buf, PAGE_SIZE, "%*pb\n", cpumask_pr_args(tr->cpumask));
	mutex_unlock(&trace_types_lock);
	ret = simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
	kfree(buf);
	return ret;
}

static ssize_t cpumask_write(struct file *file, const char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = cpu_file(file)->tr;
	struct trace_buffer *bufs[2];
	cpumask_var_t mask;
	int ret, cpu, b;

	if (!zalloc_cpumask_var(&mask, GFP_KERNEL))
		return -ENOMEM;
	ret = cpumask_parse_user(ubuf, cnt, mask);
	if (ret)
		goto out;

	/*
	 * A CPU outside the mask records nothing: turn its buffers off, the
	 * snapshot buffer's too, as a snapshot swaps it in.
	 */
	mutex_lock(&trace_types_lock);
	trace_buffers(tr, bufs);
	for_each_possible_cpu(cpu) {
		bool was = cpumask_test_cpu(cpu, tr->cpumask);
		bool now = cpumask_test_cpu(cpu, mask);

		for (b = 0; b < 2 && bufs[b]; b++) {
			if (was && !now)
				ring_buffer_record_disable_cpu(bufs[b], cpu);
			else if (!was && now)
				ring_buffer_record_enable_cpu(bufs[b], cpu);
		}
	}
	cpumask_copy(tr->cpumask, mask);
	mutex_unlock(&trace_types_lock);
	*ppos += cnt;
	ret = cnt;
out:
	free_cpumask_var(mask);
	return ret;
}

static const struct file_operations cpumask_fops = {
	.open		= cpu_file_open,
	.read		= cpumask_read,
	.write		= cpumask_write,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/* The buffer always stores deltas; absolute stamps are for hist triggers. */
static ssize_t timestamp_mode_read(struct file *file, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	static const char mode[] = "[delta] absolute\n";

	return simple_read_from_buffer(ubuf, cnt, ppos, mode, sizeof(mode) - 1);
}

static const struct file_operations timestamp_mode_fops = {
	.open		= cpu_file_open,
	.read		= timestamp_mode_read,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/* ---- per_cpu/cpuN/stats ------------------------------------------------------ */

static void print_ts(struct seq_buf *s, struct trace_array *tr,
		     const char *what, u64 ts)
{
	unsigned long usec;

	if (!trace_clock_in_ns(tr)) {
		seq_buf_printf(s, "%s: %llu\n", what, ts);
		return;
	}
	ts = div_u64(ts, NSEC_PER_USEC);
	usec = do_div(ts, USEC_PER_SEC);
	seq_buf_printf(s, "%s: %5llu.%06lu\n", what, ts, usec);
}

static ssize_t stats_read(struct file *file, char __user *ubuf, size_t cnt,
			  loff_t *ppos)
{
	struct trace_cpu_file *f = cpu_file(file);
	struct trace_buffer *b = f->tr->buffer;
	int cpu = f->cpu;
	struct seq_buf s;
	ssize_t ret;
	char *buf;

	buf = kmalloc(512, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	seq_buf_init(&s, buf, 512);
	seq_buf_printf(&s, "entries: %ld\n", ring_buffer_entries_cpu(b, cpu));
	seq_buf_printf(&s, "overrun: %ld\n", ring_buffer_overrun_cpu(b, cpu));
	seq_buf_printf(&s, "commit overrun: %ld\n",
		       ring_buffer_commit_overrun_cpu(b, cpu));
	seq_buf_printf(&s, "bytes: %ld\n", ring_buffer_bytes_cpu(b, cpu));
	print_ts(&s, f->tr, "oldest event ts", ring_buffer_oldest_event_ts(b, cpu));
	print_ts(&s, f->tr, "now ts", ring_buffer_time_stamp(b));
	seq_buf_printf(&s, "dropped events: %ld\n",
		       ring_buffer_dropped_events_cpu(b, cpu));
	seq_buf_printf(&s, "read events: %ld\n", ring_buffer_read_events_cpu(b, cpu));
	ret = read_text(ubuf, cnt, ppos, &s);
	kfree(buf);
	return ret;
}

static const struct file_operations stats_fops = {
	.open		= cpu_file_open,
	.read		= stats_read,
	.release	= cpu_file_release,
	.llseek		= default_llseek,
};

/**
 * trace_cpu_file() - what a file of @tr for @cpu points to
 * @tr: the instance
 * @cpu: a CPU, or RING_BUFFER_ALL_CPUS
 *
 * Return: the instance's (instance, CPU) pair.
 */
struct trace_cpu_file *trace_cpu_file(struct trace_array *tr, long cpu)
{
	return &tr->cpu_files[cpu + 1];
}

/* The instance's top-level buffer files. */
static void buffer_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct trace_cpu_file *all = trace_cpu_file(tr, RING_BUFFER_ALL_CPUS);

	tracefs_create_file("buffer_size_kb", 0640, dir, all, &buffer_size_fops);
	tracefs_create_file("buffer_total_size_kb", 0440, dir, all,
			    &buffer_total_fops);
	tracefs_create_file("buffer_subbuf_size_kb", 0640, dir, all,
			    &subbuf_size_fops);
	tracefs_create_file("free_buffer", 0200, dir, all, &free_buffer_fops);
	tracefs_create_file("trace_clock", 0640, dir, all, &trace_clock_fops);
	tracefs_create_file("tracing_cpumask", 0640, dir, all, &cpumask_fops);
	tracefs_create_file("timestamp_mode", 0440, dir, all, &timestamp_mode_fops);
}

/* The buffer files of per_cpu/cpuN. */
static void buffer_create_cpu_files(struct trace_array *tr, struct dentry *dir,
				    long cpu)
{
	struct trace_cpu_file *f = trace_cpu_file(tr, cpu);

	tracefs_create_file("buffer_size_kb", 0640, dir, f, &buffer_size_fops);
	tracefs_create_file("stats", 0440, dir, f, &stats_fops);
}

/* A new instance's ring buffer, at its minimum size until first used. */
static int buffer_init(struct trace_array *tr)
{
	init_waitqueue_head(&tr->wait);
	tr->snap_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	tr->snap_cpu = -1;
	init_irq_work(&tr->wake_work, trace_wake_readers);
	tr->buffer_percent = 50;	/* as upstream */
	tr->buffer_size = trace_buf_size;
	if (!zalloc_cpumask_var(&tr->cpumask, GFP_KERNEL))
		return -ENOMEM;
	cpumask_copy(tr->cpumask, cpu_possible_mask);
	tr->buffer = ring_buffer_alloc(0, tr->flags & TRACE_OPT_OVERWRITE ?
					  RB_FL_OVERWRITE : 0);
	if (!tr->buffer) {
		free_cpumask_var(tr->cpumask);
		return -ENOMEM;
	}
	return 0;
}

/* After every later part: a filter command may still queue a wake-up. */
static void buffer_free(struct trace_array *tr)
{
	irq_work_sync(&tr->wake_work);
	ring_buffer_free(tr->buffer);
	ring_buffer_free(tr->snap);
	free_cpumask_var(tr->cpumask);
}

/* overwrite: both buffers, as a snapshot swaps them. */
static int overwrite_changed(struct trace_array *tr, bool on)
{
	struct trace_buffer *bufs[2];
	int b;

	trace_buffers(tr, bufs);
	for (b = 0; b < 2 && bufs[b]; b++)
		ring_buffer_change_overwrite(bufs[b], on);
	return 0;
}

static const struct trace_option buffer_opts[] = {
	{ "overwrite", TRACE_OPT_OVERWRITE_BIT, true, overwrite_changed },
};

const struct trace_part trace_buffer_part = {
	.name			= "buffer",
	.id			= TRACE_PART_BUFFER,
	.init			= buffer_init,
	.free			= buffer_free,
	.create_files		= buffer_create_files,
	.create_cpu_files	= buffer_create_cpu_files,
	.opts			= buffer_opts,
	.nr_opts		= ARRAY_SIZE(buffer_opts),
};
