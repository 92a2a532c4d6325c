// SPDX-License-Identifier: GPL-2.0
/*
 * set_ftrace_pid and set_ftrace_notrace_pid: the tasks the function tracer
 * follows, and the ones it ignores.
 *
 * Each file holds a set of pids: "echo PID... > FILE" replaces it, ">>"
 * adds to it, an empty write clears it.  Reading gives one pid a line, or
 * "no pid" for an empty set.  With set_ftrace_pid non-empty only its tasks
 * are traced; a task in set_ftrace_notrace_pid never is.
 *
 * Each instance has its own pair (struct ftrace_inst).  A set is a sorted
 * array published with RCU; the function tracer's callback looks the
 * current pid up with a binary search, and not at all while both sets
 * are empty.
 *
 * With options/function-fork set, a task forked by a task of a set joins
 * it, and a task that is freed leaves both sets.  Those updates come from
 * probes on sched_process_fork and sched_process_free, in atomic context:
 * they allocate the new set with GFP_ATOMIC, outside fork_lock (a raw
 * spinlock, which file writes take as well), fill it in and publish it
 * under the lock if the set did not change meanwhile, and leave the old
 * copy to a work item that frees it after ftrace_sync().
 */
#include <linux/llist.h>
#include <linux/pid.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include <trace/events/sched.h>

#include "ftrace_internal.h"
#include "trace_priv.h"

struct ftrace_pids {
	unsigned int		n;
	struct llist_node	gc;	/* on fork_garbage once replaced */
	pid_t			pids[];
};

/* Serialises the updates of the sets with the fork and free probes. */
static DEFINE_RAW_SPINLOCK(fork_lock);
static LLIST_HEAD(fork_garbage);

#define pids_deref(fi, w)						\
	rcu_dereference_protected((fi)->pids[w], lockdep_is_held(&fork_lock))

