// SPDX-License-Identifier: GPL-2.0
/*
 * The hooks that the irq-flags wrappers (local_irq_enable() and friends,
 * the entry code) call when CONFIG_TRACE_IRQFLAGS is set, and those of
 * preempt_count_add()/preempt_count_sub() with CONFIG_TRACE_PREEMPT_TOGGLE.
 *
 * Lock debugging is the main user of the irq hooks: lockdep must know
 * whether hardirqs are on at every moment.  The tracing part fires the
 * preemptirq tracepoints (events/preemptirq/): irq_disable when interrupts
 * go off, irq_enable when they come back, preempt_disable and
 * preempt_enable when preemption is first disabled and last enabled.  The
 * latency tracers (latency/) attach to those tracepoints; nothing here
 * knows them.  A tracepoint that is not in use costs a patched-out jump.
 *
 * The irq hooks may be called again for a state already set (the entry
 * code says "off" for interrupts the CPU has already disabled), so a
 * per-CPU flag pairs each irq_disable with one irq_enable.
 *
 * Every function here runs with interrupts or preemption in transition,
 * so none of them may be traced or probed.
 */
#include <linux/export.h>
#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>

#ifdef CONFIG_PREEMPTIRQ_TRACEPOINTS
#define CREATE_TRACE_POINTS
#include <trace/events/preemptirq.h>
#endif

#ifdef CONFIG_TRACE_IRQFLAGS
/* This CPU's interrupts are off as far as irq_disable/irq_enable go. */
static DEFINE_PER_CPU(bool, irqs_traced_off);

/**
 * trace_hardirqs_on_prepare() - tracing part of an irq-enable
 *
 * Called before interrupts are enabled, with lockdep already told.
 */
void trace_hardirqs_on_prepare(void)
{
	if (this_cpu_read(irqs_traced_off)) {
		trace_irq_enable(CALLER_ADDR0, CALLER_ADDR1);
		this_cpu_write(irqs_traced_off, false);
	}
}
EXPORT_SYMBOL(trace_hardirqs_on_prepare);
NOKPROBE_SYMBOL(trace_hardirqs_on_prepare);

/**
 * trace_hardirqs_on() - interrupts are about to be enabled
 */
void trace_hardirqs_on(void)
{
	if (this_cpu_read(irqs_traced_off)) {
		trace_irq_enable(CALLER_ADDR0, CALLER_ADDR1);
		this_cpu_write(irqs_traced_off, false);
	}
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
	if (!this_cpu_read(irqs_traced_off)) {
		this_cpu_write(irqs_traced_off, true);
		trace_irq_disable(CALLER_ADDR0, CALLER_ADDR1);
	}
}
EXPORT_SYMBOL(trace_hardirqs_off_finish);
NOKPROBE_SYMBOL(trace_hardirqs_off_finish);

/**
 * trace_hardirqs_off() - interrupts have just been disabled
 */
void trace_hardirqs_off(void)
{
	lockdep_hardirqs_off(CALLER_ADDR0);
	if (!this_cpu_read(irqs_traced_off)) {
		this_cpu_write(irqs_traced_off, true);
		trace_irq_disable(CALLER_ADDR0, CALLER_ADDR1);
	}
}
EXPORT_SYMBOL(trace_hardirqs_off);
NOKPROBE_SYMBOL(trace_hardirqs_off);
#endif /* CONFIG_TRACE_IRQFLAGS */

#ifdef CONFIG_TRACE_PREEMPT_TOGGLE
/**
 * trace_preempt_on() - preemption is about to be enabled again
 * @a0: the caller of preempt_count_sub()
 * @a1: its caller
 */
void trace_preempt_on(unsigned long a0, unsigned long a1)
{
	trace_preempt_enable(a0, a1);
}

NOKPROBE_SYMBOL(trace_preempt_on);

/**
 * trace_preempt_off() - preemption has just been disabled
 * @a0: the caller of preempt_count_add()
 * @a1: its caller
 */
void trace_preempt_off(unsigned long a0, unsigned long a1)
{
	trace_preempt_disable(a0, a1);
}

NOKPROBE_SYMBOL(trace_preempt_off);
#endif /* CONFIG_TRACE_PREEMPT_TOGGLE */
