// SPDX-License-Identifier: GPL-2.0
/*
 * The trace event of a probe: events/GROUP/NAME with upstream's fields,
 * format and text, made at run time from the probe's fetch arguments.
 *
 * Enabling the event in an instance puts that instance's trace_event_file
 * on the event's files list, which the probe handlers walk under RCU;
 * the first instance arms the probes (through the kind's arm()), the
 * last one disarms them.
 */
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/trace_seq.h>

#include "../trace_priv.h"
#include "probe.h"

static struct probe_event *to_pe(struct trace_event_call *call)
{
	return container_of(call, struct probe_event, call);
}

static int head_size(const struct probe_event *pe)
{
	switch (pe->kind) {
	case PROBE_RETURN:
		return sizeof(struct probe_return_head);
	case PROBE_EVENT:
		return sizeof(struct trace_entry);
	default:
		return sizeof(struct probe_entry_head);
	}
}

static int define_fields(struct trace_event_call *call)
{
	struct probe_event *pe = to_pe(call);
	const struct probe_args *args = pe->args;
	int i, ret, hs = head_size(pe);

	if (pe->kind == PROBE_RETURN) {
		ret = trace_define_field(call, "unsigned long", "__probe_func",
					 offsetof(struct probe_return_head, func),
					 sizeof(long), 0, FILTER_OTHER);
		ret = ret ?: trace_define_field(call, "unsigned long",
				"__probe_ret_ip",
				offsetof(struct probe_return_head, ret_ip),
				sizeof(long), 0, FILTER_OTHER);
	} else if (pe->kind == PROBE_ENTRY) {
		ret = trace_define_field(call, "unsigned long", "__probe_ip",
					 offsetof(struct probe_entry_head, ip),
					 sizeof(long), 0, FILTER_OTHER);
	}
	for (i = 0; !ret && i < args->nr; i++) {
		const struct probe_arg *a = &args->arg[i];

		ret = trace_define_field(call, a->fmttype, a->name,
					 hs + a->offset,
					 a->type->size * (a->count ?: 1),
					 a->type->is_signed, FILTER_OTHER);
	}
	return ret;
}

static struct trace_event_fields probe_fields[] = {
	{ .type = TRACE_FUNCTION_TYPE, .define_fields = define_fields },
	{}
};

/* The print fmt line of the format file, as upstream writes it. */
static char *make_print_fmt(const struct probe_event *pe)
{
	const struct probe_args *args = pe->args;
	struct seq_buf s;
	char *buf;
	int i, k;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return NULL;
	seq_buf_init(&s, buf, PAGE_SIZE);
	seq_buf_puts(&s, pe->kind == PROBE_RETURN ? "\"(%lx <- %lx)" :
		     pe->kind == PROBE_EVENT ? "\"" : "\"(%lx)");
	for (i = 0; i < args->nr; i++) {
		const struct probe_arg *a = &args->arg[i];

		seq_buf_printf(&s, " %s=", a->name);
		if (!a->count) {
			seq_buf_puts(&s, a->type->fmt);
			continue;
		}
		for (k = 0; k < a->count; k++)
			seq_buf_printf(&s, "%s%s", k ? "," : "{", a->type->fmt);
		seq_buf_putc(&s, '}');
	}
	seq_buf_puts(&s, pe->kind == PROBE_RETURN ?
		     "\", REC->__probe_func, REC->__probe_ret_ip" :
		     pe->kind == PROBE_EVENT ? "\"" : "\", REC->__probe_ip");
	for (i = 0; i < args->nr; i++) {
		const struct probe_arg *a = &args->arg[i];
		bool str = a->type->kind == PT_STRING;

		if (!a->count) {
			seq_buf_printf(&s, str ? ", __get_str(%s)" : ", REC->%s",
				       a->name);
			continue;
		}
		for (k = 0; k < a->count; k++)
			seq_buf_printf(&s, str ? ", __get_str(%s[%d])" :
				       ", REC->%s[%d]", a->name, k);
	}
	if (seq_buf_has_overflowed(&s)) {
		kfree(buf);
		return NULL;
	}
	seq_buf_str(&s);
	return buf;
}

