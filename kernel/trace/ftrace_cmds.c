// SPDX-License-Identifier: GPL-2.0
/*
 * Commands attached to functions through set_ftrace_filter:
 *
 *	GLOB:traceon[:N]	turn tracing_on on when the function is hit
 *	GLOB:traceoff[:N]	turn it off
 *	GLOB:stacktrace[:N]	record the kernel stack into the buffer
 *	GLOB:dump[:N]		dump the buffer to the console (ftrace_dump)
 *	GLOB:cpudump[:N]	dump this CPU's buffer only
 *	GLOB:enable_event:SYSTEM:EVENT[:N]	turn a soft-disabled event on
 *	GLOB:disable_event:SYSTEM:EVENT[:N]	turn it off
 *
 * N limits how many times the command runs; without it, it always runs.
 * "!GLOB:COMMAND" removes the command from the matching functions.  The
 * commands take effect at once and do not touch the filter: they are run
 * by their own ftrace_ops whose filter is the set of functions having a
 * command.  The table of (function, command, count) is an array sorted by
 * function, replaced as a whole and published with RCU.  Each instance
 * has its own table and ops; traceon, traceoff and stacktrace act on that
 * instance, dump and cpudump print the top one as ftrace_dump() does.
 *
 * enable_event and disable_event act on the event's file in the instance:
 * the command holds it registered in soft mode (trace_event_soft_get())
 * and its run only flips the SOFT_DISABLED bit, which the event's probe
 * tests; N counts the flips.  Lock order: event_mutex, then ftrace_lock.
 */
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "ftrace_internal.h"
#include "trace_priv.h"
#include "trace_event_priv.h"

enum func_cmd_kind {
	CMD_TRACEON,
	CMD_TRACEOFF,
	CMD_STACKTRACE,
	CMD_DUMP,
	CMD_CPUDUMP,
	CMD_ENABLE_EVENT,
	CMD_DISABLE_EVENT,
};

static const char * const cmd_names[] = {
	[CMD_TRACEON]		= "traceon",
	[CMD_TRACEOFF]		= "traceoff",
	[CMD_STACKTRACE]	= "stacktrace",
	[CMD_DUMP]		= "dump",
	[CMD_CPUDUMP]		= "cpudump",
	[CMD_ENABLE_EVENT]	= "enable_event",
	[CMD_DISABLE_EVENT]	= "disable_event",
};

/* @file: the event of enable_event/disable_event, holding a soft ref. */
struct func_cmd {
	unsigned long		ip;
	enum func_cmd_kind	kind;
	atomic_long_t		count;	/* runs left, -1: unlimited */
	struct trace_event_file	*file;
};

struct func_cmd_table {
	unsigned int		n;
	struct rcu_head		rcu;
	struct func_cmd		cmds[];
};

/* Take one run of @c; false when its count is used up. */
static bool cmd_take(struct func_cmd *c)
{
	long n = atomic_long_read(&c->count);

	do {
		if (n == 0)
			return false;
		if (n < 0)
			return true;
	} while (!atomic_long_try_cmpxchg(&c->count, &n, n - 1));
	return true;
}

static void cmd_run(struct func_cmd *c, struct trace_array *tr)
{
	switch (c->kind) {
	case CMD_TRACEON:
		if (!tracer_tracing_is_on(tr) && cmd_take(c))
			tracer_tracing_on(tr);
		break;
	case CMD_TRACEOFF:
		if (tracer_tracing_is_on(tr) && cmd_take(c))
			tracer_tracing_off(tr);
		break;
	case CMD_STACKTRACE:
		if (cmd_take(c))
			trace_record_stack(tr, tracing_gen_ctx_dec(), 3);
		break;
	case CMD_DUMP:
		if (cmd_take(c))
			ftrace_dump(DUMP_ALL);
		break;
	case CMD_CPUDUMP:
		if (cmd_take(c))
			ftrace_dump(DUMP_ORIG);
		break;
	case CMD_ENABLE_EVENT:
		if (test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &c->file->flags) &&
		    cmd_take(c))
			clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &c->file->flags);
		break;
	case CMD_DISABLE_EVENT:
		if (!test_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &c->file->flags) &&
		    cmd_take(c))
			set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &c->file->flags);
		break;
	}
}

