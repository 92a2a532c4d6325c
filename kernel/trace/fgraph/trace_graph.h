/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The function_graph tracer's records and options, shared by its
 * recording (trace_graph.c) and printing (trace_graph_output.c) halves.
 */
#ifndef _KERNEL_TRACE_GRAPH_H
#define _KERNEL_TRACE_GRAPH_H

#include <linux/ftrace.h>
#include <linux/trace_events.h>

struct seq_buf;
struct trace_array;
struct trace_line;

/* Record types, upstream's numbers. */
enum {
	TRACE_GRAPH_RET	= 10,	/* "ftrace/funcgraph_exit" */
	TRACE_GRAPH_ENT	= 11,	/* "ftrace/funcgraph_entry" */
};

/* A call: upstream's layout, packed (20 bytes). */
struct fgraph_ent_entry {
	struct trace_entry		ent;
	struct ftrace_graph_ent		graph_ent;
} __packed;

/* A return: upstream's layout, packed. */
struct fgraph_ret_entry {
	struct trace_entry		ent;
	struct ftrace_graph_ret		ret;
} __packed;

/* Option bits of graph_flags.val, upstream's values. */
#define GRAPH_OPT_OVERRUN	BIT(0)
#define GRAPH_OPT_CPU		BIT(1)
#define GRAPH_OPT_OVERHEAD	BIT(2)
#define GRAPH_OPT_PROC		BIT(3)
#define GRAPH_OPT_DURATION	BIT(4)
#define GRAPH_OPT_ABSTIME	BIT(5)
#define GRAPH_OPT_REL_TIME	BIT(6)	/* display-graph only, not an option */
#define GRAPH_OPT_IRQS		BIT(7)
#define GRAPH_OPT_TAIL		BIT(8)
#define GRAPH_OPT_SLEEP_TIME	BIT(9)
#define GRAPH_OPT_RETVAL	BIT(11)
#define GRAPH_OPT_RETVAL_HEX	BIT(12)

extern struct tracer_flags graph_flags;

/* trace_graph_output.c */
int graph_entry_fields(struct trace_event_call *call);
int graph_exit_fields(struct trace_event_call *call);
bool graph_print_line(struct trace_line *line);
void graph_print_header(struct seq_buf *s, struct trace_array *tr,
			struct trace_buffer *buf, void *state);

#endif /* _KERNEL_TRACE_GRAPH_H */
