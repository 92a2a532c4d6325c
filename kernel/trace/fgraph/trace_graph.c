// SPDX-License-Identifier: GPL-2.0
/*
 * The "function_graph" tracer: a record at the entry and one at the
 * return of every traced function, printed as a call graph with the
 * duration of each call (trace_graph_output.c).
 *
 * Each instance running it has its own fgraph user whose functions are
 * the instance's set_ftrace_filter and set_ftrace_notrace (its ftrace_ops
 * takes them from the function tracer's ops, @sets_of).  On top of that,
 * for all instances as upstream:
 *
 *	set_graph_function	only calls of these, and what they call
 *	set_graph_notrace	not these, nor what they call
 *	max_graph_depth		only calls up to this depth (0: any)
 *	tracing_thresh		only returns of calls that took this long
 *
 * set_graph_function and set_graph_notrace are the filter and notrace
 * sets of graph_sets, an ftrace_ops that is never registered: the files
 * of ftrace_filter.c edit them like set_ftrace_filter.  Whether a task is
 * inside a set_graph_function or set_graph_notrace call is kept in the
 * task's word of the fgraph user (fgraph_task_var()).
 */
#include <linux/ftrace.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include <asm/setup.h>

#include "../ftrace_internal.h"
#include "../trace_priv.h"
#include "fgraph_priv.h"
#include "trace_graph.h"

/* ---- Settings shared by all instances ------------------------------------- */

/* set_graph_function (filter) and set_graph_notrace (notrace). */
static struct ftrace_ops graph_sets = {
	.flags	= FTRACE_OPS_FL_STUB,
};

/* max_graph_depth; written under trace_types_lock, read locklessly. */
static unsigned int graph_max_depth;

static struct tracer_opt graph_opts[] = {
	{ .name = "funcgraph-overrun",	.bit = GRAPH_OPT_OVERRUN },
	{ .name = "funcgraph-cpu",	.bit = GRAPH_OPT_CPU },
	{ .name = "funcgraph-overhead",	.bit = GRAPH_OPT_OVERHEAD },
	{ .name = "funcgraph-proc",	.bit = GRAPH_OPT_PROC },
	{ .name = "funcgraph-duration",	.bit = GRAPH_OPT_DURATION },
	{ .name = "funcgraph-abstime",	.bit = GRAPH_OPT_ABSTIME },
	{ .name = "funcgraph-irqs",	.bit = GRAPH_OPT_IRQS },
	{ .name = "funcgraph-tail",	.bit = GRAPH_OPT_TAIL },
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
	{ .name = "funcgraph-retval",	.bit = GRAPH_OPT_RETVAL },
	{ .name = "funcgraph-retval-hex", .bit = GRAPH_OPT_RETVAL_HEX },
#endif
	{ .name = "sleep-time",		.bit = GRAPH_OPT_SLEEP_TIME },
	{ }
};

/* One set of options for every instance, as upstream. */
struct tracer_flags graph_flags = {
	.val	= GRAPH_OPT_CPU | GRAPH_OPT_OVERHEAD | GRAPH_OPT_DURATION |
		  GRAPH_OPT_IRQS | GRAPH_OPT_SLEEP_TIME,
	.opts	= graph_opts,
};

/*
 * What an instance's user keeps in each task's word: the depth + 1 of
 * the set_graph_function call the task is in (low half) and of the
 * set_graph_notrace call it is in (high half); 0 when it is in none.
 */
#define VAR_GRAPH_MASK		0xffffUL
#define VAR_NOTRACE_SHIFT	16

/**
 * struct graph_inst - the function_graph tracer in one instance
 * @gops: its fgraph user; @gops.private is the instance
 * @thresh: tracing_thresh in ns when the tracer started (0: off)
 *
 * Allocated when the tracer starts in the instance, freed when it stops
 * (after unregister_ftrace_graph()).  Immutable meanwhile.
 */
struct graph_inst {
	struct fgraph_ops	gops;
	u64			thresh;
};

/* ---- Recording: the callbacks ---------------------------------------------- */

static __always_inline bool graph_may_record(struct trace_array *tr)
{
	return cpumask_test_cpu(smp_processor_id(), tr->cpumask) &&
	       !(tr->func && ftrace_pid_ignored(tr->func));
}

/**
 * trace_graph_write_entry() - write a funcgraph_entry record
 * @tr: the instance
 * @ent: the call
 * @ctx: from trace_ctx_callback() in an fgraph callback
 *
 * Return: false when the record could not be written.
 */
