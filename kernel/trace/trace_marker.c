// SPDX-License-Identifier: GPL-2.0
/*
 * trace_marker and trace_marker_raw: user space writes into the trace.
 *
 * trace_marker takes text and records it as a "print" record, adding a
 * newline if the text has none; text longer than one record is recorded
 * in pieces.  trace_marker_raw takes a 4-byte id followed by binary data
 * (at most one record) and records it as a "raw_data" record.
 *
 * The data is copied from user space straight into the reserved record
 * with page faults disabled (the record is reserved with preemption off).
 * If the copy faults, the record says "<faulted>" instead (raw records get
 * id -1 and zeroes).
 *
 * A layer above may watch the "print" records (the triggers of
 * events/ftrace/print): its hook runs on each one around the commit,
 * behind a static key that is on only while some instance has them.
 */
#include <linux/jump_label.h>
#include <linux/threads.h>
#include <linux/trace.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

/* The largest record the ring buffer takes. */
#define RECORD_MAX	(PAGE_SIZE - 16 - 8)

#define MARKER_MAX	(RECORD_MAX - sizeof(struct print_entry) - 2)
#define RAW_MAX		(RECORD_MAX - sizeof(struct raw_data_entry))

static const char faulted[] = "<faulted>";

static const struct trace_marker_hook *marker_hook;	/* [I] after boot */
static DEFINE_STATIC_KEY_FALSE(marker_hooked);

/**
 * trace_marker_hook_set() - give trace_marker writes their watcher
 * @hook: the hook; static
 *
 * Context: boot, before trace_marker_hook_use().
 */
void __init trace_marker_hook_set(const struct trace_marker_hook *hook)
{
	marker_hook = hook;
}

/**
 * trace_marker_hook_use() - count a user of the hook in, or out
 * @on: true for one user more, false for one less
 *
 * The hook runs on marker writes while it has users.
 *
 * Context: may sleep.
 */
void trace_marker_hook_use(bool on)
{
	if (on)
		static_branch_inc(&marker_hooked);
	else
		static_branch_dec(&marker_hooked);
}

static int marker_open(struct inode *inode, struct file *file)
{
	return trace_array_get_file(file);
}

static int marker_release(struct inode *inode, struct file *file)
{
	trace_array_put(inode->i_private);
	return 0;
}

/*
 * Remember the writer's comm (record-cmd) and tgid (record-tgid).  The
 * comm cache takes a lock, so this is done only once per open file,
 * writing task (pid and comm: exec renames a task that keeps the file)
 * and option setting: file->private_data holds the key of the last save,
 * with the low half of trace_comm_fold() on top.  The check is
 * inline, the save is not.
 */
static noinline void save_cmdline(struct file *file, unsigned long opts, void *key)
{
	bool saved = true;

	if (opts & TRACE_OPT_RECORD_CMD)
		saved = trace_save_cmdline(current);
	if (opts & TRACE_OPT_RECORD_TGID)
		trace_save_tgid(current);
	if (saved)
		WRITE_ONCE(file->private_data, key);
}

static __always_inline void save_cmdline_once(struct file *file,
					      struct trace_array *tr)
{
	unsigned long opts = READ_ONCE(tr->flags) &
			     (TRACE_OPT_RECORD_CMD | TRACE_OPT_RECORD_TGID);
	/* The two options in bits 0-1, the pid above, the comm's fold above. */
	void *key = (void *)((unsigned long)current->pid << 2 |
			     opts >> TRACE_OPT_RECORD_CMD_BIT |
			     trace_comm_fold(current) << 32);

	BUILD_BUG_ON((TRACE_OPT_RECORD_CMD | TRACE_OPT_RECORD_TGID) >>
		     TRACE_OPT_RECORD_CMD_BIT != 3);
	BUILD_BUG_ON(PID_MAX_LIMIT >> 30);	/* the pid fits in bits 2-31 */

	if (opts && READ_ONCE(file->private_data) != key)
		save_cmdline(file, opts, key);
}

/* Record one piece of a trace_marker write; false when it was not kept. */
static bool mark_one(struct trace_array *tr, const char __user *ubuf,
		     size_t len, unsigned long ip)
{
	unsigned long cookie = 0;
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	struct print_entry *p;

	e = trace_reserve(tr, &buf, TRACE_PRINT,
			  sizeof(*p) + max(len, sizeof(faulted)) + 2,
			  trace_ctx_now());
	if (!e)
		return false;
	p = ring_buffer_event_data(e);
	p->ip = ip;
	pagefault_disable();
	len -= __copy_from_user_inatomic(p->buf, ubuf, len) ? len : 0;
	pagefault_enable();
	if (!len) {
		memcpy(p->buf, faulted, sizeof(faulted) - 1);
		len = sizeof(faulted) - 1;
	}
	if (p->buf[len - 1] != '\n')
		p->buf[len++] = '\n';
	p->buf[len] = '\0';
	if (static_branch_unlikely(&marker_hooked))
		cookie = marker_hook->pre(tr, buf, p, e);
	if (static_branch_unlikely(&trace_export_marker))
		trace_export_write(p, ring_buffer_event_length(e),
				   TRACE_EXPORT_MARKER);
	trace_commit(tr, buf);
	if (cookie)
		marker_hook->post(tr, cookie);
	return true;
}

