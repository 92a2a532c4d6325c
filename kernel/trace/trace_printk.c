// SPDX-License-Identifier: GPL-2.0
/*
 * trace_printk() and its family: printf-style records that kernel code
 * writes into the trace (<linux/kernel.h>, <linux/trace.h>).
 *
 *	trace_printk(CONST, ...)	__trace_bprintk(): a "bprint" record,
 *					the format's address and the arguments
 *					in vbin_printf() form; printed at read
 *	trace_printk(fmt, ...)		__trace_printk(): a "print" record of
 *					the formatted text
 *	trace_puts(CONST)		__trace_bputs(): a "bputs" record, the
 *					string's address
 *	trace_puts(str)			__trace_puts(): a "print" record
 *	trace_dump_stack(skip)		a kernel stack record
 *	trace_array_printk(tr, ...)	a "print" record in an instance
 *
 * They write to the instance whose options/trace_printk_dest is set (the
 * top instance unless another takes it; one instance has it at a time),
 * and only while its trace_printk option is set.  A record that points
 * to a format must not outlive it: built-in formats are in the
 * __trace_printk_fmt section; a module's are copied when it loads, kept
 * for good, and its section entries pointed to the copies.  printk_formats
 * lists them all, with the tracepoint_string()s, for parsers of the
 * binary records.
 *
 * The arguments are formatted in a per-CPU buffer of the nesting level
 * first (the record's size depends on them), made when the kernel or a
 * module first contains a trace_printk(), with upstream's boot banner.
 */
#include <linux/ftrace.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/tracefs.h>

#include "trace_priv.h"

#define PRINTK_BUF_SIZE	1024	/* the longest text or argument block */
#define PRINTK_LEVELS	4	/* task, softirq, irq, NMI */

struct printk_bufs {
	int	depth;
	char	buf[PRINTK_LEVELS][PRINTK_BUF_SIZE];
};

/* Set once under printk_mutex, then [I]; NULL: no trace_printk() user. */
static struct printk_bufs __percpu *printk_bufs;
/* The instance trace_printk() writes to: [trace_types_lock], RCU (sched). */
static struct trace_array *printk_dest = &trace_top;

/* A module's format, copied: on fmt_copies, for good. */
struct fmt_copy {
	struct list_head	link;
	const char		*ptr;	/* fmt: what printk_formats walks */
	char			fmt[];
};

static DEFINE_MUTEX(printk_mutex);	/* printk_bufs, fmt_copies */
static LIST_HEAD(fmt_copies);

/* ---- the writers (any context) ------------------------------------------- */

/* This level's buffer, preemption off until bufs_put(); NULL: none. */
static char *bufs_get(void)
{
	struct printk_bufs __percpu *all = READ_ONCE(printk_bufs);
	struct printk_bufs *b;
	int depth;

	if (!all)
		return NULL;
	b = this_cpu_ptr(all);
	depth = this_cpu_inc_return(all->depth);
	if (depth > PRINTK_LEVELS) {
		this_cpu_dec(all->depth);
		return NULL;
	}
	/* The buffer is ours once the depth counts it. */
	barrier();
	return b->buf[depth - 1];
}

static void bufs_put(void)
{
	/* Done with the buffer before an interrupt may take it again. */
	barrier();
	this_cpu_dec(printk_bufs->depth);
}

/* The destination instance, when trace_printk() records there. */
static struct trace_array *dest_get(void)
{
	struct trace_array *tr = READ_ONCE(printk_dest);

	return READ_ONCE(tr->flags) & TRACE_OPT_PRINTK ? tr : NULL;
}

/*
 * options/stacktrace applies to these records as to events: from the
 * function at @ip, the caller of trace_printk().
 */
static void maybe_stack(struct trace_array *tr, unsigned int ctx,
			unsigned long ip)
{
	if (unlikely(READ_ONCE(tr->flags) & TRACE_OPT_STACKTRACE))
		trace_record_stack_in(tr, ctx, ip);
}

