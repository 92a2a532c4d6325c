// SPDX-License-Identifier: GPL-2.0
/*
 * The comm of the tasks that wrote records, so that output can show
 * "bash-1234" long after the task is gone (saved_cmdlines).
 *
 * A direct-mapped cache of saved_cmdlines_size slots indexed by a hash of
 * the pid: a newer pid that hashes to a busy slot evicts the older one,
 * whose records then show "<...>".  Writers save from any context, so the
 * lock is only ever tried, never waited for: a busy cache fails the save,
 * and the writer tries again with its next record.  It is an arch spinlock:
 * writers run inside tracing callbacks, and the traced lock functions
 * would record themselves.
 */
#include <linux/hash.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

#define CMDLINES_DEFAULT	6552	/* as upstream */
#define CMDLINES_MAX		PID_MAX_DEFAULT

struct cmdline_slot {
	int	pid;			/* 0: free */
	char	comm[TASK_COMM_LEN];
};

/* The cache; slots and nr are replaced together under cmdline_lock. */
static arch_spinlock_t cmdline_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct cmdline_slot *slots;
static unsigned int nr_slots;

static struct cmdline_slot *slot_of(int pid)
{
	return &slots[hash_32(pid, 32) % nr_slots];
}

/**
 * trace_save_cmdline() - remember the comm of a task
 * @task: the task
 *
 * Return: false if another CPU held the cache and nothing was saved: the
 * caller must not note @task as saved.
 */
bool trace_save_cmdline(struct task_struct *task)
{
	struct cmdline_slot *s;
	unsigned long flags;
	bool saved = false;

	if (!task->pid)
		return true;
	/* Raw: a writer must not call into the irq-flags tracing hooks. */
	raw_local_irq_save(flags);
	if (arch_spin_trylock(&cmdline_lock)) {
		if (nr_slots) {
			s = slot_of(task->pid);
			s->pid = task->pid;
			memcpy(s->comm, task->comm, TASK_COMM_LEN);
			s->comm[TASK_COMM_LEN - 1] = '\0';
		}
		arch_spin_unlock(&cmdline_lock);
		saved = true;
	}
	raw_local_irq_restore(flags);
	return saved;
}

DEFINE_PER_CPU(struct trace_saved_comm, trace_saved_comm);

/**
 * trace_save_writer() - save the comm and tgid of a record's writer
 * @tr: the instance written to
 *
 * Called by trace_save_writer_once() when this CPU's trace_saved_comm is
 * not the current task, preemption disabled.  Under record-cmd, and never
 * in NMI, saves the comm and notes it in trace_saved_comm once it is
 * saved, and saves the tgid under record-tgid.
 */
void trace_save_writer(struct trace_array *tr)
{
	unsigned long flags = READ_ONCE(tr->flags);
	struct task_struct *t = current;

	if (!(flags & TRACE_OPT_RECORD_CMD) || in_nmi())
		return;
	if (trace_save_cmdline(t)) {
		__this_cpu_write(trace_saved_comm.pid, t->pid);
		__this_cpu_write(trace_saved_comm.comm, trace_comm_fold(t));
	}
	if (flags & TRACE_OPT_RECORD_TGID)
		trace_save_tgid(t);
}

/**
 * trace_find_cmdline() - the saved comm of a pid
 * @pid: the pid
 * @comm: TASK_COMM_LEN bytes for the result: the comm, "<idle>" for pid 0
 *	or "<...>" when it is not known
 */
void trace_find_cmdline(int pid, char comm[])
{
	struct cmdline_slot *s;
	unsigned long flags;

	if (!pid) {
		strscpy(comm, "<idle>", TASK_COMM_LEN);
		return;
	}
	strscpy(comm, "<...>", TASK_COMM_LEN);
	local_irq_save(flags);
	arch_spin_lock(&cmdline_lock);
	if (nr_slots) {
		s = slot_of(pid);
		if (s->pid == pid)
			memcpy(comm, s->comm, TASK_COMM_LEN);
	}
	arch_spin_unlock(&cmdline_lock);
	local_irq_restore(flags);
}

static int cmdlines_resize(unsigned int n)
{
	struct cmdline_slot *new, *old;
	unsigned long flags;

	new = kvcalloc(n, sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	local_irq_save(flags);
	arch_spin_lock(&cmdline_lock);
	old = slots;
	slots = new;
	nr_slots = n;
	arch_spin_unlock(&cmdline_lock);
	local_irq_restore(flags);
	kvfree(old);
	return 0;
}

/* saved_cmdlines: "pid comm" per saved task, one at a time. */
static void *cmdlines_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct cmdline_slot *s;
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&cmdline_lock);
	for (; *pos < nr_slots; (*pos)++) {
		s = &slots[*pos];
		if (s->pid) {
			memcpy(m->private, s, sizeof(*s));
			(*pos)++;
			arch_spin_unlock(&cmdline_lock);
			local_irq_restore(flags);
			return m->private;
		}
	}
	arch_spin_unlock(&cmdline_lock);
	local_irq_restore(flags);
	/* Past the end, even when called there: seq_file checks it moves. */
	(*pos)++;
	return NULL;
}

static void *cmdlines_start(struct seq_file *m, loff_t *pos)
{
	return cmdlines_next(m, NULL, pos);
}

static void cmdlines_stop(struct seq_file *m, void *v)
{
}

