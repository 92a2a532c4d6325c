// SPDX-License-Identifier: GPL-2.0
/*
 * The "function" tracer: one record per traced function entry, printed as
 *
 *	comm-pid [cpu] flags timestamp: function <-caller
 *
 * Every instance may run it.  Each has its own ftrace_ops (in struct
 * ftrace_inst) whose filter and notrace sets are the instance's
 * set_ftrace_filter and set_ftrace_notrace (ftrace_filter.c), and its own
 * set_ftrace_pid pair and filter commands.  The callback protects itself
 * from recursion (anything it calls may be traced too), so the trampoline
 * calls it directly when it is the only ops.
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <asm/setup.h>
#include <linux/tracefs.h>

#include "ftrace_internal.h"
#include "ring_buffer_fast.h"
#include "trace_priv.h"

static void function_trace_call(unsigned long ip, unsigned long parent_ip,
				struct ftrace_ops *op, struct ftrace_regs *fregs);

/* Tracer options: options/func_stack_trace. */
#define FUNC_OPT_STACK	BIT(0)

static struct tracer_opt func_opts[] = {
	{ .name = "func_stack_trace", .bit = FUNC_OPT_STACK },
	{ }
};

static struct tracer_flags func_flags = {
	.val	= 0,
	.opts	= func_opts,
};

/* The rare parts of a record's writing, out of the hot path. */
static noinline void function_trace_extra(struct trace_array *tr,
					  unsigned long ip)
{
	unsigned int ctx = trace_ctx_now() - IS_ENABLED(CONFIG_PREEMPTION);

	if (READ_ONCE(tr->waiting))
		irq_work_queue(&tr->wake_work);
	/* From the traced function: the trampoline's call returns there. */
	if (READ_ONCE(func_flags.val) & FUNC_OPT_STACK)
		trace_record_stack(tr, ctx, ip + MCOUNT_INSN_SIZE, 0);
}

/* A function record for the exports: struct ftrace_entry's bytes. */
static noinline void function_export(u64 hdr, unsigned long ip,
				     unsigned long parent_ip)
{
	u64 rec[3] = { hdr, ip, parent_ip };

	trace_export_write(rec, sizeof(rec), TRACE_EXPORT_FUNCTION);
}

/*
 * Hot path: the recursion guard, the instance's checks and the ring
 * buffer's inline writer of three-word records.
 */
static void function_trace_call(unsigned long ip, unsigned long parent_ip,
				struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct ftrace_inst *fi = container_of(op, struct ftrace_inst, ops);
	struct trace_array *tr = op->private;
	struct trace_buffer *buf;
	u64 hdr;
	int bit;

	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;
	buf = trace_live_buffer(tr);
	if (buf && cpumask_test_cpu(smp_processor_id(), tr->cpumask) &&
	    !ftrace_pid_ignored(fi)) {
		/* As tracing_gen_ctx_dec(): not counting our own preempt_disable. */
		hdr = trace_entry_word_now(TRACE_FN, IS_ENABLED(CONFIG_PREEMPTION));
		if (!rb_write3(buf, hdr, ip, parent_ip)) {
			trace_save_writer_once(tr);
			if (static_branch_unlikely(&trace_export_function))
				function_export(hdr, ip, parent_ip);
			if (unlikely(READ_ONCE(tr->waiting) ||
				     (READ_ONCE(func_flags.val) & FUNC_OPT_STACK)))
				function_trace_extra(tr, ip);
		}
	}
	ftrace_test_recursion_unlock(bit);
}

static int function_init(struct trace_array *tr)
{
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (!tr->func)
		return -ENOMEM;	/* its state could not be allocated */
	ret = tracing_expand_buffer(tr);
	if (ret)
		return ret;
	return register_ftrace_function(&tr->func->ops);
}

static void function_reset(struct trace_array *tr)
{
	lockdep_assert_held(&trace_types_lock);
	unregister_ftrace_function(&tr->func->ops);
}

#ifdef CONFIG_FTRACE_STARTUP_TEST
static unsigned int selftest_hits;

static void selftest_call(unsigned long ip, unsigned long parent_ip,
			  struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct pt_regs *regs = ftrace_get_regs(fregs);

	if (ftrace_is_selftest_site(ip) && regs &&
	    regs->ip == ip + MCOUNT_INSN_SIZE)
		WRITE_ONCE(selftest_hits, selftest_hits + 1);
}

static struct ftrace_ops selftest_ops = {
	.func	= selftest_call,
	.flags	= FTRACE_OPS_FL_RECURSION | FTRACE_OPS_FL_SAVE_REGS,
};

/*
 * The ops API on one function: its callback runs exactly when the filtered
 * function is called and registered; then the tracer records the calls.
 */
