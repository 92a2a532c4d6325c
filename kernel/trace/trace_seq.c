// SPDX-License-Identifier: GPL-2.0
/*
 * struct trace_seq: the text buffer event output functions print into.
 *
 * A thin layer over seq_buf with one rule of its own: a write either goes
 * in whole or not at all.  When a write does not fit, the buffer keeps
 * what it had before the write and is marked full, and every later write
 * is refused, so a line is never cut in the middle of a field.
 */
#include <linux/seq_file.h>
#include <linux/trace_seq.h>
#include <linux/uaccess.h>

/*
 * Every write is bracketed by these two: seq_begin() refuses a full
 * buffer and notes the length, seq_end() undoes a write that did not fit
 * and marks the buffer full.
 */
static bool seq_begin(struct trace_seq *s, unsigned int *old)
{
	if (s->full)
		return false;
	if (!s->seq.size)
		trace_seq_init(s);
	*old = s->seq.len;
	return true;
}

static void seq_end(struct trace_seq *s, unsigned int old)
{
	if (seq_buf_has_overflowed(&s->seq)) {
		s->seq.len = old;
		s->full = 1;
	}
}

/**
 * trace_seq_vprintf() - print formatted text into a trace_seq
 * @s: the trace_seq
 * @fmt: printf format
 * @args: its arguments
 */
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_vprintf(&s->seq, fmt, args);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_vprintf);

/**
 * trace_seq_printf() - print formatted text into a trace_seq
 * @s: the trace_seq
 * @fmt: printf format
 */
void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(s, fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL_GPL(trace_seq_printf);

/**
 * trace_seq_bprintf() - print the arguments of a binary printk
 * @s: the trace_seq
 * @fmt: the format
 * @binary: the arguments, as vbin_printf() stored them
 */
void trace_seq_bprintf(struct trace_seq *s, const char *fmt, const u32 *binary)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_bprintf(&s->seq, fmt, binary);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_bprintf);

/**
 * trace_seq_puts() - append a string
 * @s: the trace_seq
 * @str: the string
 */
void trace_seq_puts(struct trace_seq *s, const char *str)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_puts(&s->seq, str);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_puts);

/**
 * trace_seq_putc() - append a character
 * @s: the trace_seq
 * @c: the character
 */
void trace_seq_putc(struct trace_seq *s, unsigned char c)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_putc(&s->seq, c);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_putc);

/**
 * trace_seq_putmem() - append raw bytes
 * @s: the trace_seq
 * @mem: the bytes
 * @len: how many
 */
void trace_seq_putmem(struct trace_seq *s, const void *mem, unsigned int len)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_putmem(&s->seq, mem, len);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_putmem);

/**
 * trace_seq_putmem_hex() - append bytes as hex digits
 * @s: the trace_seq
 * @mem: the bytes
 * @len: how many
 */
void trace_seq_putmem_hex(struct trace_seq *s, const void *mem,
			  unsigned int len)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_putmem_hex(&s->seq, mem, len);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_putmem_hex);

/**
 * trace_seq_bitmask() - append a bitmask as a CPU-list style hex mask
 * @s: the trace_seq
 * @maskp: the bits
 * @nmaskbits: how many bits
 */
void trace_seq_bitmask(struct trace_seq *s, const unsigned long *maskp,
		       int nmaskbits)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return;
	seq_buf_printf(&s->seq, "%*pb", nmaskbits, maskp);
	seq_end(s, old);
}
EXPORT_SYMBOL_GPL(trace_seq_bitmask);

/**
 * trace_seq_path() - append the name of a path
 * @s: the trace_seq
 * @path: the path
 *
 * Return: true when it fit.
 */
int trace_seq_path(struct trace_seq *s, const struct path *path)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return 0;
	seq_buf_path(&s->seq, path, "\n");
	seq_end(s, old);
	return !s->full;
}
EXPORT_SYMBOL_GPL(trace_seq_path);

/**
 * trace_seq_hex_dump() - append a hex dump, print_hex_dump() style
 * @s: the trace_seq
 * @prefix_str: text before each line
 * @prefix_type: DUMP_PREFIX_NONE, _ADDRESS or _OFFSET
 * @rowsize: bytes per line (16 or 32)
 * @groupsize: bytes per group
 * @buf: the bytes
 * @len: how many
 * @ascii: add the printable characters
 *
 * Return: true when it fit.
 */
int trace_seq_hex_dump(struct trace_seq *s, const char *prefix_str,
		       int prefix_type, int rowsize, int groupsize,
		       const void *buf, size_t len, bool ascii)
{
	unsigned int old;

	if (!seq_begin(s, &old))
		return 0;
	seq_buf_hex_dump(&s->seq, prefix_str, prefix_type,
			 rowsize, groupsize, buf, len, ascii);
	seq_end(s, old);
	return !s->full;
}
EXPORT_SYMBOL_GPL(trace_seq_hex_dump);

/**
 * trace_seq_acquire() - reserve room in the buffer for the caller to fill
 * @s: the trace_seq
 * @len: bytes wanted
 *
 * Return: where to write, or the end of the buffer (and @s marked full)
 * when @len bytes are not free.
 */
char *trace_seq_acquire(struct trace_seq *s, unsigned int len)
{
	char *p = trace_seq_buffer_ptr(s);

	if (!s->full && seq_buf_buffer_left(&s->seq) > len)
		s->seq.len += len;
	else
		s->full = 1;
	return p;
}
EXPORT_SYMBOL_GPL(trace_seq_acquire);

/**
 * trace_print_seq() - move the text of a trace_seq into a seq_file
 * @m: the seq_file
 * @s: the trace_seq; emptied when all of it went in
 *
 * Return: 0, or -1 when the seq_file had no room for it.
 */
int trace_print_seq(struct seq_file *m, struct trace_seq *s)
{
	int ret;

	ret = seq_buf_print_seq(m, &s->seq);
	if (!ret)
		trace_seq_init(s);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_print_seq);

/**
 * trace_seq_to_user() - copy text not read yet to user space
 * @s: the trace_seq; its read position advances
 * @ubuf: the user buffer
 * @cnt: its size
 *
 * Return: bytes copied, -EBUSY when everything was read already, or
 * -EFAULT.
 */
int trace_seq_to_user(struct trace_seq *s, char __user *ubuf, int cnt)
{
	int ret;

	if (!s->seq.size)
		trace_seq_init(s);
	ret = seq_buf_to_user(&s->seq, ubuf, s->readpos, cnt);
	if (ret > 0)
		s->readpos += ret;
	return ret;
}
EXPORT_SYMBOL_GPL(trace_seq_to_user);