/* "(IP)" or "(RET_IP <- FUNC)" of a kernel probe: symbols. */
static void print_kernel_head(struct trace_seq *s, bool ret,
			      unsigned long ip, unsigned long func)
{
	char name[KSYM_NAME_LEN];

	if (ip)
		trace_seq_printf(s, "(%pS", (void *)ip);
	else
		trace_seq_puts(s, "(0");
	if (ret) {
		trace_seq_puts(s, " <- ");
		if (kallsyms_lookup(func, NULL, NULL, NULL, name))
			trace_seq_puts(s, name);
		else if (!func)
			trace_seq_putc(s, '0');
	}
	trace_seq_putc(s, ')');
}

static enum print_line_t print_event(struct trace_iterator *iter, int flags,
				     struct trace_event *event)
{
	struct probe_event *pe = container_of(event, struct probe_event,
					      call.event);
	bool ret = pe->kind == PROBE_RETURN;
	struct trace_seq *s = &iter->seq;
	void *rec = iter->ent;
	unsigned long ip, func;

	trace_seq_printf(s, "%s: ", trace_event_name(&pe->call));
	if (pe->kind == PROBE_EVENT) {
		trace_seq_printf(s, "(%s)", pe->source);
		goto args;
	}
	if (ret) {
		ip = ((struct probe_return_head *)rec)->ret_ip;
		func = ((struct probe_return_head *)rec)->func;
	} else {
		ip = ((struct probe_entry_head *)rec)->ip;
		func = 0;
	}
	if (!(pe->call.flags & TRACE_EVENT_FL_UPROBE))
		print_kernel_head(s, ret, ip, func);
	else if (ret)	/* user addresses: no symbols to show */
		trace_seq_printf(s, "(0x%lx <- 0x%lx)", ip, func);
	else
		trace_seq_printf(s, "(0x%lx)", ip);
args:
	probe_args_print(s, pe->args, rec + head_size(pe), rec,
			 iter->ent_size);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static void fill_head(const struct probe_event *pe, void *e,
		      unsigned long ip, unsigned long func)
{
	struct probe_return_head *r = e;

	if (pe->kind == PROBE_RETURN) {
		r->func = func;
		r->ret_ip = ip;
	} else {
		((struct probe_entry_head *)e)->ip = ip;
	}
}

/*
 * The record of a hit for perf's users of the event on this CPU
 * (trace_events_perf.c).  @dyn: the strings' size, or -1 when not sized
 * yet.
 */
static noinline void write_perf(struct probe_event *pe,
				const struct probe_args *args,
				const struct probe_hit *hit, unsigned long ip,
				unsigned long func, int dyn)
{
	struct hlist_head *head = this_cpu_ptr(pe->call.perf_events);
	int hs = head_size(pe), size, rctx;
	void *e;

	if (hlist_empty(head))
		return;
	if (dyn < 0)
		dyn = probe_args_dyn_size(args, hit);
	size = trace_perf_size(hs + args->size + dyn);
	e = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!e)
		return;
	fill_head(pe, e, ip, func);
	probe_args_store(args, hit, e, e + hs, dyn);
	perf_trace_buf_submit(e, size, rctx, pe->call.event.type, 1, hit->regs,
			      head, NULL);
}

/**
 * probe_event_write() - the record of a hit in every instance it goes to
 * @pe: the event
 * @args: the arguments of the probe that hit
 * @hit: what they read
 * @ip: __probe_ip, or __probe_ret_ip of a return probe
 * @func: __probe_func of a return probe
 *
 * The strings are sized once per hit, not once per instance.  A kernel
 * probe's registers start options/stacktrace's stack; a uprobe's are
 * user registers, so its stack starts at the handler.
 *
 * Context: a probe handler, preemption disabled (the files are RCU).
 */
