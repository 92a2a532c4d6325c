/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface of the tracing core, shared by the files of
 * kernel/trace and by the tracers.  Nothing outside kernel/trace uses it.
 *
 * Objects:
 *
 *   struct tracer       a plugin selected through current_tracer; static,
 *                       registered once with register_tracer().
 *   struct trace_array  a tracing instance: which tracer is current and
 *                       whether tracing is on.  There is one, the global
 *                       instance (trace_top); instances come with the ring
 *                       buffer.
 *
 * Locking: trace_types_lock (a mutex) serialises registration, tracer
 * switching and everything else that changes a trace_array; the legend of
 * each struct says which members it protects.
 */
#ifndef _KERNEL_TRACE_PRIV_H
#define _KERNEL_TRACE_PRIV_H

#include <linux/ftrace.h>
#include <linux/cpumask.h>
#include <linux/irq_work.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/ring_buffer.h>
#include <linux/trace_events.h>
#include <linux/types.h>
#include <linux/unaligned.h>
#include <linux/wait.h>

struct seq_file;
struct dentry;
struct trace_array;
struct trace_cpu_file;
struct tracer;
struct ftrace_inst;
struct trace_event_inst;
struct trace_iterator;

/**
 * struct tracer_opt - a tracer-specific option
 * @name: option name, as it appears in trace_options
 * @bit: the option's bit in tracer_flags.val
 */
struct tracer_opt {
	const char	*name;
	u32		bit;
};

/**
 * struct tracer_flags - the option set of a tracer
 * @val: current option bits
 * @opts: the options, terminated by an entry with a NULL name
 *
 * Legend: [I] immutable after registration, [L] trace_types_lock.
 */
struct tracer_flags {
	u32			val;	/* [L] */
	struct tracer_opt	*opts;	/* [I] */
};

/**
 * struct tracer - a tracer plugin
 * @name: unique name, 1 to MAX_TRACER_SIZE - 1 characters
 * @init: start tracing on @tr; called when the tracer becomes current
 * @reset: stop tracing on @tr; called when another tracer replaces it
 * @start: optional, called when tracing_on goes from 0 to 1
 * @stop: optional, called when tracing_on goes from 1 to 0
 * @selftest: optional, run at registration when CONFIG_FTRACE_STARTUP_TEST
 *	is set; returns 0 when the tracer works
 * @set_flag: called before an option bit changes; may refuse with an errno.
 *	Registration fills in an accept-all default when it is NULL.
 * @flags: option set; registration gives a tracer without one an empty set
 * @noboot: must not be selected before boot has finished
 * @allow_instances: may be current in an instance, not only the global array
 * @list: link in the list of registered tracers
 *
 * Legend: [I] immutable once registered, [L] trace_types_lock.
 * All members but @list are [I]; @list is [L].
 */
struct tracer {
	const char		*name;
	int			(*init)(struct trace_array *tr);
	void			(*reset)(struct trace_array *tr);
	void			(*start)(struct trace_array *tr);
	void			(*stop)(struct trace_array *tr);
	int			(*selftest)(struct tracer *trace,
					    struct trace_array *tr);
	int			(*set_flag)(struct trace_array *tr, u32 old_flags,
					    u32 bit, int set);
	struct tracer_flags	*flags;
	bool			noboot;
	bool			allow_instances;
	struct list_head	list;
};

