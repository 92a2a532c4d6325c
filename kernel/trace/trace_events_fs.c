// SPDX-License-Identifier: GPL-2.0
/*
 * The tracefs side of trace events, per instance:
 *
 *	events/enable, header_page, header_event
 *	events/ftrace/{print,function,raw_data}/{format,id}   (core records)
 *	events/SYSTEM/{enable,filter}
 *	events/SYSTEM/EVENT/{enable,filter,format,id}
 *	set_event, and available_events at the top
 *
 * events/ is an eventfs tree: its files come into being when looked up,
 * so a thousand events cost a directory entry each until someone looks.
 * An eventfs callback runs under eventfs's locks and only picks the fops.
 *
 * Every open goes through trace_event_open(), which checks that what the
 * inode points to still exists (an instance or a module may have gone
 * between the lookup and the open).  Files that stay open hold a
 * reference on their instance (rmdir gives EBUSY) and, for an event, its
 * module.
 */
#include <linux/module.h>
#include <linux/security.h>
#include <linux/seq_buf.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* Generated text: made at open, so reads at any offset agree. */
struct text {
	size_t	len;
	char	buf[];
};

#define TEXT_MAX	(4 * PAGE_SIZE)

/**
 * trace_event_text_make() - make the text of a file being opened
 * @filp: the file; its private_data gets the text
 * @gen: prints the text
 * @arg: for @gen
 *
 * Read it with trace_event_text_read(), free it with
 * trace_event_text_release().
 *
 * Return: 0 or -ENOMEM.
 */
int trace_event_text_make(struct file *filp,
			  void (*gen)(struct seq_buf *, void *), void *arg)
{
	struct seq_buf s;
	struct text *t;

	t = kvmalloc(sizeof(*t) + TEXT_MAX, GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	seq_buf_init(&s, t->buf, TEXT_MAX);
	gen(&s, arg);
	t->len = seq_buf_used(&s);
	filp->private_data = t;
	return 0;
}

/**
 * trace_event_text_read() - read the text of trace_event_text_make()
 * @filp: the file
 * @ubuf: user buffer
 * @cnt: its size
 * @ppos: the file position
 *
 * Return: bytes read, or -EFAULT.
 */
ssize_t trace_event_text_read(struct file *filp, char __user *ubuf,
			      size_t cnt, loff_t *ppos)
{
	struct text *t = filp->private_data;

	return simple_read_from_buffer(ubuf, cnt, ppos, t->buf, t->len);
}

/**
 * trace_event_text_release() - free the text of trace_event_text_make()
 * @inode: the file's inode
 * @filp: the file
 *
 * Return: 0.
 */
int trace_event_text_release(struct inode *inode, struct file *filp)
{
	kvfree(filp->private_data);
	return 0;
}

/* format and id of an event. */
static void gen_format(struct seq_buf *s, void *arg)
{
	trace_event_print_format(s, arg);
}

static void gen_id(struct seq_buf *s, void *arg)
{
	struct trace_event_call *call = arg;

	seq_buf_printf(s, "%d\n", call->event.type);
}

static int event_text_open(struct inode *inode, struct file *filp,
			   void (*gen)(struct seq_buf *, void *))
{
	struct trace_event_file *file = inode->i_private;
	int ret = trace_event_open(filp, EV_OPEN_FILE, file, true);

	if (ret)
		return ret;
	mutex_lock(&event_mutex);
	ret = trace_event_text_make(filp, gen, file->event_call);
	mutex_unlock(&event_mutex);
	trace_event_close(EV_OPEN_FILE, file);
	return ret;
}

static int format_open(struct inode *inode, struct file *filp)
{
	return event_text_open(inode, filp, gen_format);
}

static int id_open(struct inode *inode, struct file *filp)
{
	return event_text_open(inode, filp, gen_id);
}

static const struct file_operations format_fops = {
	.open		= format_open,
	.read		= trace_event_text_read,
	.release	= trace_event_text_release,
	.llseek		= default_llseek,
};

static const struct file_operations id_fops = {
	.open		= id_open,
	.read		= trace_event_text_read,
	.release	= trace_event_text_release,
	.llseek		= default_llseek,
};

/* The enable file of one event. */
static int enable_open(struct inode *inode, struct file *filp)
{
	return trace_event_open(filp, EV_OPEN_FILE, inode->i_private, true);
}

static int enable_release(struct inode *inode, struct file *filp)
{
	trace_event_close(EV_OPEN_FILE, inode->i_private);
	return 0;
}

static ssize_t enable_read(struct file *filp, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	struct trace_event_file *file = file_inode(filp)->i_private;
	unsigned long flags = READ_ONCE(file->flags);
	char buf[4];
	int n;

	n = scnprintf(buf, sizeof(buf), "%c%s\n",
		      (flags & EVENT_FILE_FL_ENABLED) &&
		      !(flags & EVENT_FILE_FL_SOFT_DISABLED) ? '1' : '0',
		      flags & EVENT_FILE_FL_SOFT_MODE ? "*" : "");
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, n);
}

