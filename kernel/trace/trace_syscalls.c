// SPDX-License-Identifier: GPL-2.0
/*
 * Syscall events: events/syscalls/sys_enter_NAME and sys_exit_NAME for
 * every system call that SYSCALL_DEFINE gave metadata (struct
 * syscall_metadata, <trace/syscall.h>: names and types of its arguments
 * and its two events, which the macro also defines).
 *
 * The metadata does not know its number: the first event initialised
 * walks sys_call_table and matches each entry's symbol with the metadata
 * names (arch_syscall_match_sym_name()).  Metadata that no number reaches
 * (a compat-only call, or one configured out) gets no events, and a
 * 32-bit (compat) call is not traced: its numbers are another table's.
 *
 * Records:
 *	sys_enter: trace_entry, int nr, unsigned long args[nb_args]
 *	sys_exit:  trace_entry, int nr, long ret
 * printed "sys_openat(dfd: ffffff9c, filename: 7ffd..., ...)" and
 * "sys_openat -> 0x3".
 *
 * One probe per instance on each of the raw_syscalls tracepoints (only
 * while one of the instance's syscall events is enabled) finds the
 * event's file in the instance by the call's number: enabling one call
 * costs the others a table lookup, not a probe each.  perf's users get
 * probes of their own, with a bit per number.
 */
#include <linux/compat.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/trace_events.h>
#include <asm/syscall.h>
#include <trace/events/syscalls.h>
#include <trace/syscall.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

struct syscall_enter_rec {
	struct trace_entry	ent;
	int			nr;
	unsigned long		args[];
};

struct syscall_exit_rec {
	struct trace_entry	ent;
	int			nr;
	long			ret;
};

/**
 * struct trace_syscalls - the syscall events of one instance
 * @enter: the sys_enter event's file of each number, NULL when disabled
 * @exit: the same for sys_exit
 * @nr_enter: enabled sys_enter events: the probe is on while not 0
 * @nr_exit: the same for sys_exit
 *
 * Legend: written under syscalls_mutex; @enter and @exit are read by the
 * probes under RCU (sched).
 */
struct trace_syscalls {
	struct trace_event_file __rcu	*enter[NR_syscalls];
	struct trace_event_file __rcu	*exit[NR_syscalls];
	int				nr_enter;
	int				nr_exit;
};

static DEFINE_MUTEX(syscalls_mutex);
/* Metadata by number, made by the first event's init; [I] after boot. */
static struct syscall_metadata **meta_of;
static bool mapped;
/* The fields all sys_exit events share. */
static LIST_HEAD(exit_fields);

static struct syscall_metadata *find_meta(const char *sym)
{
	struct syscall_metadata **m;

	for (m = __start_syscalls_metadata; m < __stop_syscalls_metadata; m++)
		if (arch_syscall_match_sym_name(sym, (*m)->name))
			return *m;
	return NULL;
}

/*
 * Number the metadata from sys_call_table.  At boot, from the first
 * syscall event's init (the metadata section is init data).
 */
static void __ref map_syscalls(void)
{
	char sym[KSYM_NAME_LEN];
	struct syscall_metadata *m;
	int nr;

	if (mapped || system_state >= SYSTEM_FREEING_INITMEM)
		return;
	mapped = true;
	meta_of = kcalloc(NR_syscalls, sizeof(*meta_of), GFP_KERNEL);
	if (!meta_of)
		return;
	for (nr = 0; nr < NR_syscalls; nr++) {
		if (lookup_symbol_name((unsigned long)sys_call_table[nr], sym))
			continue;
		m = find_meta(sym);
		/* The slots of numbers not implemented: no event. */
		if (!m || !strcmp(m->name, "sys_ni_syscall"))
			continue;
		meta_of[nr] = m;
		m->syscall_nr = nr;
	}
}

/* The number of the current system call, or -1 when not ours to trace. */
static int current_nr(struct pt_regs *regs)
{
	int nr;

	/* A 32-bit call numbers from another table: not ours to trace. */
	if (in_compat_syscall())
		return -1;
	nr = syscall_get_nr(current, regs);
	return nr >= 0 && nr < NR_syscalls ? nr : -1;
}

/* The fields of a sys_enter record: the number and its @n arguments. */
static void fill_enter(struct syscall_enter_rec *rec, int nr, int n,
		       struct pt_regs *regs)
{
	unsigned long args[6];

	rec->nr = nr;
	syscall_get_arguments(current, regs, args);
	memcpy(rec->args, args, n * sizeof(unsigned long));
}

