// SPDX-License-Identifier: GPL-2.0
/*
 * The tracepoints whose definitions belong to the tracing subsystem: the
 * power, error-report and (with CONFIG_PM) runtime-PM events, used all over the kernel.
 * Their TRACE_EVENT()s live in include/trace/events/; this instantiates
 * them once.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/usb.h>
#include <linux/workqueue.h>

#define CREATE_TRACE_POINTS
#include <trace/events/power.h>
#include <trace/events/error_report.h>
#ifdef CONFIG_PM
#include <trace/events/rpm.h>
#endif

EXPORT_TRACEPOINT_SYMBOL_GPL(suspend_resume);
EXPORT_TRACEPOINT_SYMBOL_GPL(cpu_idle);
EXPORT_TRACEPOINT_SYMBOL_GPL(cpu_frequency);
EXPORT_TRACEPOINT_SYMBOL_GPL(powernv_throttle);
EXPORT_TRACEPOINT_SYMBOL_GPL(error_report_end);
#ifdef CONFIG_PM
EXPORT_TRACEPOINT_SYMBOL_GPL(rpm_return_int);
EXPORT_TRACEPOINT_SYMBOL_GPL(rpm_idle);
EXPORT_TRACEPOINT_SYMBOL_GPL(rpm_suspend);
EXPORT_TRACEPOINT_SYMBOL_GPL(rpm_resume);
#endif