/* Bits of trace_array.flags: the general options (options/). */
enum trace_opt {
	TRACE_OPT_OVERWRITE	= BIT(0),	/* overwrite: oldest data goes when full */
	TRACE_OPT_RECORD_CMD	= BIT(1),	/* record-cmd: remember comms of writers */
	TRACE_OPT_IRQ_INFO	= BIT(2),	/* irq-info: the flags columns */
	TRACE_OPT_CONTEXT_INFO	= BIT(3),	/* context-info: comm, pid, cpu, time */
	TRACE_OPT_MARKERS	= BIT(4),	/* markers: trace_marker writes are kept */
	TRACE_OPT_SYM_OFFSET	= BIT(5),	/* sym-offset: function+0x12/0x80 */
	TRACE_OPT_SYM_ADDR	= BIT(6),	/* sym-addr: also <address> */
	TRACE_OPT_RAW		= BIT(7),	/* raw: numbers instead of text */
	TRACE_OPT_BLOCK		= BIT(8),	/* block: trace_pipe ignores O_NONBLOCK */
	TRACE_OPT_RECORD_TGID	= BIT(9),	/* record-tgid: remember tgids of writers */
	TRACE_OPT_PRINT_PARENT	= BIT(10),	/* print-parent: function <-caller */
	TRACE_OPT_HEX		= BIT(11),	/* hex: fields in hex */
	TRACE_OPT_BIN		= BIT(12),	/* bin: fields as raw bytes */
	TRACE_OPT_ANNOTATE	= BIT(13),	/* annotate: where CPU buffers start */
	TRACE_OPT_MSG_ONLY	= BIT(14),	/* printk-msg-only: print text alone */
	TRACE_OPT_FUNC_FORK	= BIT(15),	/* function-fork: pid sets follow forks */
};

#define TRACE_OPT_DEFAULT	(TRACE_OPT_OVERWRITE | TRACE_OPT_RECORD_CMD | \
				 TRACE_OPT_IRQ_INFO | TRACE_OPT_CONTEXT_INFO | \
				 TRACE_OPT_MARKERS | TRACE_OPT_PRINT_PARENT | \
				 TRACE_OPT_ANNOTATE)

/**
 * struct trace_array - a tracing instance
 * @name: instance name, NULL for the global instance
 * @current_trace: the tracer selected through current_tracer
 * @on: the tracing_on switch
 * @stop_count: nesting depth of tracing_stop(); recording needs it at 0
 * @buffer: the ring buffer, NULL until tracing_init_buffer()
 * @snap: the snapshot buffer, NULL until the first snapshot
 * @snap_on: @snap is allocated: a snapshot swaps it with @buffer
 * @snap_lock: serialises snapshots (they may be taken in any context)
 * @buffer_size: bytes per CPU the buffer has once expanded
 * @expanded: the buffer has its full size
 * @flags: TRACE_OPT_* bits
 * @clock_id: index of the trace clock in use
 * @pipe_readers: open trace_pipe files
 * @wait: trace_pipe readers waiting for data
 * @wake_work: wakes @wait from the writers' context
 * @waiting: some reader sleeps on @wait
 * @list: link in the list of instances
 * @dir: the instance's tracefs directory
 * @ref: open files of the instance; rmdir needs it at 0
 * @dead: being removed: no new file may open
 * @cpu_files: the (instance, CPU) pairs its files point to, [0] = all
 * @option_files: what its options/ files point to
 * @cpumask: CPUs that record (tracing_cpumask)
 * @buffer_percent: fill level that wakes waiting trace_pipe_raw splicers
 * @func: its function tracing (ftrace_internal.h), NULL without
 * @events: its trace events (trace_event_priv.h)
 * @errs: its error_log entries, oldest first
 * @nr_errs: how many
 *
 * Legend: [I] immutable, [L] trace_types_lock, [a] atomic, [S] snap_lock.
 * @on and @stop_count are written under [L] (or by tracing_off() from any
 * context, which only clears @on) and read locklessly with READ_ONCE().
 * A snapshot swaps @buffer and @snap: both live until the instance does,
 * so a writer or reader that loaded one just before a swap may go on
 * with it; each loads @buffer once per record or read.
 */
