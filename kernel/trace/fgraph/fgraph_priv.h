/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of function graph tracing, shared by its files:
 *
 *	fgraph.c		the fgraph core: shadow stacks, entry and
 *				return hooks, register_ftrace_graph()
 *	trace_graph.c		the function_graph tracer: recording, its
 *				options, set_graph_function and friends
 *	trace_graph_output.c	the text form of its records
 *	fgraph_kunit.c		KUnit tests of the core
 */
#ifndef _KERNEL_TRACE_FGRAPH_PRIV_H
#define _KERNEL_TRACE_FGRAPH_PRIV_H

#include <linux/ftrace.h>
#include <linux/sched.h>

/* A shadow stack: one page of words; users' task words come first. */
#define FGRAPH_STACK_WORDS	((int)(PAGE_SIZE / sizeof(long)))
#define FGRAPH_FRAME_BASE	FGRAPH_ARRAY_SIZE

/* fgraph.c */
unsigned long ftrace_return_to_handler(struct fgraph_ret_regs *regs);
unsigned long *fgraph_task_var(struct fgraph_ops *gops);
bool fgraph_frame_at(struct task_struct *task, int n, unsigned long *func,
		     int *depth);
void fgraph_set_sleep_time(bool on);

#endif /* _KERNEL_TRACE_FGRAPH_PRIV_H */