void probe_event_write(struct probe_event *pe, const struct probe_args *args,
		       const struct probe_hit *hit, unsigned long ip,
		       unsigned long func)
{
	struct trace_event_buffer fb;
	int hs = head_size(pe), dyn = -1;
	struct probe_file *pf;
	void *e;

	list_for_each_entry_rcu(pf, &pe->files, link) {
		if (trace_trigger_soft_disabled(pf->file))
			continue;
		if (dyn < 0)
			dyn = probe_args_dyn_size(args, hit);
		e = trace_event_buffer_reserve(&fb, pf->file,
					       hs + args->size + dyn);
		if (!e)
			continue;
		if (!(pe->call.flags & TRACE_EVENT_FL_UPROBE))
			fb.regs = hit->regs;
		fill_head(pe, e, ip, func);
		probe_args_store(args, hit, e, e + hs, dyn);
		trace_event_buffer_commit(&fb);
	}
	/* Pairs with smp_store_release() in perf_arm(). */
	if (unlikely(smp_load_acquire(&pe->perf)))
		write_perf(pe, args, hit, ip, func, dyn);
}

/**
 * probe_event_write_file() - the record of an event probe's hit
 * @pe: the event (PROBE_EVENT: no header of its own)
 * @file: its file in the instance whose event was hit
 * @hit: what its arguments read (hit->rec: the event's record)
 *
 * Context: the event's trigger, preemption disabled.
 */
void probe_event_write_file(struct probe_event *pe,
			    struct trace_event_file *file,
			    const struct probe_hit *hit)
{
	struct trace_event_buffer fb;
	int hs = head_size(pe), dyn;
	void *e;

	if (trace_trigger_soft_disabled(file))
		return;
	dyn = probe_args_dyn_size(pe->args, hit);
	e = trace_event_buffer_reserve(&fb, file, hs + pe->args->size + dyn);
	if (!e)
		return;
	probe_args_store(pe->args, hit, e, e + hs, dyn);
	trace_event_buffer_commit(&fb);
}

static struct trace_event_functions probe_funcs = {
	.trace		= print_event,
};

static int add_file(struct probe_event *pe, struct trace_event_file *file)
{
	struct probe_file *pf = kzalloc(sizeof(*pf), GFP_KERNEL);
	int ret;

	if (!pf)
		return -ENOMEM;
	pf->file = file;
	if (pe->attach) {
		ret = pe->attach(pe, file, true);
		if (ret) {
			kfree(pf);
			return ret;
		}
	}
	list_add_tail_rcu(&pf->link, &pe->files);
	if (pe->enabled++)
		return 0;
	ret = pe->arm(pe, true);
	if (ret) {
		pe->enabled--;
		list_del_rcu(&pf->link);
		kfree_rcu(pf, rcu);
		if (pe->attach)
			pe->attach(pe, file, false);
	}
	return ret;
}

static void remove_file(struct probe_event *pe, struct trace_event_file *file)
{
	struct probe_file *pf;

	list_for_each_entry(pf, &pe->files, link) {
		if (pf->file != file)
			continue;
		list_del_rcu(&pf->link);
		kfree_rcu(pf, rcu);
		if (!--pe->enabled)
			pe->arm(pe, false);
		if (pe->attach)
			pe->attach(pe, file, false);
		return;
	}
}

/*
 * perf's users of the event (trace_events_perf.c) count as one more user
 * of the probes; their per-CPU lists are set before @pe->perf is.  An
 * event probe writes from its event's triggers: not for perf.
 */