static int cmdlines_show(struct seq_file *m, void *v)
{
	struct cmdline_slot *s = v;

	seq_printf(m, "%d %s\n", s->pid, s->comm);
	return 0;
}

static const struct seq_operations cmdlines_seq_ops = {
	.start	= cmdlines_start,
	.next	= cmdlines_next,
	.stop	= cmdlines_stop,
	.show	= cmdlines_show,
};

static int cmdlines_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ? ret : seq_open_private(file, &cmdlines_seq_ops,
					    sizeof(struct cmdline_slot));
}

static const struct file_operations cmdlines_fops = {
	.open		= cmdlines_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release_private,
};

static int cmdlines_open_size(struct inode *inode, struct file *file)
{
	return security_locked_down(LOCKDOWN_TRACEFS);
}

static ssize_t cmdlines_size_read(struct file *file, char __user *ubuf,
				  size_t cnt, loff_t *ppos)
{
	char buf[16];
	int len = scnprintf(buf, sizeof(buf), "%u\n", READ_ONCE(nr_slots));

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t cmdlines_size_write(struct file *file, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 1, CMDLINES_MAX, &val);
	if (ret)
		return ret;
	ret = cmdlines_resize(val);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations cmdlines_size_fops = {
	.open		= cmdlines_open_size,
	.read		= cmdlines_size_read,
	.write		= cmdlines_size_write,
	.llseek		= default_llseek,
};

/*
 * pid to tgid, for record-tgid: one int per possible pid, allocated the
 * first time the option is set and kept from then on (as upstream does),
 * so lookups never race with a free.
 */
static int *tgid_map;		/* [a] published with store-release */
static unsigned int tgid_map_len;	/* [I] once tgid_map is set */

/*
 * Setting record-tgid: make sure the pid to tgid map exists.  Options
 * change under trace_types_lock, which serialises the allocation.
 */
static int record_tgid_changed(struct trace_array *tr, bool on)
{
	unsigned int len = READ_ONCE(pid_max) + 1;
	int *map;

	lockdep_assert_held(&trace_types_lock);
	if (!on || tgid_map)
		return 0;
	map = kvcalloc(len, sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	tgid_map_len = len;
	/* Release: pairs with the acquire in tgid_slot(); len is visible first. */
	smp_store_release(&tgid_map, map);
	return 0;
}

static int *tgid_slot(int pid)
{
	/* Acquire: pairs with the store-release in record_tgid_changed(). */
	int *map = smp_load_acquire(&tgid_map);

	if (!map || pid <= 0 || pid >= tgid_map_len)
		return NULL;
	return &map[pid];
}

/**
 * trace_save_tgid() - remember the thread group of a task (record-tgid)
 * @task: the task
 *
 * Lockless: one int store, safe from any context.
 */
void trace_save_tgid(struct task_struct *task)
{
	int *slot = tgid_slot(task->pid);

	if (slot)
		WRITE_ONCE(*slot, task->tgid);
}

/**
 * trace_find_tgid() - the saved thread group of a pid
 * @pid: the pid
 *
 * Return: the tgid, or 0 if none was saved.
 */
int trace_find_tgid(int pid)
{
	int *slot = tgid_slot(pid);

	return slot ? READ_ONCE(*slot) : 0;
}

/* saved_tgids: "pid tgid" for every saved pid. */
static void *tgids_next(struct seq_file *m, void *v, loff_t *pos)
{
	int *slot;

	for (; *pos < tgid_map_len; (*pos)++) {
		slot = tgid_slot(*pos);
		if (slot && READ_ONCE(*slot)) {
			(*pos)++;
			return slot;
		}
	}
	return NULL;
}

static void *tgids_start(struct seq_file *m, loff_t *pos)
{
	return tgids_next(m, NULL, pos);
}

static int tgids_show(struct seq_file *m, void *v)
{
	int *slot = v;

	/* Acquire is not needed: tgid_map was seen in tgids_next(). */
	seq_printf(m, "%ld %d\n", (long)(slot - READ_ONCE(tgid_map)), READ_ONCE(*slot));
	return 0;
}

static const struct seq_operations tgids_seq_ops = {
	.start	= tgids_start,
	.next	= tgids_next,
	.stop	= cmdlines_stop,
	.show	= tgids_show,
};

static int tgids_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ? ret : seq_open(file, &tgids_seq_ops);
}

static const struct file_operations tgids_fops = {
	.open		= tgids_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

/* saved_cmdlines, saved_cmdlines_size and saved_tgids: one set for all. */
static void cmdline_create_root_files(struct dentry *root)
{
	if (!nr_slots && cmdlines_resize(CMDLINES_DEFAULT))
		return;
	tracefs_create_file("saved_cmdlines", 0440, root, NULL, &cmdlines_fops);
	tracefs_create_file("saved_cmdlines_size", 0640, root, NULL,
			    &cmdlines_size_fops);
	tracefs_create_file("saved_tgids", 0440, root, NULL, &tgids_fops);
}

static const struct trace_option cmdline_opts[] = {
	{ "record-cmd",		TRACE_OPT_RECORD_CMD_BIT, true, .top_only = true },
	{ "record-tgid",	TRACE_OPT_RECORD_TGID_BIT, false, record_tgid_changed },
};

const struct trace_part trace_cmdline_part = {
	.name			= "cmdline",
	.id			= TRACE_PART_CMDLINE,
	.create_root_files	= cmdline_create_root_files,
	.opts			= cmdline_opts,
	.nr_opts		= ARRAY_SIZE(cmdline_opts),
};