/* @fmt's arguments in vbin_printf() form in @tmp: their bytes, or -1. */
static int format_bin(char *tmp, const char *fmt, va_list ap)
{
	int words = vbin_printf((u32 *)tmp, PRINTK_BUF_SIZE / sizeof(u32),
				fmt, ap);

	/* Arguments that do not fit are not recorded, as upstream's. */
	if (words < 0 || words > PRINTK_BUF_SIZE / sizeof(u32))
		return -1;
	return words * sizeof(u32);
}

/*
 * One trace_printk() record in @tr (NULL: the destination, if it takes
 * them): the text of @fmt with its terminating NUL (TRACE_PRINT), or with
 * @bin the format's address and its arguments (TRACE_BPRINT).  Formatted
 * in this level's buffer first: the size depends on the arguments.
 * Return: the bytes after the record's header, 0 when nothing was kept.
 */
static int vrecord(struct trace_array *tr, unsigned long ip, const char *fmt,
		   va_list ap, bool bin)
{
	int hs = bin ? sizeof(struct bprint_entry) : sizeof(struct print_entry);
	unsigned int ctx = trace_ctx_now();
	struct ring_buffer_event *e = NULL;
	struct trace_buffer *buf;
	struct print_entry *p;
	int len = 0;
	char *tmp;

	pause_graph_tracing();
	preempt_disable_notrace();
	if (!tr)
		tr = dest_get();
	tmp = tr ? bufs_get() : NULL;
	if (!tmp)
		goto out;
	len = bin ? format_bin(tmp, fmt, ap) :
		    vscnprintf(tmp, PRINTK_BUF_SIZE, fmt, ap) + 1;
	if (len >= 0)
		e = trace_reserve(tr, &buf, bin ? TRACE_BPRINT : TRACE_PRINT,
				  hs + len, ctx);
	if (e) {
		/* Both records start with the caller's address. */
		p = ring_buffer_event_data(e);
		p->ip = ip;
		if (bin)
			((struct bprint_entry *)p)->fmt = fmt;
		memcpy((void *)p + hs, tmp, len);
		trace_commit(tr, buf);
		maybe_stack(tr, ctx, ip);
	} else {
		len = 0;
	}
	bufs_put();
out:
	preempt_enable_notrace();
	unpause_graph_tracing();
	return len;
}

/**
 * __ftrace_vbprintk() - record a constant format and its arguments
 * @ip: the caller's address
 * @fmt: the format, in the __trace_printk_fmt section (or a copy)
 * @ap: the arguments
 *
 * Return: the bytes of arguments recorded, 0 when nothing was.
 */
int __ftrace_vbprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return fmt ? vrecord(NULL, ip, fmt, ap, true) : 0;
}
EXPORT_SYMBOL_GPL(__ftrace_vbprintk);

/**
 * __trace_bprintk() - back end of trace_printk() with a constant format
 * @ip: the caller's address
 * @fmt: the format
 *
 * Return: the bytes of arguments recorded, 0 when nothing was.
 */