static void enter_probe(void *data, struct pt_regs *regs, long id)
{
	struct trace_syscalls *sc = ((struct trace_array *)data)->syscalls;
	struct trace_event_buffer fb;
	struct trace_event_file *file;
	struct syscall_enter_rec *rec;
	int nr = current_nr(regs), n;

	if (nr < 0)
		return;
	/* Pairs with rcu_assign_pointer() in table_set(). */
	file = rcu_dereference_sched(sc->enter[nr]);
	if (!file || trace_trigger_soft_disabled(file))
		return;
	n = meta_of[nr]->nb_args;
	rec = trace_event_buffer_reserve(&fb, file, struct_size(rec, args, n));
	if (!rec)
		return;
	fill_enter(rec, nr, n, regs);
	trace_event_buffer_commit(&fb);
}

static void exit_probe(void *data, struct pt_regs *regs, long ret)
{
	struct trace_syscalls *sc = ((struct trace_array *)data)->syscalls;
	struct trace_event_buffer fb;
	struct trace_event_file *file;
	struct syscall_exit_rec *rec;
	int nr = current_nr(regs);

	if (nr < 0)
		return;
	/* Pairs with rcu_assign_pointer() in table_set(). */
	file = rcu_dereference_sched(sc->exit[nr]);
	if (!file || trace_trigger_soft_disabled(file))
		return;
	rec = trace_event_buffer_reserve(&fb, file, sizeof(*rec));
	if (!rec)
		return;
	rec->nr = nr;
	rec->ret = ret;
	trace_event_buffer_commit(&fb);
}

/*
 * Put @file in (or out of) the instance's table; the first in and the
 * last out (*@count) register and unregister the instance's probe.
 */
static int table_set(struct trace_event_file __rcu **table, int *count,
		     struct trace_event_file *file, bool on, bool enter)
{
	struct syscall_metadata *m = file->event_call->data;
	struct trace_array *tr = file->tr;
	int ret = 0;

	mutex_lock(&syscalls_mutex);
	if (on) {
		if (!*count)
			ret = enter ? register_trace_sys_enter(enter_probe, tr) :
				      register_trace_sys_exit(exit_probe, tr);
		if (!ret) {
			(*count)++;
			rcu_assign_pointer(table[m->syscall_nr], file);
		}
	} else {
		RCU_INIT_POINTER(table[m->syscall_nr], NULL);
		if (!--*count) {
			if (enter)
				unregister_trace_sys_enter(enter_probe, tr);
			else
				unregister_trace_sys_exit(exit_probe, tr);
		}
	}
	mutex_unlock(&syscalls_mutex);
	return ret;
}

#ifdef CONFIG_PERF_EVENTS
/*
 * perf: one probe on each raw_syscalls tracepoint while any syscall event
 * of its kind has perf users, and a bit per number with perf users.
 * Written under syscalls_mutex; the probes test a bit, then read the
 * event's per-CPU perf list (trace_events_perf.c), which outlives the
 * bit by a grace period.
 */
static DECLARE_BITMAP(perf_enter_on, NR_syscalls);
static DECLARE_BITMAP(perf_exit_on, NR_syscalls);
static int perf_nr_enter, perf_nr_exit;

static void perf_enter_probe(void *data, struct pt_regs *regs, long id)
{
	struct syscall_enter_rec *rec;
	struct syscall_metadata *m;
	struct hlist_head *head;
	int nr = current_nr(regs), size, rctx;

	if (nr < 0 || !test_bit(nr, perf_enter_on))
		return;
	smp_rmb();	/* pairs with smp_wmb() in perf_set() */
	m = meta_of[nr];
	head = this_cpu_ptr(m->enter_event->perf_events);
	if (hlist_empty(head))
		return;
	size = trace_perf_size(struct_size(rec, args, m->nb_args));
	rec = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!rec)
		return;
	fill_enter(rec, nr, m->nb_args, regs);
	perf_trace_buf_submit(rec, size, rctx, m->enter_event->event.type, 1,
			      regs, head, NULL);
}

static void perf_exit_probe(void *data, struct pt_regs *regs, long ret)
{
	struct syscall_exit_rec *rec;
	struct syscall_metadata *m;
	struct hlist_head *head;
	int nr = current_nr(regs), size, rctx;

	if (nr < 0 || !test_bit(nr, perf_exit_on))
		return;
	smp_rmb();	/* pairs with smp_wmb() in perf_set() */
	m = meta_of[nr];
	head = this_cpu_ptr(m->exit_event->perf_events);
	if (hlist_empty(head))
		return;
	size = trace_perf_size(sizeof(*rec));
	rec = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!rec)
		return;
	rec->nr = nr;
	rec->ret = ret;
	perf_trace_buf_submit(rec, size, rctx, m->exit_event->event.type, 1,
			      regs, head, NULL);
}