bool trace_graph_write_entry(struct trace_array *tr,
			     const struct ftrace_graph_ent *ent,
			     unsigned int ctx)
{
	struct fgraph_ent_entry *rec;
	struct ring_buffer_event *e;
	struct trace_buffer *buf;

	e = trace_reserve(tr, &buf, TRACE_GRAPH_ENT, sizeof(*rec), ctx);
	if (!e)
		return false;
	rec = ring_buffer_event_data(e);
	rec->graph_ent = *ent;
	trace_commit(tr, buf);
	trace_save_writer_once(tr);
	return true;
}

NOKPROBE_SYMBOL(trace_graph_write_entry);

/**
 * trace_graph_write_return() - write a funcgraph_exit record
 * @tr: the instance
 * @ret: the return
 * @ctx: from trace_ctx_callback() in an fgraph callback
 */
void trace_graph_write_return(struct trace_array *tr,
			      const struct ftrace_graph_ret *ret,
			      unsigned int ctx)
{
	struct fgraph_ret_entry *rec;
	struct ring_buffer_event *e;
	struct trace_buffer *buf;

	e = trace_reserve(tr, &buf, TRACE_GRAPH_RET, sizeof(*rec), ctx);
	if (!e)
		return;
	rec = ring_buffer_event_data(e);
	rec->ret = *ret;
	trace_commit(tr, buf);
	trace_save_writer_once(tr);
}

NOKPROBE_SYMBOL(trace_graph_write_return);

static int graph_entry(struct ftrace_graph_ent *trace, struct fgraph_ops *gops)
{
	struct graph_inst *gi = container_of(gops, struct graph_inst, gops);
	unsigned long *var = fgraph_task_var(gops);
	struct trace_array *tr = gops->private;
	struct ftrace_hash *only, *skip;
	unsigned int max_depth;
	bool entered = false;

	if (!var || (*var >> VAR_NOTRACE_SHIFT))
		return 0;	/* inside a set_graph_notrace call */
	if (!trace_recording(tr) || !graph_may_record(tr))
		return 0;
	skip = rcu_dereference_raw(graph_sets.notrace_hash);
	if (unlikely(skip) && ftrace_hash_has(skip, trace->func)) {
		/* Hook its return only to know when it is over. */
		*var |= (unsigned long)(trace->depth + 1) << VAR_NOTRACE_SHIFT;
		return 1;
	}
	max_depth = READ_ONCE(graph_max_depth);
	if (max_depth && trace->depth >= max_depth)
		return 0;
	if (!(*var & VAR_GRAPH_MASK)) {
		if (!(READ_ONCE(graph_flags.val) & GRAPH_OPT_IRQS) && in_hardirq())
			return 0;
		only = rcu_dereference_raw(graph_sets.filter_hash);
		if (only && only->count) {
			if (!ftrace_hash_has(only, trace->func))
				return 0;
			*var |= (trace->depth + 1) & VAR_GRAPH_MASK;
			entered = true;
		}
	}
	/* With a threshold only returns are recorded. */
	if (gi->thresh || trace_graph_write_entry(tr, trace, trace_ctx_callback()))
		return 1;
	if (entered)
		*var &= ~VAR_GRAPH_MASK;
	return 0;
}

static void graph_return(struct ftrace_graph_ret *trace, struct fgraph_ops *gops)
{
	struct graph_inst *gi = container_of(gops, struct graph_inst, gops);
	unsigned long *var = fgraph_task_var(gops);
	struct trace_array *tr = gops->private;

	if (!var)
		return;
	if (*var >> VAR_NOTRACE_SHIFT) {
		/* Only the set_graph_notrace call itself was hooked. */
		*var &= VAR_GRAPH_MASK;
		return;
	}
	if ((*var & VAR_GRAPH_MASK) == trace->depth + 1)
		*var &= ~VAR_GRAPH_MASK;
	if (gi->thresh && trace->rettime - trace->calltime < gi->thresh)
		return;
	if (graph_may_record(tr))
		trace_graph_write_return(tr, trace, trace_ctx_callback());
}

/* ---- The tracer ------------------------------------------------------------------ */

static int graph_start(struct trace_array *tr)
{
	struct graph_inst *gi;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (!tr->func)
		return -ENOMEM;	/* the instance has no function tracing */
	ret = tracing_expand_buffer(tr);
	if (ret)
		return ret;
	gi = kzalloc(sizeof(*gi), GFP_KERNEL);
	if (!gi)
		return -ENOMEM;
	gi->gops.entryfunc = graph_entry;
	gi->gops.retfunc = graph_return;
	gi->gops.private = tr;
	gi->gops.ops.sets_of = &tr->func->ops;
	gi->thresh = READ_ONCE(tracing_thresh);
	ret = register_ftrace_graph(&gi->gops);
	if (ret) {
		kfree(gi);
		return ret;
	}
	tr->tracer_priv = gi;
	return 0;
}