static void cmd_call(unsigned long ip, unsigned long parent_ip,
		     struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct ftrace_inst *fi = container_of(op, struct ftrace_inst, cmd_ops);
	struct func_cmd_table *t = rcu_dereference_raw(fi->cmds);
	unsigned int lo = 0, hi;

	if (!t)
		return;
	hi = t->n;
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (t->cmds[mid].ip < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->n && t->cmds[lo].ip == ip; lo++)
		cmd_run(&t->cmds[lo], fi->tr);
}

/**
 * ftrace_cmds_init() - set up the command ops of an instance
 * @fi: the instance's function tracing, zeroed
 */
void ftrace_cmds_init(struct ftrace_inst *fi)
{
	fi->cmd_ops.func = cmd_call;
	fi->cmd_ops.flags = FTRACE_OPS_FL_RECURSION;
}

static int cmp_cmd(const void *a, const void *b)
{
	const struct func_cmd *x = a, *y = b;

	if (x->ip != y->ip)
		return x->ip < y->ip ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	return x->file == y->file ? 0 : x->file < y->file ? -1 : 1;
}

/*
 * Every event command of a table holds a soft ref on its event, so a
 * table can be freed with its refs: the refs of entries copied into a
 * new table were taken again for it.  Called with event_mutex held.
 */
static void cmd_put_events(struct func_cmd_table *t)
{
	unsigned int i;

	for (i = 0; t && i < t->n; i++)
		if (t->cmds[i].file)
			trace_event_soft_put(t->cmds[i].file);
}

/*
 * Install @t (sorted, may be NULL) as the command table of @fi, and
 * register or unregister its ops to match.  Called with ftrace_lock held.
 */
static int cmd_install(struct ftrace_inst *fi, struct func_cmd_table *t)
{
	struct ftrace_ops *ops = &fi->cmd_ops;
	struct func_cmd_table *old;
	struct ftrace_hash *h = NULL;
	unsigned long *ips = NULL;
	unsigned int i;
	int ret = 0;

	lockdep_assert_held(&ftrace_lock);
	if (t && t->n) {
		ips = kvmalloc_array(t->n, sizeof(*ips), GFP_KERNEL);
		if (!ips)
			return -ENOMEM;
		for (i = 0; i < t->n; i++)
			ips[i] = t->cmds[i].ip;
		h = ftrace_hash_build(ips, t->n);
		kvfree(ips);
		if (IS_ERR(h))
			return PTR_ERR(h);
	}
	old = rcu_replace_pointer(fi->cmds, t, lockdep_is_held(&ftrace_lock));
	if (h) {
		ret = ftrace_ops_replace_hash(ops, false, h);
		if (ret)
			kvfree(h);
		else if (!(ops->flags & FTRACE_OPS_FL_ENABLED))
			ret = ftrace_register_locked(ops);
	} else {
		if (ops->flags & FTRACE_OPS_FL_ENABLED)
			ftrace_unregister_locked(ops);
		/* Also frees a hash left by a registration that failed. */
		ftrace_ops_replace_hash(ops, false, NULL);
	}
	/* The callback reads the table where RCU may not watch (idle). */
	ftrace_sync();
	cmd_put_events(old);
	kfree(old);
	return ret;
}

/**
 * ftrace_cmds_clear() - remove all commands of an instance
 * @fi: the instance's function tracing
 */
void ftrace_cmds_clear(struct ftrace_inst *fi)
{
	mutex_lock(&event_mutex);
	mutex_lock(&ftrace_lock);
	cmd_install(fi, NULL);
	mutex_unlock(&ftrace_lock);
	mutex_unlock(&event_mutex);
}

/*
 * The event of "SYSTEM:EVENT[:N]" in the instance, and N.  Called with
 * event_mutex held.
 */
static int parse_event_param(struct ftrace_inst *fi, const char *param,
			     bool remove, struct trace_event_file **filep,
			     unsigned long *count)
{
	char buf[256], *p = buf, *sys, *ev, *n;

	if (!param || strscpy(buf, param, sizeof(buf)) < 0)
		return -EINVAL;
	sys = strsep(&p, ":");
	ev = strsep(&p, ":");
	n = p;
	if (!ev || !*sys || !*ev)
		return -EINVAL;
	/* A count given with a removal is ignored, as upstream does. */
	if (n && !remove && (kstrtoul(n, 0, count) || *count > LONG_MAX))
		return -EINVAL;
	if (!fi->tr->events)
		return -EINVAL;
	*filep = trace_event_find_file(fi->tr->events, sys, ev);
	return *filep ? 0 : -EINVAL;
}

