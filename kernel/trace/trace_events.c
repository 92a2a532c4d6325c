// SPDX-License-Identifier: GPL-2.0
/*
 * Trace events: the registry of events and their enable state.
 *
 * Every TRACE_EVENT() of the kernel and of its modules is a struct
 * trace_event_call on the trace_events list.  Each instance has a
 * struct trace_event_file per event; enabling the event in the instance
 * registers the class's probe on the tracepoint with that file as its
 * data, so the probe (trace_events_record.c) knows where to write.
 *
 * Enable state of a file, in its flags:
 *   ENABLED        the probe is registered
 *   SOFT_MODE      something (a function command such as enable_event)
 *                  holds the event registered: sm_ref counts the holders
 *   SOFT_DISABLED  registered, but the probe writes nothing
 * A user's "echo 0 > enable" in soft mode only sets SOFT_DISABLED, and
 * "echo 1" clears it, so the holders keep their probe; when the last
 * holder goes, an event left soft-disabled is unregistered.
 */
#include <linux/module.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <asm/setup.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* Serialises changes to events and their enable state (see the header). */
DEFINE_MUTEX(event_mutex);
LIST_HEAD(trace_events);		/* [event_mutex] */
LIST_HEAD(trace_common_fields);		/* [I] after boot */
static LIST_HEAD(event_insts);		/* [event_mutex] */

static int add_field(struct list_head *head, const char *type,
		     const char *name, int offset, int size, int is_signed,
		     int filter_type, int len)
{
	struct ftrace_event_field *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->type = type;
	f->name = name;
	f->offset = offset;
	f->size = size;
	f->is_signed = is_signed;
	f->len = len;
	/* How filters compare it: strings by content, the rest as numbers. */
	if (filter_type == FILTER_OTHER) {
		if (!strcmp(type, "__data_loc char[]"))
			filter_type = FILTER_DYN_STRING;
		else if (!strcmp(type, "__rel_loc char[]"))
			filter_type = FILTER_RDYN_STRING;
		else if (strstarts(type, "char[") && len)
			filter_type = FILTER_STATIC_STRING;
		else if (!strcmp(type, "char *") || !strcmp(type, "const char *"))
			filter_type = FILTER_PTR_STRING;
	}
	f->filter_type = filter_type;
	list_add_tail(&f->link, head);
	return 0;
}

/**
 * trace_define_field() - add a field to an event's record layout
 * @call: the event
 * @type: its C type as the format file shows it
 * @name: its name
 * @offset: bytes from the start of the record
 * @size: its size
 * @is_signed: a signed integer
 * @filter_type: FILTER_*, or FILTER_OTHER to derive it from @type
 *
 * For events whose fields are not all known at build time (their class
 * has a define_fields callback).  @type and @name must outlive the event.
 *
 * Return: 0 or -ENOMEM.
 */
int trace_define_field(struct trace_event_call *call, const char *type,
		       const char *name, int offset, int size, int is_signed,
		       int filter_type)
{
	return add_field(trace_get_fields(call), type, name, offset, size,
			 is_signed, filter_type, 0);
}
EXPORT_SYMBOL_GPL(trace_define_field);

/* Lay out the fields of a TRACE_EVENT() class from its fields_array. */
static int define_fields(struct trace_event_call *call)
{
	struct trace_event_class *class = call->class;
	int off = sizeof(struct trace_entry), ret;
	struct trace_event_fields *f;

	if (!class->fields_array || !list_empty(&class->fields))
		return 0;
	for (f = class->fields_array; f->type; f++) {
		if (f->type == TRACE_FUNCTION_TYPE) {
			ret = f->define_fields(call);
			if (ret)
				return ret;
			continue;
		}
		off = ALIGN(off, f->align);
		ret = add_field(&class->fields, f->type, f->name, off, f->size,
				f->is_signed, f->filter_type, f->len);
		if (ret)
			return ret;
		off += f->size;
	}
	return 0;
}

/**
 * trace_event_find_field() - a field of an event by name
 * @call: the event
 * @name: the field's name; common_* names find the header's fields
 *
 * Return: the field, or NULL.
 */
