// SPDX-License-Identifier: GPL-2.0
/*
 * The general trace options: the trace_options file and options/NAME.
 *
 * trace_options lists every option, prefixed with "no" when it is off;
 * writing "NAME" or "noNAME" sets or clears one.  options/NAME reads 0 or
 * 1 and takes 0 or 1.  Only options whose behaviour exists are offered;
 * upstream's others appear as the features they control land.
 */
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

struct trace_option {
	const char	*name;
	unsigned long	bit;
};

/* In upstream's order, which tools may expect. */
static const struct trace_option trace_options[] = {
#ifdef CONFIG_FUNCTION_TRACER
	{ "print-parent",		TRACE_OPT_PRINT_PARENT },
#endif
	{ "sym-offset",		TRACE_OPT_SYM_OFFSET },
	{ "sym-addr",		TRACE_OPT_SYM_ADDR },
	{ "raw",		TRACE_OPT_RAW },
	{ "hex",		TRACE_OPT_HEX },
	{ "bin",		TRACE_OPT_BIN },
	{ "block",		TRACE_OPT_BLOCK },
	{ "annotate",		TRACE_OPT_ANNOTATE },
	{ "printk-msg-only",	TRACE_OPT_MSG_ONLY },
	{ "context-info",	TRACE_OPT_CONTEXT_INFO },
	{ "record-cmd",		TRACE_OPT_RECORD_CMD },
	{ "record-tgid",		TRACE_OPT_RECORD_TGID },
	{ "overwrite",		TRACE_OPT_OVERWRITE },
	{ "irq-info",		TRACE_OPT_IRQ_INFO },
	{ "markers",		TRACE_OPT_MARKERS },
#ifdef CONFIG_FUNCTION_TRACER
	{ "function-fork",	TRACE_OPT_FUNC_FORK },
#endif
};

static int set_option(struct trace_array *tr, unsigned long bit, bool on)
{
	int ret = 0;

	if (bit == TRACE_OPT_RECORD_TGID && on)
		ret = trace_tgid_map_alloc();
	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	if (bit == TRACE_OPT_FUNC_FORK && !!(tr->flags & bit) != on) {
		ret = trace_func_fork(tr, on);
		if (ret) {
			mutex_unlock(&trace_types_lock);
			return ret;
		}
	}
	if (bit == TRACE_OPT_OVERWRITE) {
		struct trace_buffer *bufs[2];
		int b;

		trace_buffers(tr, bufs);
		for (b = 0; b < 2 && bufs[b]; b++)
			ring_buffer_change_overwrite(bufs[b], on);
	}
	WRITE_ONCE(tr->flags, on ? tr->flags | bit : tr->flags & ~bit);
	mutex_unlock(&trace_types_lock);
	return 0;
}

/* ---- trace_options ---------------------------------------------------------- */

static int trace_options_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = m->private;
	unsigned long flags = READ_ONCE(tr->flags);
	int i;

	struct tracer *t;

	for (i = 0; i < ARRAY_SIZE(trace_options); i++)
		seq_printf(m, "%s%s\n", flags & trace_options[i].bit ? "" : "no",
			   trace_options[i].name);
	/* The options of the current tracer follow. */
	mutex_lock(&trace_types_lock);
	t = tr->current_trace;
	for (i = 0; t && t->flags && t->flags->opts[i].name; i++)
		seq_printf(m, "%s%s\n",
			   t->flags->val & t->flags->opts[i].bit ? "" : "no",
			   t->flags->opts[i].name);
	mutex_unlock(&trace_types_lock);
	return 0;
}

/* Set a tracer's option; the tracer may refuse.  trace_types_lock held. */
static int set_tracer_option(struct trace_array *tr, struct tracer *t,
			     struct tracer_opt *opt, bool on)
{
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (!!(t->flags->val & opt->bit) == on)
		return 0;
	ret = t->set_flag(tr, t->flags->val, opt->bit, on);
	if (!ret)
		t->flags->val = on ? t->flags->val | opt->bit :
				     t->flags->val & ~opt->bit;
	return ret;
}

static int trace_options_open(struct inode *inode, struct file *file)
{
	struct trace_array *tr = inode->i_private;
	int ret = trace_array_get(tr);

	if (ret)
		return ret;
	ret = single_open(file, trace_options_show, tr);
	if (ret)
		trace_array_put(tr);
	return ret;
}

static int trace_options_release(struct inode *inode, struct file *file)
{
	trace_array_put(inode->i_private);
	return single_release(inode, file);
}