static ssize_t enable_write(struct file *filp, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = file_inode(filp)->i_private;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 1, &val);
	if (ret)
		return ret;
	if (val) {
		mutex_lock(&trace_types_lock);
		ret = tracing_expand_buffer(file->tr);
		mutex_unlock(&trace_types_lock);
		if (ret)
			return ret;
	}
	mutex_lock(&event_mutex);
	ret = trace_event_enable(file, val);
	mutex_unlock(&event_mutex);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations enable_fops = {
	.open		= enable_open,
	.read		= enable_read,
	.write		= enable_write,
	.release	= enable_release,
	.llseek		= default_llseek,
};

/*
 * events/enable and events/SYSTEM/enable: "0" or "1" when all the events
 * they cover agree, "X" when they do not.  Their i_private is the
 * instance's trace_event_inst or the trace_subsystem_dir.
 */
struct group {
	struct trace_event_inst		*ev;
	const char			*system;	/* NULL: all */
};

static void group_of(struct inode *inode, struct group *g, bool sys)
{
	struct trace_subsystem_dir *d = inode->i_private;

	if (sys) {
		g->ev = d->tr->events;
		g->system = d->name;
	} else {
		g->ev = inode->i_private;
		g->system = NULL;
	}
}

static ssize_t group_read(struct file *filp, char __user *ubuf, size_t cnt,
			  loff_t *ppos, bool sys)
{
	struct trace_event_file *file;
	struct trace_event_call *call;
	bool on = false, off = false;
	struct group g;
	char buf[2];

	group_of(file_inode(filp), &g, sys);
	mutex_lock(&event_mutex);
	list_for_each_entry(file, &g.ev->files, list) {
		call = file->event_call;
		if ((call->flags & TRACE_EVENT_FL_IGNORE_ENABLE) ||
		    (g.system && strcmp(call->class->system, g.system)))
			continue;
		if ((file->flags & EVENT_FILE_FL_ENABLED) &&
		    !(file->flags & EVENT_FILE_FL_SOFT_DISABLED))
			on = true;
		else
			off = true;
	}
	mutex_unlock(&event_mutex);
	buf[0] = on && off ? 'X' : on ? '1' : '0';
	buf[1] = '\n';
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, 2);
}

static ssize_t group_write(struct file *filp, const char __user *ubuf,
			   size_t cnt, loff_t *ppos, bool sys)
{
	unsigned long val;
	struct group g;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 1, &val);
	if (ret)
		return ret;
	group_of(file_inode(filp), &g, sys);
	ret = trace_event_set_system(g.ev, g.system, NULL, val);
	/* A group without events: nothing to do, as upstream. */
	if (ret && ret != -EINVAL)
		return ret;
	*ppos += cnt;
	return cnt;
}

static int all_open(struct inode *inode, struct file *filp)
{
	return trace_event_open(filp, EV_OPEN_INST, inode->i_private, true);
}

static int all_release(struct inode *inode, struct file *filp)
{
	trace_event_close(EV_OPEN_INST, inode->i_private);
	return 0;
}

static ssize_t all_read(struct file *filp, char __user *ubuf, size_t cnt,
			loff_t *ppos)
{
	return group_read(filp, ubuf, cnt, ppos, false);
}