/* The first perf user of an event sets its bit, the last clears it. */
static int perf_set(struct trace_event_call *call, bool on, bool enter)
{
	struct syscall_metadata *m = call->data;
	unsigned long *bits = enter ? perf_enter_on : perf_exit_on;
	int *count = enter ? &perf_nr_enter : &perf_nr_exit;
	int ret = 0;

	mutex_lock(&syscalls_mutex);
	if (on) {
		if (!*count)
			ret = enter ? register_trace_sys_enter(perf_enter_probe, NULL) :
				      register_trace_sys_exit(perf_exit_probe, NULL);
		if (!ret) {
			(*count)++;
			/* The event's perf list is set before its bit. */
			smp_wmb();
			set_bit(m->syscall_nr, bits);
		}
	} else {
		clear_bit(m->syscall_nr, bits);
		if (!--*count) {
			if (enter)
				unregister_trace_sys_enter(perf_enter_probe, NULL);
			else
				unregister_trace_sys_exit(perf_exit_probe, NULL);
		}
	}
	mutex_unlock(&syscalls_mutex);
	return ret;
}

/*
 * perf's requests: its probe and bit per event.  Opening, closing and
 * scheduling a perf event need nothing here.
 */
static int syscall_perf_reg(struct trace_event_call *call,
			    enum trace_reg type, bool enter)
{
	if (type == TRACE_REG_PERF_REGISTER)
		return perf_set(call, true, enter);
	if (type == TRACE_REG_PERF_UNREGISTER)
		return perf_set(call, false, enter);
	return 0;
}
#else
static int syscall_perf_reg(struct trace_event_call *call,
			    enum trace_reg type, bool enter)
{
	return -EOPNOTSUPP;
}
#endif

/* The classes' reg: enable or disable the event in an instance. */
static int syscall_reg(struct trace_event_call *call, enum trace_reg type,
		       void *data)
{
	bool enter = call->class == &event_class_syscall_enter;
	struct trace_event_file *file = data;
	struct trace_syscalls *sc;

	if (type != TRACE_REG_REGISTER && type != TRACE_REG_UNREGISTER)
		return syscall_perf_reg(call, type, enter);
	sc = file->tr->syscalls;
	if (!sc)
		return -ENODEV;
	return table_set(enter ? sc->enter : sc->exit,
			 enter ? &sc->nr_enter : &sc->nr_exit, file,
			 type == TRACE_REG_REGISTER, enter);
}

/* "sys_openat(dfd: ffffff9c, filename: 7ffd..., flags: 0, mode: 0)" */
static enum print_line_t print_enter(struct trace_iterator *iter, int flags,
				     struct trace_event *event)
{
	struct syscall_enter_rec *rec = (void *)iter->ent;
	struct trace_seq *s = &iter->seq;
	struct syscall_metadata *m;
	int i;

	m = rec->nr >= 0 && rec->nr < NR_syscalls && meta_of ?
	    meta_of[rec->nr] : NULL;
	if (!m) {
		trace_seq_putc(s, '\n');
		return trace_handle_return(s);
	}
	trace_seq_printf(s, "%s(", m->name);
	for (i = 0; i < m->nb_args; i++)
		trace_seq_printf(s, "%s%s: %lx", i ? ", " : "", m->args[i],
				 rec->args[i]);
	trace_seq_puts(s, ")\n");
	return trace_handle_return(s);
}

/* "sys_openat -> 0x3" */
static enum print_line_t print_exit(struct trace_iterator *iter, int flags,
				    struct trace_event *event)
{
	struct syscall_exit_rec *rec = (void *)iter->ent;
	struct trace_seq *s = &iter->seq;
	struct syscall_metadata *m;

