// SPDX-License-Identifier: GPL-2.0
/*
 * ftrace_ops: registration, the sets of functions each ops wants, and the
 * pass that patches the call sites to match.
 *
 * Every change (register, unregister, new filter, kernel.ftrace_enabled)
 * ends in ftrace_update_sites(): it counts, for every site, the registered
 * ops that want it, and patches the sites whose wanted state differs from
 * their current one, in text_poke batches.  Recounting everything keeps
 * the state obviously right; it costs a pass over the sites per change.
 *
 * What the trampoline calls depends on the registered ops:
 *
 *	none		ftrace_stub
 *	one		its callback, directly (through ftrace_ops_assist_func
 *			when it asks for recursion protection or RCU)
 *	several		arch_ftrace_ops_list_func, which calls each ops that
 *			wants the function
 *
 * The trampoline reads ftrace_callback_ops before it calls, so the pair
 * (callback, ops) must never be seen half changed: every change goes
 * through the list function, which ignores the ops argument, and waits for
 * a grace period before the new single ops is installed.
 */
#include <linux/kprobes.h>
#include <linux/memory.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/sysctl.h>

#include "ftrace_internal.h"

/* Registered ops, newest first; the list function walks it under RCU. */
static struct ftrace_ops __rcu *ftrace_ops_list;	/* [M] */
static unsigned int ftrace_nr_ops;			/* [M] */
static void *ftrace_cur_callback = ftrace_stub;	/* [M] */

/* kernel.ftrace_enabled: 0 stops every callback and unpatches the sites. */
int ftrace_enabled __read_mostly = 1;			/* [M] */
static int ftrace_enabled_saved = 1;			/* [M] */

/* ---- Hashes --------------------------------------------------------------- */

/**
 * ftrace_hash_has() - is an address in a set?
 * @h: the set, may be NULL
 * @ip: the address
 *
 * Return: true if @ip is in @h.
 */