struct trace_array {
	const char		*name;		/* [I] */
	struct tracer		*current_trace;	/* [L] */
	bool			on;		/* [L] write, lockless read */
	int			stop_count;	/* [L] write, lockless read */
	struct trace_buffer	*buffer;	/* [S] once set, READ_ONCE */
	struct trace_buffer	*snap;		/* [S], first set under [L] */
	bool			snap_on;	/* [S] and [L] to set */
	raw_spinlock_t		snap_lock;
	unsigned long		buffer_size;	/* [L] */
	bool			expanded;	/* [L] */
	unsigned long		flags;		/* [L] write, lockless read */
	int			clock_id;	/* [L] */
	int			pipe_readers;	/* [L] */
	wait_queue_head_t	wait;		/* [I] */
	struct irq_work		wake_work;	/* [I] */
	bool			waiting;	/* [a] READ_ONCE/WRITE_ONCE */
	struct list_head	list;		/* [L] */
	struct dentry		*dir;		/* [I] */
	int			ref;		/* [L] */
	bool			dead;		/* [L] */
	struct trace_cpu_file	*cpu_files;	/* [I] */
	void			*option_files;	/* [I] */
	cpumask_var_t		cpumask;	/* [L] */
	int			buffer_percent;	/* [a] READ_ONCE/WRITE_ONCE */
	struct ftrace_inst	*func;		/* [I] once tracefs has it */
	struct trace_event_inst	*events;	/* [I] once set */
	struct list_head	errs;		/* err_lock (trace_error_log.c) */
	int			nr_errs;	/* err_lock */
};

/**
 * struct trace_cpu_file - what a per-instance file points to
 * @tr: the instance
 * @cpu: its CPU, or RING_BUFFER_ALL_CPUS for a top-level file
 */
struct trace_cpu_file {
	struct trace_array	*tr;
	long			cpu;
};

/* Record types (struct trace_entry.type) of the core's own records. */
enum {
	TRACE_FN	= 1,	/* a function entry (function tracer) */
	TRACE_STACK	= 4,	/* a kernel stack trace */
	TRACE_PRINT	= 5,	/* trace_marker, trace_printk() */
	TRACE_RAW_DATA	= 18,	/* trace_marker_raw */
};

/* A function entry: "ftrace/function" in events/. */
struct ftrace_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	unsigned long		parent_ip;
};

/* A kernel stack trace: "ftrace/kernel_stack" in events/. */
struct stack_entry {
	struct trace_entry	ent;
	int			size;
	unsigned long		caller[];
};

/* A trace_marker write: "ftrace/print" in events/. */
struct print_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	char			buf[];
};

/* A trace_marker_raw write: "ftrace/raw_data" in events/. */
struct raw_data_entry {
	struct trace_entry	ent;
	unsigned int		id;
	char			buf[];
};

extern struct mutex trace_types_lock;
extern struct trace_array trace_top;
extern struct tracer nop_trace;

/* tracer.c: the registry of tracers. */
int register_tracer(struct tracer *type);
void unregister_tracer(struct tracer *type);
int tracing_set_tracer(struct trace_array *tr, const char *name);
int tracer_show_available(struct seq_file *m, struct trace_array *tr);
void tracer_set_boot_name(const char *name);
const char *tracer_boot_name(void);

/* trace_buffer.c: the instance's ring buffer and its records. */
int tracing_expand_buffer(struct trace_array *tr);
void trace_record_stack(struct trace_array *tr, unsigned int trace_ctx, int skip);
void trace_buffer_create_files(struct trace_array *tr, struct dentry *dir);
void trace_cpu_create_files(struct trace_array *tr, struct dentry *dir, long cpu);
void trace_reset_buffer(struct trace_array *tr, int cpu);
void trace_shrink_buffer(struct trace_array *tr);
extern const char *const trace_clock_names[];
bool trace_clock_in_ns(struct trace_array *tr);
int trace_alloc_buffer(struct trace_array *tr);
void trace_buffers(struct trace_array *tr, struct trace_buffer *bufs[2]);
int trace_snap_alloc(struct trace_array *tr);

/* trace_snapshot.c: the snapshot buffer. */
#ifdef CONFIG_TRACER_SNAPSHOT
bool trace_snapshot_swap(struct trace_array *tr);
ssize_t trace_snapshot_write(struct file *file, const char __user *ubuf,
			     size_t cnt, loff_t *ppos);
void trace_snapshot_help(struct seq_buf *s, struct trace_array *tr, long cpu);
#else
static inline ssize_t trace_snapshot_write(struct file *file,
					   const char __user *ubuf,
					   size_t cnt, loff_t *ppos)
{
	return -ENODEV;
}

static inline void trace_snapshot_help(struct seq_buf *s,
				       struct trace_array *tr, long cpu) { }
