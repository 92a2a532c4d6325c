// SPDX-License-Identifier: GPL-2.0
/*
 * Commands attached to functions through set_ftrace_filter:
 *
 *	GLOB:traceon[:N]	turn tracing_on on when the function is hit
 *	GLOB:traceoff[:N]	turn it off
 *	GLOB:stacktrace[:N]	record the kernel stack into the buffer
 *	GLOB:dump[:N]		dump the buffer to the console (ftrace_dump)
 *	GLOB:cpudump[:N]	dump this CPU's buffer only
 *
 * and whatever other parts register (struct ftrace_cmd, ftrace_cmd.h):
 * the events add enable_event and disable_event.  N limits how many times
 * the command runs; without it, it always runs.  "!GLOB:COMMAND[:PARAM]"
 * removes the command from the matching functions.
 *
 * The commands take effect at once and do not touch the filter: they are
 * run by their own ftrace_ops whose filter is the set of functions having
 * a command.  Each instance has its own table of (function, probe, count),
 * an array sorted by function, replaced as a whole and published with
 * RCU.  A probe is one parsed "COMMAND:PARAM": the command and its data,
 * shared by the entries that one write made and counted by them, so the
 * command's free() runs once the last table holding it is retired.
 * traceon, traceoff and stacktrace act on the instance, dump and cpudump
 * print the top one as ftrace_dump() does.
 *
 * Lock order: a command's parse() and free() take their own locks (the
 * events' event_mutex) and are called without ftrace_lock.
 */
#include <linux/refcount.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "ftrace_cmd.h"
#include "ftrace_internal.h"
#include "trace_priv.h"

/* Registered commands; [I] after registration, which is at boot. */
static LIST_HEAD(ftrace_cmds);
static unsigned int nr_ftrace_cmds;	/* [ftrace_cmds_lock] */
static DEFINE_MUTEX(ftrace_cmds_lock);	/* serialises registration */
/* The instances whose set_ftrace_filter has commands; [ftrace_lock]. */
static LIST_HEAD(cmd_insts);

/* One parsed COMMAND:PARAM, shared by the table entries it made. */
struct func_cmd_probe {
	const struct ftrace_cmd	*cmd;
	void			*data;
	refcount_t		ref;	/* table entries, and the writer */
};

struct func_cmd {
	unsigned long		ip;
	struct func_cmd_probe	*probe;
	atomic_long_t		count;	/* runs left, -1: unlimited */
};

struct func_cmd_table {
	unsigned int		n;
	struct func_cmd		cmds[];
};

/**
 * register_ftrace_command() - offer a command in set_ftrace_filter
 * @cmd: the command, static
 *
 * Return: 0, or -EBUSY when a command of that name exists.
 */
int register_ftrace_command(struct ftrace_cmd *cmd)
{
	struct ftrace_cmd *c;
	int ret = 0;

	mutex_lock(&ftrace_cmds_lock);
	list_for_each_entry(c, &ftrace_cmds, list) {
		if (!strcmp(c->name, cmd->name)) {
			ret = -EBUSY;
			goto out;
		}
	}
	cmd->order = nr_ftrace_cmds++;
	/* Readers walk the list without the lock: publish a whole entry. */
	list_add_tail_rcu(&cmd->list, &ftrace_cmds);
out:
	mutex_unlock(&ftrace_cmds_lock);
	return ret;
}

/**
 * register_ftrace_commands() - register_ftrace_command() for an array
 * @cmds: the commands, static
 * @n: how many
 *
 * Return: 0, or the error of the first command refused (those before it
 * stay registered).
 */
int register_ftrace_commands(struct ftrace_cmd *cmds, unsigned int n)
{
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++) {
		ret = register_ftrace_command(&cmds[i]);
		if (ret)
			return ret;
	}
	return 0;
}

