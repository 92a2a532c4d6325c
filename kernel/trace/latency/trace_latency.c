// SPDX-License-Identifier: GPL-2.0
/*
 * The part of every instance the latency tracers share: the worst section
 * measured so far and where it is kept.
 *
 *	tracing_max_latency	the kept section's length in us; writing a
 *				number sets the bar a section must pass
 *				(0 starts again)
 *	options/function-trace	record the functions called inside
 *				sections (on by default)
 *	options/display-graph	record them as a function graph and
 *				print the section as one (top instance)
 *
 * A latency tracer calls latency_start() from its init: that claims the
 * instance, forces options/overwrite and options/latency-format on (as
 * upstream: a full buffer must not stop the recording of a section),
 * gives the instance its snapshot buffer and resets tracing_max_latency.
 * latency_stop() gives all of that back.  Where a section worth keeping
 * ends, latency_keep() writes its end and swaps it into the snapshot
 * buffer (trace_snapshot_keep()), where "trace" reads it.
 */
#include <linux/cred.h>
#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/sched/rt.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/tracefs.h>

#include "../ftrace_internal.h"
#include "trace_latency.h"

DEFINE_PER_CPU(bool, latency_in_section[LATENCY_FAMILIES]);

/* The options a latency tracer forces on while it runs. */
#define LATENCY_FORCED	(TRACE_OPT_OVERWRITE | TRACE_OPT_LATENCY_FMT)

/*
 * display-graph: a point of the section as a call of no duration at
 * depth 0, as upstream.
 */
static void record_graph_point(struct trace_array *tr, unsigned long ip,
			       unsigned int ctx)
{
	struct ftrace_graph_ent ent = { .func = ip };
	struct ftrace_graph_ret ret = { .func = ip };

	ret.calltime = trace_clock_local();
	ret.rettime = ret.calltime;
	if (trace_graph_write_entry(tr, &ent, ctx))
		trace_graph_write_return(tr, &ret, ctx);
}

NOKPROBE_SYMBOL(record_graph_point);

/**
 * latency_record_fn() - write a function record into an instance
 * @tr: the instance
 * @ip: the function
 * @parent_ip: its caller
 * @ctx: from tracing_gen_ctx()
 *
 * The start and end of sections, and the functions inside them; with
 * display-graph, a call and its return.
 */
void latency_record_fn(struct trace_array *tr, unsigned long ip,
		       unsigned long parent_ip, unsigned int ctx)
{
	struct ring_buffer_event *e;
	struct trace_buffer *buf;
	struct ftrace_entry *fn;

	if (IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER) && READ_ONCE(tr->lat->graph)) {
		record_graph_point(tr, ip, ctx);
		return;
	}
	e = trace_reserve(tr, &buf, TRACE_FN, sizeof(*fn), ctx);
	if (!e)
		return;
	fn = ring_buffer_event_data(e);
	fn->ip = ip;
	fn->parent_ip = parent_ip;
	trace_commit(tr, buf);
}

NOKPROBE_SYMBOL(latency_record_fn);

/**
 * latency_record_end() - write where a section to keep ended, and a stack
 * @tr: the instance
 * @ip: the function that ended it
 * @parent_ip: that function's caller
 * @ctx: from tracing_gen_ctx()
 *
 * Called by the tracepoint probe that found the section's end; the stack
 * starts at the probe's caller.
 */
void latency_record_end(struct trace_array *tr, unsigned long ip,
			unsigned long parent_ip, unsigned int ctx)
{
	latency_record_fn(tr, ip, parent_ip, ctx);
	/* From the function that ended it (@ip is a return address there). */
	trace_record_stack(tr, ctx, ip, 0);
}

NOKPROBE_SYMBOL(latency_record_end);

/* options/function-trace: the functions a CPU calls inside a section. */
static void latency_func_call(unsigned long ip, unsigned long parent_ip,
			      struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct trace_array *tr = op->private;
	int bit;

	if (!this_cpu_read(latency_in_section[tr->lat->family]))
		return;
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;
	latency_record_fn(tr, ip, parent_ip, trace_ctx_callback());
	ftrace_test_recursion_unlock(bit);
}

#ifdef CONFIG_FUNCTION_GRAPH_TRACER
/* display-graph: calls and returns while this CPU is inside a section. */
static int latency_graph_entry(struct ftrace_graph_ent *trace,
			       struct fgraph_ops *gops)
{
	struct trace_latency *lat = container_of(gops, struct trace_latency, gops);