int __trace_bprintk(unsigned long ip, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = __ftrace_vbprintk(ip, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_bprintk);

/**
 * __ftrace_vprintk() - record text formatted from any format
 * @ip: the caller's address
 * @fmt: the format
 * @ap: the arguments
 *
 * Return: the bytes of text recorded with its NUL, 0 when nothing was.
 */
int __ftrace_vprintk(unsigned long ip, const char *fmt, va_list ap)
{
	return vrecord(NULL, ip, fmt, ap, false);
}
EXPORT_SYMBOL_GPL(__ftrace_vprintk);

/**
 * __trace_printk() - back end of trace_printk() with a variable format
 * @ip: the caller's address
 * @fmt: the format
 *
 * Return: the bytes of text recorded with its NUL, 0 when nothing was.
 */
int __trace_printk(unsigned long ip, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = __ftrace_vprintk(ip, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_printk);

/**
 * __trace_bputs() - back end of trace_puts() with a constant string
 * @ip: the caller's address
 * @str: the string, in the __trace_printk_fmt section (or a copy)
 *
 * Return: the size of the record, 0 when nothing was recorded.
 */
int __trace_bputs(unsigned long ip, const char *str)
{
	unsigned int ctx = trace_ctx_now();
	struct ring_buffer_event *e;
	struct trace_array *tr;
	struct trace_buffer *buf;
	struct bputs_entry *b;
	int ret = 0;

	if (unlikely(!str))
		return 0;
	preempt_disable_notrace();
	tr = dest_get();
	e = tr ? trace_reserve(tr, &buf, TRACE_BPUTS, sizeof(*b), ctx) : NULL;
	if (e) {
		b = ring_buffer_event_data(e);
		b->ip = ip;
		b->str = str;
		trace_commit(tr, buf);
		maybe_stack(tr, ctx, ip);
		ret = sizeof(*b);
	}
	preempt_enable_notrace();
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_bputs);

/**
 * __trace_puts() - back end of trace_puts()
 * @ip: the caller's address
 * @str: the string
 * @size: its length; a newline is added if it has none
 *
 * Return: the bytes recorded, 0 when nothing was.
 */
int __trace_puts(unsigned long ip, const char *str, int size)
{
	struct trace_array *tr;
	int ret = 0;

	preempt_disable_notrace();
	tr = dest_get();
	if (tr)
		ret = __trace_array_puts(tr, ip, str, size);
	preempt_enable_notrace();
	return ret;
}
EXPORT_SYMBOL_GPL(__trace_puts);

/**
 * trace_dump_stack() - record the current stack in the trace
 * @skip: frames to leave out besides this function's
 *
 * In the trace_printk() destination, whatever its trace_printk option.
 */
void trace_dump_stack(int skip)
{
	struct trace_array *tr;

	preempt_disable_notrace();
	tr = READ_ONCE(printk_dest);
	/* From the caller on, as upstream's. */
	trace_record_stack(tr, trace_ctx_now(), _RET_IP_, max(skip, 0));
	preempt_enable_notrace();
}
EXPORT_SYMBOL_GPL(trace_dump_stack);

/**
 * trace_array_printk() - record formatted text in an instance
 * @tr: the instance (trace_array_get_by_name()); NULL is refused
 * @ip: the caller's address
 * @fmt: the format
 *
 * The instance must have called trace_array_init_printk().  The top
 * instance is not written: trace_printk() is for that.
 *
 * Return: the bytes recorded, 0 when nothing was (always for the top
 * instance, or while @tr's trace_printk option is clear), -ENOENT
 * without @tr.
 */
int trace_array_printk(struct trace_array *tr, unsigned long ip,
		       const char *fmt, ...)
{
	va_list ap;
	int ret;

	if (!tr)
		return -ENOENT;
	if (tr == &trace_top || !(READ_ONCE(tr->flags) & TRACE_OPT_PRINTK))
		return 0;
	va_start(ap, fmt);
	ret = vrecord(tr, ip, fmt, ap, false);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_array_printk);

/* ---- the buffers and the formats (process context) ---------------------- */

static void banner(void)
{
	pr_warn("\n");
	pr_warn("**********************************************************\n");
	pr_warn("**   NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE   **\n");
	pr_warn("**                                                      **\n");
	pr_warn("** trace_printk() being used. Allocating extra memory.  **\n");
	pr_warn("**                                                      **\n");
	pr_warn("** This means that this is a DEBUG kernel and it is     **\n");
	pr_warn("** unsafe for production use.                           **\n");
	pr_warn("**                                                      **\n");
	pr_warn("** If you see this message and you are not debugging    **\n");
	pr_warn("** the kernel, report this immediately to your vendor!  **\n");
	pr_warn("**                                                      **\n");
	pr_warn("**   NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE   **\n");
	pr_warn("**********************************************************\n");
}

static int bufs_make(void)
{
	struct printk_bufs __percpu *b;

	lockdep_assert_held(&printk_mutex);
	if (printk_bufs)
		return 0;
	b = alloc_percpu(struct printk_bufs);
	if (!b) {
		pr_warn("tracing: no memory for trace_printk()\n");
		return -ENOMEM;
	}
	banner();
	/* Pairs with READ_ONCE() in bufs_get(): zeroed before seen. */
	smp_store_release(&printk_bufs, b);
	return 0;
}

/**
 * trace_printk_init_buffers() - make trace_printk()'s buffers now
 *
 * For code that calls the trace_printk() family with formats the
 * kernel cannot see at boot or module load.  Prints the debug-kernel
 * banner the first time.
 */
void trace_printk_init_buffers(void)
{
	mutex_lock(&printk_mutex);
	bufs_make();
	mutex_unlock(&printk_mutex);
}

/**
 * trace_array_init_printk() - let trace_array_printk() write to an instance
 * @tr: the instance
 *
 * Return: 0, -ENOENT without @tr or for the top instance, -ENOMEM.
 */
int trace_array_init_printk(struct trace_array *tr)
{
	int ret;

	if (!tr || tr == &trace_top)
		return -ENOENT;
	mutex_lock(&printk_mutex);
	ret = bufs_make();
	mutex_unlock(&printk_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(trace_array_init_printk);

/* The kernel's copy of a module's format: found, or made. */
static const char *fmt_keep(const char *fmt)
{
	struct fmt_copy *c;
	size_t len = strlen(fmt) + 1;

	list_for_each_entry(c, &fmt_copies, link)
		if (!strcmp(c->fmt, fmt))
			return c->fmt;
	c = kmalloc(struct_size(c, fmt, len), GFP_KERNEL);
	if (!c)
		return NULL;
	memcpy(c->fmt, fmt, len);
	c->ptr = c->fmt;
	list_add_tail(&c->link, &fmt_copies);
	return c->fmt;
}

/*
 * A module coming: its formats become kernel copies (a format the copy
 * failed for becomes NULL: that call records nothing), and its
 * trace_printk()s need the buffers.
 */
static int module_notify(struct notifier_block *nb, unsigned long state,
			 void *data)
{
	struct module *mod = data;
	unsigned int i;

	if (state != MODULE_STATE_COMING || !mod->num_trace_bprintk_fmt)
		return NOTIFY_OK;
	mutex_lock(&printk_mutex);
	for (i = 0; i < mod->num_trace_bprintk_fmt; i++) {
		const char **p = &mod->trace_bprintk_fmt_start[i];

		if (*p)
			*p = fmt_keep(*p);
	}
	bufs_make();
	mutex_unlock(&printk_mutex);
	return NOTIFY_OK;
}

static struct notifier_block module_nb = {
	.notifier_call	= module_notify,
};

/* ---- printk_formats ------------------------------------------------------- */

/*
 * Position @pos: the built-in formats, the tracepoint strings, then the
 * copies.  Returns a pointer to the format pointer, NULL at the end.
 */
static const char *const *fmt_at(loff_t pos)
{
	long n1 = __stop___trace_bprintk_fmt - __start___trace_bprintk_fmt;
	long n2 = __stop___tracepoint_str - __start___tracepoint_str;
	struct fmt_copy *c;

	if (pos < n1)
		return &__start___trace_bprintk_fmt[pos];
	if (pos < n1 + n2)
		return &__start___tracepoint_str[pos - n1];
	pos -= n1 + n2;
	list_for_each_entry(c, &fmt_copies, link)
		if (!pos--)
			return &c->ptr;
	return NULL;
}

static void *formats_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&printk_mutex);
	return (void *)fmt_at(*pos);
}

static void *formats_next(struct seq_file *m, void *v, loff_t *pos)
{
	return (void *)fmt_at(++*pos);
}

static void formats_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&printk_mutex);
}

