// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of tracers and the switch between them.
 *
 * Tracers are static objects that register once, usually from an initcall.
 * Registration checks the name, runs the tracer's selftest (or queues it
 * until the scheduler is up, since selftests sleep), puts the tracer at
 * the head of the list and, when the boot command line named it with
 * ftrace=NAME, makes it current straight away.
 *
 * Switching (current_tracer) always goes through nop: the old tracer is
 * reset, nop is current for a moment, then the new tracer's init runs.  If
 * that init fails the instance stays on nop, never half-switched.
 *
 *	register_tracer(t)            tracing_set_tracer(tr, "t")
 *	  check name, lockdown          find "t"     -> -EINVAL if absent
 *	  selftest now, or queue        same tracer  -> nothing to do
 *	  list_add(t)                   old->reset(tr)
 *	  boot name == "t"? switch      tr->current = nop; t->init(tr)
 *
 * All of it runs under trace_types_lock.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "trace_priv.h"

/* Serialises registration, tracer switching and trace_array changes. */
DEFINE_MUTEX(trace_types_lock);

/* Registered tracers, newest first.  [L] */
static LIST_HEAD(trace_types);

/* ftrace=NAME from the command line, cleared once NAME is current.  [L] */
static char boot_tracer[MAX_TRACER_SIZE];
static bool boot_tracer_pending;
/* It came from the command line (not tracer_set_boot_name()).  [L] */
static bool boot_tracer_cmdline;

/*
 * Selftests sleep, so the ones of tracers registered before the scheduler
 * runs wait on this list until the core_initcall below.  [L]
 */
struct queued_selftest {
	struct list_head	list;
	struct tracer		*type;
};

static LIST_HEAD(queued_selftests);
static bool selftests_can_run;

#ifdef CONFIG_FTRACE_STARTUP_TEST
/* Boot-time tracing asked for: no selftests (tracer_selftests_off()). */
static bool selftests_off __read_mostly;

/**
 * tracer_selftests_off() - skip the tracers' startup selftests
 * @reason: the boot-time tracing that asks for it, for the log
 *
 * A selftest makes its tracer current and resets the buffer, which would
 * disturb tracing that a boot parameter (trace_event=, trace_trigger=,
 * kprobe_event=, or ftrace= once its tracer starts) starts; so those turn
 * the selftests not yet run off, as upstream's do, with upstream's log
 * line.
 */
void tracer_selftests_off(const char *reason)
{
	if (selftests_off)
		return;
	selftests_off = true;
	pr_info("Ftrace startup test is disabled due to %s\n", reason);
}
#endif

static int __init set_boot_tracer(char *str)
{
	strscpy(boot_tracer, str, sizeof(boot_tracer));
	boot_tracer_pending = true;
	boot_tracer_cmdline = true;
	return 1;
}
__setup("ftrace=", set_boot_tracer);

/**
 * tracer_set_boot_name() - name the tracer to start when it registers
 * @name: tracer name, or NULL to forget a pending one
 *
 * This is what ftrace=NAME does at boot; the KUnit tests use it to check
 * that a named tracer is started on registration.
 */
void tracer_set_boot_name(const char *name)
{
	mutex_lock(&trace_types_lock);
	boot_tracer_pending = name;
	boot_tracer_cmdline = false;
	strscpy(boot_tracer, name ? name : "", sizeof(boot_tracer));
	mutex_unlock(&trace_types_lock);
}

/**
 * tracer_boot_name() - the boot tracer still waiting to register
 *
 * Return: its name, or NULL when none is pending.
 */
const char *tracer_boot_name(void)
{
	lockdep_assert_held(&trace_types_lock);
	return boot_tracer_pending ? boot_tracer : NULL;
}

static struct tracer *find_tracer(const char *name)
{
	struct tracer *t;

