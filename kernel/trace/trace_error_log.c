// SPDX-License-Identifier: GPL-2.0
/*
 * error_log: the last few errors of commands written to tracefs files,
 * with the position of the error in the command.
 *
 *	[   12.345678] LOCATION: error: TEXT
 *	  Command: COMMAND
 *	                   ^
 *
 * Each instance keeps its last TRACE_ERRS_MAX entries; "echo > error_log"
 * (a write that truncates) empties it.
 */
#include <linux/sched/clock.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>

#include "trace_priv.h"

#define TRACE_ERRS_MAX	8
#define CMD_PREFIX	"  Command: "

/**
 * struct trace_err - one entry of error_log
 * @link: on the instance's list, oldest first
 * @ts: local_clock() when it was logged
 * @loc: "LOCATION: error: "
 * @text: the error's text (static)
 * @pos: the caret's position in @cmd
 * @cmd: the command
 *
 * Immutable once on the list; the list is protected by err_lock.
 */
struct trace_err {
	struct list_head	link;
	u64			ts;
	char			*loc;
	const char		*text;
	u16			pos;
	char			cmd[];
};

static DEFINE_MUTEX(err_lock);

static void err_free(struct trace_err *e)
{
	list_del(&e->link);
	kfree(e->loc);
	kfree(e);
}

/**
 * tracing_log_err() - add an entry to an instance's error_log
 * @tr: the instance, NULL for the global one
 * @loc: where the error happened, e.g. "event filter parse error"
 * @cmd: the command that failed
 * @errs: the texts of the caller's errors
 * @type: which of them
 * @pos: where in @cmd the error is
 *
 * The oldest entry goes when the log is full.  @errs must be static.
 */
void tracing_log_err(struct trace_array *tr, const char *loc, const char *cmd,
		     const char **errs, u8 type, u16 pos)
{
	struct trace_err *e;

	if (!tr)
		tr = &trace_top;
	if (!(tr->parts & BIT(TRACE_PART_ERROR_LOG)))
		return;		/* the top instance had no memory for it */
	e = kzalloc(struct_size(e, cmd, strlen(cmd) + 1), GFP_KERNEL);
	if (!e)
		return;
	e->loc = kasprintf(GFP_KERNEL, "%s: error: ", loc);
	if (!e->loc) {
		kfree(e);
		return;
	}
	memcpy(e->cmd, cmd, strlen(cmd) + 1);
	e->text = errs[type];
	/* One past the end: what is missing after the last word. */
	e->pos = min_t(size_t, pos, strlen(cmd) + 1);
	e->ts = local_clock();
	mutex_lock(&err_lock);
	if (tr->nr_errs == TRACE_ERRS_MAX)
		err_free(list_first_entry(&tr->errs, struct trace_err, link));
	else
		tr->nr_errs++;
	list_add_tail(&e->link, &tr->errs);
	mutex_unlock(&err_lock);
}

/* Empty an instance's error_log. */
static void error_log_clear(struct trace_array *tr)
{
	struct trace_err *e, *n;

	mutex_lock(&err_lock);
	list_for_each_entry_safe(e, n, &tr->errs, link)
		err_free(e);
	tr->nr_errs = 0;
	mutex_unlock(&err_lock);
}

static void *err_start(struct seq_file *m, loff_t *pos)
{
	struct trace_array *tr = m->private;

	mutex_lock(&err_lock);
	return seq_list_start(&tr->errs, *pos);
}

static void *err_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct trace_array *tr = m->private;

	return seq_list_next(v, &tr->errs, pos);
}

static void err_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&err_lock);
}

static int err_show(struct seq_file *m, void *v)
{
	struct trace_err *e = list_entry(v, struct trace_err, link);
	u64 sec = e->ts;
	u32 nsec = do_div(sec, NSEC_PER_SEC);

	seq_printf(m, "[%5llu.%06u] %s%s\n", sec, nsec / 1000, e->loc, e->text);
	seq_printf(m, CMD_PREFIX "%s\n", e->cmd);
	seq_printf(m, "%*s^\n", (int)(sizeof(CMD_PREFIX) - 1 + e->pos), "");
	return 0;
}

static const struct seq_operations err_seq_ops = {
	.start	= err_start,
	.next	= err_next,
	.stop	= err_stop,
	.show	= err_show,
};

static int err_open(struct inode *inode, struct file *file)
{
	struct trace_array *tr = inode->i_private;
	int ret;

	ret = trace_array_get_file(file);
	if (ret)
		return ret;
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		error_log_clear(tr);
	if (file->f_mode & FMODE_READ) {
		ret = seq_open(file, &err_seq_ops);
		if (ret) {
			trace_array_put(tr);
			return ret;
		}
		((struct seq_file *)file->private_data)->private = tr;
	}
	return 0;
}

static ssize_t err_write(struct file *file, const char __user *ubuf,
			 size_t cnt, loff_t *ppos)
{
	/* Only the truncation at open does something. */
	return cnt;
}

static int err_release(struct inode *inode, struct file *file)
{
	struct trace_array *tr = inode->i_private;

	trace_array_put(tr);
	return file->f_mode & FMODE_READ ? seq_release(inode, file) : 0;
}

static const struct file_operations err_fops = {
	.open		= err_open,
	.read		= seq_read,
	.write		= err_write,
	.llseek		= seq_lseek,
	.release	= err_release,
};

static int error_log_init(struct trace_array *tr)
{
	INIT_LIST_HEAD(&tr->errs);
	return 0;
}

static void error_log_create_files(struct trace_array *tr, struct dentry *dir)
{
	tracefs_create_file("error_log", 0640, dir, tr, &err_fops);
}

const struct trace_part trace_error_log_part = {
	.name		= "error_log",
	.id		= TRACE_PART_ERROR_LOG,
	.init		= error_log_init,
	.free		= error_log_clear,
	.create_files	= error_log_create_files,
};