static int perf_arm(struct probe_event *pe, bool on)
{
	int ret;

	if (pe->kind == PROBE_EVENT)
		return -EOPNOTSUPP;
	if (!on) {
		WRITE_ONCE(pe->perf, 0);
		if (!--pe->enabled)
			pe->arm(pe, false);
		return 0;
	}
	if (!pe->enabled) {
		ret = pe->arm(pe, true);
		if (ret)
			return ret;
	}
	pe->enabled++;
	/* Pairs with smp_load_acquire() in probe_event_write(). */
	smp_store_release(&pe->perf, 1);
	return 0;
}

/* The class's reg: enable and disable in an instance, or for perf. */
static int probe_event_reg(struct trace_event_call *call,
			   enum trace_reg type, void *data)
{
	struct probe_event *pe = to_pe(call);

	switch (type) {
	case TRACE_REG_REGISTER:
		lockdep_assert_held(&event_mutex);
		return add_file(pe, data);
	case TRACE_REG_UNREGISTER:
		lockdep_assert_held(&event_mutex);
		remove_file(pe, data);
		return 0;
#ifdef CONFIG_PERF_EVENTS
	case TRACE_REG_PERF_REGISTER:
		lockdep_assert_held(&event_mutex);
		return perf_arm(pe, true);
	case TRACE_REG_PERF_UNREGISTER:
		lockdep_assert_held(&event_mutex);
		return perf_arm(pe, false);
	case TRACE_REG_PERF_OPEN:
	case TRACE_REG_PERF_CLOSE:
	case TRACE_REG_PERF_ADD:	/* perf core keeps its per-CPU lists */
	case TRACE_REG_PERF_DEL:
		return 0;
#endif
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * probe_event_find() - the event of a group and name, if it is a probe's
 * @group: the group (events/ system)
 * @name: the event's name
 *
 * Context: event_mutex held.
 * Return: the probe event; NULL when there is none; ERR_PTR(-EEXIST) when
 * another kind of event has that name.
 */
struct probe_event *probe_event_find(const char *group, const char *name)
{
	struct trace_event_call *call = trace_event_call_find(group, name);

	if (!call)
		return NULL;
	if (call->class->reg != probe_event_reg)
		return ERR_PTR(-EEXIST);
	return to_pe(call);
}

static void pe_free(struct probe_event *pe, bool args)
{
	if (args)
		probe_args_free((struct probe_args *)pe->args);
	kfree(pe->call.name);
	kfree(pe->class.system);
	kfree(pe->call.print_fmt);
	kfree(pe);
}

static struct probe_event *pe_make(const char *group, const char *name,
				   enum probe_kind kind,
				   const struct probe_args *args,
				   unsigned int flags)
{
	struct probe_event *pe = kzalloc(sizeof(*pe), GFP_KERNEL);

	if (!pe)
		return ERR_PTR(-ENOMEM);
	pe->kind = kind;
	pe->args = args;
	INIT_LIST_HEAD(&pe->files);
	INIT_LIST_HEAD(&pe->class.fields);
	pe->class.system = kstrdup(group, GFP_KERNEL);
	pe->class.fields_array = probe_fields;
	pe->class.reg = probe_event_reg;
	pe->class.raw_init = trace_event_raw_init;
	pe->call.class = &pe->class;
	pe->call.name = kstrdup(name, GFP_KERNEL);
	pe->call.flags = flags | TRACE_EVENT_FL_DYNAMIC;
	pe->call.event.funcs = &probe_funcs;
	pe->call.print_fmt = make_print_fmt(pe);
	if (!pe->class.system || !pe->call.name || !pe->call.print_fmt) {
		pe_free(pe, false);
		return ERR_PTR(-ENOMEM);
	}
	return pe;
}

/**
 * probe_event_new() - make the event of a new probe
 * @group: its group
 * @name: its name
 * @kind: PROBE_ENTRY, PROBE_RETURN or PROBE_EVENT: its record header
 * @args: its fields; the event owns them once it exists
 * @flags: TRACE_EVENT_FL_* of the probe's kind
 *
 * The caller sets @arm and @arm_data before enabling can happen (that
 * is, before it drops event_mutex).
 *
 * Context: event_mutex held.
 * Return: the event or an ERR_PTR().
 */
struct probe_event *probe_event_new(const char *group, const char *name,
				    enum probe_kind kind,
				    const struct probe_args *args,
				    unsigned int flags)
{
	struct probe_event *pe = pe_make(group, name, kind, args, flags);
	int ret;

	if (IS_ERR(pe))
		return pe;
	ret = trace_add_event_call(&pe->call);
	if (ret) {
		pe_free(pe, false);
		return ERR_PTR(ret);
	}
	return pe;
}

#ifdef CONFIG_PERF_EVENTS
/**
 * probe_event_new_local() - make the event of a probe perf alone uses
 * @name: its name (shown nowhere)
 * @kind: PROBE_ENTRY or PROBE_RETURN
 * @args: its fields; the event owns them once it exists
 * @flags: TRACE_EVENT_FL_* of the probe's kind
 *
 * The event of a perf_kprobe or perf_uprobe PMU event: in no list, with
 * no files and no record type, opened with trace_event_perf_open().  The
 * caller sets @arm and @arm_data.
 *
 * Return: the event or an ERR_PTR().
 */
struct probe_event *probe_event_new_local(const char *name,
					  enum probe_kind kind,
					  const struct probe_args *args,
					  unsigned int flags)
{
	return pe_make("perf", name, kind, args, flags);
}

/**
 * probe_event_free_local() - free an event of probe_event_new_local()
 * @pe: the event, closed by perf, its probes gone
 */
void probe_event_free_local(struct probe_event *pe)
{
	pe_free(pe, true);
}

/**
 * probe_perf_string() - the name or path a probe PMU event gives
 * @uptr: attr.config1, a user pointer to a string
 * @max: the longest string taken, with its NUL
 *
 * Return: the string (kfree() it), NULL for an empty one, or an
 * ERR_PTR(): -E2BIG when it is too long, -EFAULT.
 */
char *probe_perf_string(u64 uptr, long max)
{
	char *s = strndup_user(u64_to_user_ptr(uptr), max);

	if (IS_ERR(s))
		return PTR_ERR(s) == -EINVAL ? ERR_PTR(-E2BIG) : s;
	if (!s[0]) {
		kfree(s);
		return NULL;
	}
	return s;
}

/**
 * probe_perf_open() - open the local event of a probe PMU event
 * @pe: the event, from probe_event_new_local()
 * @p_event: the perf event
 *
 * Return: 0 or the errno of trace_event_perf_open().
 */
int probe_perf_open(struct probe_event *pe, struct perf_event *p_event)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = trace_event_perf_open(&pe->call, p_event);
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * probe_perf_close() - close the local event of a probe PMU event
 * @p_event: the perf event, scheduled out
 *
 * Return: the event's probe (its arm_data), for its kind to free.
 */
void *probe_perf_close(struct perf_event *p_event)
{
	struct probe_event *pe = to_pe(p_event->tp_event);

	mutex_lock(&event_mutex);
	trace_event_perf_close(p_event);
	mutex_unlock(&event_mutex);
	return pe->arm_data;
}
#endif

/**
 * probe_event_busy() - may the event's last probe not go?
 * @pe: the event
 *
 * Return: true while it is enabled in an instance or a file pins it.
 */
bool probe_event_busy(struct probe_event *pe)
{
	return pe->enabled || trace_event_dyn_busy(&pe->call);
}

/**
 * probe_event_free() - remove an event whose last probe goes
 * @pe: the event
 *
 * Context: event_mutex held.
 * Return: 0, or -EBUSY (and @pe stays).
 */
int probe_event_free(struct probe_event *pe)
{
	int ret;

	if (probe_event_busy(pe))
		return -EBUSY;
	ret = trace_remove_event_call(&pe->call);
	if (ret)
		return ret;
	pe_free(pe, true);
	return 0;
}