bool ftrace_hash_has(const struct ftrace_hash *h, unsigned long ip)
{
	unsigned int lo = 0, hi, mid;

	if (!h)
		return false;
	hi = h->count;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->ips[mid] == ip)
			return true;
		if (h->ips[mid] < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static int cmp_ip(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/**
 * ftrace_hash_build() - make a set from addresses
 * @ips: the addresses, in any order (sorted in place)
 * @n: how many
 *
 * Return: the new set (free with kvfree()), NULL for an empty one or
 * ERR_PTR(-ENOMEM).
 */
struct ftrace_hash *ftrace_hash_build(unsigned long *ips, unsigned int n)
{
	struct ftrace_hash *h;
	unsigned int i;

	if (!n)
		return NULL;
	sort(ips, n, sizeof(*ips), cmp_ip, NULL);
	h = kvmalloc(struct_size(h, ips, n), GFP_KERNEL);
	if (!h)
		return ERR_PTR(-ENOMEM);
	h->count = 0;
	for (i = 0; i < n; i++)
		if (!h->count || h->ips[h->count - 1] != ips[i])
			h->ips[h->count++] = ips[i];
	return h;
}

/**
 * ftrace_ops_wants() - does an ops want a function?
 * @ops: the ops
 * @ip: the function's call site
 *
 * Called from the list function (RCU, sched) and under ftrace_lock.
 *
 * Return: true when @ip passes @ops's filter and is not in its notrace set.
 */
bool ftrace_ops_wants(struct ftrace_ops *ops, unsigned long ip)
{
	struct ftrace_ops *sets = ops->sets_of ?: ops;
	struct ftrace_hash *f = rcu_dereference_raw(sets->filter_hash);
	struct ftrace_hash *nt = rcu_dereference_raw(sets->notrace_hash);

	if (f && f->count && !ftrace_hash_has(f, ip))
		return false;
	return !ftrace_hash_has(nt, ip);
}

/* ---- What the trampoline calls -------------------------------------------- */

/**
 * arch_ftrace_ops_list_func() - call every registered ops that wants @ip
 * @ip: the traced function
 * @parent_ip: its caller
 * @unused: ignored (see the file comment)
 * @fregs: the saved registers
 */
void arch_ftrace_ops_list_func(unsigned long ip, unsigned long parent_ip,
			       struct ftrace_ops *unused,
			       struct ftrace_regs *fregs)
{
	struct ftrace_ops *op;
	int bit;

	/* Its own recursion bit: callbacks may take the ftrace one. */
	bit = trace_test_and_set_recursion(ip, parent_ip, TRACE_LIST_START);
	if (bit < 0)
		return;
	for (op = rcu_dereference_raw(ftrace_ops_list); op;
	     op = rcu_dereference_raw(op->next)) {
		if (unlikely(READ_ONCE(ftrace_disabled)))
			break;
		if ((op->flags & FTRACE_OPS_FL_RCU) && !rcu_is_watching())
			continue;
		/*
		 * An ops that wants pt_regs is called only from the regs
		 * trampoline: a site it was just given may still call the
		 * other one until ftrace_update_sites() is done.
		 */
		if ((op->flags & FTRACE_OPS_FL_SAVE_REGS) && !ftrace_get_regs(fregs))
			continue;
		if (ftrace_ops_wants(op, ip))
			op->func(ip, parent_ip, op, fregs);
	}
	trace_clear_recursion(bit);
}

/* The single ops, for a callback that wants recursion protection or RCU. */
static void ftrace_ops_assist_func(unsigned long ip, unsigned long parent_ip,
				   struct ftrace_ops *op,
				   struct ftrace_regs *fregs)
{
	int bit;

	if ((op->flags & FTRACE_OPS_FL_RCU) && !rcu_is_watching())
		return;
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;
	if (likely(!READ_ONCE(ftrace_disabled)))
		op->func(ip, parent_ip, op, fregs);
	ftrace_test_recursion_unlock(bit);
}

/**
 * ftrace_sync() - wait until no callback runs with what it read before
 *
 * No CPU can then be between reading the ops and calling, or inside a
 * callback or the list function, even where RCU does not watch.
 * Expedited: tracer switches must not take a grace period's worth of
 * ticks each.
 */
void ftrace_sync(void)
{
	synchronize_rcu_expedited();
	/*
	 * Callbacks also run where RCU does not watch (idle): only a context
	 * switch on every CPU proves they are done.
	 */
	synchronize_rcu_tasks_rude();
	if (IS_ENABLED(CONFIG_TASKS_RCU))
		synchronize_rcu_tasks();
}

static int set_callback(void *func)
{
	int ret = 0;

	if (func == ftrace_cur_callback)
		return 0;
	mutex_lock(&text_mutex);
	ret = ftrace_arch_set_callback(func);
	mutex_unlock(&text_mutex);
	if (!ret)
		ftrace_cur_callback = func;
	return ret;
}

/*
 * Stop calling a single ops' callback directly: its ops pointer is about
 * to change.  ftrace_stub and the list function ignore the pointer.
 */
static int leave_single(void)
{
	if (ftrace_cur_callback == ftrace_stub ||
	    ftrace_cur_callback == arch_ftrace_ops_list_func)
		return 0;
	return set_callback(arch_ftrace_ops_list_func);
}

/* Install what the trampoline calls for the registered ops. */
static int update_callback(void)
{
	struct ftrace_ops *op = rcu_dereference_protected(ftrace_ops_list,
						lockdep_is_held(&ftrace_lock));
	void *func;
	int ret;

	if (ftrace_disabled || !ftrace_enabled || !op)
		return set_callback(ftrace_stub);
	if (ftrace_nr_ops > 1)
		return set_callback(arch_ftrace_ops_list_func);
	func = op->flags & (FTRACE_OPS_FL_RECURSION | FTRACE_OPS_FL_RCU) ?
	       (void *)ftrace_ops_assist_func : (void *)op->func;
	if (func == ftrace_cur_callback && READ_ONCE(ftrace_callback_ops) == op)
		return 0;
	ret = leave_single();
	if (ret)
		return ret;
	WRITE_ONCE(ftrace_callback_ops, op);
	ftrace_sync();
	return set_callback(func);
}

/* ---- Patching the sites --------------------------------------------------- */

/* What a site with the SITE_* bits @flags calls: 0 for nothing (the NOP). */
static unsigned long site_target(u32 flags)
{
	if (!(flags & SITE_ENABLED))
		return 0;
	return flags & SITE_REGS ? FTRACE_REGS_ADDR : FTRACE_ADDR;
}

/**
 * ftrace_update_sites() - patch every site to match the registered ops
 *
 * Called with ftrace_lock held.
 *
 * Return: 0, or the error of the patch that failed (ftrace is then
 * disabled).
 */
int ftrace_update_sites(void)
{
	bool on = ftrace_enabled && !ftrace_disabled;
	struct ftrace_group *g;
	struct ftrace_site *s;
	struct ftrace_ops *op;
	unsigned long old, new;
	u32 ref, fl;
	int ret = 0;

	lockdep_assert_held(&ftrace_lock);
	if (ftrace_disabled)
		return -ENODEV;
	mutex_lock(&text_mutex);
	list_for_each_entry(g, &ftrace_groups, list) {
		if (!g->live)
			continue;
		for (s = g->sites; s < g->sites + g->nr; s++) {
			unsigned long ip = site_ip(g, s);

			ref = 0;
			fl = s->flags & (SITE_TOUCHED | SITE_DEAD);
			for (op = rcu_dereference_protected(ftrace_ops_list, 1);
			     on && !(fl & SITE_DEAD) && op;
			     op = rcu_dereference_protected(op->next, 1)) {
				if (!ftrace_ops_wants(op, ip))
					continue;
				ref++;
				if (op->flags & FTRACE_OPS_FL_SAVE_REGS)
					fl |= SITE_REGS;
				if (op->flags & FTRACE_OPS_FL_IPMODIFY)
					fl |= SITE_IPMODIFY;
			}
			if (ref)
				fl |= SITE_ENABLED | SITE_TOUCHED;
			old = site_target(s->flags);
			new = site_target(fl);
			if (old != new) {
				ret = ftrace_arch_site_queue(ip, old, new);
				if (ret) {
					ftrace_arch_site_flush();
					mutex_unlock(&text_mutex);
					ftrace_bug(ip, ret);
					return ret;
				}
			}
			s->flags = fl | ref;
		}
	}
	ftrace_arch_site_flush();
	mutex_unlock(&text_mutex);
	return 0;
}

/*
 * Would @ops, with the sets @filter and @skip, share a function with
 * another registered IPMODIFY ops?  Only one callback may move the
 * return address of a function.
 */
static bool ipmodify_conflict(struct ftrace_ops *ops, struct ftrace_hash *filter,
			      struct ftrace_hash *skip)
{
	struct ftrace_group *g;
	struct ftrace_site *s;
	unsigned long ip;

	if (!(ops->flags & FTRACE_OPS_FL_IPMODIFY))
		return false;
	list_for_each_entry(g, &ftrace_groups, list) {
		for (s = g->sites; s < g->sites + g->nr; s++) {
			if (!(s->flags & SITE_IPMODIFY))
				continue;
			ip = site_ip(g, s);
			if (filter && filter->count && !ftrace_hash_has(filter, ip))
				continue;
			if (ftrace_hash_has(skip, ip))
				continue;
			/* Already ours: the other IPMODIFY ops is this one. */
			if ((ops->flags & FTRACE_OPS_FL_ENABLED) && ftrace_ops_wants(ops, ip))
				continue;
			return true;
		}
	}
	return false;
}

/* ---- Registration ------------------------------------------------------------ */

/**
 * ftrace_register_locked() - register_ftrace_function() under ftrace_lock
 * @ops: the ops
 *
 * Return: as register_ftrace_function().
 */
int ftrace_register_locked(struct ftrace_ops *ops)
{
	struct ftrace_ops *sets;
	int ret;

	lockdep_assert_held(&ftrace_lock);
	/* Moving the return address needs the regs: always saved here. */
	if (ops->flags & (FTRACE_OPS_FL_SAVE_REGS_IF_SUPPORTED |
			  FTRACE_OPS_FL_IPMODIFY))
		ops->flags |= FTRACE_OPS_FL_SAVE_REGS;
	if (ftrace_disabled)
		return -ENODEV;
	if (ops->flags & FTRACE_OPS_FL_ENABLED)
		return -EBUSY;
	sets = ops->sets_of ?: ops;
	if (ipmodify_conflict(ops, rcu_dereference_protected(sets->filter_hash, 1),
			      rcu_dereference_protected(sets->notrace_hash, 1)))
		return -EBUSY;
	ops->trampoline = 0;
	ret = leave_single();
	if (ret)
		return ret;
	ops->flags |= FTRACE_OPS_FL_ENABLED | FTRACE_OPS_FL_INITIALIZED;
	rcu_assign_pointer(ops->next, rcu_dereference_protected(ftrace_ops_list, 1));
	rcu_assign_pointer(ftrace_ops_list, ops);
	ftrace_nr_ops++;
	ret = ftrace_update_sites();
	if (!ret)
		ret = update_callback();
	if (ret)
		ftrace_unregister_locked(ops);	/* the caller may free @ops */
	return ret;
}

/**
 * register_ftrace_function() - start calling an ops' callback
 * @ops: the ops; its callback runs on entry of every function it wants
 *
 * Return: 0; -EBUSY if @ops is registered already or an IPMODIFY ops
 * already has one of its functions; -ENODEV when function tracing is
 * disabled.
 */
int register_ftrace_function(struct ftrace_ops *ops)
{
	int ret;

	mutex_lock(&ftrace_lock);
	ret = ftrace_register_locked(ops);
	mutex_unlock(&ftrace_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(register_ftrace_function);

/**
 * ftrace_unregister_locked() - unregister_ftrace_function() under ftrace_lock
 * @ops: the ops
 *
 * Return: as unregister_ftrace_function().
 */
int ftrace_unregister_locked(struct ftrace_ops *ops)
{
	struct ftrace_ops __rcu **p;
	struct ftrace_ops *op;

	lockdep_assert_held(&ftrace_lock);
	if (!(ops->flags & FTRACE_OPS_FL_ENABLED))
		return -EINVAL;
	leave_single();
	for (p = &ftrace_ops_list; (op = rcu_dereference_protected(*p, 1));
	     p = &op->next) {
		if (op == ops) {
			rcu_assign_pointer(*p, rcu_dereference_protected(ops->next, 1));
			break;
		}
	}
	ops->flags &= ~FTRACE_OPS_FL_ENABLED;
	ftrace_nr_ops--;
	ftrace_update_sites();
	if (READ_ONCE(ftrace_callback_ops) == ops)
		WRITE_ONCE(ftrace_callback_ops, NULL);
	/* Callers that saw @ops in the list or as the single ops are gone. */
	ftrace_sync();
	update_callback();
	return 0;
}

/**
 * unregister_ftrace_function() - stop calling an ops' callback
 * @ops: a registered ops
 *
 * On return no CPU runs the callback any more.
 *
 * Return: 0, or -EINVAL if @ops is not registered.
 */
int unregister_ftrace_function(struct ftrace_ops *ops)
{
	int ret;

	mutex_lock(&ftrace_lock);
	ret = ftrace_unregister_locked(ops);
	mutex_unlock(&ftrace_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(unregister_ftrace_function);

/*
 * Are @ops's sets read by callbacks: is it registered, a registered ops
 * uses them (@sets_of), or it is a STUB ops that only holds sets for
 * callbacks to read?
 */
static bool sets_live(struct ftrace_ops *ops)
{
	struct ftrace_ops *op;

	if (ops->flags & (FTRACE_OPS_FL_ENABLED | FTRACE_OPS_FL_STUB))
		return true;
	for (op = rcu_dereference_protected(ftrace_ops_list, 1); op;
	     op = rcu_dereference_protected(op->next, 1))
		if (op->sets_of == ops)
			return true;
	return false;
}

/**
 * ftrace_ops_replace_hash() - give an ops a new filter or notrace set
 * @ops: the ops, registered or not
 * @exclude: replace the notrace set, else the filter
 * @hash: the new set (may be NULL: empty); owned by @ops on success
 *
 * Called with ftrace_lock held.
 *
 * Return: 0, or -EBUSY on an IPMODIFY conflict.
 */
int ftrace_ops_replace_hash(struct ftrace_ops *ops, bool exclude,
			    struct ftrace_hash *hash)
{
	struct ftrace_hash __rcu **slot = exclude ? &ops->notrace_hash : &ops->filter_hash;
	struct ftrace_hash *old = rcu_dereference_protected(*slot, 1);
	struct ftrace_hash *cur_filter = rcu_dereference_protected(ops->filter_hash, 1);
	struct ftrace_hash *cur_skip = rcu_dereference_protected(ops->notrace_hash, 1);
	bool live = sets_live(ops);

	lockdep_assert_held(&ftrace_lock);
	if (live && ipmodify_conflict(ops, exclude ? cur_filter : hash,
				      exclude ? hash : cur_skip))
		return -EBUSY;
	rcu_assign_pointer(*slot, hash);
	if (live) {
		ftrace_update_sites();
		/* The list function may still be looking at @old. */
		ftrace_sync();
	}
	kvfree(old);
	return 0;
}

/* Add or remove addresses of an ops' filter. */
static int filter_ips(struct ftrace_ops *ops, unsigned long *ips,
		      unsigned int cnt, bool remove, bool reset)
{
	struct ftrace_hash *old, *h;
	unsigned long *all, *want;
	unsigned int i, n = 0;
	int ret;

	want = kvmalloc_array(cnt, sizeof(*want), GFP_KERNEL);
	if (!want)
		return -ENOMEM;
	/*
	 * A function's own address stands for its call site, as upstream's:
	 * with IBT the site is after the ENDBR64.
	 */
	for (i = 0; i < cnt; i++) {
		want[i] = ftrace_location(ips[i]);
		if (!want[i]) {
			kvfree(want);
			return -EINVAL;
		}
	}
	ips = want;
	mutex_lock(&ftrace_lock);
	old = reset ? NULL : rcu_dereference_protected(ops->filter_hash, 1);
	all = kvmalloc_array((old ? old->count : 0) + cnt, sizeof(*all), GFP_KERNEL);
	ret = -ENOMEM;
	if (!all)
		goto out;
	for (i = 0; old && i < old->count; i++)
		all[n++] = old->ips[i];
	if (remove) {
		unsigned int j, k = 0;

		for (i = 0; i < cnt; i++)
			if (!old || !ftrace_hash_has(old, ips[i])) {
				ret = -ENOENT;
				goto out_free;
			}
		for (j = 0; j < n; j++) {
			for (i = 0; i < cnt && all[j] != ips[i]; i++)
				;
			if (i == cnt)
				all[k++] = all[j];
		}
		n = k;
	} else {
		for (i = 0; i < cnt; i++)
			all[n++] = ips[i];
	}
	h = ftrace_hash_build(all, n);
	ret = PTR_ERR_OR_ZERO(h);
	if (!ret) {
		ret = ftrace_ops_replace_hash(ops, false, h);
		if (ret)
			kvfree(h);
	}
out_free:
	kvfree(all);
out:
	mutex_unlock(&ftrace_lock);
	kvfree(want);
	return ret;
}

/**
 * ftrace_set_filter_ips() - add or remove functions of an ops' filter
 * @ops: the ops
 * @ips: call sites, or the addresses of the functions holding them
 *	(see ftrace_location())
 * @cnt: how many
 * @remove: remove them instead of adding
 * @reset: start from an empty filter
 *
 * Return: 0; -EINVAL if an address is no call site nor the start of a
 * function with one; -ENOENT when
 * removing an address that is not in the filter; -ENOMEM.
 */
int ftrace_set_filter_ips(struct ftrace_ops *ops, unsigned long *ips,
			  unsigned int cnt, int remove, int reset)
{
	return filter_ips(ops, ips, cnt, remove, reset);
}
EXPORT_SYMBOL_GPL(ftrace_set_filter_ips);

/**
 * ftrace_set_filter_ip() - add or remove one function of an ops' filter
 * @ops: the ops
 * @ip: a call site
 * @remove: remove it instead of adding
 * @reset: start from an empty filter
 *
 * Return: as ftrace_set_filter_ips().
 */
int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip,
			 int remove, int reset)
{
	return filter_ips(ops, &ip, 1, remove, reset);
}
EXPORT_SYMBOL_GPL(ftrace_set_filter_ip);

static int set_glob(struct ftrace_ops *ops, bool exclude, unsigned char *buf,
		    int len, int reset)
{
	struct ftrace_hash *old, *h;
	unsigned long *ips = NULL;
	unsigned int n = 0, i;
	char *glob;
	int ret;

	glob = kstrndup(buf ? (char *)buf : "", len > 0 ? len : 0, GFP_KERNEL);
	if (!glob)
		return -ENOMEM;
	mutex_lock(&ftrace_lock);
	old = reset ? NULL : rcu_dereference_protected(exclude ? ops->notrace_hash :
						       ops->filter_hash, 1);
	ret = 0;
	if (*strim(glob))
		ret = ftrace_match_glob(strim(glob), NULL, &ips, &n);
	if (ret)
		goto out;
	if (*strim(glob) && !n) {
		ret = -EINVAL;
		goto out;
	}
	if (old) {
		unsigned long *more = kvrealloc(ips, (n + old->count) * sizeof(*ips),
						GFP_KERNEL);

		ret = -ENOMEM;
		if (!more)
			goto out;
		ips = more;
		for (i = 0; i < old->count; i++)
			ips[n++] = old->ips[i];
	}
	h = ftrace_hash_build(ips, n);
	ret = PTR_ERR_OR_ZERO(h);
	if (!ret) {
		ret = ftrace_ops_replace_hash(ops, exclude, h);
		if (ret)
			kvfree(h);
	}
out:
	mutex_unlock(&ftrace_lock);
	kvfree(ips);
	kfree(glob);
	return ret;
}

/**
 * ftrace_set_filter() - add the functions matching a glob to an ops' filter
 * @ops: the ops
 * @buf: the glob (*, ?, [...]), not necessarily NUL-terminated
 * @len: its length
 * @reset: start from an empty filter
 *
 * Return: 0; -EINVAL if nothing matches; -ENOMEM.
 */
int ftrace_set_filter(struct ftrace_ops *ops, unsigned char *buf, int len,
		      int reset)
{
	return set_glob(ops, false, buf, len, reset);
}
EXPORT_SYMBOL_GPL(ftrace_set_filter);

/**
 * ftrace_set_notrace() - add the functions matching a glob to an ops' notrace set
 * @ops: the ops
 * @buf: the glob
 * @len: its length
 * @reset: start from an empty set
 *
 * Return: as ftrace_set_filter().
 */
int ftrace_set_notrace(struct ftrace_ops *ops, unsigned char *buf, int len,
		       int reset)
{
	return set_glob(ops, true, buf, len, reset);
}
EXPORT_SYMBOL_GPL(ftrace_set_notrace);

/**
 * ftrace_free_filter() - drop the sets of an unregistered ops
 * @ops: the ops
 */
void ftrace_free_filter(struct ftrace_ops *ops)
{
	mutex_lock(&ftrace_lock);
	if (!WARN_ON_ONCE(ops->flags & FTRACE_OPS_FL_ENABLED)) {
		kvfree(rcu_dereference_protected(ops->filter_hash, 1));
		kvfree(rcu_dereference_protected(ops->notrace_hash, 1));
		RCU_INIT_POINTER(ops->filter_hash, NULL);
		RCU_INIT_POINTER(ops->notrace_hash, NULL);
	}
	mutex_unlock(&ftrace_lock);
}
EXPORT_SYMBOL_GPL(ftrace_free_filter);

/* ---- Global switches ------------------------------------------------------ */

/**
 * ftrace_kill() - stop function tracing for good, from any context
 *
 * Callbacks stop being called at once; sites are left as they are.
 */
void ftrace_kill(void)
{
	WRITE_ONCE(ftrace_disabled, true);
	ftrace_enabled = 0;
	kprobe_ftrace_kill();
}

/**
 * __ftrace_enabled_save() - read kernel.ftrace_enabled
 *
 * Return: its value.
 */
int __ftrace_enabled_save(void)
{
	return ftrace_enabled;
}

/**
 * __ftrace_enabled_restore() - kept for the API; the value is not changed
 * @enabled: what __ftrace_enabled_save() returned
 */
void __ftrace_enabled_restore(int enabled)
{
}

static int ftrace_enabled_sysctl(const struct ctl_table *table, int write,
				 void *buffer, size_t *lenp, loff_t *ppos)
{
	struct ftrace_ops *op;
	int ret;

	mutex_lock(&ftrace_lock);
	ret = -ENODEV;
	if (ftrace_disabled)
		goto out;
	ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	if (ret || !write || ftrace_enabled == ftrace_enabled_saved)
		goto out;
	if (!ftrace_enabled) {
		for (op = rcu_dereference_protected(ftrace_ops_list, 1); op;
		     op = rcu_dereference_protected(op->next, 1)) {
			if (op->flags & FTRACE_OPS_FL_PERMANENT) {
				ftrace_enabled = 1;
				ret = -EBUSY;
				goto out;
			}
		}
	}
	ftrace_enabled_saved = ftrace_enabled;
	update_callback();
	ftrace_update_sites();
	update_callback();
out:
	mutex_unlock(&ftrace_lock);
	return ret;
}

static struct ctl_table ftrace_sysctls[] = {
	{
		.procname	= "ftrace_enabled",
		.data		= &ftrace_enabled,
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= ftrace_enabled_sysctl,
		.extra1		= SYSCTL_ZERO,
		.extra2		= SYSCTL_ONE,
	},
};

static int __init ftrace_sysctl_init(void)
{
	register_sysctl_init("kernel", ftrace_sysctls);
	return 0;
}
late_initcall(ftrace_sysctl_init);