static bool pids_have(const struct ftrace_pids *p, pid_t pid)
{
	unsigned int lo = 0, hi = p->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p->pids[mid] == pid)
			return true;
		if (p->pids[mid] < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/**
 * __ftrace_pid_ignored() - does the function tracer skip the current task?
 * @fi: the instance's function tracing
 *
 * Called from the callback, preemption disabled, through
 * ftrace_pid_ignored() while a set is non-empty.
 *
 * Return: true when set_ftrace_pid is set and lacks the task, or
 * set_ftrace_notrace_pid has it.
 */
bool __ftrace_pid_ignored(struct ftrace_inst *fi)
{
	struct ftrace_pids *only = rcu_dereference_raw(fi->pids[0]);
	struct ftrace_pids *skip = rcu_dereference_raw(fi->pids[1]);

	if (likely(!only && !skip))
		return false;
	if (only && !pids_have(only, current->pid))
		return true;
	return skip && pids_have(skip, current->pid);
}

/**
 * struct pid_file - an open set_ftrace_pid or set_ftrace_notrace_pid
 * @fi: the instance's function tracing
 * @which: 0 for set_ftrace_pid, 1 for set_ftrace_notrace_pid
 * @set: the pids being written (unsorted) or, for reading, the copy shown
 * @n: its length
 * @cap: its capacity
 * @words: splits the writes into pids
 * @num: the buffer of @words
 */
struct pid_file {
	struct ftrace_inst *fi;
	int		which;
	pid_t		*set;
	unsigned int	n;
	unsigned int	cap;
	struct ftrace_words words;
	char		num[12];
};

static int pid_add(struct pid_file *f, pid_t pid)
{
	pid_t *p;

	if (f->n == f->cap) {
		f->cap = max(16U, f->cap * 2);
		p = krealloc_array(f->set, f->cap, sizeof(*p), GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		f->set = p;
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
	struct pid_file *f = m->private;
	unsigned int i;

	if (!f->n)
		seq_puts(m, "no pid\n");
	for (i = 0; i < f->n; i++)
		seq_printf(m, "%d\n", f->set[i]);
	return 0;
}

/* Copy set @which of @fi into @f; the probes may change it meanwhile. */
static int pids_copy(struct pid_file *f)
{
	struct ftrace_pids *cur;
	unsigned int n;
	pid_t *set;

	for (;;) {
		raw_spin_lock_irq(&fork_lock);
		cur = pids_deref(f->fi, f->which);
		n = cur ? cur->n : 0;
		if (n <= f->cap) {
			if (n)
				memcpy(f->set, cur->pids, n * sizeof(*f->set));
			f->n = n;
			raw_spin_unlock_irq(&fork_lock);
			return 0;
		}
		raw_spin_unlock_irq(&fork_lock);
		set = krealloc_array(f->set, n, sizeof(*set), GFP_KERNEL);
		if (!set)
			return -ENOMEM;
		f->set = set;
		f->cap = n;
	}
}

static int pids_open(struct inode *inode, struct file *file)
{
	struct ftrace_inst_file *t = inode->i_private;
	struct pid_file *f;
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	if (ret)
		return ret;
	ret = trace_array_get(t->fi->tr);
	if (ret)
		return ret;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		trace_array_put(t->fi->tr);
		return -ENOMEM;
	}
	f->fi = t->fi;
	f->which = t->which;
	f->words = (struct ftrace_words){ .buf = f->num, .size = sizeof(f->num) };
	if (!(file->f_flags & O_TRUNC) || !(file->f_mode & FMODE_WRITE))
		ret = pids_copy(f);
	if (!ret)
		ret = single_open(file, pids_show, f);
	if (ret) {
		trace_array_put(f->fi->tr);
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
	struct pid_file *f = ((struct seq_file *)file->private_data)->private;
	int ret = ftrace_words_write(&f->words, ubuf, cnt, pid_word, f);

	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

/* Publish @p (sorted, or NULL) as set @which of @fi, then free the old. */
static void pids_install(struct ftrace_inst *fi, int which, struct ftrace_pids *p)
{
	struct ftrace_pids *old;

	mutex_lock(&ftrace_lock);
	raw_spin_lock_irq(&fork_lock);
	old = rcu_replace_pointer(fi->pids[which], p, lockdep_is_held(&fork_lock));
	WRITE_ONCE(fi->pids_active,
		   rcu_access_pointer(fi->pids[0]) || rcu_access_pointer(fi->pids[1]));
	raw_spin_unlock_irq(&fork_lock);
	mutex_unlock(&ftrace_lock);
	/* The callback reads the sets where RCU may not watch (idle). */
	ftrace_sync();
	kfree(old);
}

static int pids_release(struct inode *inode, struct file *file)
{
	struct pid_file *f = ((struct seq_file *)file->private_data)->private;
	struct ftrace_pids *p = NULL;
	unsigned int i, n = 0;

	if (file->f_mode & FMODE_WRITE &&
	    !ftrace_words_flush(&f->words, pid_word, f)) {
		sort(f->set, f->n, sizeof(*f->set), cmp_pid, NULL);
		if (f->n)
			p = kmalloc(struct_size(p, pids, f->n), GFP_KERNEL);
		for (i = 0; p && i < f->n; i++)
			if (!n || p->pids[n - 1] != f->set[i])
				p->pids[n++] = f->set[i];
		if (p)
			p->n = n;
		if (p || !f->n)
			pids_install(f->fi, f->which, p);
	}
	trace_array_put(f->fi->tr);
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
 * ftrace_pid_create_files() - set_ftrace_pid and set_ftrace_notrace_pid
 * @dir: the instance's tracefs directory
 * @fi: the instance's function tracing
 */
void ftrace_pid_create_files(struct dentry *dir, struct ftrace_inst *fi)
{
	tracefs_create_file("set_ftrace_pid", 0640, dir, &fi->files[0],
			    &pids_fops);
	tracefs_create_file("set_ftrace_notrace_pid", 0640, dir, &fi->files[1],
			    &pids_fops);
}

/**
 * ftrace_pids_clear() - empty both pid sets of an instance
 * @fi: the instance's function tracing
 */
void ftrace_pids_clear(struct ftrace_inst *fi)
{
	pids_install(fi, 0, NULL);
	pids_install(fi, 1, NULL);
}

static void fork_gc(struct work_struct *work)
{
	struct llist_node *list = llist_del_all(&fork_garbage);
	struct ftrace_pids *p, *n;

	if (!list)
		return;
	/* The callback reads the sets where RCU may not watch (idle). */
	ftrace_sync();
	llist_for_each_entry_safe(p, n, list, gc)
		kfree(p);
}

static DECLARE_WORK(fork_gc_work, fork_gc);

/* Fill @q, room for p->n + 1 pids, with @p plus or minus @pid. */
static void pids_edit(struct ftrace_pids *q, struct ftrace_pids *p, pid_t pid,
		      bool add)
{
	unsigned int i, j = 0;
	bool done = false;

	for (i = 0; i < p->n; i++) {
		if (add && !done && p->pids[i] > pid) {
			q->pids[j++] = pid;
			done = true;
		}
		if (!add && p->pids[i] == pid)
			continue;
		q->pids[j++] = p->pids[i];
	}
	if (add && !done)
		q->pids[j++] = pid;
	q->n = j;
}

/* Does set @p need @pid's change?  Called with fork_lock held. */
static bool pids_need(struct ftrace_pids *p, pid_t pid, pid_t child)
{
	return p && pids_have(p, pid) && (child < 0 || !pids_have(p, child));
}

/*
 * @pid forked @child (a pid >= 0): @child joins the sets that have @pid.
 * @child < 0: @pid is gone and leaves them.  A set that cannot be copied
 * stays as it was.
 */
static void pids_follow(struct ftrace_inst *fi, pid_t pid, pid_t child)
{
	struct ftrace_pids *p, *q;
	bool freed = false;
	unsigned long flags;
	unsigned int n;
	int w, tries;

	if (!READ_ONCE(fi->pids_active))
		return;
	for (w = 0; w < 2; w++) {
		for (tries = 0; tries < 3; tries++) {
			raw_spin_lock_irqsave(&fork_lock, flags);
			p = pids_deref(fi, w);
			n = pids_need(p, pid, child) ? p->n : 0;
			raw_spin_unlock_irqrestore(&fork_lock, flags);
			if (!n)
				break;
			/* No allocation under a raw spinlock. */
			q = kmalloc(struct_size(q, pids, n + 1),
				    GFP_ATOMIC | __GFP_NOWARN);
			if (!q)
				break;
			raw_spin_lock_irqsave(&fork_lock, flags);
			if (pids_deref(fi, w) == p && p->n == n) {
				pids_edit(q, p, child >= 0 ? child : pid,
					  child >= 0);
				rcu_assign_pointer(fi->pids[w], q);
				llist_add(&p->gc, &fork_garbage);
				freed = true;
				q = NULL;
			}
			raw_spin_unlock_irqrestore(&fork_lock, flags);
			if (!q)
				break;
			kfree(q);	/* the set changed: look again */
		}
	}
	if (freed)
		schedule_work(&fork_gc_work);
}

static void fork_probe(void *data, struct task_struct *parent,
		       struct task_struct *child)
{
	pids_follow(data, parent->pid, child->pid);
}

static void free_probe(void *data, struct task_struct *task)
{
	pids_follow(data, task->pid, -1);
}

/**
 * ftrace_pid_fork() - follow forks and exits in the pid sets, or stop
 * @fi: the instance's function tracing
 * @on: what options/function-fork was set to
 *
 * Context: trace_types_lock held (the option's state is the instance's
 * flags).
 * Return: 0, or the error of registering the probes.
 */
int ftrace_pid_fork(struct ftrace_inst *fi, bool on)
{
	int ret;

	if (!on) {
		unregister_trace_sched_process_fork(fork_probe, fi);
		unregister_trace_sched_process_free(free_probe, fi);
		tracepoint_synchronize_unregister();
		return 0;
	}
	ret = register_trace_sched_process_fork(fork_probe, fi);
	if (ret)
		return ret;
	ret = register_trace_sched_process_free(free_probe, fi);
	if (ret) {
		unregister_trace_sched_process_fork(fork_probe, fi);
		tracepoint_synchronize_unregister();
	}
	return ret;
}