/**
 * __trace_array_puts() - record a kernel string as a "print" record
 * @tr: the instance
 * @ip: where it is recorded from (printed as the record's function)
 * @str: the text
 * @size: its bytes; a newline is added if it has none
 *
 * Any context.  Text longer than one record is cut.
 *
 * Return: bytes recorded, 0 when nothing was.
 */
int __trace_array_puts(struct trace_array *tr, unsigned long ip,
		       const char *str, int size)
{
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	struct print_entry *p;

	if (!tr || size <= 0)
		return 0;
	size = min_t(int, size, MARKER_MAX);
	e = trace_reserve(tr, &buf, TRACE_PRINT, sizeof(*p) + size + 2,
			  trace_ctx_now());
	if (!e)
		return 0;
	p = ring_buffer_event_data(e);
	p->ip = ip;
	memcpy(p->buf, str, size);
	if (p->buf[size - 1] != '\n')
		p->buf[size++] = '\n';
	p->buf[size] = '\0';
	trace_commit(tr, buf);
	return size;
}
EXPORT_SYMBOL_GPL(__trace_array_puts);

/*
 * The function name that shows in the output: "tracing_mark_write: ...".
 * A write too big for one record is recorded in pieces.
 */
static ssize_t tracing_mark_write(struct file *file, const char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->f_inode->i_private;
	unsigned long ip = _THIS_IP_;
	size_t done, len;

	if (!(READ_ONCE(tr->flags) & TRACE_OPT_MARKERS))
		return -EINVAL;
	/* Not recording: -EBADF, here or from the first mark_one(). */
	if (!cnt)
		return trace_recording(tr) ? 0 : -EBADF;

	for (done = 0; done < cnt; done += len) {
		len = min_t(size_t, cnt - done, MARKER_MAX);
		if (!mark_one(tr, ubuf + done, len, ip))
			return done ? done : -EBADF;
	}
	save_cmdline_once(file, tr);
	*ppos += cnt;
	return cnt;
}

static ssize_t tracing_mark_raw_write(struct file *file, const char __user *ubuf,
				      size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->f_inode->i_private;
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	struct raw_data_entry *r;
	size_t len;

	if (!(READ_ONCE(tr->flags) & TRACE_OPT_MARKERS))
		return -EINVAL;
	if (cnt < sizeof(unsigned int) || cnt - sizeof(unsigned int) > RAW_MAX)
		return -EINVAL;
	if (!trace_recording(tr))
		return -EBADF;

	len = cnt - sizeof(unsigned int);
	e = trace_reserve(tr, &buf, TRACE_RAW_DATA, sizeof(*r) + len, trace_ctx_now());
	if (!e)
		return -EBADF;
	r = ring_buffer_event_data(e);
	pagefault_disable();
	if (__copy_from_user_inatomic(&r->id, ubuf, sizeof(r->id)) ||
	    __copy_from_user_inatomic(r->buf, ubuf + sizeof(r->id), len)) {
		r->id = -1;
		memset(r->buf, 0, len);
	}
	pagefault_enable();
	trace_commit(tr, buf);
	save_cmdline_once(file, tr);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations marker_fops = {
	.open		= marker_open,
	.release	= marker_release,
	.write		= tracing_mark_write,
	.llseek		= generic_file_llseek,
};

static const struct file_operations marker_raw_fops = {
	.open		= marker_open,
	.release	= marker_release,
	.write		= tracing_mark_raw_write,
	.llseek		= generic_file_llseek,
};

static void marker_create_files(struct trace_array *tr, struct dentry *dir)
{
	tracefs_create_file("trace_marker", 0220, dir, tr, &marker_fops);
	tracefs_create_file("trace_marker_raw", 0220, dir, tr, &marker_raw_fops);
}

static const struct trace_option marker_opts[] = {
	{ "markers", TRACE_OPT_MARKERS_BIT, true },
};

const struct trace_part trace_marker_part = {
	.name		= "marker",
	.id		= TRACE_PART_MARKER,
	.create_files	= marker_create_files,
	.opts		= marker_opts,
	.nr_opts	= ARRAY_SIZE(marker_opts),
};