static void graph_stop(struct trace_array *tr)
{
	struct graph_inst *gi = tr->tracer_priv;

	lockdep_assert_held(&trace_types_lock);
	if (!gi)
		return;
	unregister_ftrace_graph(&gi->gops);
	tr->tracer_priv = NULL;
	kfree(gi);
}

/* tracing_thresh changed: start again with the new value. */
static int graph_update_thresh(struct trace_array *tr)
{
	graph_stop(tr);
	return graph_start(tr);
}

static int graph_set_flag(struct trace_array *tr, u32 old_flags, u32 bit,
			  int set)
{
	if (bit == GRAPH_OPT_SLEEP_TIME)
		fgraph_set_sleep_time(set);
	return 0;
}

#ifdef CONFIG_FTRACE_STARTUP_TEST
static unsigned int selftest_calls, selftest_returns;

static int selftest_entry(struct ftrace_graph_ent *trace, struct fgraph_ops *gops)
{
	int *data;

	if (!ftrace_is_selftest_site(trace->func))
		return 0;
	selftest_calls++;
	data = fgraph_reserve_data(gops->idx, sizeof(*data));
	if (data)
		*data = 0x5eed;
	return 1;
}

static void selftest_return(struct ftrace_graph_ret *trace, struct fgraph_ops *gops)
{
	int *data = fgraph_retrieve_data(gops->idx, NULL);

	if (ftrace_is_selftest_site(trace->func) &&
	    trace->rettime >= trace->calltime && data && *data == 0x5eed)
		selftest_returns++;
}

static struct fgraph_ops selftest_gops = {
	.entryfunc	= selftest_entry,
	.retfunc	= selftest_return,
};

/*
 * The fgraph API on one function: entry and return callbacks both run,
 * with the data kept between them, and the function returns where it
 * should (it returns a value we check).  Then the tracer records.
 */
static int graph_selftest(struct tracer *trace, struct trace_array *tr)
{
	unsigned long ip = (unsigned long)ftrace_selftest_target;
	struct ftrace_hash *filter, *skip, *only, *never;
	unsigned int max_depth;
	unsigned long before;
	int ret, r1, r2;

	ret = ftrace_set_filter_ip(&selftest_gops.ops, ip, 0, 1);
	if (!ret)
		ret = register_ftrace_graph(&selftest_gops);
	if (ret) {
		pr_warn("function_graph selftest: cannot hook %ps: %d\n",
			(void *)ip, ret);
		goto out;
	}
	r1 = ftrace_selftest_target();
	r2 = ftrace_selftest_target();
	unregister_ftrace_graph(&selftest_gops);
	ftrace_selftest_target();
	if (selftest_calls != 2 || selftest_returns != 2 ||
	    r1 != FTRACE_SELFTEST_VALUE || r2 != FTRACE_SELFTEST_VALUE) {
		pr_warn("function_graph selftest: %u entries, %u returns (not 2 and 2), returned %#x %#x\n",
			selftest_calls, selftest_returns, r1, r2);
		ret = -EINVAL;
		goto out;
	}
	/* The tracer, on every function (boot-time filters set aside). */
	mutex_lock(&ftrace_lock);
	filter = rcu_replace_pointer(tr->func->ops.filter_hash, NULL, true);
	skip = rcu_replace_pointer(tr->func->ops.notrace_hash, NULL, true);
	only = rcu_replace_pointer(graph_sets.filter_hash, NULL, true);
	never = rcu_replace_pointer(graph_sets.notrace_hash, NULL, true);
	mutex_unlock(&ftrace_lock);
	max_depth = graph_max_depth;
	WRITE_ONCE(graph_max_depth, 0);
	before = ring_buffer_entries(tr->buffer);
	ret = trace->init(tr);
	if (!ret) {
		usleep_range(1000, 2000);
		trace->reset(tr);
	}
	WRITE_ONCE(graph_max_depth, max_depth);
	mutex_lock(&ftrace_lock);
	rcu_assign_pointer(tr->func->ops.filter_hash, filter);
	rcu_assign_pointer(tr->func->ops.notrace_hash, skip);
	rcu_assign_pointer(graph_sets.filter_hash, only);
	rcu_assign_pointer(graph_sets.notrace_hash, never);
	mutex_unlock(&ftrace_lock);
	if (ret)
		goto out;
	if (ring_buffer_entries(tr->buffer) == before) {
		pr_warn("function_graph selftest: no call was recorded\n");
		ret = -EINVAL;
	}
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
out:
	ftrace_free_filter(&selftest_gops.ops);
	return ret;
}
#endif