	if (!this_cpu_read(latency_in_section[lat->family]))
		return 0;
	return trace_graph_write_entry(lat->tr, trace, trace_ctx_callback());
}

static void latency_graph_return(struct ftrace_graph_ret *trace,
				 struct fgraph_ops *gops)
{
	struct trace_latency *lat = container_of(gops, struct trace_latency, gops);

	if (this_cpu_read(latency_in_section[lat->family]))
		trace_graph_write_return(lat->tr, trace, trace_ctx_callback());
}

static int graph_ops_set(struct trace_latency *lat, bool on)
{
	if (!on) {
		unregister_ftrace_graph(&lat->gops);
		return 0;
	}
	return register_ftrace_graph(&lat->gops);
}
#else
static int graph_ops_set(struct trace_latency *lat, bool on)
{
	return on ? -ENODEV : 0;
}
#endif

/* Record functions inside sections or stop, the way @lat->graph says. */
static int func_ops_set(struct trace_latency *lat, bool on)
{
	int ret = 0;

	lockdep_assert_held(&trace_types_lock);
	if (on == lat->ops_on)
		return 0;
	if (!IS_ENABLED(CONFIG_FUNCTION_TRACER) || !lat->tr->func)
		return on ? -ENODEV : 0;
	if (lat->graph)
		ret = graph_ops_set(lat, on);
	else if (on)
		ret = register_ftrace_function(&lat->ops);
	else
		unregister_ftrace_function(&lat->ops);
	if (!ret)
		lat->ops_on = on;
	return ret;
}

/*
 * display-graph records a graph: in any instance for the wakeup tracers,
 * in the top one only for irqsoff's family, as upstream.
 */
static bool graph_wanted(struct trace_latency *lat, bool display_graph)
{
	return IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER) && display_graph &&
	       (lat->family == LATENCY_WAKEUP || lat->tr == &trace_top);
}

/**
 * latency_start() - a latency tracer starts in an instance
 * @tr: the instance
 * @family: the tracer's family
 * @drop: forgets the tracer's sections in progress (display-graph's
 *	restart)
 *
 * Context: trace_types_lock held (the tracer's init).
 * Return: 0, -ENOMEM without the instance's latency state or snapshot
 * buffer, or the error of registering the function-trace callback.
 */
int latency_start(struct trace_array *tr, enum latency_family family,
		  void (*drop)(void))
{
	struct trace_latency *lat = tr->lat;
	unsigned long flags;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (!lat)
		return -ENOMEM;
	lat->snap_was_on = tr->snap_on;
	ret = trace_snapshot_arm_locked(tr);
	if (ret)
		return ret;
	lat->saved_flags = tr->flags & LATENCY_FORCED;
	trace_option_set_locked(tr, TRACE_OPT_OVERWRITE_BIT, true);
	trace_option_set_locked(tr, TRACE_OPT_LATENCY_FMT_BIT, true);
	raw_spin_lock_irqsave(&lat->lock, flags);
	WRITE_ONCE(lat->max, 0);
	memset(&lat->info, 0, sizeof(lat->info));
	raw_spin_unlock_irqrestore(&lat->lock, flags);
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
	ring_buffer_reset(tr->snap);
	lat->family = family;
	lat->drop = drop;
	WRITE_ONCE(lat->graph,
		   graph_wanted(lat, tr->flags & TRACE_OPT_DISPLAY_GRAPH));
	lat->running = true;
	if (tr->flags & TRACE_OPT_FUNC_TRACE) {
		ret = func_ops_set(lat, true);
		if (ret && ret != -ENODEV) {
			latency_stop(tr);
			return ret;
		}
	}
	return 0;
}

/**
 * latency_stop() - the latency tracer of an instance stops
 * @tr: the instance
 *
 * The kept section stays in the snapshot buffer only if the instance had
 * one before; the forced options get their old values back.
 *
 * Context: trace_types_lock held (the tracer's reset).
 */
void latency_stop(struct trace_array *tr)
{
	struct trace_latency *lat = tr->lat;

	lockdep_assert_held(&trace_types_lock);
	func_ops_set(lat, false);
	lat->running = false;
	trace_option_set_locked(tr, TRACE_OPT_OVERWRITE_BIT,
				lat->saved_flags & TRACE_OPT_OVERWRITE);
	trace_option_set_locked(tr, TRACE_OPT_LATENCY_FMT_BIT,
				lat->saved_flags & TRACE_OPT_LATENCY_FMT);
	if (!lat->snap_was_on)
		trace_snapshot_free_locked(tr);
}