/* One format: 0xADDR : "text", newlines, quotes and backslashes escaped. */
static int formats_show(struct seq_file *m, void *v)
{
	const char *f = *(const char *const *)v;

	if (!f)
		return 0;
	seq_printf(m, "0x%lx : \"", (unsigned long)f);
	for (; *f; f++) {
		if (*f == '\n')
			seq_puts(m, "\\n");
		else if (*f == '"' || *f == '\\')
			seq_printf(m, "\\%c", *f);
		else
			seq_putc(m, *f);
	}
	seq_puts(m, "\"\n");
	return 0;
}

static const struct seq_operations formats_seq_ops = {
	.start	= formats_start,
	.next	= formats_next,
	.stop	= formats_stop,
	.show	= formats_show,
};

static int formats_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ?: seq_open(file, &formats_seq_ops);
}

static const struct file_operations formats_fops = {
	.open		= formats_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release,
};

/* ---- the part: the options and the destination ------------------------- */

/* Move the destination to @tr; its option bit follows.  Under the locks. */
static void dest_set(struct trace_array *tr)
{
	struct trace_array *old = printk_dest;

	lockdep_assert_held(&trace_types_lock);
	if (old == tr)
		return;
	WRITE_ONCE(old->flags, old->flags & ~TRACE_OPT_PRINTK_DEST);
	WRITE_ONCE(tr->flags, tr->flags | TRACE_OPT_PRINTK_DEST);
	WRITE_ONCE(printk_dest, tr);
}

