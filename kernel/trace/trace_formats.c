// SPDX-License-Identifier: GPL-2.0
/*
 * The format files: how parsers (libtraceevent, trace-cmd) decode the
 * binary buffer.
 *
 *	events/header_page	layout of a ring-buffer page
 *	events/header_event	layout of a record header
 *	events/ftrace/print	trace_marker records (and their triggers)
 *	events/ftrace/raw_data	trace_marker_raw records
 *	events/ftrace/function	function-tracer records (and perf's
 *				ftrace:function)
 *	events/ftrace/NAME	the records of tracers (trace_record_format_add())
 *	events/SYSTEM/EVENT/format	of every trace event
 *
 * They are generated from the very structures the code writes.
 */
#include <linux/ring_buffer.h>
#include <linux/security.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/tracefs.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* One field line of a format file. */
static void field(struct seq_buf *s, const char *type, const char *name,
		  size_t offset, size_t size, int sgn)
{
	seq_buf_printf(s, "\tfield:%s %s;\toffset:%zu;\tsize:%zu;\tsigned:%d;\n",
		       type, name, offset, size, sgn);
}

static void print_common_fields(struct seq_buf *s)
{
	field(s, "unsigned short", "common_type", offsetof(struct trace_entry, type),
	      sizeof_field(struct trace_entry, type), 0);
	field(s, "unsigned char", "common_flags", offsetof(struct trace_entry, flags),
	      sizeof_field(struct trace_entry, flags), 0);
	field(s, "unsigned char", "common_preempt_count",
	      offsetof(struct trace_entry, preempt_count),
	      sizeof_field(struct trace_entry, preempt_count), 0);
	field(s, "int", "common_pid", offsetof(struct trace_entry, pid),
	      sizeof_field(struct trace_entry, pid), 1);
	seq_buf_putc(s, '\n');
}

static void print_field(struct seq_buf *s, struct ftrace_event_field *f)
{
	const char *br = strchr(f->type, '[');

	/*
	 * A fixed array "char[TASK_COMM_LEN]" comm shows as "char comm[16]":
	 * parsers need the number.  An array of a field defined at run time
	 * (a probe's "u8[4]") has no count there: "u8 arr[]", as upstream.
	 * __data_loc types stay as they are.
	 */
	if (br && f->len)
		seq_buf_printf(s, "\tfield:%.*s %s[%d];", (int)(br - f->type),
			       f->type, f->name, f->len);
	else if (br && !strstarts(f->type, "__data_loc") &&
		 !strstarts(f->type, "__rel_loc"))
		seq_buf_printf(s, "\tfield:%.*s %s[];", (int)(br - f->type),
			       f->type, f->name);
	else
		seq_buf_printf(s, "\tfield:%s %s;", f->type, f->name);
	seq_buf_printf(s, "\toffset:%d;\tsize:%d;\tsigned:%d;\n", f->offset,
		       f->size, !!f->is_signed);
}

/**
 * trace_event_print_format() - the format file of a trace event
 * @s: output
 * @call: the event
 */
void trace_event_print_format(struct seq_buf *s, struct trace_event_call *call)
{
	struct ftrace_event_field *f;

	seq_buf_printf(s, "name: %s\nID: %d\nformat:\n", trace_event_name(call),
		       call->event.type);
	print_common_fields(s);
	list_for_each_entry(f, trace_get_fields(call), link)
		print_field(s, f);
	seq_buf_printf(s, "\nprint fmt: %s\n", call->print_fmt ?: "\"\"");
}

static void print_header_event(struct seq_buf *s)
{
	seq_buf_printf(s, "# compressed entry header\n"
		       "\ttype_len    :    5 bits\n"
		       "\ttime_delta  :   27 bits\n"
		       "\tarray       :   32 bits\n\n"
		       "\tpadding     : type == %d\n"
		       "\ttime_extend : type == %d\n"
		       "\ttime_stamp : type == %d\n"
		       "\tdata max type_len  == %d\n",
		       RINGBUF_TYPE_PADDING, RINGBUF_TYPE_TIME_EXTEND,
		       RINGBUF_TYPE_TIME_STAMP, RINGBUF_TYPE_DATA_TYPE_LEN_MAX);
}

static int function_fields(struct trace_event_call *call)
{
	return trace_define_field(call, "unsigned long", "ip",
				  offsetof(struct ftrace_entry, ip),
				  sizeof_field(struct ftrace_entry, ip), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "unsigned long", "parent_ip",
				  offsetof(struct ftrace_entry, parent_ip),
				  sizeof_field(struct ftrace_entry, parent_ip), 0,
				  FILTER_OTHER);
}

static int print_fields(struct trace_event_call *call)
{
	return trace_define_field(call, "unsigned long", "ip",
				  offsetof(struct print_entry, ip),
				  sizeof_field(struct print_entry, ip), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "char[]", "buf",
				  offsetof(struct print_entry, buf), 0, 0,
				  FILTER_OTHER);
}

static int raw_data_fields(struct trace_event_call *call)
{
	return trace_define_field(call, "unsigned int", "id",
				  offsetof(struct raw_data_entry, id),
				  sizeof_field(struct raw_data_entry, id), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "char[]", "buf",
				  offsetof(struct raw_data_entry, buf), 0, 0,
				  FILTER_OTHER);
}

static struct trace_record_format function_format = {
	.name		= "function",
	.id		= TRACE_FN,
	.define		= function_fields,
	.reg		= perf_function_reg,
	.print_fmt	= "\" %ps <-- %ps\", (void *)REC->ip, (void *)REC->parent_ip",
};

