// SPDX-License-Identifier: GPL-2.0
/*
 * The text of the function_graph tracer, column for column upstream's:
 *
 *	# CPU  DURATION                  FUNCTION CALLS
 *	# |     |   |                     |   |   |   |
 *	 0)               |  do_sys_open() {
 *	 0)   0.382 us    |    getname();
 *	 0) + 12.625 us   |  }
 *
 * A call whose return is the next record of its CPU (same task, same
 * function) is a leaf and takes one line, "func();"; the reader consumes
 * both records for it (trace_line_peek_next()).  Other records become
 * comments in the graph.  Each reader keeps, per CPU, the last task seen
 * (a change prints a separator) and the functions of the open calls at
 * each depth (a return whose call was not seen names its function).
 *
 * The latency tracers print their sections this way with
 * options/display-graph (trace_graph_print_section()): fixed columns,
 * among them the time since the section started.  With
 * options/latency-format, the lines carry the context flags of the
 * default latency format and the header upstream's latency lines.
 *
 * The format files of the two records are here too: they are generated
 * from the same structures.
 */
#include <linux/kallsyms.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>

#include "../trace_priv.h"
#include "trace_graph.h"

#define GRAPH_INDENT		2
#define PROC_WIDTH		14
#define DURATION_FILL		"              |  "

/* The columns of a latency tracer's section (display-graph), upstream's. */
#define SECTION_OPTS	(GRAPH_OPT_CPU | GRAPH_OPT_PROC | GRAPH_OPT_REL_TIME | \
			 GRAPH_OPT_DURATION)

/* One CPU's printing state in a reader. */
struct graph_cpu {
	int		last_pid;	/* -1 before the first record */
	int		depth;		/* depth of the last line, for comments */
	unsigned long	open[FTRACE_RETFUNC_DEPTH];	/* calls seen, by depth */
};

/**
 * struct graph_reader - a reader's state of the graph output
 * @cpu_width: digits of the highest CPU number
 * @cpus: per CPU
 *
 * Owned by one reader (trace_read.c serialises its use).
 */
struct graph_reader {
	int		cpu_width;
	struct graph_cpu cpus[];
};

/* ---- Format files ------------------------------------------------------------ */

/**
 * graph_entry_fields() - the fields of ftrace/funcgraph_entry
 * @call: the event
 *
 * Return: 0 or -ENOMEM.
 */
int graph_entry_fields(struct trace_event_call *call)
{
	size_t b = offsetof(struct fgraph_ent_entry, graph_ent);

	return trace_define_field(call, "unsigned long", "func",
				  b + offsetof(struct ftrace_graph_ent, func),
				  sizeof_field(struct ftrace_graph_ent, func), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "int", "depth",
				  b + offsetof(struct ftrace_graph_ent, depth),
				  sizeof_field(struct ftrace_graph_ent, depth), 1,
				  FILTER_OTHER);
}

/* A field of struct ftrace_graph_ret at @off in it, inside funcgraph_exit. */
static int ret_field(struct trace_event_call *call, const char *type,
		     const char *name, size_t off, size_t size, int sgn)
{
	return trace_define_field(call, type, name,
				  offsetof(struct fgraph_ret_entry, ret) + off,
				  size, sgn, FILTER_OTHER);
}

/**
 * graph_exit_fields() - the fields of ftrace/funcgraph_exit
 * @call: the event
 *
 * Return: 0 or -ENOMEM.
 */
int graph_exit_fields(struct trace_event_call *call)
{
	struct ftrace_graph_ret *r = NULL;

	return ret_field(call, "unsigned long", "func",
			 offsetof(typeof(*r), func), sizeof(r->func), 0) ?:
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
	       ret_field(call, "unsigned long", "retval",
			 offsetof(typeof(*r), retval), sizeof(r->retval), 0) ?:
#endif
	       ret_field(call, "int", "depth",
			 offsetof(typeof(*r), depth), sizeof(r->depth), 1) ?:
	       ret_field(call, "unsigned int", "overrun",
			 offsetof(typeof(*r), overrun), sizeof(r->overrun), 0) ?:
	       ret_field(call, "unsigned long long", "calltime",
			 offsetof(typeof(*r), calltime), sizeof(r->calltime), 0) ?:
	       ret_field(call, "unsigned long long", "rettime",
			 offsetof(typeof(*r), rettime), sizeof(r->rettime), 0);
}

