// SPDX-License-Identifier: GPL-2.0
/*
 * The format files: how parsers (libtraceevent, trace-cmd) decode the
 * binary buffer.
 *
 *	events/header_page	layout of a ring-buffer page
 *	events/header_event	layout of a record header
 *	events/ftrace/print	format and id of trace_marker records
 *	events/ftrace/raw_data	format and id of trace_marker_raw records
 *	events/ftrace/function	format and id of function-tracer records
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

/**
 * trace_format_field() - one field line of a format file
 * @s: output
 * @type: the field's C type
 * @name: its name
 * @offset: its offset in the record
 * @size: its size
 * @sgn: 1 if signed
 */
void trace_format_field(struct seq_buf *s, const char *type, const char *name,
			size_t offset, size_t size, int sgn)
{
	seq_buf_printf(s, "\tfield:%s %s;\toffset:%zu;\tsize:%zu;\tsigned:%d;\n",
		       type, name, offset, size, sgn);
}

#define field trace_format_field

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

#define core_format trace_record_format

static void function_fields(struct seq_buf *s)
{
	field(s, "unsigned long", "ip", offsetof(struct ftrace_entry, ip),
	      sizeof_field(struct ftrace_entry, ip), 0);
	field(s, "unsigned long", "parent_ip", offsetof(struct ftrace_entry, parent_ip),
	      sizeof_field(struct ftrace_entry, parent_ip), 0);
}

static void print_fields(struct seq_buf *s)
{
	field(s, "unsigned long", "ip", offsetof(struct print_entry, ip),
	      sizeof_field(struct print_entry, ip), 0);
	seq_buf_printf(s, "\tfield:char buf[];\toffset:%zu;\tsize:0;\tsigned:0;\n",
		       offsetof(struct print_entry, buf));
}

static void raw_data_fields(struct seq_buf *s)
{
	field(s, "unsigned int", "id", offsetof(struct raw_data_entry, id),
	      sizeof_field(struct raw_data_entry, id), 0);
	seq_buf_printf(s, "\tfield:char buf[];\toffset:%zu;\tsize:0;\tsigned:0;\n",
		       offsetof(struct raw_data_entry, buf));
}

static struct core_format core_formats[] = {
	{ "function", TRACE_FN, function_fields,
	  "\" %ps <-- %ps\", (void *)REC->ip, (void *)REC->parent_ip" },
	{ "print", TRACE_PRINT, print_fields,
	  "\"%ps: %s\", (void *)REC->ip, REC->buf" },
	{ "raw_data", TRACE_RAW_DATA, raw_data_fields,
	  "\"id:%04x %08x\", REC->id, (int)REC->buf[0]" },
};

static void print_core_format(struct seq_buf *s, const struct core_format *c)
{
	seq_buf_printf(s, "name: %s\nID: %d\nformat:\n", c->name, c->id);
	print_common_fields(s);
	c->fields(s);
	seq_buf_printf(s, "\nprint fmt: %s\n", c->print_fmt);
}

/*
 * What one of these files shows: the file's name says which text;
 * @c is the core_format of events/ftrace/NAME/ files, @buffer the
 * instance's buffer for header_page.
 */
struct core_text_arg {
	const char			*name;
	const struct core_format	*c;
	struct trace_buffer		*buffer;
};

static void gen_core_text(struct seq_buf *s, void *arg)
{
	struct core_text_arg *a = arg;

	if (!a->c && strcmp(a->name, "header_page") &&
	    strcmp(a->name, "header_event"))
		return;
	if (!strcmp(a->name, "header_page"))
		ring_buffer_print_page_header(a->buffer, s);
	else if (!strcmp(a->name, "header_event"))
		print_header_event(s);
	else if (!strcmp(a->name, "id"))
		seq_buf_printf(s, "%d\n", a->c->id);
	else
		print_core_format(s, a->c);
}

/* header_page shows the size of the instance's pages: hold the instance. */
static int header_page_open(struct trace_event_inst *ev, struct file *filp,
			    struct core_text_arg *a)
{
	int ret = trace_event_open(EV_OPEN_INST, ev, true);

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
		.c	= inode->i_private,
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

static int core_entry(const char *name, umode_t *mode, void **data,
		      const struct file_operations **fops)
{
	if (strcmp(name, "format") && strcmp(name, "id"))
		return 0;
	*mode = 0440;
	*fops = &text_fops;
	return 1;
}

static const struct eventfs_entry core_entries[] = {
	{ .name = "format",	.callback = core_entry },
	{ .name = "id",		.callback = core_entry },
};

/* Formats of the tracers' records, added by them before tracefs is up. */
static LIST_HEAD(record_formats);

/**
 * trace_record_format_add() - give a tracer's record a format file
 * @f: the record's format; static
 *
 * Called from an initcall before fs_initcall: every instance's
 * events/ftrace/ gets a directory for it.
 */
void __init trace_record_format_add(struct trace_record_format *f)
{
	list_add_tail(&f->list, &record_formats);
}

/**
 * trace_event_core_dir() - events/ftrace/ of an instance
 * @events: the instance's events/ directory
 */
void trace_event_core_dir(struct eventfs_inode *events)
{
	struct eventfs_inode *ftrace;
	struct core_format *f;
	unsigned int i;

	ftrace = eventfs_create_dir("ftrace", events, NULL, 0, NULL);
	if (IS_ERR(ftrace))
		return;
	for (i = 0; i < ARRAY_SIZE(core_formats); i++) {
		if (core_formats[i].id == TRACE_FN &&
		    !IS_ENABLED(CONFIG_FUNCTION_TRACER))
			continue;
		eventfs_create_dir(core_formats[i].name, ftrace, core_entries,
				   ARRAY_SIZE(core_entries),
				   (void *)&core_formats[i]);
	}
	list_for_each_entry(f, &record_formats, list)
		eventfs_create_dir(f->name, ftrace, core_entries,
				   ARRAY_SIZE(core_entries), f);
}