/**
 * ftrace_func_cmd() - add or remove a command on the functions of a glob
 * @fi: the instance's function tracing
 * @glob: the functions
 * @mod: a module-name glob, or NULL
 * @cmd: the command name
 * @param: its parameter (the count, or SYSTEM:EVENT[:count] of the event
 *	commands), or NULL; a count is ignored when removing
 * @remove: remove the command instead
 *
 * Return: 0; -EINVAL for an unknown command, a bad count or a glob that
 * matches no function; -ENOMEM.
 */
int ftrace_func_cmd(struct ftrace_inst *fi, const char *glob, const char *mod,
		    const char *cmd, const char *param, bool remove)
{
	struct trace_event_file *file = NULL;
	struct func_cmd_table *old, *t;
	unsigned long *ips, count = -1;
	unsigned int n, i, j, k = 0;
	int kind, ret;

	kind = match_string(cmd_names, ARRAY_SIZE(cmd_names), cmd);
	if (kind < 0)
		return -EINVAL;
	mutex_lock(&event_mutex);
	if (kind == CMD_ENABLE_EVENT || kind == CMD_DISABLE_EVENT) {
		ret = parse_event_param(fi, param, remove, &file, &count);
		if (ret)
			goto out_event;
	} else if (param && !remove && (kstrtoul(param, 0, &count) ||
					count > LONG_MAX)) {
		ret = -EINVAL;
		goto out_event;
	}
	mutex_lock(&ftrace_lock);
	ret = ftrace_match_glob(glob, mod, &ips, &n);
	if (ret)
		goto out;
	ret = -EINVAL;
	if (!n)
		goto out_free;
	old = rcu_dereference_protected(fi->cmds, lockdep_is_held(&ftrace_lock));
	ret = -ENOMEM;
	t = kmalloc(struct_size(t, cmds, (old ? old->n : 0) + n), GFP_KERNEL);
	if (!t)
		goto out_free;
	/* Keep the old entries, minus those being replaced or removed. */
	for (i = 0; old && i < old->n; i++) {
		for (j = 0; j < n; j++)
			if (old->cmds[i].ip == ips[j] && old->cmds[i].kind == kind &&
			    old->cmds[i].file == file)
				break;
		if (j < n)
			continue;
		t->cmds[k] = old->cmds[i];
		atomic_long_set(&t->cmds[k].count, atomic_long_read(&old->cmds[i].count));
		k++;
	}
	for (j = 0; !remove && j < n; j++) {
		t->cmds[k].ip = ips[j];
		t->cmds[k].kind = kind;
		t->cmds[k].file = file;
		atomic_long_set(&t->cmds[k].count, (long)count);
		k++;
	}
	/* Each entry of the new table holds its own ref (cmd_put_events()). */
	for (i = 0; i < k; i++) {
		if (!t->cmds[i].file)
			continue;
		ret = trace_event_soft_get(t->cmds[i].file);
		if (ret) {
			t->n = i;
			cmd_put_events(t);
			kfree(t);
			goto out_free;
		}
	}
	t->n = k;
	sort(t->cmds, k, sizeof(t->cmds[0]), cmp_cmd, NULL);
	if (!k) {
		kfree(t);
		t = NULL;
	}
	ret = cmd_install(fi, t);
	if (ret && rcu_access_pointer(fi->cmds) != t) {
		cmd_put_events(t);	/* not published */
		kfree(t);
	}
out_free:
	kvfree(ips);
out:
	mutex_unlock(&ftrace_lock);
out_event:
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * ftrace_func_cmd_show() - list the commands, as set_ftrace_filter shows them
 * @m: the output
 * @fi: the instance's function tracing
 */
void ftrace_func_cmd_show(struct seq_file *m, struct ftrace_inst *fi)
{
	struct func_cmd_table *t;
	unsigned int i;
	long count;

	mutex_lock(&ftrace_lock);
	t = rcu_dereference_protected(fi->cmds, lockdep_is_held(&ftrace_lock));
	for (i = 0; t && i < t->n; i++) {
		count = atomic_long_read(&t->cmds[i].count);
		seq_printf(m, "%ps:%s", (void *)t->cmds[i].ip,
			   cmd_names[t->cmds[i].kind]);
		if (t->cmds[i].file)
			seq_printf(m, ":%s:%s",
				   t->cmds[i].file->event_call->class->system,
				   trace_event_name(t->cmds[i].file->event_call));
		if (count < 0)
			seq_puts(m, ":unlimited\n");
		else
			seq_printf(m, ":count=%ld\n", count);
	}
	mutex_unlock(&ftrace_lock);
}