static ssize_t all_write(struct file *filp, const char __user *ubuf,
			 size_t cnt, loff_t *ppos)
{
	return group_write(filp, ubuf, cnt, ppos, false);
}

static const struct file_operations all_enable_fops = {
	.open		= all_open,
	.read		= all_read,
	.write		= all_write,
	.release	= all_release,
	.llseek		= default_llseek,
};

static int sys_open(struct inode *inode, struct file *filp)
{
	return trace_event_open(filp, EV_OPEN_SYSTEM, inode->i_private, true);
}

static int sys_release(struct inode *inode, struct file *filp)
{
	trace_event_close(EV_OPEN_SYSTEM, inode->i_private);
	return 0;
}

static ssize_t sys_read(struct file *filp, char __user *ubuf, size_t cnt,
			loff_t *ppos)
{
	return group_read(filp, ubuf, cnt, ppos, true);
}

static ssize_t sys_write(struct file *filp, const char __user *ubuf,
			 size_t cnt, loff_t *ppos)
{
	return group_write(filp, ubuf, cnt, ppos, true);
}

static const struct file_operations sys_enable_fops = {
	.open		= sys_open,
	.read		= sys_read,
	.write		= sys_write,
	.release	= sys_release,
	.llseek		= default_llseek,
};

/*
 * The filter files.  Reads show the expression (or "none"), made at
 * open; writes set it (trace_events_filter.c).  Both hold the instance
 * and, for an event, its module, as the enable files do.
 */
#define FILTER_WRITE_MAX	PAGE_SIZE

static void gen_filter(struct seq_buf *s, void *arg)
{
	trace_event_filter_show(s, arg);
}

/* What upstream's system filter file reads, whatever was written. */
static void gen_sys_filter(struct seq_buf *s, void *arg)
{
	seq_buf_puts(s, "### global filter ###\n"
		     "# Use this to set filters for multiple events.\n"
		     "# Only events with the given fields will be affected.\n"
		     "# If no events are modified, an error message will be displayed here\n");
}

static int filter_open(struct inode *inode, struct file *filp)
{
	struct trace_event_file *file = inode->i_private;
	int ret = enable_open(inode, filp);

	if (ret || !(filp->f_mode & FMODE_READ))
		return ret;
	mutex_lock(&event_mutex);
	ret = trace_event_text_make(filp, gen_filter, file);
	mutex_unlock(&event_mutex);
	if (ret)
		enable_release(inode, filp);
	return ret;
}

static int filter_release(struct inode *inode, struct file *filp)
{
	kvfree(filp->private_data);
	return enable_release(inode, filp);
}

static char *filter_copy(const char __user *ubuf, size_t cnt)
{
	if (cnt >= FILTER_WRITE_MAX)
		return ERR_PTR(-EINVAL);
	return memdup_user_nul(ubuf, cnt);
}

