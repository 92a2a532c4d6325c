// SPDX-License-Identifier: GPL-2.0
/*
 * per_cpu/cpuN/trace_pipe_raw: the CPU's records as binary buffer pages,
 * consumed, in the layout events/header_page describes.  trace-cmd and
 * other tools read (or splice) it page by page.
 *
 * Each page handed out is a sub-buffer (buffer_subbuf_size_kb, the size
 * events/header_page gives); the part after the records is zero.  A read
 * shorter than a page gets the rest of the page next time.
 * With nothing to read, a read blocks unless O_NONBLOCK is set.
 *
 * per_cpu/cpuN/snapshot_raw is the same over the snapshot buffer.
 */
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/splice.h>
#include <linux/tracefs.h>
#include <linux/uio.h>

#include "trace_priv.h"

struct raw_reader {
	struct trace_cpu_file	*f;
	struct mutex		lock;	/* one read at a time */
	void			*page;	/* the page being handed out */
	unsigned int		order;	/* @page is 2^order system pages */
	size_t			off;	/* bytes of it already read */
	bool			full;	/* it holds a page */
	bool			splicing; /* the read comes from splice */
	bool			snap;	/* snapshot_raw */
};

/* The buffer read: loaded per use, as a snapshot may swap the two. */
static struct trace_buffer *raw_buf(struct raw_reader *r)
{
	return r->snap ? READ_ONCE(r->f->tr->snap) : READ_ONCE(r->f->tr->buffer);
}

static bool raw_empty(struct raw_reader *r)
{
	struct trace_buffer *b = raw_buf(r);

	return !b || ring_buffer_empty_cpu(b, r->f->cpu);
}

/*
 * A blocking splice waits until the buffer is buffer_percent full (whole
 * pages), or until tracing stops; plain reads and non-blocking splices
 * (tools draining the buffer) take whatever there is.
 */
static bool raw_ready(struct raw_reader *r, bool nonblock)
{
	struct trace_array *tr = r->f->tr;
	int pct = READ_ONCE(tr->buffer_percent);

	if (raw_empty(r))
		return false;
	if (!r->splicing || nonblock || !pct || !tracer_tracing_is_on(tr))
		return true;
	return ring_buffer_percent_filled(raw_buf(r), r->f->cpu) >= pct;
}

/* Make r->page the size of @b's pages (they may change while it is idle). */
static int raw_page_fit(struct raw_reader *r, struct trace_buffer *b)
{
	unsigned int order = ring_buffer_subbuf_order_get(b);
	void *page;

	if (order == r->order)
		return 0;
	page = (void *)__get_free_pages(GFP_KERNEL, order);
	if (!page)
		return -ENOMEM;
	free_pages((unsigned long)r->page, r->order);
	r->page = page;
	r->order = order;
	return 0;
}

/* Get the next page into r->page; @nowait: never sleep for one. */
static int raw_fill(struct raw_reader *r, bool nonblock, bool nowait)
{
	struct trace_array *tr = r->f->tr;
	struct trace_buffer *b;
	long ret;
	int len;

	for (;;) {
		/* Only a blocking splice has a fill level to wait for. */
		if (r->splicing && !nonblock && !raw_ready(r, false))
			goto wait;
		b = raw_buf(r);
		len = b ? raw_page_fit(r, b) : 0;
		if (len)
			return len;
		len = b ? ring_buffer_read_page(b, r->f->cpu, r->page,
						PAGE_SIZE << r->order) : 0;
		if (len == -E2BIG)
			continue;	/* the page size changed meanwhile */
		if (len < 0)
			return len;
		if (len) {
			/* The page is ready for user space, tail zeroed. */
			r->full = true;
			r->off = 0;
			return 0;
		}
wait:
		if (nowait || nonblock)
			return -EAGAIN;
		/* See trace_pipe_read() for why there is a timeout. */
		WRITE_ONCE(tr->waiting, true);
		mutex_unlock(&r->lock);
		ret = wait_event_interruptible_timeout(tr->wait, raw_ready(r, false),
						       HZ / 10);
		mutex_lock(&r->lock);
		if (ret < 0)
			return ret;
	}
}

/*
 * As many pages as @to has room for, the first one waited for (unless
 * non-blocking), the others only if they are there already.  Complete
 * pages go from the ring to @to directly; the page being written, or one
 * that a text reader has started, goes through r->page.
 */
