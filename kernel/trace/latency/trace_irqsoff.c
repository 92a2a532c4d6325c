// SPDX-License-Identifier: GPL-2.0
/*
 * The irqsoff, preemptoff and preemptirqsoff tracers: how long a CPU runs
 * with interrupts disabled, with preemption disabled, or with either.
 *
 * They attach to the preemptirq tracepoints (trace_irqflags.c).  Where a
 * section starts (interrupts or preemption go off on a CPU that was in
 * no section) the CPU notes the time and writes a function record of
 * where; where it ends it measures the section and, when it is one to
 * keep (latency_worse()), has the latency part write its end and keep it
 * in the snapshot buffer.  preemptirqsoff's section lasts while either is
 * off: interrupts coming back on with preemption still off do not end it.
 *
 * One instance at a time may run one of them (EBUSY otherwise), as
 * upstream.  start_critical_timings()/stop_critical_timings() let the
 * idle loop and the console drivers leave time out of sections.
 *
 * The probes run with interrupts or preemption in transition: nothing
 * here may be traced or probed.
 */
#include <linux/delay.h>
#include <linux/ftrace.h>
#include <linux/irqflags.h>
#include <linux/kprobes.h>
#include <linux/tracepoint.h>
#include <trace/events/preemptirq.h>

#include "trace_latency.h"

#define MODE_IRQS	BIT(0)	/* sections of interrupts off */
#define MODE_PREEMPT	BIT(1)	/* sections of preemption off */

/**
 * struct irqsoff_cpu - a CPU's section
 * @gen: the tracer run it belongs to (a section from an earlier run is
 *	not one)
 * @active: the CPU is in a section
 * @start: when it started, in the buffer's clock (both buffers share it)
 * @start_ip: where
 *
 * Per CPU, touched only by its CPU with interrupts or preemption off.
 */
struct irqsoff_cpu {
	unsigned int		gen;
	bool			active;
	u64			start;
	unsigned long		start_ip;
};

static DEFINE_PER_CPU(struct irqsoff_cpu, irqsoff_cpus);

/*
 * The instance the running tracer records into, and what it measures.
 * Written under trace_types_lock while no probe is attached.
 */
static struct trace_array *irqsoff_tr;
static unsigned int irqsoff_mode;
static unsigned int irqsoff_gen;

/* The preemption count of the code that fired the tracepoint. */
static __always_inline unsigned int outer_preempt_count(void)
{
	/* The tracepoint itself disabled preemption once around the probe. */
	return preempt_count() - IS_ENABLED(CONFIG_PREEMPT_COUNT);
}

static void section_start(unsigned long ip, unsigned long parent_ip)
{
	struct irqsoff_cpu *c = this_cpu_ptr(&irqsoff_cpus);
	struct trace_array *tr = READ_ONCE(irqsoff_tr);
	unsigned int gen = READ_ONCE(irqsoff_gen);
	struct trace_buffer *buf;

	if ((c->active && c->gen == gen) || !tr)
		return;
	buf = trace_live_buffer(tr);
	if (!buf || !cpumask_test_cpu(smp_processor_id(), tr->cpumask))
		return;
	c->gen = gen;
	c->start_ip = parent_ip ?: ip;
	c->active = true;
	/* Before the record, which readers show only from here on. */
	c->start = ring_buffer_time_stamp(buf);
	latency_record_fn(tr, ip, parent_ip, latency_outer_ctx());
	this_cpu_write(latency_in_section[LATENCY_IRQSOFF], true);
}

NOKPROBE_SYMBOL(section_start);

static void section_end(unsigned long ip, unsigned long parent_ip)
{
	struct irqsoff_cpu *c = this_cpu_ptr(&irqsoff_cpus);
	struct trace_array *tr = READ_ONCE(irqsoff_tr);
	struct latency_section sec;
	struct trace_buffer *buf;
	unsigned int ctx;
	u64 delta;

	if (!c->active)
		return;
	c->active = false;
	this_cpu_write(latency_in_section[LATENCY_IRQSOFF], false);
	if (!tr || c->gen != READ_ONCE(irqsoff_gen))
		return;
	/*
	 * Another CPU may have kept a section of its own meanwhile: its swap
	 * took our start into the snapshot buffer.  The section still counts
	 * (upstream swaps per CPU and keeps it whole): if it is kept, the
	 * snapshot shows it from its first record after that swap to its end,
	 * and the header names where it started.
	 */
	buf = trace_live_buffer(tr);
	if (!buf)
		return;
	delta = ring_buffer_time_stamp(buf) - c->start;
	if (likely(!latency_worse(tr->lat, delta)))
		return;
	ctx = latency_outer_ctx();
	latency_record_end(tr, ip, parent_ip, ctx);
	sec = (struct latency_section){
		.start		= c->start,
		.delta		= delta,
		.cpu		= smp_processor_id(),
		.one_cpu	= true,
		.start_ip	= c->start_ip,
		.end_ip		= parent_ip ?: ip,
		.task		= current,
	};
	latency_keep(tr, &sec);
}

