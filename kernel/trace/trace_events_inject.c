// SPDX-License-Identifier: GPL-2.0
/*
 * events/SYSTEM/EVENT/inject: write a record of an event by hand.
 *
 *	echo 'FIELD=VALUE FIELD="TEXT" ...' > events/sched/sched_wakeup/inject
 *
 * The write builds one record: the header as an event hit would have it,
 * every field not named zero (strings empty), then each FIELD=VALUE in
 * turn, common_* fields included but for common_type.  Numbers go to number fields (signed
 * ones may be negative, 0x... is hex), quoted text ('...' or "...",
 * a backslash keeps the next character in it) to string fields: a fixed
 * char array takes as much as fits, a __data_loc or __rel_loc string is
 * appended to the record, and a char * field cannot point into the
 * record, so it gets a fixed text.  The record then goes the way of an
 * event hit (the event's pid filter, filter and triggers apply), whether
 * or not the event is enabled.  Testing is what it is for.
 *
 * Errors: -ENOENT for a field the event does not have, -EINVAL for bad
 * syntax, a value of the wrong kind or too long a text (and, unlike
 * upstream, for common_type: a record of one event claiming to be of
 * another would be read with the other's layout), -ENOMEM; reading
 * gives -EPERM.
 */
#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/tracefs.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* What a char * field shows: it cannot point into the record. */
#define PTR_STRING_TEXT	"STATIC STRING CAN NOT BE INJECTED"

/* Longest quoted text: what filters take. */
#define TEXT_MAX	MAX_FILTER_STR_VAL

/**
 * struct inject_rec - a record being built
 * @buf: the record: header, fixed part, a NUL (every unnamed string),
 *	the strings appended
 * @size: bytes used in @buf
 * @fixed: bytes of the header and the fixed part
 */
struct inject_rec {
	char	*buf;
	int	size;
	int	fixed;
};

static bool string_field(const struct ftrace_event_field *f)
{
	return f->filter_type == FILTER_STATIC_STRING ||
	       f->filter_type == FILTER_DYN_STRING ||
	       f->filter_type == FILTER_RDYN_STRING ||
	       f->filter_type == FILTER_PTR_STRING;
}

/* A __data_loc/__rel_loc word: @len bytes at @at of the record. */
static void set_loc(struct inject_rec *r, const struct ftrace_event_field *f,
		    int at, int len)
{
	u32 loc = at;

	if (f->filter_type == FILTER_RDYN_STRING)
		loc -= f->offset + f->size;
	loc |= len << 16;
	memcpy(r->buf + f->offset, &loc, sizeof(loc));
}

static int fixed_end(struct list_head *fields, int end)
{
	struct ftrace_event_field *f;

	list_for_each_entry(f, fields, link)
		end = max(end, f->offset + f->size);
	return end;
}