struct ftrace_event_field *trace_event_find_field(struct trace_event_call *call,
						  const char *name)
{
	struct ftrace_event_field *f;

	list_for_each_entry(f, trace_get_fields(call), link)
		if (!strcmp(f->name, name))
			return f;
	list_for_each_entry(f, &trace_common_fields, link)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/**
 * trace_event_get_offsets() - where an event's fields end
 * @call: the event
 *
 * Return: the offset of the first byte after its last field.
 */
int trace_event_get_offsets(struct trace_event_call *call)
{
	struct ftrace_event_field *f;
	int end = sizeof(struct trace_entry);

	list_for_each_entry(f, trace_get_fields(call), link)
		end = max(end, f->offset + f->size);
	return end;
}

/* The record header, struct trace_entry, as fields of every event. */
static const struct {
	const char	*const type;
	const char	*const name;
	int		offset;
	int		size;
	int		is_signed;
} common_fields[] = {
	{ "unsigned short", "common_type", offsetof(struct trace_entry, type),
	  sizeof_field(struct trace_entry, type), 0 },
	{ "unsigned char", "common_flags", offsetof(struct trace_entry, flags),
	  sizeof_field(struct trace_entry, flags), 0 },
	{ "unsigned char", "common_preempt_count",
	  offsetof(struct trace_entry, preempt_count),
	  sizeof_field(struct trace_entry, preempt_count), 0 },
	{ "int", "common_pid", offsetof(struct trace_entry, pid),
	  sizeof_field(struct trace_entry, pid), 1 },
};

static int __init define_common_fields(void)
{
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(common_fields); i++) {
		ret = add_field(&trace_common_fields, common_fields[i].type,
				common_fields[i].name, common_fields[i].offset,
				common_fields[i].size, common_fields[i].is_signed,
				FILTER_OTHER, 0);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * Systems of an instance, by name.  A system's name is the class's
 * string, so two classes of one system may have distinct pointers.
 */
static struct trace_subsystem_dir *system_get(struct trace_event_inst *ev,
					      const char *name)
{
	struct trace_subsystem_dir *d;

	/* A system whose events all went keeps its struct: reuse it. */
	list_for_each_entry(d, &ev->systems, link) {
		if (!strcmp(d->name, name)) {
			d->nr_events++;
			return d;
		}
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return NULL;
	/* A copy: the class's string may go with its module. */
	d->name = kstrdup(name, GFP_KERNEL);
	if (!d->name) {
		kfree(d);
		return NULL;
	}
	d->tr = ev->tr;
	d->nr_events = 1;
	list_add_tail(&d->link, &ev->systems);
	return d;
}

/*
 * The last event of a system in an instance went: its directory goes,
 * the struct stays until the instance does (an open enable file of the
 * system may point to it).
 */
static void system_put(struct trace_subsystem_dir *d)
{
	if (!--d->nr_events)
		trace_event_fs_put_system(d);
}

/**
 * trace_event_file_put() - drop a reference to an event's file
 * @file: the event in an instance
 *
 * @file->ref counts its lists (from file_add() to file_free()) and
 * eventfs's directory of it, which can outlive the event (see
 * trace_event_fs_remove_file()).  The last one frees it.
 */
void trace_event_file_put(struct trace_event_file *file)
{
	if (refcount_dec_and_test(&file->ref))
		kfree(file);
}

/* The file of @call in @ev: allocated, on its lists, with tracefs files. */
static int file_add(struct trace_event_inst *ev, struct trace_event_call *call)
{
	struct trace_event_file *file;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file)
		return -ENOMEM;
	refcount_set(&file->ref, 1);
	file->event_call = call;
	file->tr = ev->tr;
	file->flags = ev->new_file_flags;
	INIT_LIST_HEAD(&file->triggers);
	file->system = system_get(ev, call->class->system);
	if (!file->system) {
		kfree(file);
		return -ENOMEM;
	}
	list_add_tail(&file->list, &ev->files);
	if (ev->ei)
		trace_event_fs_add_file(ev, file);
	return 0;
}

static void file_unregister(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;

	if (!test_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags))
		return;
	call->class->reg(call, TRACE_REG_UNREGISTER, file);
	clear_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags);
}

static int file_register(struct trace_event_file *file)
{
	struct trace_event_call *call = file->event_call;
	int ret;

	if (test_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags))
		return 0;
	ret = call->class->reg(call, TRACE_REG_REGISTER, file);
	if (ret) {
		pr_warn("tracing: could not enable event %s\n",
			trace_event_name(call));
		return ret;
	}
	set_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags);
	return 0;
}