NOKPROBE_SYMBOL(section_end);

/* irqsoff: interrupts off, unless preemptirqsoff's preempt section runs. */
static void probe_irq_disable(void *data, unsigned long ip,
			      unsigned long parent_ip)
{
	if (!(irqsoff_mode & MODE_PREEMPT) || !outer_preempt_count())
		section_start(ip, parent_ip);
}

NOKPROBE_SYMBOL(probe_irq_disable);

static void probe_irq_enable(void *data, unsigned long ip,
			     unsigned long parent_ip)
{
	if (!(irqsoff_mode & MODE_PREEMPT) || !outer_preempt_count())
		section_end(ip, parent_ip);
}

NOKPROBE_SYMBOL(probe_irq_enable);

/* preemptoff: preemption off, unless irqsoff's section runs. */
static void probe_preempt_disable(void *data, unsigned long ip,
				  unsigned long parent_ip)
{
	if (!(irqsoff_mode & MODE_IRQS) || !irqs_disabled())
		section_start(ip, parent_ip);
}

NOKPROBE_SYMBOL(probe_preempt_disable);

static void probe_preempt_enable(void *data, unsigned long ip,
				 unsigned long parent_ip)
{
	if (!(irqsoff_mode & MODE_IRQS) || !irqs_disabled())
		section_end(ip, parent_ip);
}

NOKPROBE_SYMBOL(probe_preempt_enable);

/* Is the caller inside what the running tracer measures? */
static bool in_measured(void)
{
	return ((irqsoff_mode & MODE_PREEMPT) && preempt_count()) ||
	       ((irqsoff_mode & MODE_IRQS) && irqs_disabled());
}

/**
 * start_critical_timings() - count time from here again
 *
 * After stop_critical_timings(): a section starts here if interrupts or
 * preemption are still off.
 */
void start_critical_timings(void)
{
	if (READ_ONCE(irqsoff_tr) && in_measured())
		section_start(CALLER_ADDR0, CALLER_ADDR1);
}
EXPORT_SYMBOL_GPL(start_critical_timings);
NOKPROBE_SYMBOL(start_critical_timings);

/**
 * stop_critical_timings() - leave the time from here out of sections
 *
 * The idle loop calls it before it waits with interrupts off: the
 * section in progress ends here.
 */
void stop_critical_timings(void)
{
	if (READ_ONCE(irqsoff_tr) && in_measured())
		section_end(CALLER_ADDR0, CALLER_ADDR1);
}
EXPORT_SYMBOL_GPL(stop_critical_timings);
NOKPROBE_SYMBOL(stop_critical_timings);

/* Detach the probes of @mode; after it, no probe runs any more. */
static void detach(unsigned int mode)
{
#ifdef CONFIG_TRACE_IRQFLAGS
	if (mode & MODE_IRQS) {
		unregister_trace_irq_disable(probe_irq_disable, NULL);
		unregister_trace_irq_enable(probe_irq_enable, NULL);
	}
#endif
#ifdef CONFIG_TRACE_PREEMPT_TOGGLE
	if (mode & MODE_PREEMPT) {
		unregister_trace_preempt_disable(probe_preempt_disable, NULL);
		unregister_trace_preempt_enable(probe_preempt_enable, NULL);
	}
#endif
	tracepoint_synchronize_unregister();
}

/*
 * Attach the probes of @mode.  Registering a probe fails only for want of
 * memory; then the ones attached so far are detached again.
 */