#endif

/* trace_cmdline.c: pid -> comm of writers. */
bool trace_save_cmdline(struct task_struct *task);
void trace_save_writer(struct trace_array *tr);
void trace_find_cmdline(int pid, char comm[]);
int trace_tgid_map_alloc(void);
void trace_save_tgid(struct task_struct *task);
int trace_find_tgid(int pid);
void trace_cmdline_create_files(struct dentry *dir);

/* trace_output.c: text of records and headers. */
struct seq_buf;
struct trace_sym_cache;
struct trace_sym_cache *trace_sym_cache_alloc(void);
void trace_sym_cache_free(struct trace_sym_cache *c);
void trace_print_record(struct seq_buf *s, struct trace_array *tr, int cpu,
			u64 ts, struct trace_entry *ent, unsigned int len,
			struct trace_sym_cache *cache);
void trace_print_header(struct seq_buf *s, struct trace_array *tr,
			struct trace_buffer *buf);

/* trace_error_log.c: error_log. */
void tracing_log_err(struct trace_array *tr, const char *loc, const char *cmd,
		     const char **errs, u8 type, u16 pos);
void trace_error_log_free(struct trace_array *tr);
void trace_error_log_create(struct trace_array *tr, struct dentry *dir);

/* trace_events*.c: trace events (trace_event_priv.h has the rest). */
int trace_events_inst_init(struct trace_array *tr);
void trace_events_inst_free(struct trace_array *tr);
void trace_events_create_files(struct trace_array *tr, struct dentry *dir);
bool trace_event_print(struct seq_buf *s, struct trace_iterator *iter,
		       struct trace_array *tr, int cpu, u64 ts,
		       struct trace_entry *ent, unsigned int len, bool raw);

/* trace_options.c: trace_options and options/. */
void trace_options_create_files(struct trace_array *tr, struct dentry *dir);
void trace_options_add_tracer(struct tracer *t);

/* trace_functions.c: the function tracer's per-instance part. */
#ifdef CONFIG_FUNCTION_TRACER
void trace_func_create_files(struct trace_array *tr, struct dentry *dir);
void trace_func_free(struct trace_array *tr);
int trace_func_fork(struct trace_array *tr, bool on);
#else
static inline void trace_func_create_files(struct trace_array *tr,
					   struct dentry *dir) { }
static inline void trace_func_free(struct trace_array *tr) { }
static inline int trace_func_fork(struct trace_array *tr, bool on)
{
	return -ENODEV;
}
#endif

/* trace_instance.c: instances/. */
void trace_instances_create(struct dentry *dir);

/* trace_read.c, trace_marker.c: files. */
void trace_read_create_files(struct trace_array *tr, struct dentry *dir);
void trace_cpu_read_create_files(struct trace_array *tr, struct dentry *dir,
				 long cpu);
void trace_marker_create_files(struct trace_array *tr, struct dentry *dir);
void trace_pipe_raw_create(struct trace_array *tr, struct dentry *dir, long cpu);
void trace_buffer_percent_create(struct trace_array *tr, struct dentry *dir);

/* trace_core.c: instances' life and the on/off state of a trace_array. */
int trace_array_get(struct trace_array *tr);
int trace_array_open(struct inode *inode, struct file *file);
int trace_get_ulong(const char __user *ubuf, size_t cnt, unsigned long min,
		    unsigned long max, unsigned long *val);
int trace_array_release(struct inode *inode, struct file *file);
void trace_array_put(struct trace_array *tr);
int trace_array_init(struct trace_array *tr);
void trace_array_free(struct trace_array *tr);
struct trace_cpu_file *trace_cpu_file(struct trace_array *tr, long cpu);
void trace_create_files(struct trace_array *tr, struct dentry *dir);
void tracer_tracing_on(struct trace_array *tr);
void tracer_tracing_off(struct trace_array *tr);
bool tracer_tracing_is_on(struct trace_array *tr);
void tracing_on_store(struct trace_array *tr, bool on);

/*
 * The writers' side of the core, inline: every record of every tracer
 * goes through these three.
 */

