// SPDX-License-Identifier: GPL-2.0
/*
 * Pid sets: the tasks a tracer or the events of an instance follow, and
 * the ones they ignore (set_ftrace_pid, set_ftrace_notrace_pid,
 * set_event_pid, set_event_notrace_pid).
 *
 * A struct trace_pids is a pair of sets, [0] the pids to follow and [1]
 * the pids to ignore, owned by one part of one instance.  Each set is a
 * sorted array published with RCU and looked up with a binary search;
 * while both are empty, trace_pids_ignore() is one flag test.
 *
 * Files: "echo PID... > FILE" replaces the set, ">>" adds to it, an
 * empty write clears it; reading gives one pid a line (an empty set
 * reads as its owner's ops->empty).
 *
 * Forks (options/function-fork, options/event-fork): a task forked by a
 * task of a set joins it, and a task that is freed leaves both sets.
 * Those updates come from probes on sched_process_fork and
 * sched_process_free, in atomic context: they allocate the new set with
 * GFP_ATOMIC outside pids_lock (a raw spinlock, which file writes take as
 * well), fill it in and publish it under the lock if the set did not
 * change meanwhile, and leave the old copy to a work item that frees it
 * after the owner's sync().
 */
#include <linux/pid.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>
#include <trace/events/sched.h>

#include "trace_priv.h"

/**
 * struct trace_pid_set - one sorted set of pids
 * @n: pids in it
 * @gc: on its owner's garbage list once replaced by a fork or free
 * @pids: the pids, ascending, no duplicates
 *
 * Immutable once published.
 */
struct trace_pid_set {
	unsigned int		n;
	struct llist_node	gc;
	pid_t			pids[];
};

/* Serialises the updates of every set with the fork and free probes. */
static DEFINE_RAW_SPINLOCK(pids_lock);

#define set_deref(p, w)							\
	rcu_dereference_protected((p)->set[w], lockdep_is_held(&pids_lock))