/*
 * Take the file off its lists and drop their reference; its probe must be
 * unregistered and tracepoint_synchronize_unregister() done.
 */
static void file_free(struct trace_event_file *file)
{
	trace_event_fs_remove_file(file);
	trace_event_filter_free(file);
	list_del(&file->list);
	system_put(file->system);
	trace_event_file_put(file);
}

/**
 * trace_event_enable() - what a write to an event's enable file does
 * @file: the event in an instance
 * @on: 1 or 0
 *
 * Context: event_mutex held.
 * Return: 0, or the errno of registering the probe.
 */
int trace_event_enable(struct trace_event_file *file, bool on)
{
	int ret;

	lockdep_assert_held(&event_mutex);
	if (on) {
		ret = file_register(file);
		if (ret)
			return ret;
		clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	} else if (test_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags)) {
		set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	} else {
		file_unregister(file);
	}
	return 0;
}

/**
 * trace_event_soft_get() - hold an event registered but soft-disabled
 * @file: the event in an instance
 *
 * For commands that turn the event on and off from a probe, where its
 * probe cannot be registered.  Pins the event's module.
 *
 * Context: event_mutex held.
 * Return: 0, -ENODEV when the module is going, or the errno of
 * registering the probe.
 */
int trace_event_soft_get(struct trace_event_file *file)
{
	int ret;

	lockdep_assert_held(&event_mutex);
	if (!trace_event_try_get_ref(file->event_call))
		return -ENODEV;
	if (atomic_inc_return(&file->sm_ref) > 1)
		return 0;
	set_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
	if (test_bit(EVENT_FILE_FL_ENABLED_BIT, &file->flags))
		return 0;
	/* Disabled before it is registered: it must not write yet. */
	set_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
	ret = file_register(file);
	if (ret) {
		atomic_dec(&file->sm_ref);
		clear_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
		clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags);
		trace_event_put_ref(file->event_call);
	}
	return ret;
}

/**
 * trace_event_soft_put() - undo trace_event_soft_get()
 * @file: the event in an instance
 *
 * Context: event_mutex held.
 */
void trace_event_soft_put(struct trace_event_file *file)
{
	lockdep_assert_held(&event_mutex);
	if (!atomic_dec_and_test(&file->sm_ref))
		goto out;
	clear_bit(EVENT_FILE_FL_SOFT_MODE_BIT, &file->flags);
	if (test_and_clear_bit(EVENT_FILE_FL_SOFT_DISABLED_BIT, &file->flags))
		file_unregister(file);
out:
	trace_event_put_ref(file->event_call);
}

