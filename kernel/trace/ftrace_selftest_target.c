// SPDX-License-Identifier: GPL-2.0
/*
 * A function the function tracer's selftest traces.  This file alone in
 * kernel/trace is built with the tracing call at function entry.
 */
#include <linux/compiler.h>

#include "ftrace_internal.h"

/**
 * ftrace_selftest_target() - a traced function that does nothing
 *
 * Return: FTRACE_SELFTEST_VALUE (a return hook must not change it).
 */
noinline int ftrace_selftest_target(void)
{
	barrier();
	return FTRACE_SELFTEST_VALUE;
}