/* ---- Reader state --------------------------------------------------------------- */

/**
 * trace_graph_print_open() - a reader starts printing graph records
 * @tr: the instance read
 *
 * Return: the reader's state, or NULL without memory.
 */
void *trace_graph_print_open(struct trace_array *tr)
{
	struct graph_reader *r;
	int cpu;

	r = kvzalloc(struct_size(r, cpus, nr_cpu_ids), GFP_KERNEL);
	if (!r)
		return NULL;
	r->cpu_width = 1;
	for (cpu = nr_cpu_ids - 1; cpu >= 10; cpu /= 10)
		r->cpu_width++;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		r->cpus[cpu].last_pid = -1;
	return r;
}

/**
 * trace_graph_print_close() - free a reader's state
 * @state: from trace_graph_print_open()
 */
void trace_graph_print_close(void *state)
{
	kvfree(state);
}

/* ---- Columns ---------------------------------------------------------------------- */

static void put_spaces(struct seq_buf *s, int n)
{
	while (n-- > 0)
		seq_buf_putc(s, ' ');
}

/* "comm-pid", the comm cut to 7 characters, centred in PROC_WIDTH. */
static void print_proc(struct seq_buf *s, int pid)
{
	char comm[TASK_COMM_LEN], text[32];
	int len, pad;

	trace_find_cmdline(pid, comm);
	len = scnprintf(text, sizeof(text), "%.7s-%d", comm, pid);
	pad = PROC_WIDTH - len;
	put_spaces(s, pad / 2);
	seq_buf_puts(s, text);
	put_spaces(s, pad - pad / 2);
}

static void print_cpu(struct seq_buf *s, struct graph_reader *r, int cpu)
{
	seq_buf_printf(s, " %*d) ", r->cpu_width, cpu);
}

/* A different task on the CPU since the last line: the separator. */
static void check_switch(struct seq_buf *s, struct graph_reader *r, int cpu,
			 int pid)
{
	struct graph_cpu *c = &r->cpus[cpu];

	if (c->last_pid == pid)
		return;
	if (c->last_pid >= 0) {
		seq_buf_puts(s, " ------------------------------------------\n");
		print_cpu(s, r, cpu);
		print_proc(s, c->last_pid);
		seq_buf_puts(s, " => ");
		print_proc(s, pid);
		seq_buf_puts(s, "\n ------------------------------------------\n\n");
	}
	c->last_pid = pid;
}

/* The columns before the duration: times, CPU, task, latency flags. */
static void print_prologue(struct seq_buf *s, struct trace_line *l, u32 opts,
			   struct trace_entry *ent)
{
	unsigned long flags = READ_ONCE(l->tr->flags);
	struct graph_reader *r = l->state;
	unsigned long usecs, secs;
	u64 t;

	if (!(flags & TRACE_OPT_CONTEXT_INFO))
		return;
	if (opts & GRAPH_OPT_ABSTIME) {
		t = l->ts;
		usecs = do_div(t, NSEC_PER_SEC) / NSEC_PER_USEC;
		secs = t;
		seq_buf_printf(s, "%5lu.%06lu |  ", secs, usecs);
	}
	if (opts & GRAPH_OPT_REL_TIME)
		seq_buf_printf(s, "%9llu us |  ",
			       div_u64(l->ts > l->start ? l->ts - l->start : 0,
				       NSEC_PER_USEC));
	if (opts & GRAPH_OPT_CPU)
		print_cpu(s, r, l->cpu);
	if (opts & GRAPH_OPT_PROC) {
		print_proc(s, ent->pid);
		seq_buf_puts(s, " | ");
	}
	if (flags & TRACE_OPT_LATENCY_FMT) {
		seq_buf_putc(s, ' ');
		trace_print_ctx_flags(s, ent);
		seq_buf_puts(s, " | ");
	}
}

static bool duration_shown(struct trace_line *l, u32 opts)
{
	return (opts & GRAPH_OPT_DURATION) &&
	       (READ_ONCE(l->tr->flags) & TRACE_OPT_CONTEXT_INFO);
}

/* The marks of long calls, by the smallest duration (ns) that earns each. */
static const struct {
	u64	over;
	char	mark;
} marks[] = {
	{ 1000000000ULL, '$' },
	{ 100000000ULL, '@' },
	{ 10000000ULL, '*' },
	{ 1000000ULL, '#' },
	{ 100000ULL, '!' },
	{ 10000ULL, '+' },
};