/* Give the instance's buffer its full size before an event writes to it. */
static int expand_buffer(struct trace_array *tr)
{
	int ret;

	mutex_lock(&trace_types_lock);
	ret = tracing_expand_buffer(tr);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * trace_event_set_system() - enable or disable events by name
 * @ev: the instance's events
 * @system: a system name, or NULL or "*" for any
 * @event: an event name, or NULL or "*" for any
 * @on: 1 or 0
 *
 * Events that cannot be enabled by users (IGNORE_ENABLE) are skipped.
 *
 * Return: 0 when at least one event matched, -EINVAL when none did, or
 * the errno of registering a probe.
 */
int trace_event_set_system(struct trace_event_inst *ev, const char *system,
			   const char *event, int on)
{
	struct trace_event_file *file;
	struct trace_event_call *call;
	int ret = -EINVAL, err;

	if (system && !strcmp(system, "*"))
		system = NULL;
	if (event && !strcmp(event, "*"))
		event = NULL;
	if (on) {
		err = expand_buffer(ev->tr);
		if (err)
			return err;
	}
	mutex_lock(&event_mutex);
	list_for_each_entry(file, &ev->files, list) {
		call = file->event_call;
		if ((call->flags & TRACE_EVENT_FL_IGNORE_ENABLE) ||
		    (system && strcmp(call->class->system, system)) ||
		    (event && strcmp(trace_event_name(call), event)))
			continue;
		err = trace_event_enable(file, on);
		if (ret == -EINVAL || err)
			ret = err;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

/**
 * trace_event_find_file() - the file of an event in an instance
 * @ev: the instance's events
 * @system: the event's system
 * @event: the event's name
 *
 * Context: event_mutex held.
 * Return: the file, or NULL.
 */
struct trace_event_file *trace_event_find_file(struct trace_event_inst *ev,
					       const char *system,
					       const char *event)
{
	struct trace_event_file *file;
	struct trace_event_call *call;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry(file, &ev->files, list) {
		call = file->event_call;
		if (!strcmp(call->class->system, system) &&
		    !strcmp(trace_event_name(call), event))
			return file;
	}
	return NULL;
}

/**
 * trace_event_file_of() - the file of an event in an instance
 * @tr: the instance
 * @call: the event
 *
 * Context: event_mutex held.
 * Return: the file, or NULL (the instance has no events).
 */
struct trace_event_file *trace_event_file_of(struct trace_array *tr,
					     struct trace_event_call *call)
{
	struct trace_event_file *file;

	lockdep_assert_held(&event_mutex);
	if (!tr->events)
		return NULL;
	list_for_each_entry(file, &tr->events->files, list)
		if (file->event_call == call)
			return file;
	return NULL;
}

/*
 * Files of events/ point to these structs, which go with their instance
 * or module; an open that raced with that removal must not use them.
 * Called with event_mutex held: the lists only change under it.
 */
static bool inst_live(struct trace_event_inst *ev)
{
	struct trace_event_inst *e;

	list_for_each_entry(e, &event_insts, link_insts)
		if (e == ev)
			return true;
	return false;
}

static bool file_live(struct trace_event_file *file)
{
	struct trace_event_inst *ev;
	struct trace_event_file *f;

	list_for_each_entry(ev, &event_insts, link_insts)
		list_for_each_entry(f, &ev->files, list)
			if (f == file)
				return true;
	return false;
}

static bool system_live(struct trace_subsystem_dir *d)
{
	struct trace_subsystem_dir *s;
	struct trace_event_inst *ev;

	list_for_each_entry(ev, &event_insts, link_insts)
		list_for_each_entry(s, &ev->systems, link)
			if (s == d)
				return true;
	return false;
}

/**
 * trace_event_open() - check and pin what an events/ file points to
 * @filp: the file being opened
 * @kind: EV_OPEN_FILE, EV_OPEN_SYSTEM or EV_OPEN_INST: what @ptr is
 * @ptr: the file's i_private
 * @pin: also take a reference on the instance (and an event's module),
 *	dropped with trace_event_close()
 *
 * @ptr must be live and of the instance @filp is in: a removed
 * instance's memory may be a new one's by now (trace_array_of_file()).
 *
 * Context: event_mutex not held.
 * Return: 0, -ENODEV when @ptr is gone (its instance or module went
 * meanwhile) or its instance is being removed, or the lockdown error.
 */
int trace_event_open(struct file *filp, int kind, void *ptr, bool pin)
{
	struct trace_array *tr = NULL;
	bool live;
	int ret;

	ret = security_locked_down(LOCKDOWN_TRACEFS);
	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	mutex_lock(&event_mutex);
	switch (kind) {
	case EV_OPEN_FILE:
		live = file_live(ptr);
		if (live)
			tr = ((struct trace_event_file *)ptr)->tr;
		break;
	case EV_OPEN_SYSTEM:
		live = system_live(ptr);
		if (live)
			tr = ((struct trace_subsystem_dir *)ptr)->tr;
		break;
	default:
		live = inst_live(ptr);
		if (live)
			tr = ((struct trace_event_inst *)ptr)->tr;
		break;
	}
	if (live && tr != trace_array_of_file(filp))
		live = false;
	if (live && pin && kind == EV_OPEN_FILE &&
	    !trace_event_try_get_ref(((struct trace_event_file *)ptr)->event_call))
		live = false;
	ret = -ENODEV;
	if (live) {
		if (pin)
			tr->ref++;
		ret = 0;
	}
	mutex_unlock(&event_mutex);
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * trace_event_close() - undo trace_event_open() with @pin set
 * @kind: as given to trace_event_open()
 * @ptr: as given to trace_event_open()
 */
void trace_event_close(int kind, void *ptr)
{
	struct trace_array *tr;

	switch (kind) {
	case EV_OPEN_FILE:
		tr = ((struct trace_event_file *)ptr)->tr;
		trace_event_put_ref(((struct trace_event_file *)ptr)->event_call);
		break;
	case EV_OPEN_SYSTEM:
		tr = ((struct trace_subsystem_dir *)ptr)->tr;
		break;
	default:
		tr = ((struct trace_event_inst *)ptr)->tr;
		break;
	}
	trace_array_put(tr);
}

/**
 * ftrace_set_clr_event() - enable or disable events as set_event does
 * @tr: the instance
 * @buf: "[SYSTEM:]EVENT", "SYSTEM:" or "SYSTEM:*"; "*" matches anything
 * @set: 1 to enable, 0 to disable
 *
 * Return: 0, or -EINVAL when no event matched.
 */
int ftrace_set_clr_event(struct trace_array *tr, char *buf, int set)
{
	char *system = NULL, *event = buf, *sep;

	if (!tr->events)
		return -ENODEV;
	sep = strpbrk(buf, ":/");
	if (sep) {
		*sep = '\0';
		system = buf;
		event = sep + 1;
	}
	if (!*event)
		event = NULL;
	if (system && !*system)
		system = NULL;
	if (!system && !event)
		return -EINVAL;
	return trace_event_set_system(tr->events, system, event, set);
}

/**
 * trace_array_set_clr_event() - enable or disable events of an instance
 * @tr: the instance
 * @system: a system, or NULL for any
 * @event: an event, or NULL for any
 * @enable: on or off
 *
 * Return: 0, or -EINVAL when no event matched.
 */
int trace_array_set_clr_event(struct trace_array *tr, const char *system,
			      const char *event, bool enable)
{
	if (!tr || !tr->events)
		return -ENODEV;
	return trace_event_set_system(tr->events, system, event, enable);
}
EXPORT_SYMBOL_GPL(trace_array_set_clr_event);

/**
 * trace_set_clr_event() - enable or disable events of the global instance
 * @system: a system, or NULL for any
 * @event: an event, or NULL for any
 * @set: 1 or 0
 *
 * Return: 0, or -EINVAL when no event matched.
 */
int trace_set_clr_event(const char *system, const char *event, int set)
{
	return trace_array_set_clr_event(&trace_top, system, event, set);
}
EXPORT_SYMBOL_GPL(trace_set_clr_event);

/*
 * Make @call an event: its output type, fields, and a file per instance;
 * @maps (@nr of them) are the enum maps that apply to its print fmt.
 */
static int call_add(struct trace_event_call *call,
		    struct trace_eval_map **maps, unsigned int nr)
{
	struct trace_event_inst *ev;
	int ret;

	lockdep_assert_held(&event_mutex);
	if (call->class->raw_init) {
		ret = call->class->raw_init(call);
		/* -ENOENT: the event has nothing to trace here; no noise. */
		if (ret && ret != -ENOENT)
			pr_warn("tracing: event %s not added: %d\n",
				trace_event_name(call), ret);
		if (ret)
			return ret;
	}
	ret = define_fields(call);
	if (ret)
		goto fail;
	trace_event_eval_update(call, maps, nr);
	list_add_tail(&call->list, &trace_events);
	list_for_each_entry(ev, &event_insts, link_insts)
		if (file_add(ev, call))
			pr_warn("tracing: no memory for event %s\n",
				trace_event_name(call));
	return 0;
fail:
	unregister_trace_event(&call->event);
	return ret;
}

/**
 * trace_add_event_call() - add an event made at run time
 * @call: the event, with its class, name, print fmt and output funcs
 *
 * Gives @call a record type and a file in every instance.  The caller
 * makes sure no other event has its system and name.
 *
 * Context: event_mutex held.
 * Return: 0 or an errno.
 */
int trace_add_event_call(struct trace_event_call *call)
{
	lockdep_assert_held(&event_mutex);
	return call_add(call, NULL, 0);
}
EXPORT_SYMBOL_GPL(trace_add_event_call);

/**
 * trace_event_field_info() - describe a field of an event
 * @call: the event
 * @name: the field's name (common_* names are the header's)
 * @fi: filled in
 *
 * Context: event_mutex held (the event cannot go meanwhile).
 * Return: 0, or -ENOENT when the event has no such field.
 */
int trace_event_field_info(struct trace_event_call *call, const char *name,
			   struct trace_field_info *fi)
{
	struct ftrace_event_field *f = trace_event_find_field(call, name);

	if (!f)
		return -ENOENT;
	fi->offset = f->offset;
	fi->size = f->size;
	fi->is_signed = f->is_signed;
	fi->filter_type = f->filter_type;
	return 0;
}

/**
 * trace_event_call_find() - an event by system and name
 * @system: its system
 * @name: its name
 *
 * Context: event_mutex held.
 * Return: the event, or NULL.
 */
struct trace_event_call *trace_event_call_find(const char *system,
					       const char *name)
{
	struct trace_event_call *call;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry(call, &trace_events, list)
		if (!strcmp(call->class->system, system) &&
		    !strcmp(trace_event_name(call), name))
			return call;
	return NULL;
}

/* Free the field list of @call's class (a module's, going away). */
static void free_fields(struct trace_event_call *call)
{
	struct ftrace_event_field *f, *n;

	list_for_each_entry_safe(f, n, trace_get_fields(call), link) {
		list_del(&f->link);
		kfree(f);
	}
}

/**
 * trace_remove_event_call() - remove an event added at run time
 * @call: the event
 *
 * Refused while the event is enabled (or held by a command) in some
 * instance, or pinned by an open file.  Records of it already in the
 * buffers are no longer printed.  The caller frees @call.
 *
 * Context: event_mutex held.
 * Return: 0, or -EBUSY.
 */
int trace_remove_event_call(struct trace_event_call *call)
{
	struct trace_event_file *file, *n;
	struct trace_event_inst *ev;

	lockdep_assert_held(&event_mutex);
	if ((call->flags & TRACE_EVENT_FL_DYNAMIC) && trace_event_dyn_busy(call))
		return -EBUSY;
	list_for_each_entry(ev, &event_insts, link_insts)
		list_for_each_entry(file, &ev->files, list)
			if (file->event_call == call &&
			    (file->flags & (EVENT_FILE_FL_ENABLED |
					    EVENT_FILE_FL_SOFT_MODE)))
				return -EBUSY;
	list_for_each_entry(ev, &event_insts, link_insts)
		list_for_each_entry_safe(file, n, &ev->files, list)
			if (file->event_call == call)
				file_free(file);
	list_del(&call->list);
	unregister_trace_event(&call->event);
	free_fields(call);
	/* Readers print records under RCU with the event's output funcs. */
	synchronize_rcu();
	return 0;
}
EXPORT_SYMBOL_GPL(trace_remove_event_call);

/* Remove the events of a module that is going away. */
static void remove_module_events(struct module *mod)
{
	struct trace_event_file *file, *n;
	struct trace_event_call *call, *cn;
	struct trace_event_inst *ev;
	bool any = false;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry(ev, &event_insts, link_insts) {
		list_for_each_entry(file, &ev->files, list) {
			if (file->event_call->module != mod)
				continue;
			file_unregister(file);
			any = true;
		}
	}
	if (!any && !mod->num_trace_events)
		return;
	tracepoint_synchronize_unregister();
	list_for_each_entry(ev, &event_insts, link_insts)
		list_for_each_entry_safe(file, n, &ev->files, list)
			if (file->event_call->module == mod)
				file_free(file);
	list_for_each_entry_safe(call, cn, &trace_events, list) {
		if (call->module != mod)
			continue;
		list_del(&call->list);
		unregister_trace_event(&call->event);
		free_fields(call);	/* a class shared with another: now empty */
	}
	/* Readers print records of these types under RCU. */
	synchronize_rcu();
	trace_event_eval_free(mod);
}

static int events_module_notify(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct module *mod = data;
	unsigned int i;

	mutex_lock(&event_mutex);
	if (val == MODULE_STATE_COMING) {
		for (i = 0; i < mod->num_trace_events; i++) {
			mod->trace_events[i]->module = mod;
			call_add(mod->trace_events[i], mod->trace_evals,
				 mod->num_trace_evals);
		}
	} else if (val == MODULE_STATE_GOING) {
		remove_module_events(mod);
	}
	mutex_unlock(&event_mutex);
	return NOTIFY_OK;
}

static struct notifier_block events_module_nb = {
	.notifier_call	= events_module_notify,
	.priority	= 1,	/* after the tracepoints' own notifier */
};

static void events_free(struct trace_array *tr);

/* Give an instance a file for every event. */
static int events_init(struct trace_array *tr)
{
	struct trace_event_inst *ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	struct trace_event_call *call;
	int ret = 0;

	if (!ev)
		return -ENOMEM;
	INIT_LIST_HEAD(&ev->files);
	INIT_LIST_HEAD(&ev->systems);
	ev->tr = tr;
	mutex_lock(&event_mutex);
	list_for_each_entry(call, &trace_events, list) {
		ret = file_add(ev, call);
		if (ret)
			break;
	}
	list_add_tail(&ev->link_insts, &event_insts);
	tr->events = ev;
	mutex_unlock(&event_mutex);
	if (ret)
		events_free(tr);
	return ret;
}

/* Disable and free the events of an instance that goes away. */
static void events_free(struct trace_array *tr)
{
	struct trace_event_inst *ev = tr->events;
	struct trace_subsystem_dir *d, *dn;
	struct trace_event_file *file, *n;

	if (!ev)
		return;
	mutex_lock(&event_mutex);
	list_for_each_entry(file, &ev->files, list)
		file_unregister(file);
	tracepoint_synchronize_unregister();
	list_for_each_entry_safe(file, n, &ev->files, list)
		file_free(file);
	list_for_each_entry_safe(d, dn, &ev->systems, link) {
		list_del(&d->link);
		kfree(d->name);
		kfree(d);
	}
	list_del(&ev->link_insts);
	tr->events = NULL;
	mutex_unlock(&event_mutex);
	trace_event_fs_remove_inst(ev);
	kfree(ev);
}

/*
 * events/ is eventfs, not part of the instance's tracefs tree: it goes,
 * each event's and system's directory first, before the instance's
 * directory does.  The files themselves go with the instance's events.
 */
static void events_remove_files(struct trace_array *tr)
{
	struct trace_event_inst *ev = tr->events;
	struct trace_event_file *file;
	struct trace_subsystem_dir *d;

	mutex_lock(&event_mutex);
	list_for_each_entry(file, &ev->files, list)
		trace_event_fs_remove_file(file);
	list_for_each_entry(d, &ev->systems, link)
		trace_event_fs_put_system(d);
	/* Under the lock: a module's new events must not add directories. */
	trace_event_fs_remove_inst(ev);
	mutex_unlock(&event_mutex);
}

static const struct trace_option events_opts[] = {
	{ "stacktrace",		TRACE_OPT_STACKTRACE_BIT, false },
};

static const struct trace_part events_part = {
	.name			= "events",
	.opts			= events_opts,
	.nr_opts		= ARRAY_SIZE(events_opts),
	.id			= TRACE_PART_EVENTS,
	.init			= events_init,
	.free			= events_free,
	.create_files		= trace_event_fs_create_files,
	.create_root_files	= trace_event_fs_create_root_files,
	.remove_files		= events_remove_files,
};

/* Events named by the trace_event= boot parameter, enabled at boot. */
static char boot_events[COMMAND_LINE_SIZE] __initdata;

static int __init set_trace_boot_event(char *str)
{
	strscpy(boot_events, str, sizeof(boot_events));
	tracer_selftests_off("running event tracing");
	return 1;
}
__setup("trace_event=", set_trace_boot_event);

static void __init enable_boot_events(void)
{
	char *list = boot_events, *tok;

	while ((tok = strsep(&list, ","))) {
		tok = strim(tok);
		if (*tok && ftrace_set_clr_event(&trace_top, tok, 1))
			pr_warn("tracing: trace_event=: no event %s\n", tok);
	}
}

/*
 * Early: the built-in events exist before the first initcall that might
 * hit a tracepoint, so trace_event= catches boot.
 */
static int __init trace_events_init(void)
{
	struct trace_event_call **p;

	if (define_common_fields())
		return -ENOMEM;
	mutex_lock(&event_mutex);
	for (p = __start_ftrace_events; p < __stop_ftrace_events; p++)
		call_add(*p, __start_ftrace_eval_maps,
			 __stop_ftrace_eval_maps - __start_ftrace_eval_maps);
	mutex_unlock(&event_mutex);
	if (trace_part_register(&events_part))
		return -ENOMEM;
	register_module_notifier(&events_module_nb);
	enable_boot_events();
	return 0;
}
early_initcall(trace_events_init);
