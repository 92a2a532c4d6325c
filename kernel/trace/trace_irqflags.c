// SPDX-License-Identifier: GPL-2.0
/*
 * The hooks that the irq-flags wrappers (local_irq_enable() and friends,
 * the entry code) call when CONFIG_TRACE_IRQFLAGS is set.
 *
 * Lock debugging is their main user: lockdep must know whether hardirqs
 * are on at every moment.  The irq_disable/irq_enable trace events and the
 * irqsoff latency tracer hook in here too once they exist; until then the
 * "prepare" and "finish" halves, which are the tracing part, have nothing
 * to do.
 *
 * Every function here runs with interrupts in transition, so none of them
 * may be traced or probed.
 */
#include <linux/export.h>
#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/lockdep.h>

/**
 * trace_hardirqs_on_prepare() - tracing part of an irq-enable
 *
 * Called before interrupts are enabled, with lockdep already told.
 */
void trace_hardirqs_on_prepare(void)
{
}
EXPORT_SYMBOL(trace_hardirqs_on_prepare);
NOKPROBE_SYMBOL(trace_hardirqs_on_prepare);

/**
 * trace_hardirqs_on() - interrupts are about to be enabled
 */
void trace_hardirqs_on(void)
{
	trace_hardirqs_on_prepare();
	lockdep_hardirqs_on_prepare();
	lockdep_hardirqs_on(CALLER_ADDR0);
}
EXPORT_SYMBOL(trace_hardirqs_on);
NOKPROBE_SYMBOL(trace_hardirqs_on);

/**
 * trace_hardirqs_off_finish() - tracing part of an irq-disable
 *
 * Called after interrupts were disabled, with lockdep already told.
 */
void trace_hardirqs_off_finish(void)
{
}
EXPORT_SYMBOL(trace_hardirqs_off_finish);
NOKPROBE_SYMBOL(trace_hardirqs_off_finish);

/**
 * trace_hardirqs_off() - interrupts have just been disabled
 */
void trace_hardirqs_off(void)
{
	lockdep_hardirqs_off(CALLER_ADDR0);
	trace_hardirqs_off_finish();
}
EXPORT_SYMBOL(trace_hardirqs_off);
NOKPROBE_SYMBOL(trace_hardirqs_off);