static bool set_has(const struct trace_pid_set *s, pid_t pid)
{
	unsigned int lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->pids[mid] == pid)
			return true;
		if (s->pids[mid] < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/**
 * __trace_pids_ignore() - does a pid pair leave a task out?
 * @p: the pair
 * @pid: the task's pid
 *
 * Called through trace_pids_ignore() while a set is non-empty, from a
 * tracing callback or probe with preemption disabled.
 *
 * Return: true when the first set is non-empty and lacks @pid, or the
 * second has it.
 */
bool __trace_pids_ignore(struct trace_pids *p, pid_t pid)
{
	/* Pairs with rcu_assign_pointer() in pids_install() and follow(). */
	struct trace_pid_set *only = rcu_dereference_raw(p->set[0]);
	struct trace_pid_set *skip = rcu_dereference_raw(p->set[1]);

	if (only && !set_has(only, pid))
		return true;
	return skip && set_has(skip, pid);
}

static void pids_gc(struct work_struct *work)
{
	struct trace_pids *p = container_of(work, struct trace_pids, gc_work);
	struct llist_node *list = llist_del_all(&p->garbage);
	struct trace_pid_set *s, *n;

	if (!list)
		return;
	p->ops->sync();
	llist_for_each_entry_safe(s, n, list, gc)
		kfree(s);
}

/**
 * trace_pids_init() - set up an empty pair
 * @p: the pair
 * @tr: the instance its files belong to
 * @ops: the owner's sync and changed hooks
 */
void trace_pids_init(struct trace_pids *p, struct trace_array *tr,
		     const struct trace_pids_ops *ops)
{
	memset(p, 0, sizeof(*p));
	p->tr = tr;
	p->ops = ops;
	p->files[0] = (struct trace_pids_file){ p, 0 };
	p->files[1] = (struct trace_pids_file){ p, 1 };
	init_llist_head(&p->garbage);
	INIT_WORK(&p->gc_work, pids_gc);
}

/* Publish @s (sorted, or NULL) as set @which of @p, then free the old. */
static void pids_install(struct trace_pids *p, int which,
			 struct trace_pid_set *s)
{
	struct trace_pid_set *old;
	bool active;

	raw_spin_lock_irq(&pids_lock);
	old = rcu_replace_pointer(p->set[which], s, lockdep_is_held(&pids_lock));
	active = rcu_access_pointer(p->set[0]) || rcu_access_pointer(p->set[1]);
	WRITE_ONCE(p->active, active);
	raw_spin_unlock_irq(&pids_lock);
	if (!old && !s)
		return;		/* no change: nothing to tell or wait for */
	if (p->ops->changed)
		p->ops->changed(p);
	p->ops->sync();
	kfree(old);
}

/**
 * trace_pids_clear() - empty both sets, for good: the pair goes away
 * @p: the pair; its files are closed and fork following is off
 */
void trace_pids_clear(struct trace_pids *p)
{
	pids_install(p, 0, NULL);
	pids_install(p, 1, NULL);
	flush_work(&p->gc_work);
}

/**
 * struct pids_file - an open pid file
 * @p: the pair
 * @which: its set
 * @set: the pids being written (unsorted) or, for reading, the copy shown
 * @n: its length
 * @cap: its capacity
 * @words: splits the writes into pids
 * @num: the buffer of @words
 */
struct pids_file {
	struct trace_pids	*p;
	int			which;
	pid_t			*set;
	unsigned int		n;
	unsigned int		cap;
	struct trace_words	words;
	char			num[12];
};

static int pid_add(struct pids_file *f, pid_t pid)
{
	pid_t *s;

	if (f->n == f->cap) {
		f->cap = max(16U, f->cap * 2);
		s = krealloc_array(f->set, f->cap, sizeof(*s), GFP_KERNEL);
		if (!s)
			return -ENOMEM;
		f->set = s;
	}
	f->set[f->n++] = pid;
	return 0;
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return x < y ? -1 : x > y;
}

static int pids_show(struct seq_file *m, void *v)
{
	struct pids_file *f = m->private;
	unsigned int i;

	if (!f->n)
		seq_puts(m, f->p->ops->empty);
	for (i = 0; i < f->n; i++)
		seq_printf(m, "%d\n", f->set[i]);
	return 0;
}

/* Copy the set into @f; the probes may change it meanwhile. */
static int pids_copy(struct pids_file *f)
{
	struct trace_pid_set *cur;
	unsigned int n;
	pid_t *s;

	for (;;) {
		raw_spin_lock_irq(&pids_lock);
		cur = set_deref(f->p, f->which);
		n = cur ? cur->n : 0;
		if (n <= f->cap) {
			if (n)
				memcpy(f->set, cur->pids, n * sizeof(*f->set));
			f->n = n;
			raw_spin_unlock_irq(&pids_lock);
			return 0;
		}
		raw_spin_unlock_irq(&pids_lock);
		s = krealloc_array(f->set, n, sizeof(*s), GFP_KERNEL);
		if (!s)
			return -ENOMEM;
		f->set = s;
		f->cap = n;
	}
}

static int pids_open(struct inode *inode, struct file *file)
{
	struct trace_pids_file *id = inode->i_private;
	struct pids_file *f;
	int ret = trace_array_get_file(file);	/* checks lockdown too */

	if (ret)
		return ret;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		trace_array_put(id->p->tr);
		return -ENOMEM;
	}
	f->p = id->p;
	f->which = id->which;
	f->words = (struct trace_words){ .buf = f->num, .size = sizeof(f->num) };
	if (!(file->f_flags & O_TRUNC) || !(file->f_mode & FMODE_WRITE))
		ret = pids_copy(f);
	if (!ret)
		ret = single_open(file, pids_show, f);
	if (ret) {
		trace_array_put(f->p->tr);
		kfree(f->set);
		kfree(f);
	}
	return ret;
}

static int pid_word(void *ctx, char *word)
{
	int pid;

	if (kstrtoint(word, 10, &pid) || pid < 0 || pid > READ_ONCE(pid_max))
		return -EINVAL;
	return pid_add(ctx, pid);
}