static int attach(unsigned int mode)
{
	int ret = 0;

#ifdef CONFIG_TRACE_IRQFLAGS
	if (mode & MODE_IRQS) {
		ret = register_trace_irq_disable(probe_irq_disable, NULL);
		if (ret)
			return ret;
		ret = register_trace_irq_enable(probe_irq_enable, NULL);
		if (ret) {
			unregister_trace_irq_disable(probe_irq_disable, NULL);
			return ret;
		}
	}
#endif
#ifdef CONFIG_TRACE_PREEMPT_TOGGLE
	if (mode & MODE_PREEMPT) {
		ret = register_trace_preempt_disable(probe_preempt_disable, NULL);
		if (!ret) {
			ret = register_trace_preempt_enable(probe_preempt_enable, NULL);
			if (ret)
				unregister_trace_preempt_disable(probe_preempt_disable, NULL);
		}
		if (ret)
			detach(mode & MODE_IRQS);
	}
#endif
	return ret;
}

/* Sections in progress end without being measured. */
static void irqsoff_drop(void)
{
	WRITE_ONCE(irqsoff_gen, irqsoff_gen + 1);
}

static int irqsoff_start(struct trace_array *tr, unsigned int mode)
{
	int ret;

	lockdep_assert_held(&trace_types_lock);
	if (irqsoff_tr)
		return -EBUSY;
	ret = latency_start(tr, LATENCY_IRQSOFF, irqsoff_drop);
	if (ret)
		return ret;
	WRITE_ONCE(irqsoff_gen, irqsoff_gen + 1);
	irqsoff_mode = mode;
	WRITE_ONCE(irqsoff_tr, tr);
	ret = attach(mode);
	if (ret) {
		tracepoint_synchronize_unregister();
		WRITE_ONCE(irqsoff_tr, NULL);
		latency_stop(tr);
	}
	return ret;
}

static void irqsoff_reset(struct trace_array *tr)
{
	lockdep_assert_held(&trace_types_lock);
	detach(irqsoff_mode);
	WRITE_ONCE(irqsoff_tr, NULL);
	latency_stop(tr);
}

#ifdef CONFIG_FTRACE_STARTUP_TEST
/*
 * A section made on purpose is kept: tracing_max_latency grows and the
 * snapshot buffer holds records.
 */
static int irqsoff_selftest(struct tracer *t, struct trace_array *tr)
{
	unsigned long flags;
	int ret;

	ret = t->init(tr);
	if (ret) {
		pr_warn("%s selftest: cannot start: %d\n", t->name, ret);
		return ret;
	}
	if (irqsoff_mode & MODE_IRQS) {
		local_irq_save(flags);
		mdelay(1);
		local_irq_restore(flags);
	} else {
		preempt_disable();
		mdelay(1);
		preempt_enable();
	}
	return latency_selftest_end(t, tr);
}

#define IRQSOFF_SELFTEST	irqsoff_selftest
#else
#define IRQSOFF_SELFTEST	NULL
#endif

static int irqsoff_init(struct trace_array *tr)
{
	return irqsoff_start(tr, MODE_IRQS);
}

static int preemptoff_init(struct trace_array *tr)
{
	return irqsoff_start(tr, MODE_PREEMPT);
}

static int preemptirqsoff_init(struct trace_array *tr)
{
	return irqsoff_start(tr, MODE_IRQS | MODE_PREEMPT);
}

/* The family's members differ only in name and in what they measure. */
#define IRQSOFF_MEMBER(_name, _init) {				\
	.name		= _name,				\
	.init		= _init,				\
	.reset		= irqsoff_reset,			\
	.selftest	= IRQSOFF_SELFTEST,			\
	.print_open	= latency_print_open,			\
	.print_close	= latency_print_close,			\
	.print_line	= latency_print_line,			\
	.print_header	= latency_print_header,			\
	.allow_instances = true,				\
	.use_max	= true,					\
}

/* Those the configuration offers: preemptoff needs PREEMPT_TRACER. */
static struct tracer irqsoff_family[] = {
#ifdef CONFIG_IRQSOFF_TRACER
	IRQSOFF_MEMBER("irqsoff", irqsoff_init),
#endif
#ifdef CONFIG_PREEMPT_TRACER
	IRQSOFF_MEMBER("preemptoff", preemptoff_init),
#endif
#if defined(CONFIG_IRQSOFF_TRACER) && defined(CONFIG_PREEMPT_TRACER)
	IRQSOFF_MEMBER("preemptirqsoff", preemptirqsoff_init),
#endif
};

static int __init irqsoff_tracers_init(void)
{
	struct tracer *t;

	for (t = irqsoff_family; t < irqsoff_family + ARRAY_SIZE(irqsoff_family); t++)
		register_tracer(t);
	return 0;
}
core_initcall(irqsoff_tracers_init);
