// SPDX-License-Identifier: GPL-2.0
/*
 * ftk_fuzz: a module for the tracefs fuzzer to load and unload while it
 * writes.  It brings an event system of its own (ftk_fuzz:ftk_fuzz_tick)
 * and traceable functions, called every few milliseconds by a kthread, so
 * that filters, triggers and function filters naming the module appear and
 * disappear with it.
 */
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>

#define CREATE_TRACE_POINTS
#include "ftk_fuzz_trace.h"

static struct task_struct *ftk_fuzz_thread;

static noinline unsigned long ftk_fuzz_leaf(unsigned long n)
{
	return n * 3 + 1;
}

static noinline unsigned long ftk_fuzz_step(unsigned long n)
{
	trace_ftk_fuzz_tick(n, n & 1 ? "odd" : "even");
	return ftk_fuzz_leaf(n);
}

static int ftk_fuzz_loop(void *unused)
{
	unsigned long n = 0;

	while (!kthread_should_stop()) {
		n = ftk_fuzz_step(n);
		usleep_range(2000, 5000);
	}
	return 0;
}

static int __init ftk_fuzz_init(void)
{
	ftk_fuzz_thread = kthread_run(ftk_fuzz_loop, NULL, "ftk_fuzz");
	return PTR_ERR_OR_ZERO(ftk_fuzz_thread);
}

static void __exit ftk_fuzz_exit(void)
{
	kthread_stop(ftk_fuzz_thread);
}

module_init(ftk_fuzz_init);
module_exit(ftk_fuzz_exit);
MODULE_DESCRIPTION("Traced functions and a tracepoint for the tracefs fuzzer");
MODULE_LICENSE("GPL");
