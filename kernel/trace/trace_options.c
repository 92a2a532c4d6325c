// SPDX-License-Identifier: GPL-2.0
/*
 * The general trace options: the trace_options file and options/NAME.
 *
 * trace_options lists every option, prefixed with "no" when it is off,
 * then the options of the current tracer; writing "NAME" or "noNAME" sets
 * or clears one.  options/NAME reads 0 or 1 and takes 0 or 1.
 *
 * Each general option belongs to the instance part whose behaviour it
 * changes: the part declares it (struct trace_option: name, bit, default,
 * and what to do when it changes) and it joins this table when the part
 * registers.  Only options whose behaviour exists are offered; upstream's
 * others appear as the parts they belong to land.  A tracer's own options
 * (struct tracer_flags) act on the tracer, whatever the instance: their
 * files are in the root's options/ and, for tracers that instances may
 * run, in every instance's.
 */
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

/*
 * The registered options by bit, the order trace_options lists them in,
 * and the part each belongs to.
 */
static const struct trace_option *options[TRACE_OPT_NR];	/* [L] */
static enum trace_part_id option_part[TRACE_OPT_NR];		/* [L] */

/**
 * trace_options_add() - add a part's options to the table
 * @p: the part
 *
 * Context: trace_types_lock held.
 * Return: 0, or -EINVAL when a bit is out of range or taken.
 */
int trace_options_add(const struct trace_part *p)
{
	const struct trace_option *o;
	unsigned int i;

	lockdep_assert_held(&trace_types_lock);
	for (i = 0; i < p->nr_opts; i++)
		if (p->opts[i].bit >= TRACE_OPT_NR || options[p->opts[i].bit])
			return -EINVAL;
	for (i = 0; i < p->nr_opts; i++) {
		o = &p->opts[i];
		options[o->bit] = o;
		option_part[o->bit] = p->id;
	}
	return 0;
}

/**
 * trace_options_remove() - take a part's options out of the table
 * @p: the part, whose options trace_options_add() added
 *
 * Context: trace_types_lock held.
 */
void trace_options_remove(const struct trace_part *p)
{
	unsigned int i, bit;

	lockdep_assert_held(&trace_types_lock);
	for (i = 0; i < p->nr_opts; i++) {
		bit = p->opts[i].bit;
		if (options[bit] == &p->opts[i])
			options[bit] = NULL;
	}
}

/**
 * trace_option_set_locked() - set or clear a general option of an instance
 * @tr: the instance
 * @bit: the option's TRACE_OPT_*_BIT
 * @on: its new value
 *
 * As a write to options/NAME, for tracers that need an option while they
 * run (the latency tracers force overwrite and latency-format).
 *
 * Context: trace_types_lock held.
 * Return: 0, -EINVAL for an option not in the table, -ENODEV when its
 * part is not set up in @tr, or the error of the option's changed hook.
 */
int trace_option_set_locked(struct trace_array *tr, unsigned int bit, bool on)
{
	const struct trace_option *o;
	int ret = 0;

	lockdep_assert_held(&trace_types_lock);
	o = bit < TRACE_OPT_NR ? options[bit] : NULL;
	if (!o)
		ret = -EINVAL;
	else if (!(tr->parts & BIT(option_part[bit])))
		ret = -ENODEV;	/* its part could not be set up in @tr */
	else if (!!(tr->flags & BIT(bit)) != on && o->changed)
		ret = o->changed(tr, on);
	if (!ret)
		WRITE_ONCE(tr->flags, on ? tr->flags | BIT(bit) :
					   tr->flags & ~BIT(bit));
	return ret;
}