/**
 * latency_keep() - keep a section that latency_worse() accepted
 * @tr: the instance
 * @sec: the section, whose records are in the live buffer
 *
 * Swaps the live buffer into the snapshot buffer, unless a longer section
 * won meanwhile, and notes the section for the header.  Any context but
 * NMI; slow path.
 */
void latency_keep(struct trace_array *tr, const struct latency_section *sec)
{
	struct trace_latency *lat = tr->lat;
	struct trace_lat_info *info = &lat->info;
	struct task_struct *task = sec->task;
	unsigned long flags;

	raw_spin_lock_irqsave(&lat->lock, flags);
	/* Another CPU may have kept a longer one since the lockless check. */
	if (!latency_worse(lat, sec->delta))
		goto out;
	if (!trace_snapshot_keep(tr, sec->start,
				 sec->one_cpu ? sec->cpu : RING_BUFFER_ALL_CPUS))
		goto out;
	WRITE_ONCE(lat->max, sec->delta);
	info->latency = sec->delta;
	info->cpu = sec->cpu;
	memcpy(info->comm, task->comm, TASK_COMM_LEN);
	info->pid = task->pid;
	info->uid = task_uid(task);
	info->nice = task_nice(task);
	info->policy = task->policy;
	info->rt_priority = task->rt_priority;
	info->start_ip = sec->start_ip;
	info->end_ip = sec->end_ip;
out:
	raw_spin_unlock_irqrestore(&lat->lock, flags);
}

NOKPROBE_SYMBOL(latency_keep);

#ifdef CONFIG_FTRACE_STARTUP_TEST
/**
 * latency_selftest_end() - the end of a latency tracer's boot selftest
 * @t: the tracer, started in @tr by its selftest, which then made a
 *	section to keep
 * @tr: the instance
 *
 * Stops @t and leaves nothing of the test behind, in either buffer.
 *
 * Return: 0 when the section was kept, -EINVAL when it was not.
 */
int latency_selftest_end(struct tracer *t, struct trace_array *tr)
{
	int ret = 0;

	if (!READ_ONCE(tr->lat->max) || !ring_buffer_entries(tr->snap)) {
		pr_warn("%s selftest: no section was kept\n", t->name);
		ret = -EINVAL;
	}
	t->reset(tr);
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
	if (tr->snap)
		ring_buffer_reset(tr->snap);
	return ret;
}
#endif

/**
 * latency_print_open() - a reader starts printing a latency tracer's records
 * @tr: the instance
 *
 * Return: the graph printer's state for display-graph, which the reader
 * may see turned on at any time; NULL without the function graph tracer
 * or memory (then records print in the latency format).
 */
void *latency_print_open(struct trace_array *tr)
{
	if (!IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER))
		return NULL;
	return trace_graph_print_open(tr);
}

/**
 * latency_print_close() - free what latency_print_open() gave
 * @state: that state
 */
void latency_print_close(void *state)
{
	if (IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER))
		trace_graph_print_close(state);
}

/**
 * latency_print_line() - a latency tracer's record, as a graph line
 * @line: the record
 *
 * Return: false (the latency format) unless display-graph is set and
 * the record is one the graph prints.
 */
bool latency_print_line(struct trace_line *line)
{
	if (!IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER) ||
	    !(READ_ONCE(line->tr->flags) & TRACE_OPT_DISPLAY_GRAPH))
		return false;
	return trace_graph_print_section(line,
					 line->tr->lat->family == LATENCY_WAKEUP);
}

/**
 * latency_print_header() - the header of a latency tracer's "trace"
 * @s: output
 * @tr: the instance
 * @buf: the buffer read
 * @state: the reader's state (unused)
 *
 * The latency header of the kept section (struct tracer.print_header),
 * with the graph's columns under display-graph.
 */
void latency_print_header(struct seq_buf *s, struct trace_array *tr,
			  struct trace_buffer *buf, void *state)
{
	struct trace_latency *lat = tr->lat;
	struct trace_lat_info info;
	unsigned long flags;

	if (!lat)
		return;
	raw_spin_lock_irqsave(&lat->lock, flags);
	info = lat->info;
	raw_spin_unlock_irqrestore(&lat->lock, flags);
	if (IS_ENABLED(CONFIG_FUNCTION_GRAPH_TRACER) &&
	    (READ_ONCE(tr->flags) & TRACE_OPT_DISPLAY_GRAPH)) {
		trace_graph_print_section_header(s, tr, tr->snap,
						 info.latency ? &info : NULL);
		return;
	}
	if (!(READ_ONCE(tr->flags) & TRACE_OPT_CONTEXT_INFO))
		return;
	trace_print_lat_header(s, tr, tr->snap, info.latency ? &info : NULL);
}

