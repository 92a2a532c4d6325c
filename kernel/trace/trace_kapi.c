// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-wide tracing controls declared in <linux/kernel.h> and
 * <linux/ftrace.h>: the snapshot calls and the sysctl/boot knobs
 * kernel.ftrace_dump_on_oops and kernel.traceoff_on_warning.
 *
 * trace_printk() and friends live in trace_printk.c, ftrace_dump() in
 * trace_dump.c, kernel.tracepoint_printk in trace_events_output.c.  The
 * knobs are real: their values are kept and reported, and
 * traceoff_on_warning turns tracing_on off.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/ftrace.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/sysctl.h>

#include "trace_priv.h"

#ifndef CONFIG_TRACER_SNAPSHOT
/**
 * tracing_snapshot() - swap the live buffer with the snapshot buffer
 *
 * CONFIG_TRACER_SNAPSHOT=n: there is no snapshot buffer.
 */
void tracing_snapshot(void)
{
	pr_warn_once("Snapshot feature not enabled, but internal snapshot used\n");
}
EXPORT_SYMBOL_GPL(tracing_snapshot);

/**
 * tracing_snapshot_alloc() - allocate the snapshot buffer and take a snapshot
 *
 * CONFIG_TRACER_SNAPSHOT=n: there is no snapshot buffer.
 */
void tracing_snapshot_alloc(void)
{
	tracing_snapshot();
}
EXPORT_SYMBOL_GPL(tracing_snapshot_alloc);
#endif

/* ---- ftrace_dump_on_oops ---------------------------------------------------- */

/*
 * "0" off, "1" dump all CPUs, "2" or "orig_cpu" only the CPU that oopsed;
 * upstream also allows a list of instances.  Written by sysctl
 * (proc_dostring) and the boot parameter.
 */
char ftrace_dump_on_oops[MAX_TRACER_SIZE] = "0";

static int __init set_ftrace_dump_on_oops(char *str)
{
	if (!*str)
		strscpy(ftrace_dump_on_oops, "1", sizeof(ftrace_dump_on_oops));
	else if (*str == '=')
		strscpy(ftrace_dump_on_oops, str + 1, sizeof(ftrace_dump_on_oops));
	else
		return 0;
	return 1;
}
__setup("ftrace_dump_on_oops", set_ftrace_dump_on_oops);

/**
 * ftrace_dump_on_oops_enabled() - should an oops dump the trace?
 *
 * Return: 1 when kernel.ftrace_dump_on_oops is set to anything but "0".
 */
int ftrace_dump_on_oops_enabled(void)
{
	return strcmp(ftrace_dump_on_oops, "0") != 0;
}

/* ---- traceoff_on_warning ---------------------------------------------------- */

int __disable_trace_on_warning;

static int __init set_traceoff_on_warning(char *str)
{
	/* The bare word, or any value but 0 and off, turns it on. */
	__disable_trace_on_warning = strcmp(str, "=0") && strcmp(str, "=off");
	return 1;
}
__setup("traceoff_on_warning", set_traceoff_on_warning);

/**
 * disable_trace_on_warning() - freeze the trace when a warning fires
 *
 * Called by the WARN() machinery; turns tracing_on off when
 * kernel.traceoff_on_warning is set.
 */
void disable_trace_on_warning(void)
{
	if (!__disable_trace_on_warning || !tracing_is_on())
		return;
	tracing_off();
	pr_warn("Disabling tracing due to warning\n");
}