static ssize_t pids_write(struct file *file, const char __user *ubuf,
			  size_t cnt, loff_t *ppos)
{
	struct pids_file *f = ((struct seq_file *)file->private_data)->private;
	int ret = trace_words_write(&f->words, ubuf, cnt, pid_word, f);

	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static int pids_release(struct inode *inode, struct file *file)
{
	struct pids_file *f = ((struct seq_file *)file->private_data)->private;
	struct trace_pid_set *s = NULL;
	unsigned int i, n = 0;

	if (file->f_mode & FMODE_WRITE &&
	    !trace_words_flush(&f->words, pid_word, f)) {
		sort(f->set, f->n, sizeof(*f->set), cmp_pid, NULL);
		if (f->n)
			s = kmalloc(struct_size(s, pids, f->n), GFP_KERNEL);
		for (i = 0; s && i < f->n; i++)
			if (!n || s->pids[n - 1] != f->set[i])
				s->pids[n++] = f->set[i];
		if (s)
			s->n = n;
		if (s || !f->n)
			pids_install(f->p, f->which, s);
	}
	trace_array_put(f->p->tr);
	kfree(f->set);
	kfree(f);
	return single_release(inode, file);
}

static const struct file_operations pids_fops = {
	.open		= pids_open,
	.read		= seq_read,
	.write		= pids_write,
	.llseek		= seq_lseek,
	.release	= pids_release,
};

/**
 * trace_pids_create_files() - the two files of a pair
 * @p: the pair
 * @dir: the instance's tracefs directory
 * @only: the name of the file of set 0 ("set_event_pid")
 * @skip: the name of the file of set 1 ("set_event_notrace_pid")
 */
void trace_pids_create_files(struct trace_pids *p, struct dentry *dir,
			     const char *only, const char *skip)
{
	tracefs_create_file(only, 0640, dir, &p->files[0], &pids_fops);
	tracefs_create_file(skip, 0640, dir, &p->files[1], &pids_fops);
}

/* Fill @q, room for s->n + 1 pids, with @s plus or minus @pid. */
static void set_edit(struct trace_pid_set *q, struct trace_pid_set *s,
		     pid_t pid, bool add)
{
	unsigned int i, j = 0;
	bool done = false;

	for (i = 0; i < s->n; i++) {
		if (add && !done && s->pids[i] > pid) {
			q->pids[j++] = pid;
			done = true;
		}
		if (!add && s->pids[i] == pid)
			continue;
		q->pids[j++] = s->pids[i];
	}
	if (add && !done)
		q->pids[j++] = pid;
	q->n = j;
}

/* Does set @s need @pid's change?  Called with pids_lock held. */
static bool set_needs(struct trace_pid_set *s, pid_t pid, pid_t child)
{
	return s && set_has(s, pid) && (child < 0 || !set_has(s, child));
}

/*
 * @pid forked @child (a pid >= 0): @child joins the sets that have @pid.
 * @child < 0: @pid is gone and leaves them.  A set that cannot be copied
 * stays as it was.
 */
static void follow(struct trace_pids *p, pid_t pid, pid_t child)
{
	struct trace_pid_set *s, *q;
	bool freed = false;
	unsigned long flags;
	unsigned int n;
	int w, tries;

	if (!READ_ONCE(p->active))
		return;
	for (w = 0; w < 2; w++) {
		for (tries = 0; tries < 3; tries++) {
			raw_spin_lock_irqsave(&pids_lock, flags);
			s = set_deref(p, w);
			n = set_needs(s, pid, child) ? s->n : 0;
			raw_spin_unlock_irqrestore(&pids_lock, flags);
			if (!n)
				break;
			/* No allocation under a raw spinlock. */
			q = kmalloc(struct_size(q, pids, n + 1),
				    GFP_ATOMIC | __GFP_NOWARN);
			if (!q)
				break;
			raw_spin_lock_irqsave(&pids_lock, flags);
			if (set_deref(p, w) == s && s->n == n) {
				set_edit(q, s, child >= 0 ? child : pid,
					 child >= 0);
				rcu_assign_pointer(p->set[w], q);
				llist_add(&s->gc, &p->garbage);
				freed = true;
				q = NULL;
			}
			raw_spin_unlock_irqrestore(&pids_lock, flags);
			if (!q)
				break;
			kfree(q);	/* the set changed: look again */
		}
	}
	if (freed)
		schedule_work(&p->gc_work);
}

static void fork_probe(void *data, struct task_struct *parent,
		       struct task_struct *child)
{
	follow(data, parent->pid, child->pid);
}

static void free_probe(void *data, struct task_struct *task)
{
	follow(data, task->pid, -1);
}

/**
 * trace_pids_fork() - follow forks and exits in a pair, or stop
 * @p: the pair
 * @on: start (true) or stop
 *
 * Context: trace_types_lock held (the caller's option state).
 * Return: 0, or the error of registering the probes.
 */
int trace_pids_fork(struct trace_pids *p, bool on)
{
	int ret;

	if (!on) {
		unregister_trace_sched_process_fork(fork_probe, p);
		unregister_trace_sched_process_free(free_probe, p);
		tracepoint_synchronize_unregister();
		return 0;
	}
	ret = register_trace_sched_process_fork(fork_probe, p);
	if (ret)
		return ret;
	ret = register_trace_sched_process_free(free_probe, p);
	if (ret) {
		unregister_trace_sched_process_fork(fork_probe, p);
		tracepoint_synchronize_unregister();
	}
	return ret;
}
