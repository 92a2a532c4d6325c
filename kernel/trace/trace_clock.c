// SPDX-License-Identifier: GPL-2.0
/*
 * Clocks for time-stamping trace records (the trace_clock file).
 *
 *	local	sched_clock() of this CPU: fastest, but CPUs may disagree
 *	global	never goes backwards across CPUs: the largest value any CPU
 *		has returned, kept with one cmpxchg
 *	counter	an atomic count: orders records, measures nothing
 *	jiffies	in clock ticks, for the uptime clock
 *
 * They run inside the ring buffer's reserve, in any context, so none of
 * them may take a lock or be traced.
 */
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/trace_clock.h>

/**
 * trace_clock_local() - this CPU's scheduler clock
 *
 * Return: nanoseconds.
 */
u64 notrace trace_clock_local(void)
{
	/* sched_clock() wants to stay on one CPU while it reads. */
	guard(preempt_notrace)();
	return sched_clock();
}
EXPORT_SYMBOL_GPL(trace_clock_local);

/**
 * trace_clock() - the scheduler's local_clock(), which perf uses too
 *
 * Return: nanoseconds; roughly in step across CPUs.
 */
u64 notrace trace_clock(void)
{
	return local_clock();
}
EXPORT_SYMBOL_GPL(trace_clock);

/**
 * trace_clock_jiffies() - uptime in clock ticks
 *
 * Return: ticks (USER_HZ) since boot.
 */
u64 notrace trace_clock_jiffies(void)
{
	u64 ticks = get_jiffies_64() - INITIAL_JIFFIES;

	return jiffies_64_to_clock_t(ticks);
}
EXPORT_SYMBOL_GPL(trace_clock_jiffies);

static atomic64_t global_last;

/**
 * trace_clock_global() - a clock that never goes backwards across CPUs
 *
 * Return: local_clock(), or the largest value already returned on any CPU
 * when that is later.
 */
u64 notrace trace_clock_global(void)
{
	u64 now = local_clock();
	s64 prev = atomic64_read(&global_last);

	while ((s64)(now - prev) > 0) {
		if (atomic64_try_cmpxchg(&global_last, &prev, now))
			return now;
	}
	return prev;
}
EXPORT_SYMBOL_GPL(trace_clock_global);

static atomic64_t trace_counter;

/**
 * trace_clock_counter() - a global event counter
 *
 * Return: 1, 2, 3, ... in the order of the calls.
 */
u64 notrace trace_clock_counter(void)
{
	return atomic64_inc_return(&trace_counter);
}
EXPORT_SYMBOL_GPL(trace_clock_counter);