/* The record with nothing named: the header, zeroes, empty strings. */
static int rec_init(struct inject_rec *r, struct trace_event_call *call)
{
	struct ftrace_event_field *f;

	r->fixed = fixed_end(trace_get_fields(call),
			     fixed_end(&trace_common_fields, 0));
	r->size = r->fixed + 1;
	r->buf = kzalloc(r->size, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	tracing_generic_entry_update((struct trace_entry *)r->buf,
				     call->event.type, tracing_gen_ctx());
	list_for_each_entry(f, trace_get_fields(call), link) {
		if (f->filter_type == FILTER_DYN_STRING ||
		    f->filter_type == FILTER_RDYN_STRING)
			set_loc(r, f, r->fixed, 0);
		else if (f->filter_type == FILTER_PTR_STRING)
			*(const char **)(r->buf + f->offset) = "";
	}
	return 0;
}

static int set_text(struct inject_rec *r, const struct ftrace_event_field *f,
		    const char *text)
{
	int len = strlen(text) + 1;
	char *buf;

	switch (f->filter_type) {
	case FILTER_STATIC_STRING:
		strscpy(r->buf + f->offset, text, f->size);
		return 0;
	case FILTER_PTR_STRING:
		*(const char **)(r->buf + f->offset) = PTR_STRING_TEXT;
		return 0;
	}
	/* The location word has 16 bits of offset. */
	if (r->size + len > U16_MAX)
		return -EINVAL;
	buf = krealloc(r->buf, r->size + len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	r->buf = buf;
	memcpy(r->buf + r->size, text, len);
	set_loc(r, f, r->size, len);
	r->size += len;
	return 0;
}

static int set_number(struct inject_rec *r, const struct ftrace_event_field *f,
		      const char *num)
{
	u64 v;
	int ret;

	ret = f->is_signed ? kstrtoll(num, 0, (s64 *)&v) : kstrtoull(num, 0, &v);
	if (ret)
		return ret;
	switch (f->size) {
	case 1:
		*(u8 *)(r->buf + f->offset) = v;
		break;
	case 2:
		put_unaligned((u16)v, (u16 *)(r->buf + f->offset));
		break;
	case 4:
		put_unaligned((u32)v, (u32 *)(r->buf + f->offset));
		break;
	case 8:
		put_unaligned(v, (u64 *)(r->buf + f->offset));
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/*
 * One FIELD=VALUE at @s into @r.  Return: the characters it took, 0 at
 * the end of the input, or an errno.
 */
static int parse_one(struct inject_rec *r, struct trace_event_call *call,
		     char *s)
{
	struct ftrace_event_field *f;
	char *p = skip_spaces(s), *name, *val, save;
	int ret;

	if (!*p)
		return 0;
	name = p;
	while (isalnum(*p) || *p == '_')
		p++;
	if (p == name)
		return -EINVAL;
	save = *p;
	*p = '\0';
	f = trace_event_find_field(call, name);
	*p = save;
	if (!f)
		return -ENOENT;
	/* The record type says how the record is read: it stays the event's. */
	if (f->filter_type == FILTER_TRACE_FN || !strcmp(f->name, "common_type"))
		return -EINVAL;
	p = skip_spaces(p);
	if (*p++ != '=')
		return -EINVAL;
	p = skip_spaces(p);
	val = p;
	if (*p == '"' || *p == '\'') {
		if (!string_field(f))
			return -EINVAL;
		for (p++; *p && *p != *val; p++)
			if (*p == '\\' && p[1])
				p++;
		if (!*p || p - val - 1 >= TEXT_MAX)
			return -EINVAL;
		*p = '\0';
		ret = set_text(r, f, val + 1);
		return ret ?: p + 1 - s;
	}
	if (string_field(f) || !(isdigit(*p) || *p == '-'))
		return -EINVAL;
	while (*p && !isspace(*p))
		p++;
	save = *p;
	*p = '\0';
	ret = set_number(r, f, val);
	*p = save;
	return ret ?: p - s;
}

static ssize_t inject_write(struct file *filp, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = file_inode(filp)->i_private;
	struct trace_event_call *call = file->event_call;
	struct trace_event_buffer fb;
	struct inject_rec r;
	char *buf, *s;
	void *e;
	int ret;

	if (cnt >= PAGE_SIZE)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, cnt);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	mutex_lock(&event_mutex);
	ret = rec_init(&r, call);
	for (s = buf; !ret; ) {
		ret = parse_one(&r, call, s);
		if (ret <= 0)
			break;
		s += ret;
		ret = 0;
	}
	if (!ret) {
		preempt_disable_notrace();	/* as a probe runs */
		e = trace_event_buffer_reserve(&fb, file, r.size);
		if (e) {
			memcpy(e, r.buf, r.size);
			trace_event_buffer_commit(&fb);
		}
		preempt_enable_notrace();
	}
	mutex_unlock(&event_mutex);
	kfree(r.buf);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static ssize_t inject_read(struct file *filp, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	return -EPERM;
}

static int inject_open(struct inode *inode, struct file *filp)
{
	return trace_event_open(filp, EV_OPEN_FILE, inode->i_private, true);
}

static int inject_release(struct inode *inode, struct file *filp)
{
	trace_event_close(EV_OPEN_FILE, inode->i_private);
	return 0;
}

static const struct file_operations inject_fops = {
	.open		= inject_open,
	.read		= inject_read,
	.write		= inject_write,
	.release	= inject_release,
	.llseek		= noop_llseek,
};

/*
 * Every event with a record type of its own, events/ftrace/ included (as
 * upstream): their readers take any record a tracer could have written.
 */
static bool inject_shown(const struct trace_event_call *call)
{
	return call->event.type && call->class->reg;
}

static int __init inject_init(void)
{
	return trace_event_add_file_entry("inject", 0200, &inject_fops,
					  inject_shown);
}
core_initcall(inject_init);
