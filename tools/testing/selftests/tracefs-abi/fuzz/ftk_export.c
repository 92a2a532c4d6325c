// SPDX-License-Identifier: GPL-2.0
/*
 * ftk_export: a trace export (register_ftrace_export()) for t_export.
 * It registers on load for the kinds of records in its "kinds" parameter
 * (TRACE_EXPORT_* bits) and counts what it gets, by kind; it keeps the
 * type of the last event record and the text of the last marker.  Each
 * write to its "kick" parameter calls ftk_export_target() once, a
 * function the function tracer can trace.
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/trace_events.h>

static int kinds = TRACE_EXPORT_FUNCTION | TRACE_EXPORT_EVENT |
		   TRACE_EXPORT_MARKER;
module_param(kinds, int, 0444);
/* The record types of events/ftrace/function/id and events/ftrace/print/id */
static int fn_type = 1, print_type = 5;
module_param(fn_type, int, 0444);
module_param(print_type, int, 0444);

static atomic_t n_function, n_event, n_marker, n_bad;
static int last_event_type;
static char last_marker[64];

static int get_count(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(kp->arg));
}

static const struct kernel_param_ops count_ops = {
	.get	= get_count,
};
module_param_cb(functions, &count_ops, &n_function, 0444);
module_param_cb(events, &count_ops, &n_event, 0444);
module_param_cb(markers, &count_ops, &n_marker, 0444);
module_param_cb(bad, &count_ops, &n_bad, 0444);	/* kinds not asked for */
module_param(last_event_type, int, 0444);
module_param_string(last_marker, last_marker, sizeof(last_marker), 0444);

/* A function record: struct ftrace_entry. */
struct fn_rec {
	struct trace_entry	ent;
	unsigned long		ip;
	unsigned long		parent_ip;
};

/* A trace_marker record: struct print_entry. */
struct marker_rec {
	struct trace_entry	ent;
	unsigned long		ip;
	char			buf[];
};

static void ftk_export_write(struct trace_export *e, const void *rec,
			     unsigned int len)
{
	const struct trace_entry *ent = rec;

	if (len < sizeof(*ent)) {
		atomic_inc(&n_bad);
		return;
	}
	if (ent->type == fn_type) {
		if (!(kinds & TRACE_EXPORT_FUNCTION) ||
		    len != sizeof(struct fn_rec))
			atomic_inc(&n_bad);
		else
			atomic_inc(&n_function);
	} else if (ent->type == print_type) {
		if (!(kinds & TRACE_EXPORT_MARKER) ||
		    len <= sizeof(struct marker_rec)) {
			atomic_inc(&n_bad);
			return;
		}
		strscpy(last_marker, ((const struct marker_rec *)rec)->buf,
			min_t(size_t, sizeof(last_marker),
			      len - sizeof(struct marker_rec)));
		atomic_inc(&n_marker);
	} else if (!(kinds & TRACE_EXPORT_EVENT)) {
		atomic_inc(&n_bad);
	} else {
		WRITE_ONCE(last_event_type, ent->type);
		atomic_inc(&n_event);
	}
}

static struct trace_export ftk_export = {
	.write	= ftk_export_write,
};

static noinline void ftk_export_target(void)
{
	/* Not folded into its caller. */
	barrier();
}

static int kick_set(const char *val, const struct kernel_param *kp)
{
	ftk_export_target();
	return 0;
}

static const struct kernel_param_ops kick_ops = {
	.set	= kick_set,
};
module_param_cb(kick, &kick_ops, NULL, 0200);

static int __init ftk_export_init(void)
{
	ftk_export.flags = kinds;
	return register_ftrace_export(&ftk_export);
}

static void __exit ftk_export_exit(void)
{
	unregister_ftrace_export(&ftk_export);
}

module_init(ftk_export_init);
module_exit(ftk_export_exit);
MODULE_DESCRIPTION("A trace export that counts what it gets");
MODULE_LICENSE("GPL");