static ssize_t filter_write(struct file *filp, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = file_inode(filp)->i_private;
	char *buf = filter_copy(ubuf, cnt);
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	mutex_lock(&event_mutex);
	ret = trace_event_filter_set(file, buf);
	mutex_unlock(&event_mutex);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations filter_fops = {
	.open		= filter_open,
	.read		= trace_event_text_read,
	.write		= filter_write,
	.release	= filter_release,
	.llseek		= default_llseek,
};

static int sys_filter_open(struct inode *inode, struct file *filp)
{
	int ret = sys_open(inode, filp);

	if (ret || !(filp->f_mode & FMODE_READ))
		return ret;
	mutex_lock(&event_mutex);
	ret = trace_event_text_make(filp, gen_sys_filter, inode->i_private);
	mutex_unlock(&event_mutex);
	if (ret)
		sys_release(inode, filp);
	return ret;
}

static int sys_filter_release(struct inode *inode, struct file *filp)
{
	kvfree(filp->private_data);
	return sys_release(inode, filp);
}

static ssize_t sys_filter_write(struct file *filp, const char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_subsystem_dir *d = file_inode(filp)->i_private;
	char *buf = filter_copy(ubuf, cnt);
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	mutex_lock(&event_mutex);
	ret = trace_system_filter_set(d, buf);
	mutex_unlock(&event_mutex);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations sys_filter_fops = {
	.open		= sys_filter_open,
	.read		= trace_event_text_read,
	.write		= sys_filter_write,
	.release	= sys_filter_release,
	.llseek		= default_llseek,
};

/*
 * Files the parts above the events core give every event directory (the
 * triggers' "trigger"), registered at boot before any directory exists.
 */
#define EVENT_CORE_FILES	4
#define EVENT_EXTRA_FILES	4

static struct {
	umode_t				mode;
	const struct file_operations	*fops;
	bool	(*shown)(const struct trace_event_call *call);
} event_extra[EVENT_EXTRA_FILES];	/* [I] once a directory exists */
static unsigned int nr_event_extra;
static bool event_dirs_made;

static int event_entry(const char *name, umode_t *mode, void **data,
		       const struct file_operations **fops);

/*
 * eventfs is done with an event's directory: it was removed and no dentry
 * of it is left.  The one entry with this release drops the directory's
 * reference to the event's file (trace_event_fs_remove_file()).
 */
static void event_dir_release(const char *name, void *data)
{
	trace_event_file_put(data);
}

static struct eventfs_entry event_entries[EVENT_CORE_FILES + EVENT_EXTRA_FILES] = {
	{ .name = "enable",	.callback = event_entry,
	  .release = event_dir_release },
	{ .name = "filter",	.callback = event_entry },
	{ .name = "format",	.callback = event_entry },
	{ .name = "id",		.callback = event_entry },
};

/**
 * trace_event_add_file_entry() - give every event directory a file
 * @name: the file's name, static
 * @mode: its mode
 * @fops: its file operations; the inode's i_private is the event's
 *	trace_event_file, pinned by trace_event_open(EV_OPEN_FILE, ...)
 * @shown: NULL, or which events get the file; without it, only events
 *	that users can enable do
 *
 * For the parts' initcalls,
 * before tracefs makes the first event directory.
 *
 * Context: boot, single-threaded.
 * Return: 0, -EBUSY when directories exist already, or -ENOSPC.
 */
int __init trace_event_add_file_entry(const char *name, umode_t mode,
				      const struct file_operations *fops,
				      bool (*shown)(const struct trace_event_call *))
{
	struct eventfs_entry *e;

	if (event_dirs_made)
		return -EBUSY;
	if (nr_event_extra == EVENT_EXTRA_FILES)
		return -ENOSPC;
	event_extra[nr_event_extra].mode = mode;
	event_extra[nr_event_extra].fops = fops;
	event_extra[nr_event_extra].shown = shown;
	e = &event_entries[EVENT_CORE_FILES + nr_event_extra++];
	e->name = name;
	e->callback = event_entry;
	return 0;
}

/* eventfs callbacks: which files a directory has, and their fops. */
static int event_entry(const char *name, umode_t *mode, void **data,
		       const struct file_operations **fops)
{
	struct trace_event_file *file = *data;
	struct trace_event_call *call = file->event_call;
	unsigned int i;

	for (i = 0; i < nr_event_extra; i++) {
		if (strcmp(name, event_entries[EVENT_CORE_FILES + i].name))
			continue;
		if (event_extra[i].shown ? !event_extra[i].shown(call) :
		    call->flags & TRACE_EVENT_FL_IGNORE_ENABLE)
			return 0;
		*mode = event_extra[i].mode;
		*fops = event_extra[i].fops;
		return 1;
	}
	/* Events users cannot enable (events/ftrace/) have no filter either. */
	if (!strcmp(name, "enable") || !strcmp(name, "filter")) {
		if (call->flags & TRACE_EVENT_FL_IGNORE_ENABLE)
			return 0;
		*mode = 0640;
		*fops = name[0] == 'e' ? &enable_fops : &filter_fops;
	} else if (!strcmp(name, "format")) {
		*mode = 0440;
		*fops = &format_fops;
	} else if (!strcmp(name, "id")) {
		*mode = 0440;
		*fops = &id_fops;
	} else {
		return 0;
	}
	return 1;
}

static int system_entry(const char *name, umode_t *mode, void **data,
			const struct file_operations **fops)
{
	*mode = 0640;
	if (!strcmp(name, "enable"))
		*fops = &sys_enable_fops;
	else if (!strcmp(name, "filter"))
		*fops = &sys_filter_fops;
	else
		return 0;
	return 1;
}

static const struct eventfs_entry system_entries[] = {
	{ .name = "enable",	.callback = system_entry },
	{ .name = "filter",	.callback = system_entry },
};

static int root_entry(const char *name, umode_t *mode, void **data,
		      const struct file_operations **fops)
{
	if (!strcmp(name, "enable")) {
		*mode = 0640;
		*fops = &all_enable_fops;
		return 1;
	}
	return trace_event_core_entry(name, mode, data, fops);
}

static const struct eventfs_entry root_entries[] = {
	{ .name = "enable",		.callback = root_entry },
	{ .name = "header_page",	.callback = root_entry },
	{ .name = "header_event",	.callback = root_entry },
};

/**
 * trace_event_fs_add_file() - the directory of an event in an instance
 * @ev: the instance's events; its events/ directory exists
 * @file: the event in it
 *
 * Context: event_mutex held.
 * Return: 0 or -ENOMEM.
 */
int trace_event_fs_add_file(struct trace_event_inst *ev,
			    struct trace_event_file *file)
{
	struct trace_subsystem_dir *d = file->system;
	struct eventfs_inode *ei;

	lockdep_assert_held(&event_mutex);
	event_dirs_made = true;
	/* events/ftrace/ has no enable or filter file, as upstream's. */
	if (!d->ei) {
		bool user = !(file->event_call->flags &
			      TRACE_EVENT_FL_IGNORE_ENABLE);

		ei = eventfs_create_dir(d->name, ev->ei,
					user ? system_entries : NULL,
					user ? ARRAY_SIZE(system_entries) : 0,
					d);
		if (IS_ERR(ei))
			return PTR_ERR(ei);
		d->ei = ei;
	}
	ei = eventfs_create_dir(trace_event_name(file->event_call), d->ei,
				event_entries,
				EVENT_CORE_FILES + nr_event_extra, file);
	if (IS_ERR(ei))
		return PTR_ERR(ei);
	refcount_inc(&file->ref);	/* dropped by event_dir_release() */
	file->ei = ei;
	return 0;
}

/**
 * trace_event_fs_remove_file() - remove the directory of an event
 * @file: the event in an instance
 *
 * A path to one of the directory's files (a bind mount, an open that
 * raced with the removal) outlives the directory, and its inode's
 * i_private is @file.  trace_event_open() refuses it once @file is on no
 * list, which holds only while no new event can have @file's address: so
 * the directory holds a reference to @file until eventfs lets go of its
 * last dentry (event_dir_release()).
 */
void trace_event_fs_remove_file(struct trace_event_file *file)
{
	struct eventfs_inode *ei = file->ei;

	file->ei = NULL;
	if (ei)
		eventfs_remove_dir(ei);
}

/**
 * trace_event_fs_put_system() - remove the directory of a system
 * @d: the system, whose last event went
 */
void trace_event_fs_put_system(struct trace_subsystem_dir *d)
{
	if (d->ei)
		eventfs_remove_dir(d->ei);
	d->ei = NULL;
}

/**
 * trace_event_fs_remove_inst() - remove events/ of an instance
 * @ev: the instance's events, with every file removed
 */
void trace_event_fs_remove_inst(struct trace_event_inst *ev)
{
	if (ev->ei)
		eventfs_remove_events_dir(ev->ei);
	ev->ei = NULL;
}

/* set_event: the enabled events, "SYSTEM:EVENT" per line; writes enable. */
static void *set_event_start(struct seq_file *m, loff_t *pos)
{
	struct trace_event_inst *ev = m->private;

	mutex_lock(&event_mutex);
	return seq_list_start(&ev->files, *pos);
}

static void *set_event_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct trace_event_inst *ev = m->private;

	return seq_list_next(v, &ev->files, pos);
}

static void set_event_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&event_mutex);
}

