// SPDX-License-Identifier: GPL-2.0
/*
 * The self-describing files under events/ that exist before any trace
 * event does:
 *
 *	events/header_page	layout of a ring-buffer page
 *	events/header_event	layout of a record header
 *	events/ftrace/print	format and id of trace_marker records
 *	events/ftrace/raw_data	format and id of trace_marker_raw records
 *	events/ftrace/function	format and id of function-tracer records
 *	events/enable		all events on or off
 *
 * Parsers (libtraceevent, trace-cmd) read these to decode the binary
 * buffer, so they are generated from the very structures the code writes.
 * There are no trace events yet, so events/enable turns nothing on or off
 * and reads 0.
 */
#include <linux/ring_buffer.h>
#include <linux/security.h>
#include <linux/seq_buf.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "rb_internal.h"
#include "trace_priv.h"

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

static void print_header_page(struct seq_buf *s)
{
	seq_buf_printf(s, "\tfield: u64 timestamp;\toffset:%zu;\tsize:%zu;\tsigned:0;\n",
		       offsetof(struct buffer_data_page, time_stamp),
		       sizeof_field(struct buffer_data_page, time_stamp));
	seq_buf_printf(s, "\tfield: local_t commit;\toffset:%zu;\tsize:%zu;\tsigned:1;\n",
		       offsetof(struct buffer_data_page, commit),
		       sizeof_field(struct buffer_data_page, commit));
	seq_buf_printf(s, "\tfield: int overwrite;\toffset:%zu;\tsize:1;\tsigned:1;\n",
		       offsetof(struct buffer_data_page, commit));
	seq_buf_printf(s, "\tfield: char data;\toffset:%zu;\tsize:%lu;\tsigned:0;\n",
		       offsetof(struct buffer_data_page, data), RB_DATA_SIZE);
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

static void print_print_format(struct seq_buf *s)
{
	seq_buf_printf(s, "name: print\nID: %d\nformat:\n", TRACE_PRINT);
	print_common_fields(s);
	field(s, "unsigned long", "ip", offsetof(struct print_entry, ip),
	      sizeof_field(struct print_entry, ip), 0);
	seq_buf_printf(s, "\tfield:char buf[];\toffset:%zu;\tsize:0;\tsigned:0;\n\n",
		       offsetof(struct print_entry, buf));
	seq_buf_puts(s, "print fmt: \"%ps: %s\", (void *)REC->ip, REC->buf\n");
}

static void print_function_format(struct seq_buf *s)
{
	seq_buf_printf(s, "name: function\nID: %d\nformat:\n", TRACE_FN);
	print_common_fields(s);
	field(s, "unsigned long", "ip", offsetof(struct ftrace_entry, ip),
	      sizeof_field(struct ftrace_entry, ip), 0);
	field(s, "unsigned long", "parent_ip", offsetof(struct ftrace_entry, parent_ip),
	      sizeof_field(struct ftrace_entry, parent_ip), 0);
	seq_buf_puts(s, "\nprint fmt: \" %ps <-- %ps\", (void *)REC->ip, (void *)REC->parent_ip\n");
}

static void print_function_id(struct seq_buf *s)
{
	seq_buf_printf(s, "%d\n", TRACE_FN);
}

static void print_raw_data_format(struct seq_buf *s)
{
	seq_buf_printf(s, "name: raw_data\nID: %d\nformat:\n", TRACE_RAW_DATA);
	print_common_fields(s);
	field(s, "unsigned int", "id", offsetof(struct raw_data_entry, id),
	      sizeof_field(struct raw_data_entry, id), 0);
	seq_buf_printf(s, "\tfield:char buf[];\toffset:%zu;\tsize:0;\tsigned:0;\n\n",
		       offsetof(struct raw_data_entry, buf));
	seq_buf_puts(s, "print fmt: \"id:%04x %08x\", REC->id, (int)REC->buf[0]\n");
}

static void print_print_id(struct seq_buf *s)
{
	seq_buf_printf(s, "%d\n", TRACE_PRINT);
}

static void print_raw_data_id(struct seq_buf *s)
{
	seq_buf_printf(s, "%d\n", TRACE_RAW_DATA);
}

static int text_open(struct inode *inode, struct file *file)
{
	return security_locked_down(LOCKDOWN_TRACEFS);
}

static ssize_t text_read(struct file *file, char __user *ubuf, size_t cnt,
			 loff_t *ppos)
{
	void (*print)(struct seq_buf *s) = file->f_inode->i_private;
	struct seq_buf s;
	ssize_t ret;
	char *buf;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	seq_buf_init(&s, buf, PAGE_SIZE);
	print(&s);
	ret = simple_read_from_buffer(ubuf, cnt, ppos, buf, seq_buf_used(&s));
	kfree(buf);
	return ret;
}

static const struct file_operations text_fops = {
	.open		= text_open,
	.read		= text_read,
	.llseek		= default_llseek,
};

/* events/enable: there is no event to turn on or off yet. */
static ssize_t enable_read(struct file *file, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, cnt, ppos, "0\n", 2);
}

static ssize_t enable_write(struct file *file, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, 1, &val);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations enable_fops = {
	.open		= text_open,
	.read		= enable_read,
	.write		= enable_write,
	.llseek		= default_llseek,
};

static void create_text(const char *name, struct dentry *dir,
			void (*print)(struct seq_buf *s))
{
	tracefs_create_file(name, 0440, dir, print, &text_fops);
}

/**
 * trace_event_files_create() - the events/ directory of an instance
 * @dir: the instance's tracefs directory
 */
void trace_event_files_create(struct dentry *dir)
{
	struct dentry *events, *ftrace, *d;

	events = tracefs_create_dir("events", dir);
	if (IS_ERR_OR_NULL(events))
		return;
	tracefs_create_file("enable", 0640, events, NULL, &enable_fops);
	create_text("header_page", events, print_header_page);
	create_text("header_event", events, print_header_event);

	ftrace = tracefs_create_dir("ftrace", events);
	if (IS_ERR_OR_NULL(ftrace))
		return;
	d = tracefs_create_dir("print", ftrace);
	if (!IS_ERR_OR_NULL(d)) {
		create_text("format", d, print_print_format);
		create_text("id", d, print_print_id);
	}
	if (IS_ENABLED(CONFIG_FUNCTION_TRACER)) {
		d = tracefs_create_dir("function", ftrace);
		if (!IS_ERR_OR_NULL(d)) {
			create_text("format", d, print_function_format);
			create_text("id", d, print_function_id);
		}
	}
	d = tracefs_create_dir("raw_data", ftrace);
	if (!IS_ERR_OR_NULL(d)) {
		create_text("format", d, print_raw_data_format);
		create_text("id", d, print_raw_data_id);
	}
}