static int function_selftest(struct tracer *trace, struct trace_array *tr)
{
	unsigned long ip = (unsigned long)ftrace_selftest_target;
	struct ftrace_hash *filter, *skip;
	unsigned long before;
	int ret;

	if (!tr->func)
		return -ENODEV;	/* no memory for the top's function tracing */

	ret = ftrace_set_filter_ip(&selftest_ops, ip, 0, 1);
	if (!ret)
		ret = register_ftrace_function(&selftest_ops);
	if (ret) {
		pr_warn("function selftest: cannot trace %ps: %d\n", (void *)ip, ret);
		goto out;
	}
	ftrace_selftest_target();
	ftrace_selftest_target();
	unregister_ftrace_function(&selftest_ops);
	ftrace_selftest_target();
	if (selftest_hits != 2) {
		pr_warn("function selftest: callback ran %u times, not 2\n",
			selftest_hits);
		ret = -EINVAL;
		goto out;
	}
	/* The tracer, on every function (boot-time filters set aside). */
	mutex_lock(&ftrace_lock);
	filter = rcu_replace_pointer(tr->func->ops.filter_hash, NULL, true);
	skip = rcu_replace_pointer(tr->func->ops.notrace_hash, NULL, true);
	mutex_unlock(&ftrace_lock);
	before = ring_buffer_entries(tr->buffer);
	ret = trace->init(tr);
	if (!ret) {
		usleep_range(1000, 2000);
		trace->reset(tr);
	}
	mutex_lock(&ftrace_lock);
	rcu_assign_pointer(tr->func->ops.filter_hash, filter);
	rcu_assign_pointer(tr->func->ops.notrace_hash, skip);
	mutex_unlock(&ftrace_lock);
	if (ret)
		goto out;
	if (ring_buffer_entries(tr->buffer) == before) {
		pr_warn("function selftest: no function was recorded\n");
		ret = -EINVAL;
	}
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
out:
	ftrace_free_filter(&selftest_ops);
	return ret;
}
#endif

static struct tracer function_trace = {
	.name		= "function",
	.init		= function_init,
	.reset		= function_reset,
	.flags		= &func_flags,
	.allow_instances = true,
#ifdef CONFIG_FTRACE_STARTUP_TEST
	.selftest	= function_selftest,
#endif
};

/* ftrace_filter= and ftrace_notrace=: comma-separated globs, set at boot. */
static char boot_filter[COMMAND_LINE_SIZE] __initdata;
static char boot_notrace[COMMAND_LINE_SIZE] __initdata;

static int __init set_ftrace_filter_param(char *str)
{
	strscpy(boot_filter, str, sizeof(boot_filter));
	return 1;
}
__setup("ftrace_filter=", set_ftrace_filter_param);

static int __init set_ftrace_notrace_param(char *str)
{
	strscpy(boot_notrace, str, sizeof(boot_notrace));
	return 1;
}
__setup("ftrace_notrace=", set_ftrace_notrace_param);

/* The callback reads the pid sets where RCU may not watch (idle). */
static const struct trace_pids_ops func_pids_ops = {
	.sync	= ftrace_sync,
	.empty	= "no pid\n",
};

/* An instance's function tracing: its ops, commands and pid sets. */
static int func_init(struct trace_array *tr)
{
	struct ftrace_inst *fi = kzalloc(sizeof(*fi), GFP_KERNEL);

	if (!fi)
		return -ENOMEM;
	fi->ops.func = function_trace_call;
	fi->ops.private = tr;
	fi->tr = tr;
	fi->files[0] = (struct ftrace_inst_file){ fi, 0 };
	fi->files[1] = (struct ftrace_inst_file){ fi, 1 };
	trace_pids_init(&fi->pids, tr, &func_pids_ops);
	ftrace_cmds_init(fi);
	ftrace_filter_init(fi);
	tr->func = fi;
	return 0;
}

/* The instance goes away: no file open, its tracer is nop. */
static void func_free(struct trace_array *tr)
{
	struct ftrace_inst *fi = tr->func;

	if (tr->flags & TRACE_OPT_FUNC_FORK)
		trace_pids_fork(&fi->pids, false);
	ftrace_cmds_clear(fi);
	trace_pids_clear(&fi->pids);
	ftrace_filter_clear(fi);
	tr->func = NULL;
	kfree(fi);
}

/* set_ftrace_filter, set_ftrace_notrace and the two pid files. */
static void func_create_files(struct trace_array *tr, struct dentry *dir)
{
	ftrace_filter_create_files(dir, tr->func);
	trace_pids_create_files(&tr->func->pids, dir, "set_ftrace_pid",
				"set_ftrace_notrace_pid");
}

/* options/function-fork: start or stop following forks. */
static int func_fork_changed(struct trace_array *tr, bool on)
{
	lockdep_assert_held(&trace_types_lock);
	return trace_pids_fork(&tr->func->pids, on);
}

static const struct trace_option func_opts_general[] = {
	{ "print-parent",	TRACE_OPT_PRINT_PARENT_BIT, true },
	{ "function-fork",	TRACE_OPT_FUNC_FORK_BIT, false, func_fork_changed,
	  .fresh = true },
};

static const struct trace_part func_part = {
	.name			= "function",
	.id			= TRACE_PART_FUNCTION,
	.init			= func_init,
	.free			= func_free,
	.create_files		= func_create_files,
	.create_root_files	= ftrace_list_create_files,
	.opts			= func_opts_general,
	.nr_opts		= ARRAY_SIZE(func_opts_general),
};

/*
 * Core: the top instance gets its function tracing before the boot-time
 * filters go into it and before the boot tracer may start.
 */
static int __init function_tracer_init(void)
{
	int ret;

	if (ftrace_disabled)
		return 0;
	ret = trace_part_register(&func_part);
	if (ret)
		return ret;
	if (trace_top.func) {
		ftrace_set_boot_globs(&trace_top.func->ops, boot_filter, false,
				      "ftrace_filter");
		ftrace_set_boot_globs(&trace_top.func->ops, boot_notrace, true,
				      "ftrace_notrace");
	}
	return register_tracer(&function_trace);
}
core_initcall(function_tracer_init);
