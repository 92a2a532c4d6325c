// SPDX-License-Identifier: GPL-2.0
/*
 * Printing event records: the record types of events, the helpers that
 * TRACE_EVENT()'s generated output functions call (__print_flags() and
 * friends), and the bridge from the core's printer to those functions.
 *
 * Types are handed out once and never reused: a record of an event whose
 * module is gone prints as an unknown type rather than as another event.
 */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sysctl.h>
#include <linux/seq_buf.h>
#include <linux/trace_seq.h>
#include <linux/xarray.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* Types below this belong to the core's own records (trace_priv.h). */
#define FIRST_EVENT_TYPE	32

static DEFINE_XARRAY(event_types);	/* writes under event_types_lock, RCU reads */
static DEFINE_MUTEX(event_types_lock);
static int next_event_type = FIRST_EVENT_TYPE;	/* [event_types_lock] */

/**
 * register_trace_event() - give an output format a record type
 * @event: the format; a zero @event->type gets a new type
 *
 * Return: the type, or 0 when no type is left or @event->type is taken.
 */
int register_trace_event(struct trace_event *event)
{
	int type = 0;

	mutex_lock(&event_types_lock);
	if (!event->type) {
		if (next_event_type > TRACE_EVENT_TYPE_MAX)
			goto out;
		event->type = next_event_type++;
	}
	if (xa_insert(&event_types, event->type, event, GFP_KERNEL))
		goto out;
	type = event->type;
out:
	mutex_unlock(&event_types_lock);
	return type;
}
EXPORT_SYMBOL_GPL(register_trace_event);

/**
 * unregister_trace_event() - drop a format registered before
 * @event: the format
 *
 * Readers may use it until an RCU grace period has passed.
 *
 * Return: 0.
 */