	m = rec->nr >= 0 && rec->nr < NR_syscalls && meta_of ?
	    meta_of[rec->nr] : NULL;
	if (m)
		trace_seq_printf(s, "%s -> 0x%lx", m->name, rec->ret);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

struct trace_event_functions enter_syscall_print_funcs = {
	.trace	= print_enter,
};

struct trace_event_functions exit_syscall_print_funcs = {
	.trace	= print_exit,
};

/*
 * "\"dfd: 0x%08lx, ...\", ((unsigned long)(REC->dfd)), ...": the print
 * fmt of a sys_enter event, as upstream's.
 */
static char *enter_print_fmt(struct syscall_metadata *m)
{
	char *fmt;
	int i, len = 3;

	for (i = 0; i < m->nb_args; i++)
		len += 2 * strlen(m->args[i]) + 40;
	fmt = kmalloc(len, GFP_KERNEL);
	if (!fmt)
		return NULL;
	len = sprintf(fmt, "\"");
	for (i = 0; i < m->nb_args; i++)
		len += sprintf(fmt + len, "%s%s: 0x%%0%zulx", i ? ", " : "",
			       m->args[i], sizeof(unsigned long));
	len += sprintf(fmt + len, "\"");
	for (i = 0; i < m->nb_args; i++)
		len += sprintf(fmt + len, ", ((unsigned long)(REC->%s))",
			       m->args[i]);
	return fmt;
}

/*
 * The metadata of @call, or -ENOENT (the events core adds the event
 * quietly then) when no system call number reaches it.
 */
static struct syscall_metadata *call_meta(struct trace_event_call *call)
{
	struct syscall_metadata *m = call->data;

	map_syscalls();
	if (!meta_of || m->syscall_nr < 0 || m->syscall_nr >= NR_syscalls)
		return ERR_PTR(-ENOENT);
	return m;
}

static int syscall_enter_init(struct trace_event_call *call)
{
	struct syscall_metadata *m = call_meta(call);
	int i, ret;

	if (IS_ERR(m))
		return PTR_ERR(m);
	if (list_empty(&m->enter_fields)) {
		ret = trace_define_field(call, "int", "__syscall_nr",
					 offsetof(struct syscall_enter_rec, nr),
					 sizeof(int), 1, FILTER_OTHER);
		for (i = 0; !ret && i < m->nb_args; i++)
			ret = trace_define_field(call, m->types[i], m->args[i],
						 offsetof(struct syscall_enter_rec, args) +
						 i * sizeof(unsigned long),
						 sizeof(unsigned long), 0,
						 FILTER_OTHER);
		if (ret)
			return ret;
	}
	call->print_fmt = enter_print_fmt(m);
	if (!call->print_fmt)
		return -ENOMEM;
	return trace_event_raw_init(call);
}

static int syscall_exit_init(struct trace_event_call *call)
{
	struct syscall_metadata *m = call_meta(call);
	int ret;

	if (IS_ERR(m))
		return PTR_ERR(m);
	if (list_empty(&exit_fields)) {
		ret = trace_define_field(call, "int", "__syscall_nr",
					 offsetof(struct syscall_exit_rec, nr),
					 sizeof(int), 1, FILTER_OTHER);
		if (!ret)
			ret = trace_define_field(call, "long", "ret",
						 offsetof(struct syscall_exit_rec, ret),
						 sizeof(long), 1, FILTER_OTHER);
		if (ret)
			return ret;
	}
	call->print_fmt = "\"0x%lx\", REC->ret";
	return trace_event_raw_init(call);
}

static struct list_head *enter_fields(struct trace_event_call *call)
{
	return &((struct syscall_metadata *)call->data)->enter_fields;
}

static struct list_head *get_exit_fields(struct trace_event_call *call)
{
	return &exit_fields;
}

struct trace_event_class event_class_syscall_enter = {
	.system		= "syscalls",
	.reg		= syscall_reg,
	.raw_init	= syscall_enter_init,
	.get_fields	= enter_fields,
};

struct trace_event_class event_class_syscall_exit = {
	.system		= "syscalls",
	.reg		= syscall_reg,
	.raw_init	= syscall_exit_init,
	.get_fields	= get_exit_fields,
};

/* Each instance's tables: 2 * NR_syscalls pointers. */
static int syscalls_inst_init(struct trace_array *tr)
{
	tr->syscalls = kzalloc(sizeof(*tr->syscalls), GFP_KERNEL);
	return tr->syscalls ? 0 : -ENOMEM;
}

static void syscalls_inst_free(struct trace_array *tr)
{
	/* The events part, after this one, freed first: no probe is on. */
	kfree(tr->syscalls);
	tr->syscalls = NULL;
}

static const struct trace_part syscalls_part = {
	.name	= "syscalls",
	.id	= TRACE_PART_SYSCALLS,
	.init	= syscalls_inst_init,
	.free	= syscalls_inst_free,
};

static int __init syscalls_part_init(void)
{
	return trace_part_register(&syscalls_part);
}
core_initcall(syscalls_part_init);