static int set_option(struct trace_array *tr, unsigned int bit, bool on)
{
	int ret;

	mutex_lock(&trace_types_lock);
	ret = trace_option_set_locked(tr, bit, on);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/* ---- trace_options ---------------------------------------------------------- */

static int trace_options_show(struct seq_file *m, void *v)
{
	struct trace_array *tr = m->private;
	unsigned long flags = READ_ONCE(tr->flags);
	struct tracer *t;
	int i;

	mutex_lock(&trace_types_lock);
	for (i = 0; i < TRACE_OPT_NR; i++)
		if (options[i])
			seq_printf(m, "%s%s\n", flags & BIT(i) ? "" : "no",
				   options[i]->name);
	/* The options of the current tracer follow. */
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
	int ret = trace_array_get_file(file);

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
	mutex_lock(&trace_types_lock);
	for (i = 0; i < TRACE_OPT_NR; i++)
		if (options[i] && !strcmp(name, options[i]->name))
			break;
	mutex_unlock(&trace_types_lock);
	if (i < TRACE_OPT_NR) {
		int ret = set_option(m->private, i, on);

		if (ret)
			return ret;
		*ppos += cnt;
		return cnt;
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

static int option_open(struct inode *inode, struct file *file)
{
	return trace_array_get_file(file);
}

static int option_release(struct inode *inode, struct file *file)
{
	struct trace_option_file *o = inode->i_private;

	trace_array_put(o->tr);
	return 0;
}

static ssize_t option_read(struct file *file, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	struct trace_option_file *o = file->f_inode->i_private;
	const char *val = READ_ONCE(o->tr->flags) & BIT(o->bit) ? "1\n" : "0\n";

	return simple_read_from_buffer(ubuf, cnt, ppos, val, 2);
}

static ssize_t option_write(struct file *file, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct trace_option_file *o = file->f_inode->i_private;
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
 * trace_options_create_part_files() - options/NAME for a part's options
 * @tr: the instance
 * @p: one of its parts
 */
void trace_options_create_part_files(struct trace_array *tr,
				     const struct trace_part *p)
{
	unsigned int i, bit;

	for (i = 0; tr->options_dir && i < p->nr_opts; i++) {
		if (p->opts[i].top_only && tr != &trace_top)
			continue;
		bit = p->opts[i].bit;
		tracefs_create_file(p->opts[i].name, 0640, tr->options_dir,
				    &tr->opt_files[bit], &option_fops);
	}
}

static int options_init(struct trace_array *tr)
{
	unsigned int i;

	for (i = 0; i < TRACE_OPT_NR; i++)
		tr->opt_files[i] = (struct trace_option_file){ tr, i };
	return 0;
}

static void tracer_opts_create_files(struct trace_array *tr);

static void options_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct dentry *d;

	tracefs_create_file("trace_options", 0640, dir, tr, &trace_options_fops);
	d = tracefs_create_dir("options", dir);
	tr->options_dir = IS_ERR(d) ? NULL : d;
	if (tr != &trace_top)
		tracer_opts_create_files(tr);
}

/* The root's options/ also has the tracers' own options. */
static void options_create_root_files(struct dentry *root)
{
	tracer_options_create_files();
}

const struct trace_part trace_options_part = {
	.name			= "options",
	.id			= TRACE_PART_OPTIONS,
	.init			= options_init,
	.create_files		= options_create_files,
	.create_root_files	= options_create_root_files,
};

/* ---- options/NAME of a tracer's own options --------------------------------- */

struct tracer_opt_file {
	struct tracer		*t;
	struct tracer_opt	*opt;
};

/* The option files of one tracer, kept for the instances made later. */
struct tracer_opt_set {
	struct list_head	list;
	struct tracer		*t;
	int			n;
	struct tracer_opt_file	files[];
};

static LIST_HEAD(tracer_opt_sets);	/* [L] */

static const struct file_operations tracer_opt_fops;

static void tracer_opt_set_create(struct tracer_opt_set *set, struct dentry *dir)
{
	int i;

	for (i = 0; i < set->n; i++)
		tracefs_create_file(set->files[i].opt->name, 0640, dir,
				    &set->files[i], &tracer_opt_fops);
}

/* A new instance: the option files of the tracers it may run. */
static void tracer_opts_create_files(struct trace_array *tr)
{
	struct tracer_opt_set *set;

	lockdep_assert_held(&trace_types_lock);
	if (!tr->options_dir)
		return;
	list_for_each_entry(set, &tracer_opt_sets, list)
		if (set->t->allow_instances)
			tracer_opt_set_create(set, tr->options_dir);
}

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
 * @t: a registered tracer
 *
 * In the root's options/, once it exists, and in the instances made from
 * then on; the files act on the tracer's options, which every instance
 * shares.
 *
 * Context: trace_types_lock held.
 */
void trace_options_add_tracer(struct tracer *t)
{
	struct tracer_opt_set *set;
	int i, n;

	lockdep_assert_held(&trace_types_lock);
	for (n = 0; t->flags && t->flags->opts[n].name; n++)
		;
	if (!n || !trace_top.options_dir)
		return;
	list_for_each_entry(set, &tracer_opt_sets, list)
		if (set->t == t)
			return;
	set = kzalloc(struct_size(set, files, n), GFP_KERNEL);	/* kept for good */
	if (!set)
		return;
	set->t = t;
	set->n = n;
	for (i = 0; i < n; i++) {
		set->files[i].t = t;
		set->files[i].opt = &t->flags->opts[i];
	}
	list_add_tail(&set->list, &tracer_opt_sets);
	tracer_opt_set_create(set, trace_top.options_dir);
}

/**
 * trace_options_remove_tracer() - a tracer leaves: no more files for it
 * @t: the tracer
 *
 * Instances made from now on do not get its option files.
 *
 * Context: trace_types_lock held.
 */
void trace_options_remove_tracer(struct tracer *t)
{
	struct tracer_opt_set *set;

	lockdep_assert_held(&trace_types_lock);
	list_for_each_entry(set, &tracer_opt_sets, list) {
		if (set->t == t) {
			list_del(&set->list);
			/* Files made already point to it: it stays allocated. */
			return;
		}
	}
}