/* An option of the instance's current tracer, written to trace_options. */
static ssize_t tracer_option_by_name(struct trace_array *tr, const char *name,
				     bool on, size_t cnt, loff_t *ppos)
{
	struct tracer *t;
	int i, ret = -EINVAL;

	mutex_lock(&trace_types_lock);
	t = tr->current_trace;
	for (i = 0; t && t->flags && t->flags->opts[i].name; i++) {
		if (!strcmp(name, t->flags->opts[i].name)) {
			ret = set_tracer_option(tr, t, &t->flags->opts[i], on);
			break;
		}
	}
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static ssize_t trace_options_write(struct file *file, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	char buf[64], *name;
	bool on = true;
	int i;

	if (cnt >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, cnt))
		return -EFAULT;
	buf[cnt] = '\0';
	name = strim(buf);
	if (!strncmp(name, "no", 2)) {
		on = false;
		name += 2;
	}
	for (i = 0; i < ARRAY_SIZE(trace_options); i++) {
		if (!strcmp(name, trace_options[i].name)) {
			int ret = set_option(m->private, trace_options[i].bit, on);

			if (ret)
				return ret;
			*ppos += cnt;
			return cnt;
		}
	}
	return tracer_option_by_name(m->private, name, on, cnt, ppos);
}

static const struct file_operations trace_options_fops = {
	.open		= trace_options_open,
	.read		= seq_read,
	.write		= trace_options_write,
	.llseek		= seq_lseek,
	.release	= trace_options_release,
};

/* ---- options/NAME ----------------------------------------------------------- */

/* options/ of the top instance, where tracers' own options go. */
static struct dentry *top_options_dir;

struct option_file {
	struct trace_array	*tr;
	unsigned long		bit;
};

static int option_open(struct inode *inode, struct file *file)
{
	struct option_file *o = inode->i_private;

	return trace_array_get(o->tr);
}

static int option_release(struct inode *inode, struct file *file)
{
	struct option_file *o = inode->i_private;

	trace_array_put(o->tr);
	return 0;
}

static ssize_t option_read(struct file *file, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	struct option_file *o = file->f_inode->i_private;
	const char *val = READ_ONCE(o->tr->flags) & o->bit ? "1\n" : "0\n";

	return simple_read_from_buffer(ubuf, cnt, ppos, val, 2);
}

static ssize_t option_write(struct file *file, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct option_file *o = file->f_inode->i_private;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 1, &val);
	if (ret)
		return ret;
	ret = set_option(o->tr, o->bit, val);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations option_fops = {
	.open		= option_open,
	.release	= option_release,
	.read		= option_read,
	.write		= option_write,
	.llseek		= generic_file_llseek,
};

/**
 * trace_options_create_files() - trace_options and options/ of an instance
 * @tr: the instance
 * @dir: its tracefs directory
 */
void trace_options_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct option_file *files;
	struct dentry *d;
	int i;

	tracefs_create_file("trace_options", 0640, dir, tr, &trace_options_fops);
	files = kcalloc(ARRAY_SIZE(trace_options), sizeof(*files), GFP_KERNEL);
	d = tracefs_create_dir("options", dir);
	if (!files || IS_ERR_OR_NULL(d)) {
		kfree(files);
		return;
	}
	tr->option_files = files;	/* freed with the instance */
	if (tr == &trace_top)
		top_options_dir = d;
	for (i = 0; i < ARRAY_SIZE(trace_options); i++) {
		files[i].tr = tr;
		files[i].bit = trace_options[i].bit;
		tracefs_create_file(trace_options[i].name, 0640, d, &files[i],
				    &option_fops);
	}
}

/* ---- options/NAME of a tracer's own options --------------------------------- */

struct tracer_opt_file {
	struct tracer		*t;
	struct tracer_opt	*opt;
};

static ssize_t tracer_opt_read(struct file *file, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct tracer_opt_file *o = file->f_inode->i_private;
	const char *val = READ_ONCE(o->t->flags->val) & o->opt->bit ? "1\n" : "0\n";

	return simple_read_from_buffer(ubuf, cnt, ppos, val, 2);
}

static ssize_t tracer_opt_write(struct file *file, const char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct tracer_opt_file *o = file->f_inode->i_private;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 1, &val);
	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	ret = set_tracer_option(&trace_top, o->t, o->opt, val);
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations tracer_opt_fops = {
	.read		= tracer_opt_read,
	.write		= tracer_opt_write,
	.llseek		= default_llseek,
};

/**
 * trace_options_add_tracer() - options/NAME files for a tracer's options
 * @t: a registered tracer with options
 *
 * Called once the tracefs files exist; the files act on the top instance.
 */
void trace_options_add_tracer(struct tracer *t)
{
	struct tracer_opt_file *files;
	int i, n;

	for (n = 0; t->flags && t->flags->opts[n].name; n++)
		;
	if (!n || !top_options_dir)
		return;
	files = kcalloc(n, sizeof(*files), GFP_KERNEL);	/* kept for good */
	if (!files)
		return;
	for (i = 0; i < n; i++) {
		files[i].t = t;
		files[i].opt = &t->flags->opts[i];
		tracefs_create_file(t->flags->opts[i].name, 0640, top_options_dir,
				    &files[i], &tracer_opt_fops);
	}
}
