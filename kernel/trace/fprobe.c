// SPDX-License-Identifier: GPL-2.0
/*
 * fprobe: a callback on entry to, and one on return from, any set of
 * functions, for in-kernel users (BPF's kprobe_multi, fprobe events).
 *
 * An fprobe is an ftrace_ops that asks for pt_regs, plus a rethook when
 * the user wants returns too.  On entry the ops' callback takes a node of
 * the rethook's pool, which carries the entry address and the user's
 * entry data from the entry handler to the exit handler, and diverts the
 * return to the rethook trampoline.  A call that finds the pool empty, or
 * that comes in while a handler of the same context runs, is counted in
 * @nmissed and neither handler sees it.
 *
 *	entry: fprobe_entry()  -> entry_handler(fp, ip, parent, regs, data)
 *	                          rethook_hook(node)          (if it returns 0)
 *	return: rethook trampoline -> fprobe_exit() -> exit_handler(...)
 *
 * Lifetime: unregister_fprobe() stops the rethook first (returns still
 * pending get their address back without a handler call), then removes
 * the ops, which waits until no CPU is inside either callback; the caller
 * may free the fprobe afterwards.  The pool itself is freed by the
 * rethook once its last pending node comes back.
 */
#define pr_fmt(fmt) "fprobe: " fmt

#include <linux/err.h>
#include <linux/fprobe.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/rethook.h>
#include <linux/slab.h>
#include <linux/trace_recursion.h>

#include "ftrace_internal.h"

/*
 * One call in flight.  Written by the entry callback of the task that made
 * the call and read by the same task's return: no locking.
 */
struct fprobe_call {
	struct rethook_node	node;
	unsigned long		entry_ip;
	unsigned long		parent_ip;
	char			data[];
};

/* ---- Fast path: the callbacks ------------------------------------------ */

static void fprobe_run_entry(struct fprobe *fp, unsigned long ip,
			     unsigned long parent_ip, struct pt_regs *regs)
{
	struct fprobe_call *call;
	struct rethook_node *node;

	if (!fp->exit_handler) {
		if (fp->entry_handler)
			fp->entry_handler(fp, ip, parent_ip, regs, NULL);
		return;
	}
	node = rethook_try_get(fp->rethook);
	if (unlikely(!node)) {
		fp->nmissed++;
		return;
	}
	call = container_of(node, struct fprobe_call, node);
	call->entry_ip = ip;
	call->parent_ip = parent_ip;
	/* A non-zero return asks for no exit call; it is not a miss. */
	if (fp->entry_handler &&
	    fp->entry_handler(fp, ip, parent_ip, regs,
			      fp->entry_data_size ? call->data : NULL))
		rethook_recycle(node);
	else
		rethook_hook(node, regs, true);
}

static void fprobe_entry(unsigned long ip, unsigned long parent_ip,
			 struct ftrace_ops *ops, struct ftrace_regs *fregs)
{
	struct fprobe *fp = container_of(ops, struct fprobe, ops);
	int bit;

	if (fprobe_disabled(fp))
		return;
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0) {
		fp->nmissed++;
		return;
	}
	if (!fprobe_shared_with_kprobes(fp)) {
		fprobe_run_entry(fp, ip, parent_ip, ftrace_get_regs(fregs));
	} else if (kprobe_running()) {
		/* Handlers shared with kprobes never nest, as kprobes'. */
		fp->nmissed++;
	} else {
		kprobe_busy_begin();
		fprobe_run_entry(fp, ip, parent_ip, ftrace_get_regs(fregs));
		kprobe_busy_end();
	}
	ftrace_test_recursion_unlock(bit);
}

NOKPROBE_SYMBOL(fprobe_entry);

static void fprobe_exit(struct rethook_node *node, void *data,
			unsigned long ret_ip, struct pt_regs *regs)
{
	struct fprobe_call *call = container_of(node, struct fprobe_call, node);
	struct fprobe *fp = data;
	int bit;

	if (fprobe_disabled(fp))
		return;
	/*
	 * The same context's lock as the entry took: an exit handler that
	 * calls a probed function does not recurse into itself.
	 */
	bit = ftrace_test_recursion_trylock(call->entry_ip, call->parent_ip);
	if (bit < 0) {
		fp->nmissed++;
		return;
	}
	fp->exit_handler(fp, call->entry_ip, ret_ip, regs,
			 fp->entry_data_size ? call->data : NULL);
	ftrace_test_recursion_unlock(bit);
}

NOKPROBE_SYMBOL(fprobe_exit);

/* ---- Slow path: registration ------------------------------------------- */

/*
 * Start @fp, whose filter already holds the @nfuncs functions it probes.
 * Without nr_maxactive, the pool has room for each function to be pending
 * twice on every CPU (a call interrupted by another of the same).
 */
static int fprobe_start(struct fprobe *fp, unsigned int nfuncs)
{
	unsigned long num;
	size_t size;
	int ret;

	fp->nmissed = 0;
	fp->rethook = NULL;
	fp->ops.func = fprobe_entry;
	fp->ops.flags |= FTRACE_OPS_FL_SAVE_REGS;
	if (!nfuncs)
		return -EINVAL;
	if (fp->exit_handler) {
		num = fp->nr_maxactive > 0 ? fp->nr_maxactive :
		      (unsigned long)nfuncs * num_possible_cpus() * 2;
		size = sizeof(struct fprobe_call) + fp->entry_data_size;
		if (fp->nr_maxactive < 0)
			return -EINVAL;
		if (num > INT_MAX || size > INT_MAX)
			return -E2BIG;
		fp->rethook = rethook_alloc(fp, fprobe_exit, size, num);
		if (IS_ERR(fp->rethook)) {
			ret = PTR_ERR(fp->rethook);
			fp->rethook = NULL;
			return ret;
		}
	}
	ret = register_ftrace_function(&fp->ops);
	if (ret && fp->rethook) {
		rethook_free(fp->rethook);
		fp->rethook = NULL;
	}
	return ret;
}