static int set_event_show(struct seq_file *m, void *v)
{
	struct trace_event_file *file = list_entry(v, struct trace_event_file,
						   list);
	struct trace_event_call *call = file->event_call;

	if ((file->flags & EVENT_FILE_FL_ENABLED) &&
	    !(file->flags & EVENT_FILE_FL_SOFT_DISABLED))
		seq_printf(m, "%s:%s\n", call->class->system,
			   trace_event_name(call));
	return 0;
}

static const struct seq_operations set_event_seq_ops = {
	.start	= set_event_start,
	.next	= set_event_next,
	.stop	= set_event_stop,
	.show	= set_event_show,
};

static int set_event_open(struct inode *inode, struct file *filp)
{
	struct trace_event_inst *ev = inode->i_private;
	int ret;

	ret = trace_event_open(filp, EV_OPEN_INST, ev, true);
	if (ret)
		return ret;
	if ((filp->f_mode & FMODE_WRITE) && (filp->f_flags & O_TRUNC) &&
	    !(filp->f_flags & O_APPEND))
		trace_event_set_system(ev, NULL, NULL, 0);
	if (filp->f_mode & FMODE_READ) {
		ret = seq_open(filp, &set_event_seq_ops);
		if (ret) {
			trace_event_close(EV_OPEN_INST, ev);
			return ret;
		}
		((struct seq_file *)filp->private_data)->private = ev;
	}
	return 0;
}