static const struct ftrace_cmd *find_cmd(const char *name)
{
	struct ftrace_cmd *c;

	list_for_each_entry_rcu(c, &ftrace_cmds, list, true)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/**
 * ftrace_cmd_parse_count() - the ":N" of a command
 * @s: N, or NULL when there is none
 * @count: gets N; left as it is when @s is NULL
 *
 * Return: 0, or -EINVAL when @s is not a number up to LONG_MAX.
 */
int ftrace_cmd_parse_count(const char *s, long *count)
{
	unsigned long n;

	if (!s)
		return 0;
	if (kstrtoul(s, 0, &n) || n > LONG_MAX)
		return -EINVAL;
	*count = n;
	return 0;
}

/**
 * ftrace_cmd_take() - take one run of a command
 * @count: its runs left; negative for unlimited
 *
 * Return: false when the count is used up.
 */
bool ftrace_cmd_take(atomic_long_t *count)
{
	long n = atomic_long_read(count);

	do {
		if (n == 0)
			return false;
		if (n < 0)
			return true;
	} while (!atomic_long_try_cmpxchg(count, &n, n - 1));
	return true;
}

static void cmd_call(unsigned long ip, unsigned long parent_ip,
		     struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct ftrace_inst *fi = container_of(op, struct ftrace_inst, cmd_ops);
	struct func_cmd_table *t = rcu_dereference_raw(fi->cmds);
	struct func_cmd *c;
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
	for (c = &t->cmds[lo]; c < &t->cmds[t->n] && c->ip == ip; c++)
		c->probe->cmd->run(fi->tr, ip, c->probe->data, &c->count);
}

/**
 * ftrace_cmds_init() - set up the command ops of an instance
 * @fi: the instance's function tracing, zeroed
 */
void ftrace_cmds_init(struct ftrace_inst *fi)
{
	fi->cmd_ops.func = cmd_call;
	fi->cmd_ops.flags = FTRACE_OPS_FL_RECURSION;
	INIT_LIST_HEAD(&fi->cmd_link);
}

/* By function, then command, then data: the order set_ftrace_filter lists. */
static int cmp_cmd(const void *a, const void *b)
{
	const struct func_cmd_probe *p = ((const struct func_cmd *)a)->probe;
	const struct func_cmd_probe *q = ((const struct func_cmd *)b)->probe;
	unsigned long x = ((const struct func_cmd *)a)->ip;
	unsigned long y = ((const struct func_cmd *)b)->ip;

	if (x != y)
		return x < y ? -1 : 1;
	if (p->cmd->order != q->cmd->order)
		return p->cmd->order < q->cmd->order ? -1 : 1;
	if (p->data != q->data)
		return p->data < q->data ? -1 : 1;
	return 0;
}

static void probe_put(struct func_cmd_probe *p)
{
	if (!refcount_dec_and_test(&p->ref))
		return;
	if (p->cmd->free)
		p->cmd->free(p->data);
	kfree(p);
}

/* Drop a retired table's holds on its probes; no lock held. */
static void table_free(struct func_cmd_table *t)
{
	unsigned int i;

	for (i = 0; t && i < t->n; i++)
		probe_put(t->cmds[i].probe);
	kfree(t);
}

/*
 * Install @t (sorted, may be NULL) as the command table of @fi, and
 * register or unregister its ops to match.  On success *@old gets the
 * table it replaced, no longer used by any callback, for table_free()
 * once ftrace_lock is dropped.
 */
static int cmd_install(struct ftrace_inst *fi, struct func_cmd_table *t,
		       struct func_cmd_table **old)
{
	struct ftrace_ops *ops = &fi->cmd_ops;
	struct ftrace_hash *h = NULL;
	unsigned long *ips = NULL;
	unsigned int i;
	int ret = 0;

	lockdep_assert_held(&ftrace_lock);
	*old = NULL;
	/* No table for one that never had any: nothing to wait for. */
	if (!t && !rcu_access_pointer(fi->cmds) &&
	    !(ops->flags & FTRACE_OPS_FL_ENABLED) &&
	    !rcu_access_pointer(ops->filter_hash))
		return 0;
	if (t) {
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
	*old = rcu_replace_pointer(fi->cmds, t, lockdep_is_held(&ftrace_lock));
	if (t && list_empty(&fi->cmd_link))
		list_add(&fi->cmd_link, &cmd_insts);
	else if (!t)
		list_del_init(&fi->cmd_link);
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
	return ret;
}

/**
 * ftrace_cmds_clear() - remove all commands of an instance
 * @fi: the instance's function tracing
 */
void ftrace_cmds_clear(struct ftrace_inst *fi)
{
	struct func_cmd_table *old = NULL;

	mutex_lock(&ftrace_lock);
	cmd_install(fi, NULL, &old);
	mutex_unlock(&ftrace_lock);
	table_free(old);
}

/* Entry @c, with its count, as entry @k of @t; the copy holds the probe. */
static void cmd_copy(struct func_cmd_table *t, unsigned int k,
		     const struct func_cmd *c)
{
	t->cmds[k] = *c;
	atomic_long_set(&t->cmds[k].count, atomic_long_read(&c->count));
	refcount_inc(&c->probe->ref);
}

#ifdef CONFIG_MODULES
/*
 * The table of @fi without the entries on @mod's functions, or @fi's own
 * table when it has none; NULL when none remain.  ftrace_lock held.
 */
static struct func_cmd_table *cmd_table_without(struct ftrace_inst *fi,
						struct module *mod)
{
	struct func_cmd_table *old, *t;
	unsigned int i, k = 0;

	old = rcu_dereference_protected(fi->cmds, lockdep_is_held(&ftrace_lock));
	for (i = 0; i < old->n; i++)
		if (within_module(old->cmds[i].ip, mod))
			break;
	if (i == old->n)
		return old;
	t = kmalloc(struct_size(t, cmds, old->n), GFP_KERNEL);
	if (!t)
		return old;	/* left as it is: listed by address */
	for (i = 0; i < old->n; i++) {
		if (!within_module(old->cmds[i].ip, mod))
			cmd_copy(t, k++, &old->cmds[i]);
	}
	t->n = k;
	if (!k) {
		kfree(t);
		t = NULL;
	}
	return t;
}

/**
 * ftrace_cmds_release_mod() - a module goes: drop the commands on its code
 * @mod: the module
 *
 * Otherwise they would stay listed by address, and run on whatever the
 * next module loaded there puts at those addresses.
 */
void ftrace_cmds_release_mod(struct module *mod)
{
	struct func_cmd_table *t, *old;
	struct ftrace_inst *fi;
	bool again = true;

	while (again) {
		again = false;
		old = NULL;
		mutex_lock(&ftrace_lock);
		list_for_each_entry(fi, &cmd_insts, cmd_link) {
			t = cmd_table_without(fi, mod);
			if (t == rcu_access_pointer(fi->cmds))
				continue;
			/* installing edits the list: start over after it */
			again = !cmd_install(fi, t, &old);
			if (!again && rcu_access_pointer(fi->cmds) != t)
				old = t;	/* not published: drop it */
			break;
		}
		mutex_unlock(&ftrace_lock);
		table_free(old);
	}
}
#endif

/* Entry @c is the one that (@cmd, @data) names on one of @ips. */
static bool cmd_matches(const struct func_cmd *c, const struct ftrace_cmd *cmd,
			void *data, const unsigned long *ips, unsigned int n)
{
	unsigned int j;

	if (c->probe->cmd != cmd || c->probe->data != data)
		return false;
	for (j = 0; j < n; j++)
		if (c->ip == ips[j])
			return true;
	return false;
}

/*
 * The new table of @fi: the old entries but those on @ips that (@cmd,
 * @data) names, then @probe on each of @ips (none when removing).
 * Every entry holds its probe.  Called with ftrace_lock held.
 */
static struct func_cmd_table *cmd_table_build(struct ftrace_inst *fi,
					      const struct ftrace_cmd *cmd,
					      void *data,
					      struct func_cmd_probe *probe,
					      long count, unsigned long *ips,
					      unsigned int n)
{
	struct func_cmd_table *old, *t;
	unsigned int i, k = 0;

	old = rcu_dereference_protected(fi->cmds, lockdep_is_held(&ftrace_lock));
	t = kmalloc(struct_size(t, cmds, (old ? old->n : 0) + (probe ? n : 0)),
		    GFP_KERNEL);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (i = 0; old && i < old->n; i++) {
		if (!cmd_matches(&old->cmds[i], cmd, data, ips, n))
			cmd_copy(t, k++, &old->cmds[i]);
	}
	for (i = 0; probe && i < n; i++, k++) {
		t->cmds[k].ip = ips[i];
		t->cmds[k].probe = probe;
		atomic_long_set(&t->cmds[k].count, count);
		refcount_inc(&probe->ref);
	}
	t->n = k;
	sort(t->cmds, k, sizeof(t->cmds[0]), cmp_cmd, NULL);
	return t;
}

/**
 * ftrace_func_cmd() - add or remove a command on the functions of a glob
 * @fi: the instance's function tracing
 * @glob: the functions
 * @mod: a module-name glob, or NULL
 * @name: the command's name
 * @param: its parameter, or NULL
 * @remove: remove the command instead
 *
 * Return: 0; -EINVAL for an unknown command, a parameter the command
 * refuses or a glob that matches no function; -ENOMEM.
 */
int ftrace_func_cmd(struct ftrace_inst *fi, const char *glob, const char *mod,
		    const char *name, char *param, bool remove)
{
	struct func_cmd_table *t, *old = NULL;
	struct func_cmd_probe *probe = NULL;
	const struct ftrace_cmd *cmd;
	unsigned long *ips;
	void *data = NULL;
	long count = -1;
	unsigned int n;
	int ret;

	cmd = find_cmd(name);
	if (!cmd)
		return -EINVAL;
	ret = cmd->parse(fi->tr, param, remove, &data, &count);
	if (ret)
		return ret;
	if (!remove) {
		probe = kmalloc(sizeof(*probe), GFP_KERNEL);
		if (!probe) {
			if (cmd->free)
				cmd->free(data);
			return -ENOMEM;
		}
		*probe = (struct func_cmd_probe){ .cmd = cmd, .data = data };
		refcount_set(&probe->ref, 1);	/* the writer's */
	}
	mutex_lock(&ftrace_lock);
	ret = ftrace_match_glob(glob, mod, &ips, &n);
	if (ret)
		goto out;
	ret = -EINVAL;
	if (!n)
		goto out_free;
	t = cmd_table_build(fi, cmd, data, probe, count, ips, n);
	ret = PTR_ERR_OR_ZERO(t);
	if (ret)
		goto out_free;
	if (!t->n) {
		kfree(t);
		t = NULL;
	}
	ret = cmd_install(fi, t, &old);
	if (ret && rcu_access_pointer(fi->cmds) != t)
		old = t;	/* not published: drop it instead */
out_free:
	kvfree(ips);
out:
	mutex_unlock(&ftrace_lock);
	table_free(old);
	if (probe)
		probe_put(probe);
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
	struct func_cmd *c;
	unsigned int i;
	long count;

	mutex_lock(&ftrace_lock);
	t = rcu_dereference_protected(fi->cmds, lockdep_is_held(&ftrace_lock));
	for (i = 0; t && i < t->n; i++) {
		c = &t->cmds[i];
		count = atomic_long_read(&c->count);
		seq_printf(m, "%ps:%s", (void *)c->ip, c->probe->cmd->name);
		if (c->probe->cmd->print)
			c->probe->cmd->print(m, c->probe->data);
		if (count < 0)
			seq_puts(m, ":unlimited\n");
		else
			seq_printf(m, ":count=%ld\n", count);
	}
	mutex_unlock(&ftrace_lock);
}

/* ---- the function tracer's own commands ---------------------------------- */

/* traceon, traceoff, stacktrace, dump and cpudump take only a count. */
static int count_parse(struct trace_array *tr, char *param, bool remove,
		       void **data, long *count)
{
	return remove ? 0 : ftrace_cmd_parse_count(param, count);
}

static void traceon_run(struct trace_array *tr, unsigned long ip,
			void *data, atomic_long_t *count)
{
	if (!tracer_tracing_is_on(tr) && ftrace_cmd_take(count))
		tracer_tracing_on(tr);
}

static void traceoff_run(struct trace_array *tr, unsigned long ip,
			 void *data, atomic_long_t *count)
{
	if (tracer_tracing_is_on(tr) && ftrace_cmd_take(count))
		tracer_tracing_off(tr);
}

static void stacktrace_run(struct trace_array *tr, unsigned long ip,
			   void *data, atomic_long_t *count)
{
	/* From the traced function: the trampoline's call returns there. */
	if (ftrace_cmd_take(count))
		trace_record_stack(tr, tracing_gen_ctx_dec(),
				   ip + MCOUNT_INSN_SIZE, 0);
}

static void dump_run(struct trace_array *tr, unsigned long ip,
		     void *data, atomic_long_t *count)
{
	if (ftrace_cmd_take(count))
		ftrace_dump(DUMP_ALL);
}

static void cpudump_run(struct trace_array *tr, unsigned long ip,
			void *data, atomic_long_t *count)
{
	if (ftrace_cmd_take(count))
		ftrace_dump(DUMP_ORIG);
}

static struct ftrace_cmd func_cmds[] = {
	{ .name = "traceon",	.parse = count_parse, .run = traceon_run },
	{ .name = "traceoff",	.parse = count_parse, .run = traceoff_run },
	{ .name = "stacktrace",	.parse = count_parse, .run = stacktrace_run },
	{ .name = "dump",	.parse = count_parse, .run = dump_run },
	{ .name = "cpudump",	.parse = count_parse, .run = cpudump_run },
};

static int __init ftrace_cmds_register(void)
{
	return register_ftrace_commands(func_cmds, ARRAY_SIZE(func_cmds));
}
core_initcall(ftrace_cmds_register);