static void print_duration(struct seq_buf *s, struct trace_line *l, u32 opts,
			   u64 ns)
{
	char num[32];
	unsigned long rem;
	char mark = ' ';
	int len, digits;
	unsigned int i;
	u64 usecs;

	if (!duration_shown(l, opts))
		return;
	for (i = 0; i < ARRAY_SIZE(marks); i++) {
		if (ns > marks[i].over) {
			mark = marks[i].mark;
			break;
		}
	}
	if (opts & GRAPH_OPT_OVERHEAD) {
		seq_buf_putc(s, mark);
		seq_buf_putc(s, ' ');
	} else {
		seq_buf_puts(s, "  ");
	}
	usecs = ns;
	rem = do_div(usecs, NSEC_PER_USEC);
	len = scnprintf(num, sizeof(num), "%llu", usecs);
	/* Up to 8 characters: as many decimals as fit, at most 3. */
	if (len < 7) {
		digits = min(3, 7 - len);
		len += scnprintf(num + len, sizeof(num) - len, ".%03lu", rem);
		len -= 3 - digits;
		num[len] = '\0';
	}
	seq_buf_puts(s, num);
	seq_buf_puts(s, " us ");
	put_spaces(s, 8 - len);
	seq_buf_puts(s, "|  ");
}

/* A record's depth is data (trace_marker_raw, inject): bound it. */
static void print_indent(struct seq_buf *s, int depth)
{
	put_spaces(s, min(depth, FTRACE_RETFUNC_DEPTH) * GRAPH_INDENT);
}

static unsigned long ret_value(struct fgraph_ret_entry *ret)
{
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
	return ret->ret.retval;
#else
	return 0;
#endif
}

/*
 * " /" "* = VAL *" "/" after a leaf, "} /" "* func = VAL *" "/" for a return:
 * error codes in decimal unless retval-hex, anything else in hex.
 */
static void print_value(struct seq_buf *s, u32 opts, unsigned long retval)
{
	long err = retval;

	if ((retval & BIT(31)) && !(retval >> 32))
		err = (int)retval;
	if (!(opts & GRAPH_OPT_RETVAL_HEX) && IS_ERR_VALUE(err))
		seq_buf_printf(s, " = %ld */\n", err);
	else
		seq_buf_printf(s, " = 0x%lx */\n", retval);
}

static void print_leaf_retval(struct seq_buf *s, u32 opts,
			      struct fgraph_ret_entry *ret)
{
	seq_buf_printf(s, "%ps(); /*", (void *)ret->ret.func);
	print_value(s, opts, ret_value(ret));
}

static void print_ret_retval(struct seq_buf *s, u32 opts,
			     struct fgraph_ret_entry *ret)
{
	seq_buf_printf(s, "} /* %ps", (void *)ret->ret.func);
	print_value(s, opts, ret_value(ret));
}

/* ---- Lines -------------------------------------------------------------------------- */

static void print_leaf(struct trace_line *l, u32 opts,
		       struct fgraph_ent_entry *call,
		       struct fgraph_ret_entry *ret)
{
	struct graph_cpu *c = &((struct graph_reader *)l->state)->cpus[l->cpu];
	int depth = call->graph_ent.depth;
	struct seq_buf *s = l->s;

	c->depth = depth - 1;
	if (depth >= 0 && depth < FTRACE_RETFUNC_DEPTH)
		c->open[depth] = 0;
	print_prologue(s, l, opts, &call->ent);
	print_duration(s, l, opts, ret->ret.rettime - ret->ret.calltime);
	print_indent(s, depth);
	if (IS_ENABLED(CONFIG_FUNCTION_GRAPH_RETVAL) && (opts & GRAPH_OPT_RETVAL))
		print_leaf_retval(s, opts, ret);
	else
		seq_buf_printf(s, "%ps();\n", (void *)call->graph_ent.func);
}

static void print_call(struct trace_line *l, u32 opts,
		       struct fgraph_ent_entry *call)
{
	struct graph_cpu *c = &((struct graph_reader *)l->state)->cpus[l->cpu];
	int depth = call->graph_ent.depth;
	struct seq_buf *s = l->s;