static ssize_t raw_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct raw_reader *r = iocb->ki_filp->private_data;
	struct trace_array *tr = r->f->tr;
	bool nonblock = (iocb->ki_filp->f_flags & O_NONBLOCK) ||
			(iocb->ki_flags & IOCB_NOWAIT);
	ssize_t done = 0, n;
	int ret = 0;

	mutex_lock(&r->lock);
	while (iov_iter_count(to)) {
		if (!r->full) {
			/* A blocking splice first waits for its fill level. */
			bool level = !done && r->splicing && !nonblock &&
				     READ_ONCE(tr->buffer_percent) &&
				     !raw_ready(r, false);

			struct trace_buffer *b = raw_buf(r);

			n = level || !b ? 0 :
			    ring_buffer_read_pages_iter(b, r->f->cpu, to);
			if (n < 0) {
				ret = n;
				break;
			}
			if (n) {
				done += n;
				cond_resched();	/* a large read copies many pages */
				continue;
			}
			ret = raw_fill(r, nonblock, done);
			if (ret)
				break;
		}
		n = copy_to_iter(r->page + r->off, (PAGE_SIZE << r->order) - r->off,
				 to);
		if (!n) {
			ret = -EFAULT;
			break;
		}
		r->off += n;
		if (r->off >= PAGE_SIZE << r->order)
			r->full = false;
		done += n;
	}
	mutex_unlock(&r->lock);
	return done ? done : ret;
}

static int raw_open_any(struct inode *inode, struct file *file, bool snap)
{
	struct trace_cpu_file *f = inode->i_private;
	struct raw_reader *r;
	int ret;

	ret = trace_array_get_file(file);
	if (ret)
		return ret;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (r)
		r->page = (void *)__get_free_page(GFP_KERNEL);
	if (!r || !r->page) {
		kfree(r);
		trace_array_put(f->tr);
		return -ENOMEM;
	}
	r->f = f;
	r->snap = snap;
	mutex_init(&r->lock);
	file->private_data = r;
	return stream_open(inode, file);
}

static int raw_open(struct inode *inode, struct file *file)
{
	return raw_open_any(inode, file, false);
}

static int snap_raw_open(struct inode *inode, struct file *file)
{
	return raw_open_any(inode, file, true);
}

static int raw_release(struct inode *inode, struct file *file)
{
	struct raw_reader *r = file->private_data;

	trace_array_put(r->f->tr);
	free_pages((unsigned long)r->page, r->order);
	kfree(r);
	return 0;
}

static ssize_t raw_splice_read(struct file *in, loff_t *ppos,
			       struct pipe_inode_info *pipe, size_t len,
			       unsigned int flags)
{
	struct raw_reader *r = in->private_data;
	ssize_t ret;

	/* Only steers raw_ready(); a racing plain read() may see it too. */
	WRITE_ONCE(r->splicing, true);
	ret = copy_splice_read(in, ppos, pipe, len, flags);
	WRITE_ONCE(r->splicing, false);
	return ret;
}

static const struct file_operations raw_fops = {
	.open		= raw_open,
	.read_iter	= raw_read_iter,
	.splice_read	= raw_splice_read,
	.release	= raw_release,
};

static const struct file_operations snap_raw_fops = {
	.open		= snap_raw_open,
	.read_iter	= raw_read_iter,
	.splice_read	= raw_splice_read,
	.release	= raw_release,
};

/* per_cpu/cpuN/trace_pipe_raw and snapshot_raw. */
static void raw_create_cpu_files(struct trace_array *tr, struct dentry *dir,
				 long cpu)
{
	tracefs_create_file("trace_pipe_raw", 0440, dir, trace_cpu_file(tr, cpu),
			    &raw_fops);
	if (IS_ENABLED(CONFIG_TRACER_SNAPSHOT))
		tracefs_create_file("snapshot_raw", 0440, dir,
				    trace_cpu_file(tr, cpu), &snap_raw_fops);
}

/* buffer_percent: 0 to 100, how full a buffer must be to wake splicers. */
static ssize_t buffer_percent_read(struct file *file, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	char buf[8];
	int len = scnprintf(buf, sizeof(buf), "%d\n", READ_ONCE(tr->buffer_percent));

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t buffer_percent_write(struct file *file, const char __user *ubuf,
				    size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 100, &val);
	if (ret)
		return ret;
	WRITE_ONCE(tr->buffer_percent, val);
	/* Waiters re-check their level with the new value. */
	wake_up_all(&tr->wait);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations buffer_percent_fops = {
	.open		= trace_array_open,
	.read		= buffer_percent_read,
	.write		= buffer_percent_write,
	.release	= trace_array_release,
	.llseek		= default_llseek,
};

static void raw_create_files(struct trace_array *tr, struct dentry *dir)
{
	tracefs_create_file("buffer_percent", 0640, dir, tr, &buffer_percent_fops);
}

const struct trace_part trace_raw_part = {
	.name			= "raw",
	.id			= TRACE_PART_RAW,
	.create_files		= raw_create_files,
	.create_cpu_files	= raw_create_cpu_files,
};