	lockdep_assert_held(&trace_types_lock);
	list_for_each_entry(t, &trace_types, list)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

static int accept_any_flag(struct trace_array *tr, u32 old_flags, u32 bit,
			   int set)
{
	return 0;
}

/* Tracers without options share one empty option set. */
static struct tracer_opt no_opts[] = { { } };
static struct tracer_flags no_flags = { .opts = no_opts };

static int switch_tracer(struct trace_array *tr, struct tracer *t);

#ifdef CONFIG_FTRACE_STARTUP_TEST
/*
 * Run @type's selftest on the global instance with @type current, and put
 * the previous tracer back afterwards.  Return: 0 or the selftest's error.
 */
static int run_selftest(struct tracer *type)
{
	struct trace_array *tr = &trace_top;
	struct tracer *saved = tr->current_trace;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	/* Also the queued ones: the boot tracer may have started since. */
	if (selftests_off)
		return 0;
	if (!tracer_tracing_is_on(tr)) {
		pr_warn("Selftest for tracer %s skipped due to tracing disabled\n",
			type->name);
		return 0;
	}

	tr->current_trace = type;
	ret = type->selftest(type, tr);
	tr->current_trace = saved;
	if (ret) {
		pr_warn("Testing tracer %s: FAILED!\n", type->name);
		pr_warn("tracer %s failed selftest, disabling\n", type->name);
		return ret;
	}
	pr_info("Testing tracer %s: PASSED\n", type->name);
	return 0;
}

static int selftest_or_queue(struct tracer *type)
{
	struct queued_selftest *q;

	if (!type->selftest || selftests_off)
		return 0;
	if (selftests_can_run)
		return run_selftest(type);

	q = kmalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	q->type = type;
	list_add_tail(&q->list, &queued_selftests);
	return 0;
}

static __init int run_queued_selftests(void)
{
	struct queued_selftest *q, *n;

	mutex_lock(&trace_types_lock);
	selftests_can_run = true;
	if (!list_empty(&queued_selftests))
		pr_info("Running postponed tracer tests:\n");
	list_for_each_entry_safe(q, n, &queued_selftests, list) {
		/* A tracer that fails now leaves the list it joined. */
		if (run_selftest(q->type)) {
			if (trace_top.current_trace == q->type)
				switch_tracer(&trace_top, &nop_trace);
			list_del_init(&q->type->list);
		}
		list_del(&q->list);
		kfree(q);
	}
	mutex_unlock(&trace_types_lock);
	return 0;
}
core_initcall(run_queued_selftests);
#else
static inline int selftest_or_queue(struct tracer *type)
{
	return 0;
}
#endif /* CONFIG_FTRACE_STARTUP_TEST */

/**
 * register_tracer() - make a tracer available in current_tracer
 * @type: the tracer; it must stay valid until unregister_tracer()
 *
 * The name must be non-empty, shorter than MAX_TRACER_SIZE and not yet
 * registered.  With CONFIG_FTRACE_STARTUP_TEST the tracer's selftest runs
 * first and a failing tracer is not registered.  If the boot command line
 * named this tracer, it becomes current.
 *
 * Return: 0, -EINVAL for a bad or duplicate name, -EPERM under tracefs
 * lockdown, or the selftest's error.
 */
int register_tracer(struct tracer *type)
{
	int ret;

	if (!type->name || !type->name[0]) {
		pr_info("Tracer must have a name\n");
		return -EINVAL;
	}
	if (strlen(type->name) >= MAX_TRACER_SIZE) {
		pr_info("Tracer has a name longer than %d\n", MAX_TRACER_SIZE);
		return -EINVAL;
	}
	if (security_locked_down(LOCKDOWN_TRACEFS)) {
		pr_warn("Can not register tracer %s due to lockdown\n",
			type->name);
		return -EPERM;
	}

	mutex_lock(&trace_types_lock);
	if (find_tracer(type->name)) {
		pr_info("Tracer %s already registered\n", type->name);
		ret = -EINVAL;
		goto out;
	}
	if (!type->set_flag)
		type->set_flag = accept_any_flag;
	if (!type->flags)
		type->flags = &no_flags;

	ret = selftest_or_queue(type);
	if (ret)
		goto out;

	list_add(&type->list, &trace_types);
	trace_options_add_tracer(type);

	if (boot_tracer_pending && !strcmp(type->name, boot_tracer)) {
		boot_tracer_pending = false;
		ret = switch_tracer(&trace_top, type);
		if (ret)
			pr_warn("Failed to start boot tracer %s: %d\n",
				type->name, ret);
		else
			pr_info("Starting tracer '%s'\n", type->name);
		if (boot_tracer_cmdline)
			tracer_selftests_off("running a tracer");
		ret = 0;
	}
out:
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * tracer_options_create_files() - options/ files of the tracers so far
 *
 * Called once, when the root's options/ is made; tracers registered
 * later get theirs at registration.
 *
 * Context: trace_types_lock held.
 */
void tracer_options_create_files(void)
{
	struct tracer *t;

	lockdep_assert_held(&trace_types_lock);
	list_for_each_entry(t, &trace_types, list)
		trace_options_add_tracer(t);
}

/**
 * unregister_tracer() - remove a tracer from the registry
 * @type: a registered tracer (one that is not is left alone, with a note)
 *
 * A tracer that is current is switched to nop first.  Built-in tracers
 * never leave; this serves tests and tracers built as modules.
 */
void unregister_tracer(struct tracer *type)
{
	struct tracer *t;

	mutex_lock(&trace_types_lock);
	list_for_each_entry(t, &trace_types, list)
		if (t == type)
			break;
	if (t != type) {
		pr_info("Tracer %s not registered\n", type->name);
	} else {
		if (trace_top.current_trace == type)
			switch_tracer(&trace_top, &nop_trace);
		list_del_init(&type->list);
		trace_options_remove_tracer(type);
	}
	mutex_unlock(&trace_types_lock);
}

static int switch_tracer(struct trace_array *tr, struct tracer *t)
{
	struct tracer *old = tr->current_trace;
	int ret = 0;

	lockdep_assert_held(&trace_types_lock);
	/* Any selection, even of the current tracer, means tracing is wanted. */
	ret = tracing_expand_buffer(tr);
	if (ret)
		return ret;
	if (old == t)
		return 0;
	if (tr->name && !t->allow_instances)
		return -EINVAL;
	if (t->noboot && system_state < SYSTEM_RUNNING) {
		pr_warn("Tracer '%s' is not allowed during boot\n", t->name);
		return -EINVAL;
	}

	if (old && old->reset)
		old->reset(tr);
	tr->current_trace = &nop_trace;
	/* A new tracer starts with an empty buffer, as upstream's do. */
	trace_reset_buffer(tr, RING_BUFFER_ALL_CPUS);
	if (t != &nop_trace && t->init) {
		ret = t->init(tr);
		if (ret)
			return ret;
	}
	tr->current_trace = t;
	return 0;
}

/**
 * tracing_set_tracer() - make the named tracer current on an instance
 * @tr: the instance
 * @name: tracer name
 *
 * Return: 0 (also when @name is already current), -EINVAL when no tracer
 * has that name or it may not run here, or the error of the tracer's init
 * (the instance is then left on nop).
 */
int tracing_set_tracer(struct trace_array *tr, const char *name)
{
	struct tracer *t;
	int ret = -EINVAL;

	mutex_lock(&trace_types_lock);
	t = find_tracer(name);
	if (t)
		ret = switch_tracer(tr, t);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * tracer_show_available() - print the tracer names for available_tracers
 * @m: the seq_file of the read
 * @tr: the instance whose file it is (NULL: the top one)
 *
 * Prints the names, newest first, separated by spaces, then a newline.
 * An instance lists only the tracers allowed in instances.
 *
 * Return: 0.
 */
int tracer_show_available(struct seq_file *m, struct trace_array *tr)
{
	bool instance = tr && tr->name;
	const char *sep = "";
	struct tracer *t;

	mutex_lock(&trace_types_lock);
	list_for_each_entry(t, &trace_types, list) {
		if (instance && !t->allow_instances)
			continue;
		seq_printf(m, "%s%s", sep, t->name);
		sep = " ";
	}
	seq_putc(m, '\n');
	mutex_unlock(&trace_types_lock);
	return 0;
}

static __init int report_missing_boot_tracer(void)
{
	mutex_lock(&trace_types_lock);
	if (boot_tracer_pending) {
		pr_warn("ftrace bootup tracer '%s' not registered.\n",
			boot_tracer);
		boot_tracer_pending = false;
	}
	mutex_unlock(&trace_types_lock);
	return 0;
}
late_initcall_sync(report_missing_boot_tracer);