/* ---- tracing_max_latency ------------------------------------------------- */

static ssize_t max_latency_read(struct file *file, char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file_inode(file)->i_private;
	char buf[24];
	int len;

	len = scnprintf(buf, sizeof(buf), "%llu\n",
			div_u64(READ_ONCE(tr->lat->max), NSEC_PER_USEC));
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

/* In microseconds, as upstream; 0 lets the next section in. */
static ssize_t max_latency_write(struct file *file, const char __user *ubuf,
				 size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file_inode(file)->i_private;
	struct trace_latency *lat = tr->lat;
	unsigned long val, flags;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, ULONG_MAX / NSEC_PER_USEC, &val);
	if (ret)
		return ret;
	raw_spin_lock_irqsave(&lat->lock, flags);
	WRITE_ONCE(lat->max, (u64)val * NSEC_PER_USEC);
	raw_spin_unlock_irqrestore(&lat->lock, flags);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations max_latency_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= max_latency_read,
	.write		= max_latency_write,
	.llseek		= generic_file_llseek,
};

/* ---- The part ------------------------------------------------------------- */

static int function_trace_changed(struct trace_array *tr, bool on)
{
	struct trace_latency *lat = tr->lat;

	if (!lat || !lat->running)
		return 0;
	return func_ops_set(lat, on);
}

/*
 * display-graph changed while a latency tracer runs: start measuring
 * again, recording the other way (as upstream, the kept section goes).
 * If the other way cannot record functions, the option stays as it was.
 */
static int display_graph_changed(struct trace_array *tr, bool on)
{
	struct trace_latency *lat = tr->lat;
	bool graph, funcs;
	unsigned long flags;
	int ret = 0;

	if (!lat || !lat->running)
		return 0;
	graph = graph_wanted(lat, on);
	if (graph == lat->graph)
		return 0;
	funcs = lat->ops_on;
	func_ops_set(lat, false);
	WRITE_ONCE(lat->graph, graph);
	if (funcs) {
		ret = func_ops_set(lat, true);
		if (ret) {
			WRITE_ONCE(lat->graph, !graph);
			func_ops_set(lat, true);
			return ret;
		}
	}
	/* Sections that started before have their start in the old way. */
	lat->drop();
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
	ring_buffer_reset(tr->snap);
	raw_spin_lock_irqsave(&lat->lock, flags);
	WRITE_ONCE(lat->max, 0);
	memset(&lat->info, 0, sizeof(lat->info));
	raw_spin_unlock_irqrestore(&lat->lock, flags);
	return 0;
}

static int latency_init(struct trace_array *tr)
{
	struct trace_latency *lat;

	lat = kzalloc(sizeof(*lat), GFP_KERNEL);
	if (!lat)
		return -ENOMEM;
	lat->tr = tr;
	raw_spin_lock_init(&lat->lock);
	lat->ops.func = latency_func_call;
	lat->ops.private = tr;
#ifdef CONFIG_FUNCTION_TRACER
	if (tr->func)
		lat->ops.sets_of = &tr->func->ops;
#endif
#ifdef CONFIG_FUNCTION_GRAPH_TRACER
	lat->gops.entryfunc = latency_graph_entry;
	lat->gops.retfunc = latency_graph_return;
	if (tr->func)
		lat->gops.ops.sets_of = &tr->func->ops;
#endif
	tr->lat = lat;
	return 0;
}

static void latency_free(struct trace_array *tr)
{
	kfree(tr->lat);
	tr->lat = NULL;
}

static void latency_create_files(struct trace_array *tr, struct dentry *dir)
{
	tracefs_create_file("tracing_max_latency", 0640, dir, tr,
			    &max_latency_fops);
}

static const struct trace_option latency_opts[] = {
	{ "function-trace", TRACE_OPT_FUNC_TRACE_BIT, true,
	  function_trace_changed },
#ifdef CONFIG_FUNCTION_GRAPH_TRACER
	{ "display-graph", TRACE_OPT_DISPLAY_GRAPH_BIT, false,
	  display_graph_changed },
#endif
};

static const struct trace_part latency_part = {
	.name		= "latency",
	.id		= TRACE_PART_LATENCY,
	.init		= latency_init,
	.free		= latency_free,
	.create_files	= latency_create_files,
	.opts		= latency_opts,
	.nr_opts	= ARRAY_SIZE(latency_opts),
};

static int __init latency_part_init(void)
{
	return trace_part_register(&latency_part);
}
core_initcall(latency_part_init);