static int set_event_release(struct inode *inode, struct file *filp)
{
	trace_event_close(EV_OPEN_INST, inode->i_private);
	return filp->f_mode & FMODE_READ ? seq_release(inode, filp) : 0;
}

#define SET_EVENT_MAX	(64 * 1024)

static ssize_t set_event_write(struct file *filp, const char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct trace_event_inst *ev = file_inode(filp)->i_private;
	char *buf, *p, *tok;
	int ret = 0;

	if (cnt > SET_EVENT_MAX)
		return -E2BIG;
	buf = memdup_user_nul(ubuf, cnt);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	p = buf;
	while ((tok = strsep(&p, " \t\n"))) {
		bool on = true;

		if (!*tok)
			continue;
		if (*tok == '!') {
			on = false;
			tok++;
		}
		ret = ftrace_set_clr_event(ev->tr, tok, on);
		if (ret)
			break;
	}
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations set_event_fops = {
	.open		= set_event_open,
	.read		= seq_read,
	.write		= set_event_write,
	.llseek		= seq_lseek,
	.release	= set_event_release,
};

/* available_events: every event users may enable. */
static void *avail_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&event_mutex);
	return seq_list_start(&trace_events, *pos);
}

static void *avail_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &trace_events, pos);
}

static int avail_show(struct seq_file *m, void *v)
{
	struct trace_event_call *call = list_entry(v, struct trace_event_call,
						   list);

	if (!(call->flags & TRACE_EVENT_FL_IGNORE_ENABLE))
		seq_printf(m, "%s:%s\n", call->class->system,
			   trace_event_name(call));
	return 0;
}

static const struct seq_operations avail_seq_ops = {
	.start	= avail_start,
	.next	= avail_next,
	.stop	= set_event_stop,
	.show	= avail_show,
};

static int avail_open(struct inode *inode, struct file *filp)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ? ret : seq_open(filp, &avail_seq_ops);
}

static const struct file_operations avail_fops = {
	.open		= avail_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

/**
 * trace_event_fs_create_root_files() - available_events
 * @root: the tracefs root
 */
void trace_event_fs_create_root_files(struct dentry *root)
{
	tracefs_create_file("available_events", 0440, root, NULL, &avail_fops);
}

/**
 * trace_event_fs_create_files() - events/ and set_event of an instance
 * @tr: the instance
 * @dir: its tracefs directory (NULL: the root)
 */
void trace_event_fs_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct trace_event_inst *ev = tr->events;
	struct trace_event_file *file;
	struct eventfs_inode *ei;

	tracefs_create_file("set_event", 0640, dir, ev, &set_event_fops);
	ei = eventfs_create_events_dir("events", dir, root_entries,
				       ARRAY_SIZE(root_entries), ev);
	if (IS_ERR(ei))
		return;
	mutex_lock(&event_mutex);
	ev->ei = ei;
	list_for_each_entry(file, &ev->files, list)
		trace_event_fs_add_file(ev, file);
	mutex_unlock(&event_mutex);
}