static struct tracer graph_trace = {
	.name		= "function_graph",
	.init		= graph_start,
	.reset		= graph_stop,
	.update_thresh	= graph_update_thresh,
	.set_flag	= graph_set_flag,
	.flags		= &graph_flags,
	.allow_instances = true,
	.print_open	= trace_graph_print_open,
	.print_close	= trace_graph_print_close,
	.print_line	= graph_print_line,
	.print_header	= graph_print_header,
#ifdef CONFIG_FTRACE_STARTUP_TEST
	.selftest	= graph_selftest,
#endif
};

/* ---- Files ------------------------------------------------------------------------ */

static ssize_t max_depth_read(struct file *file, char __user *ubuf, size_t cnt,
			      loff_t *ppos)
{
	char buf[16];
	int len = scnprintf(buf, sizeof(buf), "%d\n", READ_ONCE(graph_max_depth));

	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t max_depth_write(struct file *file, const char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, UINT_MAX, &val);
	if (ret)
		return ret;
	WRITE_ONCE(graph_max_depth, val);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations max_depth_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= max_depth_read,
	.write		= max_depth_write,
	.llseek		= generic_file_llseek,
};

static struct ftrace_inst_file graph_files[2];

static void graph_create_root_files(struct dentry *root)
{
	if (!trace_top.func)
		return;
	graph_files[0] = (struct ftrace_inst_file){ trace_top.func, 0, &graph_sets };
	graph_files[1] = (struct ftrace_inst_file){ trace_top.func, 1, &graph_sets };
	ftrace_sets_create_file("set_graph_function", root, &graph_files[0]);
	ftrace_sets_create_file("set_graph_notrace", root, &graph_files[1]);
	tracefs_create_file("max_graph_depth", 0640, root, &trace_top,
			    &max_depth_fops);
}

static const struct trace_part graph_part = {
	.name			= "function_graph",
	.id			= TRACE_PART_GRAPH,
	.create_root_files	= graph_create_root_files,
};

/* ---- Boot parameters -------------------------------------------------------------- */

static char boot_graph_filter[COMMAND_LINE_SIZE] __initdata;
static char boot_graph_notrace[COMMAND_LINE_SIZE] __initdata;

static int __init set_graph_filter_param(char *str)
{
	strscpy(boot_graph_filter, str, sizeof(boot_graph_filter));
	return 1;
}
__setup("ftrace_graph_filter=", set_graph_filter_param);

static int __init set_graph_notrace_param(char *str)
{
	strscpy(boot_graph_notrace, str, sizeof(boot_graph_notrace));
	return 1;
}
__setup("ftrace_graph_notrace=", set_graph_notrace_param);

static int __init set_graph_max_depth_param(char *str)
{
	return !kstrtouint(str, 0, &graph_max_depth);
}
__setup("ftrace_graph_max_depth=", set_graph_max_depth_param);

/* funcgraph_exit's print fmt, upstream's (it prints the depth as "over"). */
#define EXIT_FMT	"\"<-- %ps (%d) (start: %llx  end: %llx) over: %d"
#define EXIT_ARGS	"(void *)REC->func, REC->depth, REC->calltime, REC->rettime, REC->depth"

static struct trace_record_format graph_formats[] = {
	{
		.name		= "funcgraph_entry",
		.id		= TRACE_GRAPH_ENT,
		.define		= graph_entry_fields,
		.print_fmt	= "\"--> %ps (%d)\", (void *)REC->func, REC->depth",
	}, {
		.name		= "funcgraph_exit",
		.id		= TRACE_GRAPH_RET,
		.define		= graph_exit_fields,
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
		.print_fmt	= EXIT_FMT " retval: %lx\", " EXIT_ARGS ", REC->retval",
#else
		.print_fmt	= EXIT_FMT "\", " EXIT_ARGS,
#endif
	},
};

/* After the function tracer (core_initcall): its ops is the filter. */
static int __init graph_tracer_init(void)
{
	int ret;

	if (ftrace_disabled)
		return 0;
	trace_record_format_add(&graph_formats[0]);
	trace_record_format_add(&graph_formats[1]);
	ftrace_set_boot_globs(&graph_sets, boot_graph_filter, false,
			      "ftrace_graph_filter");
	ftrace_set_boot_globs(&graph_sets, boot_graph_notrace, true,
			      "ftrace_graph_notrace");
	ret = trace_part_register(&graph_part);
	if (ret)
		return ret;
	return register_tracer(&graph_trace);
}
core_initcall_sync(graph_tracer_init);