/* The TRACE_FLAG_* bits of a record written now, @pc the preempt count. */
static __always_inline unsigned int trace_ctx_flags(unsigned int irqs_status,
						    unsigned int pc)
{
	unsigned int flags = irqs_status;

	if (pc & NMI_MASK)
		flags |= TRACE_FLAG_NMI;
	if (pc & HARDIRQ_MASK)
		flags |= TRACE_FLAG_HARDIRQ;
	/* PREEMPT_RT counts softirqs in the task, the others in @pc. */
	if (!IS_ENABLED(CONFIG_PREEMPT_RT))
		pc &= SOFTIRQ_MASK;
	else
		pc = softirq_count();
	if (pc & SOFTIRQ_OFFSET)
		flags |= TRACE_FLAG_SOFTIRQ;
	if (pc >> (SOFTIRQ_SHIFT + 1))
		flags |= TRACE_FLAG_BH_OFF;
	if (tif_need_resched())
		flags |= TRACE_FLAG_NEED_RESCHED;
	if (test_preempt_need_resched())
		flags |= TRACE_FLAG_PREEMPT_RESCHED;
	return flags;
}

/*
 * The depths byte of a record header: migrate-disable depth << 4 |
 * preempt depth, each capped at 15.
 */
static __always_inline unsigned int trace_ctx_depths(unsigned int pc)
{
	unsigned int migrate = 0;

#ifdef CONFIG_SMP
	migrate = current->migration_disabled;
#endif
	return min(migrate, 15U) << 4 | min(pc & 0xff, 15U);
}

/**
 * trace_ctx_compute() - the context bits of a record header
 * @irqs_status: TRACE_FLAG_IRQS_OFF or TRACE_FLAG_IRQS_NOSUPPORT, or 0
 *
 * The body of tracing_gen_ctx_irq_test(), inline for the core's writers.
 *
 * Return: TRACE_FLAG_* bits << 16 | migrate-disable depth << 4 | preempt
 * depth (each depth capped at 15), as struct trace_entry stores them.
 */
static __always_inline unsigned int trace_ctx_compute(unsigned int irqs_status)
{
	unsigned int pc = preempt_count();

	return trace_ctx_flags(irqs_status, pc) << 16 | trace_ctx_depths(pc);
}

/* TRACE_FLAG_IRQS_OFF when interrupts are off now, else 0. */
static __always_inline unsigned int trace_irqs_status(void)
{
	unsigned long irqflags;

	local_save_flags(irqflags);
	return irqs_disabled_flags(irqflags) ? TRACE_FLAG_IRQS_OFF : 0;
}

/**
 * trace_ctx_now() - tracing_gen_ctx(), inline
 *
 * Return: the context bits of a record written now.
 */
static __always_inline unsigned int trace_ctx_now(void)
{
	return trace_ctx_compute(trace_irqs_status());
}

/*
 * The writer whose comm its CPU saved last (trace_cmdline.c), so that a
 * writer saves its comm once, not with every record.  The comm is compared
 * too, not only the pid: exec and prctl(PR_SET_NAME) rename a task in
 * place (a shell's child saved as "sh" runs busybox's head applet as
 * "head" without an exec).  Both halves of the comm are folded into one
 * word: a rename that keeps the fold only leaves the old name shown.  Per
 * CPU, written by that CPU's writers with preemption off; a nested writer
 * that overwrites it only costs one more save.
 */
struct trace_saved_comm {
	int	pid;
	u64	comm;
};

DECLARE_PER_CPU(struct trace_saved_comm, trace_saved_comm);

/**
 * trace_comm_fold() - a task's comm folded into one word
 * @t: the task
 *
 * Return: the xor of the comm's two 8-byte halves.
 */
static __always_inline u64 trace_comm_fold(struct task_struct *t)
{
	BUILD_BUG_ON(TASK_COMM_LEN != 2 * sizeof(u64));
	return get_unaligned((u64 *)t->comm) ^ get_unaligned((u64 *)t->comm + 1);
}

/**
 * trace_save_writer_once() - record-cmd and record-tgid for a record's writer
 * @tr: the instance written to
 *
 * Inline check of trace_saved_comm; trace_save_writer() does the rest.
 */
