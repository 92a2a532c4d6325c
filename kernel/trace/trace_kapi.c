// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-wide tracing controls declared in <linux/kernel.h> and
 * <linux/ftrace.h>: trace_printk(), ftrace_dump(), the snapshot calls and
 * the sysctl/boot knobs kernel.ftrace_dump_on_oops,
 * kernel.traceoff_on_warning and kernel.tracepoint_printk.
 *
 * trace_printk() and friends are not offered yet and behave as they do
 * when tracing is configured out: they record nothing and return 0.
 * ftrace_dump() lives in trace_dump.c.  The knobs are real: their values
 * are kept and reported, and traceoff_on_warning turns tracing_on off.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/ftrace.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/sysctl.h>

#include "trace_priv.h"

/* ---- trace_printk() family: nothing to record into yet -------------------- */

/**
 * __trace_bprintk() - back end of trace_printk() with a constant format
 * @ip: caller address
 * @fmt: format
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __trace_bprintk(unsigned long ip, const char *fmt, ...)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__trace_bprintk);

/**
 * __trace_printk() - back end of trace_printk() with a variable format
 * @ip: caller address
 * @fmt: format
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __trace_printk(unsigned long ip, const char *fmt, ...)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__trace_printk);

/**
 * __ftrace_vbprintk() - va_list form of __trace_bprintk()
 * @ip: caller address
 * @fmt: format
 * @ap: arguments
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __ftrace_vbprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__ftrace_vbprintk);

/**
 * __ftrace_vprintk() - va_list form of __trace_printk()
 * @ip: caller address
 * @fmt: format
 * @ap: arguments
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __ftrace_vprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__ftrace_vprintk);

/**
 * __trace_bputs() - back end of trace_puts() with a constant string
 * @ip: caller address
 * @str: the string
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __trace_bputs(unsigned long ip, const char *str)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__trace_bputs);

/**
 * __trace_puts() - back end of trace_puts()
 * @ip: caller address
 * @str: the string
 * @size: its length
 *
 * Return: the number of bytes recorded; 0 until the ring buffer exists.
 */
int __trace_puts(unsigned long ip, const char *str, int size)
{
	return 0;
}
EXPORT_SYMBOL_GPL(__trace_puts);

/**
 * trace_dump_stack() - record the current stack in the trace
 * @skip: frames to leave out
 *
 * Records nothing until the ring buffer exists.
 */
void trace_dump_stack(int skip)
{
}
EXPORT_SYMBOL_GPL(trace_dump_stack);

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

/* ---- tracepoint_printk ------------------------------------------------------ */

/*
 * kernel.tracepoint_printk: also print every trace event to the console.
 * The value is kept and reported; trace events do not print to the
 * console yet (events, part two), so it has no effect.
 */
int tracepoint_printk;

/**
 * tracepoint_printk_sysctl() - handler of kernel.tracepoint_printk
 * @table: the sysctl entry
 * @write: nonzero for a write
 * @buffer: user data
 * @lenp: its length
 * @ppos: file position
 *
 * Return: 0 or the error of proc_dointvec().
 */
int tracepoint_printk_sysctl(const struct ctl_table *table, int write,
			     void *buffer, size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec(table, write, buffer, lenp, ppos);

	if (!ret && write)
		tracepoint_printk = !!tracepoint_printk;
	return ret;
}
