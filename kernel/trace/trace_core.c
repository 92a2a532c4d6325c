// SPDX-License-Identifier: GPL-2.0
/*
 * The global tracing instance, its on/off switch, and the pins that open
 * files hold on instances.
 *
 * Two independent things must both allow recording: the tracing_on switch
 * (a user or tracing_off() turns it off, tracing_on() back on) and the
 * tracing_stop()/tracing_start() nesting count that kernel code uses around
 * sections it must not disturb.  tracing_off() may be called from any
 * context, including NMI, and so may tracing_on(): both only store to @on.
 * The current tracer's start/stop hooks may sleep, so only a write to the
 * tracing_on file calls them (trace_on_store(), under trace_types_lock).
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "trace_priv.h"

/* The global instance, /sys/kernel/tracing itself. */
struct trace_array trace_top = {
	.on = true,
};

/**
 * trace_array_put() - undo trace_array_get_file()
 * @tr: the instance
 */
void trace_array_put(struct trace_array *tr)
{
	mutex_lock(&trace_types_lock);
	WARN_ON_ONCE(!tr->ref);
	tr->ref--;
	mutex_unlock(&trace_types_lock);
}

/**
 * tracer_tracing_on() - turn tracing on for an instance
 * @tr: the instance
 *
 * Safe from any context; does not call the tracer's start hook.
 */
void tracer_tracing_on(struct trace_array *tr)
{
	WRITE_ONCE(tr->on, true);
}

/**
 * tracer_tracing_off() - turn tracing off for an instance
 * @tr: the instance
 *
 * Safe from any context; does not call the tracer's stop hook.
 */
void tracer_tracing_off(struct trace_array *tr)
{
	WRITE_ONCE(tr->on, false);
}

/**
 * trace_on_store() - set tracing_on as a write to the file does
 * @tr: the instance
 * @on: the new state
 *
 * Calls the current tracer's start or stop hook when the state changes.
 */
void trace_on_store(struct trace_array *tr, bool on)
{
	struct tracer *t;

	mutex_lock(&trace_types_lock);
	if (READ_ONCE(tr->on) != on) {
		WRITE_ONCE(tr->on, on);
		t = tr->current_trace;
		if (on && t->start)
			t->start(tr);
		else if (!on && t->stop)
			t->stop(tr);
	}
	mutex_unlock(&trace_types_lock);
}

/**
 * tracer_tracing_is_on() - is tracing on for an instance?
 * @tr: the instance
 *
 * Return: true when the tracing_on switch is set and no tracing_stop() is
 * in effect.
 */
bool tracer_tracing_is_on(struct trace_array *tr)
{
	return READ_ONCE(tr->on) && !READ_ONCE(tr->stop_count);
}

/**
 * tracing_on() - turn the global tracing_on switch on
 */
void tracing_on(void)
{
	tracer_tracing_on(&trace_top);
}
EXPORT_SYMBOL_GPL(tracing_on);

/**
 * tracing_off() - turn the global tracing_on switch off
 *
 * Useful to freeze a trace at the moment a problem is detected; safe from
 * any context.
 */
void tracing_off(void)
{
	tracer_tracing_off(&trace_top);
}
EXPORT_SYMBOL_GPL(tracing_off);

/**
 * tracing_is_on() - is global tracing on?
 *
 * Return: 1 when the global instance is recording, 0 otherwise.
 */
int tracing_is_on(void)
{
	return tracer_tracing_is_on(&trace_top);
}
EXPORT_SYMBOL_GPL(tracing_is_on);

/**
 * tracing_stop() - suspend global recording; calls nest
 *
 * Each call must be paired with tracing_start().
 */
void tracing_stop(void)
{
	mutex_lock(&trace_types_lock);
	WRITE_ONCE(trace_top.stop_count, trace_top.stop_count + 1);
	mutex_unlock(&trace_types_lock);
}

/**
 * tracing_start() - undo one tracing_stop()
 */
void tracing_start(void)
{
	mutex_lock(&trace_types_lock);
	if (WARN_ON_ONCE(!trace_top.stop_count))
		goto out;
	WRITE_ONCE(trace_top.stop_count, trace_top.stop_count - 1);
out:
	mutex_unlock(&trace_types_lock);
}

/* The core's own parts; the parts above it register from initcalls. */
static const struct trace_part *const core_parts[] __initconst = {
	&trace_options_part,
	&trace_control_part,
	&trace_buffer_part,
	&trace_read_part,
	&trace_raw_part,
	&trace_marker_part,
	&trace_cmdline_part,
	&trace_error_log_part,
};

/**
 * early_trace_init() - set up the tracing core
 *
 * Called from start_kernel() before the scheduler is up: gives the top
 * instance the core's parts (its ring buffer at its minimum size among
 * them), registers the nop tracer and makes it current.  Its selftest, if
 * it has one, runs later (see tracer.c).
 */
void __init early_trace_init(void)
{
	int i;

	if (trace_top_setup()) {
		pr_warn("no memory for the top instance: nothing is traced\n");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(core_parts); i++)
		if (trace_part_register(core_parts[i]))
			pr_warn("cannot register the %s part\n", core_parts[i]->name);
	if (register_tracer(&nop_trace))
		pr_warn("failed to register the nop tracer\n");
}
