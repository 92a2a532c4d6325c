// SPDX-License-Identifier: GPL-2.0
/*
 * per_cpu/cpuN/trace_pipe_raw: the CPU's records as binary buffer pages,
 * consumed, in the layout events/header_page describes.  trace-cmd and
 * other tools read (or splice) it page by page.
 *
 * Each page handed out is PAGE_SIZE bytes; the part after the records is
 * zero.  A read shorter than a page gets the rest of the page next time.
 * With nothing to read, a read blocks unless O_NONBLOCK is set.
 */
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/splice.h>
#include <linux/tracefs.h>
#include <linux/uio.h>

#include "rb_internal.h"
#include "trace_priv.h"

struct raw_reader {
	struct trace_cpu_file	*f;
	struct mutex		lock;	/* one read at a time */
	void			*page;	/* the page being handed out */
	size_t			off;	/* bytes of it already read */
	bool			full;	/* it holds a page */
};

static bool raw_empty(struct raw_reader *r)
{
	return ring_buffer_empty_cpu(r->f->tr->buffer, r->f->cpu);
}

static int raw_fill(struct raw_reader *r, bool nonblock)
{
	struct trace_array *tr = r->f->tr;
	long ret;
	int len;

	for (;;) {
		len = ring_buffer_read_page(tr->buffer, r->f->cpu, r->page);
		if (len < 0)
			return len;
		if (len) {
			struct buffer_data_page *bp = r->page;

			/* Zero what follows the records (and the lost count). */
			if (local_read(&bp->commit) & RB_MISSED_STORED)
				len += sizeof(long);
			memset(bp->data + len, 0, RB_DATA_SIZE - len);
			r->full = true;
			r->off = 0;
			return 0;
		}
		if (nonblock && !(READ_ONCE(tr->flags) & TRACE_OPT_BLOCK))
			return -EAGAIN;
		/* See trace_pipe_read() for why there is a timeout. */
		WRITE_ONCE(tr->waiting, true);
		mutex_unlock(&r->lock);
		ret = wait_event_interruptible_timeout(tr->wait, !raw_empty(r),
						       HZ / 10);
		mutex_lock(&r->lock);
		if (ret < 0)
			return ret;
	}
}

static ssize_t raw_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct raw_reader *r = iocb->ki_filp->private_data;
	bool nonblock = (iocb->ki_filp->f_flags & O_NONBLOCK) ||
			(iocb->ki_flags & IOCB_NOWAIT);
	size_t n;
	int ret;

	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&r->lock);
	if (!r->full) {
		ret = raw_fill(r, nonblock);
		if (ret) {
			mutex_unlock(&r->lock);
			return ret;
		}
	}
	n = copy_to_iter(r->page + r->off, PAGE_SIZE - r->off, to);
	r->off += n;
	if (r->off >= PAGE_SIZE)
		r->full = false;
	mutex_unlock(&r->lock);
	return n ? n : -EFAULT;
}

static int raw_open(struct inode *inode, struct file *file)
{
	struct trace_cpu_file *f = inode->i_private;
	struct raw_reader *r;
	int ret;

	ret = trace_array_get(f->tr);
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
	mutex_init(&r->lock);
	file->private_data = r;
	return stream_open(inode, file);
}

static int raw_release(struct inode *inode, struct file *file)
{
	struct raw_reader *r = file->private_data;

	trace_array_put(r->f->tr);
	free_page((unsigned long)r->page);
	kfree(r);
	return 0;
}

static const struct file_operations raw_fops = {
	.open		= raw_open,
	.read_iter	= raw_read_iter,
	.splice_read	= copy_splice_read,
	.release	= raw_release,
};

/**
 * trace_pipe_raw_create() - per_cpu/cpuN/trace_pipe_raw
 * @tr: the instance
 * @dir: the per_cpu/cpuN directory
 * @cpu: N
 */
void trace_pipe_raw_create(struct trace_array *tr, struct dentry *dir, long cpu)
{
	tracefs_create_file("trace_pipe_raw", 0440, dir, trace_cpu_file(tr, cpu),
			    &raw_fops);
}