int unregister_trace_event(struct trace_event *event)
{
	mutex_lock(&event_types_lock);
	xa_cmpxchg(&event_types, event->type, event, NULL, GFP_KERNEL);
	mutex_unlock(&event_types_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(unregister_trace_event);

/**
 * trace_event_raw_init() - the raw_init of TRACE_EVENT() classes
 * @call: the event
 *
 * Return: 0, or -ENODEV when it got no record type.
 */
int trace_event_raw_init(struct trace_event_call *call)
{
	return register_trace_event(&call->event) ? 0 : -ENODEV;
}
EXPORT_SYMBOL_GPL(trace_event_raw_init);

/**
 * trace_handle_return() - the result of an output function
 * @s: what it printed into
 *
 * Return: TRACE_TYPE_PARTIAL_LINE when @s ran out of room, else
 * TRACE_TYPE_HANDLED.
 */
enum print_line_t trace_handle_return(struct trace_seq *s)
{
	return trace_seq_has_overflowed(s) ? TRACE_TYPE_PARTIAL_LINE :
					     TRACE_TYPE_HANDLED;
}
EXPORT_SYMBOL_GPL(trace_handle_return);

/**
 * trace_raw_output_prep() - start the line of an event record
 * @iter: the reader, with the record in @iter->ent
 * @trace_event: the record's format
 *
 * Prints "NAME: " and empties the scratch buffer of the __print_*()
 * helpers.
 *
 * Return: TRACE_TYPE_HANDLED, or TRACE_TYPE_UNHANDLED when the record is
 * not of this format.
 */
int trace_raw_output_prep(struct trace_iterator *iter,
			  struct trace_event *trace_event)
{
	struct trace_event_call *call =
		container_of(trace_event, struct trace_event_call, event);

	if (iter->ent->type != trace_event->type)
		return TRACE_TYPE_UNHANDLED;
	trace_seq_init(&iter->tmp_seq);
	trace_seq_printf(&iter->seq, "%s: ", trace_event_name(call));
	return trace_handle_return(&iter->seq);
}
EXPORT_SYMBOL(trace_raw_output_prep);

/**
 * trace_event_printf() - print the TP_printk() text of a record
 * @iter: the reader
 * @fmt: the format
 */
void trace_event_printf(struct trace_iterator *iter, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(&iter->seq, fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL(trace_event_printf);

/**
 * trace_output_call() - print a whole record line: "NAME: " text "\n"
 * @iter: the reader
 * @name: the event's name
 * @fmt: the format of the text
 *
 * Return: as trace_handle_return().
 */
int trace_output_call(struct trace_iterator *iter, char *name, char *fmt, ...)
{
	struct trace_seq *s = &iter->seq;
	va_list ap;

	trace_seq_printf(s, "%s: ", name);
	va_start(ap, fmt);
	trace_seq_vprintf(s, fmt, ap);
	va_end(ap);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}
EXPORT_SYMBOL_GPL(trace_output_call);

/*
 * The __print_*() helpers print into the scratch trace_seq @p and return
 * where their text starts, NUL-terminated, for the "%s" of TP_printk().
 */
static const char *scratch_end(struct trace_seq *p, const char *start)
{
	trace_seq_putc(p, '\0');
	return start;
}

/**
 * trace_print_flags_seq() - __print_flags(): the names of the set bits
 * @p: scratch buffer
 * @delim: between two names
 * @flags: the value
 * @flag_array: mask/name pairs, ending with a NULL name
 *
 * Bits no name covers are printed as one hex number at the end.
 *
 * Return: the text.
 */
const char *trace_print_flags_seq(struct trace_seq *p, const char *delim,
				  unsigned long flags,
				  const struct trace_print_flags *flag_array)
{
	const char *start = trace_seq_buffer_ptr(p);
	bool first = true;

	for (; flag_array->name && flags; flag_array++) {
		if ((flags & flag_array->mask) != flag_array->mask)
			continue;
		if (!first && delim)
			trace_seq_puts(p, delim);
		trace_seq_puts(p, flag_array->name);
		flags &= ~flag_array->mask;
		first = false;
	}
	if (flags) {
		if (!first && delim)
			trace_seq_puts(p, delim);
		trace_seq_printf(p, "0x%lx", flags);
	}
	return scratch_end(p, start);
}
EXPORT_SYMBOL(trace_print_flags_seq);

/**
 * trace_print_symbols_seq() - __print_symbolic(): the name of a value
 * @p: scratch buffer
 * @val: the value
 * @symbol_array: value/name pairs, ending with a NULL name
 *
 * Return: the name, or the value in hex when none matches.
 */
const char *trace_print_symbols_seq(struct trace_seq *p, unsigned long val,
				    const struct trace_print_flags *symbol_array)
{
	const char *start = trace_seq_buffer_ptr(p);

	for (; symbol_array->name; symbol_array++) {
		if (symbol_array->mask == val) {
			trace_seq_puts(p, symbol_array->name);
			return scratch_end(p, start);
		}
	}
	trace_seq_printf(p, "0x%lx", val);
	return scratch_end(p, start);
}
EXPORT_SYMBOL(trace_print_symbols_seq);

/**
 * trace_print_bitmask_seq() - __get_bitmask(): a bitmask as hex words
 * @p: scratch buffer
 * @bitmask_ptr: the bits
 * @bitmask_size: their size in bytes
 *
 * Return: the text.
 */
const char *trace_print_bitmask_seq(struct trace_seq *p, void *bitmask_ptr,
				    unsigned int bitmask_size)
{
	const char *start = trace_seq_buffer_ptr(p);

	trace_seq_bitmask(p, bitmask_ptr, bitmask_size * 8);
	return scratch_end(p, start);
}
EXPORT_SYMBOL_GPL(trace_print_bitmask_seq);

/**
 * trace_print_hex_seq() - __print_hex(): bytes as hex
 * @p: scratch buffer
 * @buf: the bytes
 * @buf_len: how many
 * @concatenate: no space between the bytes
 *
 * Return: the text.
 */
const char *trace_print_hex_seq(struct trace_seq *p, const unsigned char *buf,
				int buf_len, bool concatenate)
{
	const char *start = trace_seq_buffer_ptr(p);
	int i;

	for (i = 0; i < buf_len; i++)
		trace_seq_printf(p, concatenate || !i ? "%02x" : " %02x", buf[i]);
	return scratch_end(p, start);
}
EXPORT_SYMBOL(trace_print_hex_seq);

/**
 * trace_print_array_seq() - __print_array(): "{0x1,0x2}"
 * @p: scratch buffer
 * @buf: the elements
 * @count: how many
 * @el_size: bytes per element: 1, 2, 4 or 8
 *
 * Return: the text.
 */
const char *trace_print_array_seq(struct trace_seq *p, const void *buf,
				  int count, size_t el_size)
{
	const char *start = trace_seq_buffer_ptr(p);
	u64 v;
	int i;

	trace_seq_putc(p, '{');
	for (i = 0; i < count; i++) {
		switch (el_size) {
		case 1:
			v = ((const u8 *)buf)[i];
			break;
		case 2:
			v = ((const u16 *)buf)[i];
			break;
		case 4:
			v = ((const u32 *)buf)[i];
			break;
		case 8:
			v = ((const u64 *)buf)[i];
			break;
		default:
			trace_seq_printf(p, "BAD SIZE:%zu", el_size);
			goto out;
		}
		trace_seq_printf(p, i ? ",0x%llx" : "0x%llx", v);
	}
out:
	trace_seq_putc(p, '}');
	return scratch_end(p, start);
}
EXPORT_SYMBOL(trace_print_array_seq);

/**
 * trace_print_hex_dump_seq() - __print_hex_dump(): a multi-line hex dump
 * @p: scratch buffer
 * @prefix_str: text before each line
 * @prefix_type: DUMP_PREFIX_*
 * @rowsize: bytes per line
 * @groupsize: bytes per group
 * @buf: the bytes
 * @len: how many
 * @ascii: add the printable characters
 *
 * Return: the text, starting with a newline.
 */
const char *trace_print_hex_dump_seq(struct trace_seq *p, const char *prefix_str,
				     int prefix_type, int rowsize, int groupsize,
				     const void *buf, size_t len, bool ascii)
{
	const char *start = trace_seq_buffer_ptr(p);

	trace_seq_putc(p, '\n');
	trace_seq_hex_dump(p, prefix_str, prefix_type, rowsize, groupsize,
			   buf, len, ascii);
	return scratch_end(p, start);
}
EXPORT_SYMBOL(trace_print_hex_dump_seq);

/**
 * trace_event_lookup() - the output format of a record type
 * @type: the type
 *
 * Context: rcu_read_lock() held; the format stays valid until it is
 * dropped.
 * Return: the format, or NULL for types no event has.
 */
struct trace_event *trace_event_lookup(int type)
{
	return xa_load(&event_types, type);
}

/**
 * trace_event_print() - print an event record with its output function
 * @s: output
 * @iter: the reader's iterator, used as scratch space
 * @tr: the instance
 * @cpu: the record's CPU
 * @ts: its time stamp
 * @ent: the record
 * @len: its length
 * @form: which of the event's output functions prints it
 *
 * An event without the function prints "type: N", as upstream's do.
 *
 * Return: false when @ent is not of an event's type.
 */
bool trace_event_print(struct seq_buf *s, struct trace_iterator *iter,
		       struct trace_array *tr, int cpu, u64 ts,
		       struct trace_entry *ent, unsigned int len,
		       enum trace_event_form form)
{
	struct trace_event *ev;
	trace_print_func fn = NULL;

	rcu_read_lock();
	ev = trace_event_lookup(ent->type);
	if (!ev) {
		rcu_read_unlock();
		return false;
	}
	if (ev->funcs) {
		switch (form) {
		case TRACE_FORM_TEXT:
			fn = ev->funcs->trace;
			break;
		case TRACE_FORM_RAW:
			fn = ev->funcs->raw;
			break;
		case TRACE_FORM_HEX:
			fn = ev->funcs->hex;
			break;
		case TRACE_FORM_BIN:
			fn = ev->funcs->binary;
			break;
		}
	}
	iter->tr = tr;
	iter->ent = ent;
	iter->ent_size = len;
	iter->cpu = cpu;
	iter->ts = ts;
	trace_seq_init(&iter->seq);
	if (fn)
		fn(iter, 0, ev);
	else
		trace_seq_printf(&iter->seq, "type: %d\n", ent->type);
	rcu_read_unlock();
	seq_buf_putmem(s, iter->seq.buffer, trace_seq_used(&iter->seq));
	return true;
}

/* ---- tp_printk: events to the console too -------------------------------- */

/*
 * kernel.tracepoint_printk: every event record kept is also printed to
 * the console, as it reads in "trace".  Only a kernel booted with
 * tp_printk can: the iterator it prints with is made at boot.
 * tp_printk_stop_on_boot turns it off once the boot is done.
 */
int tracepoint_printk;			/* [tp_mutex] */
static bool tp_stop_on_boot;
static struct trace_iterator *tp_iter;	/* [I] after boot; [tp_lock] */
static DEFINE_RAW_SPINLOCK(tp_lock);
static DEFINE_MUTEX(tp_mutex);
DEFINE_STATIC_KEY_FALSE(trace_event_printk_key);

static int __init set_tp_printk(char *str)
{
	/* tp_printk_stop_on_boot also starts with "tp_printk". */
	if (!strcmp(str, "_stop_on_boot"))
		return 0;
	tracepoint_printk = 1;
	return 1;
}
__setup("tp_printk", set_tp_printk);

static int __init set_tp_printk_stop(char *str)
{
	tp_stop_on_boot = true;
	return 1;
}
__setup("tp_printk_stop_on_boot", set_tp_printk_stop);

/**
 * trace_event_printk() - print an event record to the console
 * @fb: the record, kept (filtered and committed)
 *
 * Context: a probe; called while trace_event_printk_key is on.
 */
void trace_event_printk(struct trace_event_buffer *fb)
{
	struct trace_event *ev = &fb->trace_file->event_call->event;
	unsigned long flags;

	if (!ev->funcs || !ev->funcs->trace || !tp_iter)
		return;
	raw_spin_lock_irqsave(&tp_lock, flags);
	trace_seq_init(&tp_iter->seq);
	tp_iter->ent = fb->entry;
	ev->funcs->trace(tp_iter, 0, ev);
	trace_seq_putc(&tp_iter->seq, 0);
	pr_warn("%s", tp_iter->seq.buffer);	/* the default level */
	raw_spin_unlock_irqrestore(&tp_lock, flags);
}

/**
 * tracepoint_printk_sysctl() - handler of kernel.tracepoint_printk
 * @table: the sysctl entry
 * @write: nonzero for a write
 * @buffer: user data
 * @lenp: its length
 * @ppos: file position
 *
 * A kernel booted without tp_printk keeps it 0.
 *
 * Return: 0 or the error of proc_dointvec().
 */
int tracepoint_printk_sysctl(const struct ctl_table *table, int write,
			     void *buffer, size_t *lenp, loff_t *ppos)
{
	int old, ret;

	mutex_lock(&tp_mutex);
	old = tracepoint_printk;
	ret = proc_dointvec(table, write, buffer, lenp, ppos);
	if (!tp_iter)
		tracepoint_printk = 0;
	if (!!old != !!tracepoint_printk) {
		if (tracepoint_printk)
			static_branch_enable(&trace_event_printk_key);
		else
			static_branch_disable(&trace_event_printk_key);
	}
	mutex_unlock(&tp_mutex);
	return ret;
}

static int __init tp_printk_init(void)
{
	if (!tracepoint_printk)
		return 0;
	tp_iter = kzalloc(sizeof(*tp_iter), GFP_KERNEL);
	if (!tp_iter) {
		pr_warn("tracing: no memory for tp_printk\n");
		tracepoint_printk = 0;
		return -ENOMEM;
	}
	static_branch_enable(&trace_event_printk_key);
	return 0;
}
core_initcall(tp_printk_init);

static int __init tp_printk_stop(void)
{
	if (!tp_stop_on_boot || !tracepoint_printk)
		return 0;
	mutex_lock(&tp_mutex);
	tracepoint_printk = 0;
	static_branch_disable(&trace_event_printk_key);
	mutex_unlock(&tp_mutex);
	return 0;
}
late_initcall_sync(tp_printk_stop);