	c->depth = depth;
	if (depth >= 0 && depth < FTRACE_RETFUNC_DEPTH)
		c->open[depth] = call->graph_ent.func;
	print_prologue(s, l, opts, &call->ent);
	if (duration_shown(l, opts))
		seq_buf_puts(s, DURATION_FILL);
	print_indent(s, depth);
	seq_buf_printf(s, "%ps() {\n", (void *)call->graph_ent.func);
}

static void print_entry(struct trace_line *l, u32 opts)
{
	struct fgraph_ret_entry ret;
	struct fgraph_ent_entry call;
	struct trace_entry *next;
	unsigned int len;

	if (l->len < sizeof(call))
		return;
	memcpy(&call, l->ent, sizeof(call));
	check_switch(l->s, l->state, l->cpu, call.ent.pid);
	next = trace_line_peek_next(l, &len);
	if (next && next->type == TRACE_GRAPH_RET && len >= sizeof(ret)) {
		memcpy(&ret, next, sizeof(ret));
		if (ret.ent.pid == call.ent.pid &&
		    ret.ret.func == call.graph_ent.func) {
			trace_line_take_next(l);
			print_leaf(l, opts, &call, &ret);
			return;
		}
	}
	print_call(l, opts, &call);
}

static void print_return(struct trace_line *l, u32 opts)
{
	struct graph_cpu *c = &((struct graph_reader *)l->state)->cpus[l->cpu];
	struct fgraph_ret_entry ret;
	struct seq_buf *s = l->s;
	bool named = opts & GRAPH_OPT_TAIL;
	int depth;

	if (l->len < sizeof(ret))
		return;
	memcpy(&ret, l->ent, sizeof(ret));
	depth = ret.ret.depth;
	check_switch(s, l->state, l->cpu, ret.ent.pid);
	c->depth = depth - 1;
	if (depth >= 0 && depth < FTRACE_RETFUNC_DEPTH) {
		if (c->open[depth] != ret.ret.func)
			named = true;
		c->open[depth] = 0;
	}
	print_prologue(s, l, opts, &ret.ent);
	print_duration(s, l, opts, ret.ret.rettime - ret.ret.calltime);
	print_indent(s, depth);
	if (IS_ENABLED(CONFIG_FUNCTION_GRAPH_RETVAL) && (opts & GRAPH_OPT_RETVAL))
		print_ret_retval(s, opts, &ret);
	else if (named)
		seq_buf_printf(s, "} /* %ps */\n", (void *)ret.ret.func);
	else
		seq_buf_puts(s, "}\n");
	if (opts & GRAPH_OPT_OVERRUN)
		seq_buf_printf(s, " (Overruns: %u)\n", ret.ret.overrun);
}

/* Any other record: its text as a comment at the current depth. */
static void print_comment(struct trace_line *l, u32 opts)
{
	struct graph_cpu *c = &((struct graph_reader *)l->state)->cpus[l->cpu];
	struct seq_buf *s = l->s;
	struct print_entry *p;
	const char *text;
	size_t len, start;

	check_switch(s, l->state, l->cpu, l->ent->pid);
	print_prologue(s, l, opts, l->ent);
	if (duration_shown(l, opts))
		seq_buf_puts(s, DURATION_FILL);
	if (c->depth > 0)
		print_indent(s, c->depth + 1);
	seq_buf_puts(s, "/* ");
	if (l->ent->type == TRACE_PRINT && l->len > sizeof(*p)) {
		p = (struct print_entry *)l->ent;
		text = p->buf;
		len = strnlen(p->buf, l->len - sizeof(*p));
		if (len && text[len - 1] == '\n')
			len--;
		seq_buf_putmem(s, text, len);
	} else {
		start = seq_buf_used(s);
		trace_print_event_text(s, l->tr, l->cpu, l->ts, l->ent, l->len,
				       l->syms);
		/* Its one trailing newline goes. */
		if (seq_buf_used(s) > start && s->buffer[seq_buf_used(s) - 1] == '\n')
			s->len--;
	}
	seq_buf_puts(s, " */\n");
}

static bool print_graph(struct trace_line *line, u32 opts)
{
	if (line->cpu < 0 || line->cpu >= nr_cpu_ids)
		return false;
	switch (line->ent->type) {
	case TRACE_GRAPH_ENT:
		print_entry(line, opts);
		return true;
	case TRACE_GRAPH_RET:
		print_return(line, opts);
		return true;
	case TRACE_FN:
	case TRACE_STACK:
		return false;
	default:
		print_comment(line, opts);
		return true;
	}
}