/*
 * Setting trace_printk_dest moves the destination here; clearing it
 * moves it back to the top instance, which cannot clear it (EINVAL).
 */
static int dest_changed(struct trace_array *tr, bool on)
{
	if (on) {
		dest_set(tr);
		return 0;
	}
	if (tr == &trace_top)
		return -EINVAL;
	dest_set(&trace_top);
	return 0;
}

/* A new instance is not the destination. */
static int printk_inst_init(struct trace_array *tr)
{
	if (tr != &trace_top)
		WRITE_ONCE(tr->flags, tr->flags & ~TRACE_OPT_PRINTK_DEST);
	return 0;
}

/*
 * An instance going away hands the destination back to the top.  Only a
 * live instance (rmdir: trace_types_lock not held) can be it, never one
 * whose creation failed.
 */
static void printk_inst_free(struct trace_array *tr)
{
	if (READ_ONCE(printk_dest) != tr)
		return;
	mutex_lock(&trace_types_lock);
	dest_set(&trace_top);
	mutex_unlock(&trace_types_lock);
	/* No writer still has @tr: they read the destination under RCU. */
	synchronize_rcu();
}

static void printk_create_root_files(struct dentry *root)
{
	tracefs_create_file("printk_formats", 0440, root, NULL, &formats_fops);
}

static const struct trace_option printk_opts[] = {
	{ "trace_printk",	TRACE_OPT_PRINTK_BIT, true, .top_only = true },
	{ "trace_printk_dest",	TRACE_OPT_PRINTK_DEST_BIT, true, dest_changed },
};

static const struct trace_part printk_part = {
	.name			= "trace_printk",
	.id			= TRACE_PART_PRINTK,
	.init			= printk_inst_init,
	.free			= printk_inst_free,
	.create_root_files	= printk_create_root_files,
	.opts			= printk_opts,
	.nr_opts		= ARRAY_SIZE(printk_opts),
};

static int bprint_fields(struct trace_event_call *call)
{
	return trace_define_field(call, "unsigned long", "ip",
				  offsetof(struct bprint_entry, ip),
				  sizeof_field(struct bprint_entry, ip), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "const char *", "fmt",
				  offsetof(struct bprint_entry, fmt),
				  sizeof_field(struct bprint_entry, fmt), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "u32", "buf[]",
				  offsetof(struct bprint_entry, buf), 0, 0,
				  FILTER_OTHER);
}

static int bputs_fields(struct trace_event_call *call)
{
	return trace_define_field(call, "unsigned long", "ip",
				  offsetof(struct bputs_entry, ip),
				  sizeof_field(struct bputs_entry, ip), 0,
				  FILTER_OTHER) ?:
	       trace_define_field(call, "const char *", "str",
				  offsetof(struct bputs_entry, str),
				  sizeof_field(struct bputs_entry, str), 0,
				  FILTER_OTHER);
}

static struct trace_record_format printk_formats[] = {
	{
		.name		= "bprint",
		.id		= TRACE_BPRINT,
		.define		= bprint_fields,
		.print_fmt	= "\"%ps: %s\", (void *)REC->ip, REC->fmt",
	}, {
		.name		= "bputs",
		.id		= TRACE_BPUTS,
		.define		= bputs_fields,
		.print_fmt	= "\"%ps: %s\", (void *)REC->ip, REC->str",
	},
};

static int __init trace_printk_init(void)
{
	trace_record_format_add(&printk_formats[0]);
	trace_record_format_add(&printk_formats[1]);
	register_module_notifier(&module_nb);
	/* The kernel itself uses trace_printk(): its buffers, its banner. */
	if (__stop___trace_bprintk_fmt - __start___trace_bprintk_fmt)
		trace_printk_init_buffers();
	return trace_part_register(&printk_part);
}
early_initcall(trace_printk_init);