static __always_inline void trace_save_writer_once(struct trace_array *tr)
{
	struct task_struct *t = current;

	if (likely(__this_cpu_read(trace_saved_comm.pid) == t->pid &&
		   __this_cpu_read(trace_saved_comm.comm) == trace_comm_fold(t)))
		return;
	trace_save_writer(tr);
}

/**
 * trace_entry_word_now() - a record's struct trace_entry as one 64-bit word
 * @type: the record type
 * @own: preempt-count levels the caller itself added (left out, as
 *	tracing_gen_ctx_dec() does)
 *
 * For writers that hand the ring buffer whole words (ring_buffer_write3()):
 * the same header as trace_reserve() writes with tracing_gen_ctx(), built
 * in place.
 *
 * Return: the header of a record written now by current.
 */
static __always_inline u64 trace_entry_word_now(int type, unsigned int own)
{
	unsigned int pc = preempt_count() - own;
	u64 flags, depths;

	/* struct trace_entry: type, flags, preempt_count, pid. */
	BUILD_BUG_ON(IS_ENABLED(CONFIG_CPU_BIG_ENDIAN));
	BUILD_BUG_ON(offsetof(struct trace_entry, flags) != 2 ||
		     offsetof(struct trace_entry, preempt_count) != 3 ||
		     offsetof(struct trace_entry, pid) != 4 ||
		     sizeof(struct trace_entry) != sizeof(u64));
	flags = trace_ctx_flags(trace_irqs_status(), pc);
	depths = trace_ctx_depths(pc);
	return (u16)type | flags << 16 | depths << 24 |
	       (u64)(u32)current->pid << 32;
}

/**
 * trace_live_buffer() - the buffer records go into now
 * @tr: the instance
 *
 * Loaded once: a snapshot may swap it right after.
 *
 * Return: the live buffer, or NULL when tracing is off or there is none.
 */
static __always_inline struct trace_buffer *
trace_live_buffer(struct trace_array *tr)
{
	if (!READ_ONCE(tr->on) || READ_ONCE(tr->stop_count))
		return NULL;
	return READ_ONCE(tr->buffer);
}

/**
 * trace_recording() - may records be written to the instance now?
 * @tr: the instance
 *
 * Return: true when the instance has a buffer and tracing is on.
 */
static __always_inline bool trace_recording(struct trace_array *tr)
{
	return trace_live_buffer(tr);
}

/**
 * trace_reserve() - reserve a record and fill in its common header
 * @tr: the instance
 * @bufp: gets the buffer the record is in (a snapshot may swap buffers)
 * @type: the record type
 * @len: bytes of the record, struct trace_entry included
 * @trace_ctx: from tracing_gen_ctx()
 *
 * Return: the record (commit it with trace_commit()), or NULL when
 * nothing may be written.
 */
static __always_inline struct ring_buffer_event *
trace_reserve(struct trace_array *tr, struct trace_buffer **bufp, int type,
	      unsigned long len, unsigned int trace_ctx)
{
	struct ring_buffer_event *e;
	struct trace_entry *ent;

	*bufp = trace_live_buffer(tr);
	if (!*bufp)
		return NULL;
	e = ring_buffer_lock_reserve(*bufp, len);
	if (!e)
		return NULL;
	ent = ring_buffer_event_data(e);
	ent->type = type;
	ent->flags = trace_ctx >> 16;
	ent->preempt_count = trace_ctx & 0xff;
	ent->pid = current->pid;
	return e;
}

/**
 * trace_commit() - commit the record from trace_reserve()
 * @tr: the instance
 * @buf: the buffer trace_reserve() gave
 *
 * Wakes sleeping trace_pipe readers through an irq_work, never directly:
 * the writer may be in any context.
 */
static __always_inline void trace_commit(struct trace_array *tr,
					 struct trace_buffer *buf)
{
	ring_buffer_unlock_commit(buf);
	if (READ_ONCE(tr->waiting))
		irq_work_queue(&tr->wake_work);
}

#endif /* _KERNEL_TRACE_PRIV_H */