static struct trace_record_format marker_format = {
	.name		= "print",
	.id		= TRACE_PRINT,
	.define		= print_fields,
	.print_fmt	= "\"%ps: %s\", (void *)REC->ip, REC->buf",
};

static struct trace_record_format raw_data_format = {
	.name		= "raw_data",
	.id		= TRACE_RAW_DATA,
	.define		= raw_data_fields,
	.print_fmt	= "\"id:%04x %08x\", REC->id, (int)REC->buf[0]",
};

/**
 * trace_event_is_marker() - whether an event is trace_marker's ftrace/print
 * @call: the event
 *
 * It is the one event of events/ftrace/ that takes triggers.
 *
 * Return: true for ftrace/print.
 */
bool trace_event_is_marker(const struct trace_event_call *call)
{
	return call == &marker_format.call;
}

/*
 * What one of the two files shows: the file's name says which; @buffer
 * is the instance's buffer for header_page.
 */
struct core_text_arg {
	const char			*name;
	struct trace_buffer		*buffer;
};

static void gen_core_text(struct seq_buf *s, void *arg)
{
	struct core_text_arg *a = arg;

	if (!strcmp(a->name, "header_page"))
		ring_buffer_print_page_header(a->buffer, s);
	else
		print_header_event(s);
}

/* header_page shows the size of the instance's pages: hold the instance. */
static int header_page_open(struct trace_event_inst *ev, struct file *filp,
			    struct core_text_arg *a)
{
	int ret = trace_event_open(filp, EV_OPEN_INST, ev, true);

	if (ret)
		return ret;
	a->buffer = READ_ONCE(ev->tr->buffer);
	ret = trace_event_text_make(filp, gen_core_text, a);
	trace_event_close(EV_OPEN_INST, ev);
	return ret;
}

static int text_open(struct inode *inode, struct file *filp)
{
	struct core_text_arg a = {
		.name	= filp->f_path.dentry->d_name.name,
	};
	int ret;

	ret = security_locked_down(LOCKDOWN_TRACEFS);
	if (ret)
		return ret;
	if (!strcmp(a.name, "header_page"))
		return header_page_open(inode->i_private, filp, &a);
	return trace_event_text_make(filp, gen_core_text, &a);
}

static const struct file_operations text_fops = {
	.open		= text_open,
	.read		= trace_event_text_read,
	.release	= trace_event_text_release,
	.llseek		= default_llseek,
};

/**
 * trace_event_core_entry() - eventfs callback of header_page and header_event
 * @name: the file looked up
 * @mode: gets its mode
 * @data: its data (unused)
 * @fops: gets its operations
 *
 * Return: 1 for the two files, 0 for other names.
 */
int trace_event_core_entry(const char *name, umode_t *mode, void **data,
			   const struct file_operations **fops)
{
	if (strcmp(name, "header_page") && strcmp(name, "header_event"))
		return 0;
	*mode = 0440;
	*fops = &text_fops;
	return 1;
}

/*
 * The records of the core and the tracers are events of the system
 * "ftrace" that users cannot enable: their directories show the format
 * and id (and ftrace/print its trigger file), perf finds ftrace/function
 * by its id.  They are added when the events core is up; until then the
 * list holds them.
 */
static LIST_HEAD(record_formats);	/* [I] after boot */
static bool formats_up;			/* [I] after boot */

/*
 * Registering one of these events registers nothing: its records are
 * written by the core and the tracers (upstream's do the same, so that a
 * trigger can hold ftrace/print).  perf opens only what has a reg of its
 * own (ftrace/function).
 */
static int format_reg(struct trace_event_call *call, enum trace_reg type,
		      void *data)
{
	return type == TRACE_REG_REGISTER || type == TRACE_REG_UNREGISTER ?
	       0 : -EOPNOTSUPP;
}

static int __init format_add(struct trace_record_format *f)
{
	int ret;

	f->fields[0].type = TRACE_FUNCTION_TYPE;
	f->fields[0].define_fields = f->define;
	f->class.system = "ftrace";
	f->class.reg = f->reg ?: format_reg;
	f->class.fields_array = f->fields;
	INIT_LIST_HEAD(&f->class.fields);
	if (f->funcs) {
		/* Its type, in the events' table, finds the printer. */
		f->call.event.funcs = f->funcs;
		f->class.raw_init = trace_event_raw_init;
	}
	f->call.class = &f->class;
	f->call.name = f->name;
	f->call.event.type = f->id;
	f->call.print_fmt = (char *)f->print_fmt;	/* never written */
	f->call.flags = TRACE_EVENT_FL_IGNORE_ENABLE;
	mutex_lock(&event_mutex);
	ret = trace_add_event_call(&f->call);
	mutex_unlock(&event_mutex);
	if (ret)
		pr_warn("tracing: no events/ftrace/%s: %d\n", f->name, ret);
	return ret;
}

/**
 * trace_record_format_add() - make a record type an event of events/ftrace/
 * @f: the record's format; static
 *
 * Every instance's events/ftrace/ gets a directory for it.
 *
 * Context: boot, from an initcall.
 */
void __init trace_record_format_add(struct trace_record_format *f)
{
	if (formats_up)
		format_add(f);
	else
		list_add_tail(&f->list, &record_formats);
}

/* After the events core (early_initcall) and before tracefs (fs_initcall). */
static int __init trace_formats_init(void)
{
	struct trace_record_format *f;

	if (IS_ENABLED(CONFIG_FUNCTION_TRACER))
		format_add(&function_format);
	format_add(&marker_format);
	format_add(&raw_data_format);
	list_for_each_entry(f, &record_formats, list)
		format_add(f);
	formats_up = true;
	return 0;
}
core_initcall(trace_formats_init);