/* The number of functions in @ops' filter (set up, not registered). */
static unsigned int filter_count(struct ftrace_ops *ops)
{
	struct ftrace_hash *h;
	unsigned int n;

	mutex_lock(&ftrace_lock);
	h = rcu_dereference_protected(ops->filter_hash,
				      lockdep_is_held(&ftrace_lock));
	n = h ? h->count : 0;
	mutex_unlock(&ftrace_lock);
	return n;
}

/**
 * register_fprobe() - probe the functions matching a glob
 * @fp: the fprobe, with its handlers set; not registered
 * @filter: glob of the functions to probe (as set_ftrace_filter's)
 * @notfilter: glob of functions left out, or NULL
 *
 * Return: 0; -EINVAL if @filter matches no function (or leaves none after
 * @notfilter) or an argument is wrong; -ENOMEM; an error of ftrace.
 */
int register_fprobe(struct fprobe *fp, const char *filter,
		    const char *notfilter)
{
	int ret;

	if (!fp || !filter || fprobe_is_registered(fp))
		return -EINVAL;
	ret = ftrace_set_filter(&fp->ops, (unsigned char *)filter,
				strlen(filter), 1);
	if (!ret && notfilter)
		ret = ftrace_set_notrace(&fp->ops, (unsigned char *)notfilter,
					 strlen(notfilter), 1);
	/* Notrace entries still count: the pool is merely larger. */
	if (!ret)
		ret = fprobe_start(fp, filter_count(&fp->ops));
	if (ret)
		ftrace_free_filter(&fp->ops);
	return ret;
}
EXPORT_SYMBOL_GPL(register_fprobe);

/**
 * register_fprobe_ips() - probe functions given by their call sites
 * @fp: the fprobe, with its handlers set; not registered
 * @addrs: call-site addresses (ftrace_location() of each function)
 * @num: how many
 *
 * Return: 0; -EINVAL if an address is not a call site or an argument is
 * wrong; -ENOMEM; an error of ftrace.
 */
int register_fprobe_ips(struct fprobe *fp, unsigned long *addrs, int num)
{
	int ret;

	if (!fp || !addrs || num <= 0 || fprobe_is_registered(fp))
		return -EINVAL;
	ret = ftrace_set_filter_ips(&fp->ops, addrs, num, 0, 1);
	if (!ret)
		ret = fprobe_start(fp, filter_count(&fp->ops));
	if (ret)
		ftrace_free_filter(&fp->ops);
	return ret;
}
EXPORT_SYMBOL_GPL(register_fprobe_ips);

/**
 * register_fprobe_syms() - probe functions given by name
 * @fp: the fprobe, with its handlers set; not registered
 * @syms: function names (of vmlinux or of loaded modules)
 * @num: how many
 *
 * Return: 0; -ENOENT if a name is unknown or not a traceable function;
 * otherwise as register_fprobe_ips().
 */
int register_fprobe_syms(struct fprobe *fp, const char **syms, int num)
{
	unsigned long *addrs;
	int i, ret = 0;

	if (!fp || !syms || num <= 0)
		return -EINVAL;
	addrs = kcalloc(num, sizeof(*addrs), GFP_KERNEL);
	if (!addrs)
		return -ENOMEM;
	for (i = 0; i < num && !ret; i++) {
		addrs[i] = ftrace_location(kallsyms_lookup_name(syms[i]));
		if (!addrs[i])
			ret = -ENOENT;
	}
	if (!ret)
		ret = register_fprobe_ips(fp, addrs, num);
	kfree(addrs);
	return ret;
}
EXPORT_SYMBOL_GPL(register_fprobe_syms);

/**
 * fprobe_is_registered() - is an fprobe registered?
 * @fp: the fprobe, or NULL
 *
 * Return: true between a successful register_fprobe*() and
 * unregister_fprobe().
 */
bool fprobe_is_registered(struct fprobe *fp)
{
	return fp && fp->ops.func == fprobe_entry &&
	       (fp->ops.flags & FTRACE_OPS_FL_ENABLED);
}
EXPORT_SYMBOL_GPL(fprobe_is_registered);

/**
 * unregister_fprobe() - remove an fprobe
 * @fp: a registered fprobe
 *
 * When this returns no handler of @fp runs or will run, and @fp may be
 * freed or registered again.
 *
 * Return: 0; -EINVAL if @fp is not registered; an error of ftrace.
 */
int unregister_fprobe(struct fprobe *fp)
{
	int ret;

	if (!fprobe_is_registered(fp))
		return -EINVAL;
	/* Returns that come in from now on skip the handler... */
	if (fp->rethook)
		rethook_stop(fp->rethook);
	/* ...and this waits for the callbacks that are running. */
	ret = unregister_ftrace_function(&fp->ops);
	if (ret)
		return ret;
	if (fp->rethook)
		rethook_free(fp->rethook);
	fp->rethook = NULL;
	ftrace_free_filter(&fp->ops);
	return 0;
}
EXPORT_SYMBOL_GPL(unregister_fprobe);