/**
 * graph_print_line() - a record as a line of the graph
 * @line: the record and the reader
 *
 * Return: false for function and stack records, which keep their usual
 * text; true when the line is printed.
 */
bool graph_print_line(struct trace_line *line)
{
	return print_graph(line, READ_ONCE(graph_flags.val));
}

/**
 * trace_graph_print_section() - a record of a latency tracer as a graph line
 * @line: the record and the reader (trace_graph_print_open()'s state)
 * @marks: the marks of long durations too (the wakeup tracers')
 *
 * The columns do not follow the funcgraph options: relative time, CPU,
 * task and duration, as upstream's display-graph.
 *
 * Return: as graph_print_line().
 */
bool trace_graph_print_section(struct trace_line *line, bool marks)
{
	return print_graph(line, SECTION_OPTS | (marks ? GRAPH_OPT_OVERHEAD : 0));
}

/* The legend of the latency flags, over them (upstream's trailing spaces). */
static const char * const lat_legend[] = {
	"  _-----=> irqs-off        ",
	" / _----=> need-resched    ",
	"| / _---=> hardirq/softirq ",
	"|| / _--=> preempt-depth   ",
	"||| /                      ",
};

static void print_columns(struct seq_buf *s, unsigned long flags, u32 opts)
{
	bool lat = flags & TRACE_OPT_LATENCY_FMT;
	int i, width = 0;

	if (lat) {
		width += opts & GRAPH_OPT_ABSTIME ? 16 : 0;
		width += opts & GRAPH_OPT_REL_TIME ? 16 : 0;
		width += opts & GRAPH_OPT_CPU ? 4 : 0;
		width += opts & GRAPH_OPT_PROC ? 17 : 0;
		for (i = 0; i < ARRAY_SIZE(lat_legend); i++)
			seq_buf_printf(s, "#%*s%s\n", min(width, 37), "",
				       lat_legend[i]);
	}
	seq_buf_printf(s, "#%s%s%s%s%s%s               FUNCTION CALLS\n",
		       opts & GRAPH_OPT_ABSTIME ? "     TIME       " : "",
		       opts & GRAPH_OPT_REL_TIME ? "   REL TIME     " : "",
		       opts & GRAPH_OPT_CPU ? " CPU" : "",
		       opts & GRAPH_OPT_PROC ? "  TASK/PID       " : "",
		       lat ? "||||   " : "",
		       opts & GRAPH_OPT_DURATION ? "  DURATION   " : "");
	seq_buf_printf(s, "#%s%s%s%s%s%s               |   |   |   |\n",
		       opts & GRAPH_OPT_ABSTIME ? "      |         " : "",
		       opts & GRAPH_OPT_REL_TIME ? "      |         " : "",
		       opts & GRAPH_OPT_CPU ? " |  " : "",
		       opts & GRAPH_OPT_PROC ? "   |    |        " : "",
		       lat ? "||||   " : "",
		       opts & GRAPH_OPT_DURATION ? "   |   |      " : "");
}

/*
 * The header: in the latency format, upstream's latency lines first, and
 * nothing at all for an empty buffer.
 */
static void print_header(struct seq_buf *s, struct trace_array *tr,
			 struct trace_buffer *buf,
			 const struct trace_lat_info *info, u32 opts)
{
	unsigned long flags = READ_ONCE(tr->flags);

	if (!(flags & TRACE_OPT_CONTEXT_INFO))
		return;
	if ((flags & TRACE_OPT_LATENCY_FMT) &&
	    !trace_print_lat_info(s, tr, buf, info))
		return;
	print_columns(s, flags, opts);
}

/**
 * graph_print_header() - the column header of the graph
 * @s: output
 * @tr: the instance
 * @buf: the buffer read
 * @state: the reader's state (unused)
 */
void graph_print_header(struct seq_buf *s, struct trace_array *tr,
			struct trace_buffer *buf, void *state)
{
	print_header(s, tr, buf, NULL, READ_ONCE(graph_flags.val));
}

/**
 * trace_graph_print_section_header() - the header of a latency tracer's graph
 * @s: output
 * @tr: the instance
 * @buf: the buffer read
 * @info: the section kept in @buf, or NULL
 */
void trace_graph_print_section_header(struct seq_buf *s, struct trace_array *tr,
				      struct trace_buffer *buf,
				      const struct trace_lat_info *info)
{
	print_header(s, tr, buf, info, SECTION_OPTS);
}
