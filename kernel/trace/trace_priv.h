/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface of the tracing core, shared by the files of
 * kernel/trace and by the tracers.  Nothing outside kernel/trace uses it.
 *
 * Objects:
 *
 *   struct tracer       a plugin selected through current_tracer; static,
 *                       registered once with register_tracer().
 *   struct trace_array  a tracing instance: the global one (trace_top,
 *                       the tracefs root) or one of instances/.  Its
 *                       buffers, tracer, options and files.
 *   struct trace_part   one part of every instance (buffers, options,
 *                       events, function tracing, ...): set up, given
 *                       files and freed by trace_instance.c, in order.
 *   struct trace_option a general option (options/NAME), declared by the
 *                       part it belongs to.
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
#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/ring_buffer.h>
#include <linux/sched.h>
#include <linux/trace.h>
#include <linux/trace_events.h>
#include <linux/types.h>
#include <linux/unaligned.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct seq_file;
struct dentry;
struct trace_array;
struct trace_cpu_file;
struct tracer;
struct ftrace_inst;
struct trace_event_inst;
struct trace_syscalls;
struct trace_latency;
struct trace_iterator;
struct trace_line;
struct seq_buf;

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
 * @update_thresh: optional; tracing_thresh changed while the tracer is
 *	current in the top instance
 * @flags: option set; registration gives a tracer without one an empty set
 * @noboot: must not be selected before boot has finished
 * @allow_instances: may be current in an instance, not only the global array
 * @use_max: keeps the worst section it measured in the snapshot buffer
 *	(the latency tracers): "trace" shows that buffer, "snapshot" takes
 *	no writes (EBUSY), and it is allocated when the tracer starts
 * @print_open: optional; a reader of trace or trace_pipe starts printing
 *	this tracer's records: returns the reader's state for the hooks
 *	below (NULL when it has no memory: the default text is used)
 * @print_close: frees what @print_open returned
 * @print_line: optional; prints the record of @line its own way, or
 *	returns false for the default text (struct trace_line)
 * @print_header: optional; the column header under "# tracer: NAME", in
 *	place of the default one, for the buffer read (live or snapshot)
 * @list: link in the list of registered tracers
 *
 * Legend: [I] immutable once registered, [L] trace_types_lock.
 * All members but @list are [I]; @list is [L].  The print hooks run in
 * the reader's context (may sleep), one reader state at a time.
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
	int			(*update_thresh)(struct trace_array *tr);
	struct tracer_flags	*flags;
	bool			noboot;
	bool			allow_instances;
	bool			use_max;
	void			*(*print_open)(struct trace_array *tr);
	void			(*print_close)(void *state);
	bool			(*print_line)(struct trace_line *line);
	void			(*print_header)(struct seq_buf *s,
						struct trace_array *tr,
						struct trace_buffer *buf,
						void *state);
	struct list_head	list;
};

struct trace_line_src;

/**
 * struct trace_line - a record a reader prints, for a tracer's print hooks
 * @s: output
 * @tr: the instance
 * @cpu: the CPU the record came from
 * @ts: its time stamp
 * @ent: the record; valid until trace_line_peek_next()
 * @len: its length
 * @start: the time_start of the buffer read (of the section it keeps,
 *	for a latency tracer's snapshot buffer)
 * @syms: the reader's symbol cache
 * @state: what the tracer's print_open gave this reader
 * @src: the reader's source of records (trace_read.c)
 */
struct trace_line {
	struct seq_buf		*s;
	struct trace_array	*tr;
	int			cpu;
	u64			ts;
	struct trace_entry	*ent;
	unsigned int		len;
	u64			start;
	struct trace_sym_cache	*syms;
	void			*state;
	struct trace_line_src	*src;
};

/*
 * Bits of trace_array.flags: the general options (options/).  Their order
 * is the order trace_options lists them in, upstream's, which tools may
 * expect.  Each option belongs to the instance part whose behaviour it
 * changes, which declares it (struct trace_option).
 */
enum trace_opt_bit {
	TRACE_OPT_PRINT_PARENT_BIT,	/* print-parent: function <-caller */
	TRACE_OPT_SYM_OFFSET_BIT,	/* sym-offset: function+0x12/0x80 */
	TRACE_OPT_SYM_ADDR_BIT,		/* sym-addr: also <address> */
	TRACE_OPT_RAW_BIT,		/* raw: numbers instead of text */
	TRACE_OPT_HEX_BIT,		/* hex: fields in hex */
	TRACE_OPT_BIN_BIT,		/* bin: fields as raw bytes */
	TRACE_OPT_BLOCK_BIT,		/* block: trace_pipe ignores O_NONBLOCK */
	TRACE_OPT_PRINTK_BIT,		/* trace_printk: trace_printk() records */
	TRACE_OPT_ANNOTATE_BIT,		/* annotate: where CPU buffers start */
	TRACE_OPT_MSG_ONLY_BIT,		/* printk-msg-only: print text alone */
	TRACE_OPT_CONTEXT_INFO_BIT,	/* context-info: comm, pid, cpu, time */
	TRACE_OPT_LATENCY_FMT_BIT,	/* latency-format: the latency columns */
	TRACE_OPT_RECORD_CMD_BIT,	/* record-cmd: remember comms of writers */
	TRACE_OPT_RECORD_TGID_BIT,	/* record-tgid: remember tgids of writers */
	TRACE_OPT_OVERWRITE_BIT,	/* overwrite: oldest data goes when full */
	TRACE_OPT_IRQ_INFO_BIT,		/* irq-info: the flags columns */
	TRACE_OPT_MARKERS_BIT,		/* markers: trace_marker writes are kept */
	TRACE_OPT_EVENT_FORK_BIT,	/* event-fork: event pid sets follow forks */
	TRACE_OPT_PRINTK_DEST_BIT,	/* trace_printk_dest: trace_printk() here */
	TRACE_OPT_FUNC_TRACE_BIT,	/* function-trace: latency tracers too */
	TRACE_OPT_FUNC_FORK_BIT,	/* function-fork: pid sets follow forks */
	TRACE_OPT_DISPLAY_GRAPH_BIT,	/* display-graph: latency tracers' graph */
	TRACE_OPT_STACKTRACE_BIT,	/* stacktrace: a stack after each event */
	TRACE_OPT_NR
};

#define TRACE_OPT_PRINT_PARENT	BIT(TRACE_OPT_PRINT_PARENT_BIT)
#define TRACE_OPT_SYM_OFFSET	BIT(TRACE_OPT_SYM_OFFSET_BIT)
#define TRACE_OPT_SYM_ADDR	BIT(TRACE_OPT_SYM_ADDR_BIT)
#define TRACE_OPT_RAW		BIT(TRACE_OPT_RAW_BIT)
#define TRACE_OPT_HEX		BIT(TRACE_OPT_HEX_BIT)
#define TRACE_OPT_BIN		BIT(TRACE_OPT_BIN_BIT)
#define TRACE_OPT_BLOCK		BIT(TRACE_OPT_BLOCK_BIT)
#define TRACE_OPT_PRINTK	BIT(TRACE_OPT_PRINTK_BIT)
#define TRACE_OPT_ANNOTATE	BIT(TRACE_OPT_ANNOTATE_BIT)
#define TRACE_OPT_MSG_ONLY	BIT(TRACE_OPT_MSG_ONLY_BIT)
#define TRACE_OPT_CONTEXT_INFO	BIT(TRACE_OPT_CONTEXT_INFO_BIT)
#define TRACE_OPT_LATENCY_FMT	BIT(TRACE_OPT_LATENCY_FMT_BIT)
#define TRACE_OPT_RECORD_CMD	BIT(TRACE_OPT_RECORD_CMD_BIT)
#define TRACE_OPT_RECORD_TGID	BIT(TRACE_OPT_RECORD_TGID_BIT)
#define TRACE_OPT_OVERWRITE	BIT(TRACE_OPT_OVERWRITE_BIT)
#define TRACE_OPT_IRQ_INFO	BIT(TRACE_OPT_IRQ_INFO_BIT)
#define TRACE_OPT_MARKERS	BIT(TRACE_OPT_MARKERS_BIT)
#define TRACE_OPT_EVENT_FORK	BIT(TRACE_OPT_EVENT_FORK_BIT)
#define TRACE_OPT_PRINTK_DEST	BIT(TRACE_OPT_PRINTK_DEST_BIT)
#define TRACE_OPT_FUNC_TRACE	BIT(TRACE_OPT_FUNC_TRACE_BIT)
#define TRACE_OPT_FUNC_FORK	BIT(TRACE_OPT_FUNC_FORK_BIT)
#define TRACE_OPT_DISPLAY_GRAPH	BIT(TRACE_OPT_DISPLAY_GRAPH_BIT)
#define TRACE_OPT_STACKTRACE	BIT(TRACE_OPT_STACKTRACE_BIT)

/**
 * struct trace_option - an option of trace_options and options/
 * @name: its name there
 * @bit: its TRACE_OPT_*_BIT in trace_array.flags
 * @on: its value at boot
 * @changed: optional; called before the option changes in @tr, with
 *	trace_types_lock held; an error refuses the change.  Not called for
 *	the first value, which the part's init must act on itself
 * @fresh: a new instance starts with @on; without it, with the value the
 *	top instance has then (upstream's rule for each option)
 * @top_only: only the root's options/ has a file for it (trace_options
 *	lists it in every instance)
 */
struct trace_option {
	const char	*name;
	unsigned int	bit;
	bool		on;
	int		(*changed)(struct trace_array *tr, bool on);
	bool		fresh;
	bool		top_only;
};

/* What an instance's options/NAME file points to. */
struct trace_option_file {
	struct trace_array	*tr;
	unsigned int		bit;
};

/*
 * The parts of an instance, in the order they are set up; they are torn
 * down in the reverse order.  A part may use the parts before it from its
 * own hooks.  The options come first: every part's options go into
 * options/.
 */
enum trace_part_id {
	TRACE_PART_OPTIONS,	/* trace_options, options/: every part's */
	TRACE_PART_CONTROL,	/* current_tracer, tracing_on (trace_fs.c) */
	TRACE_PART_BUFFER,	/* the ring buffers and their files */
	TRACE_PART_READ,	/* trace, trace_pipe, snapshot */
	TRACE_PART_RAW,		/* trace_pipe_raw, snapshot_raw, buffer_percent */
	TRACE_PART_MARKER,	/* trace_marker, trace_marker_raw */
	TRACE_PART_PRINTK,	/* trace_printk()'s options, printk_formats */
	TRACE_PART_CMDLINE,	/* saved_cmdlines, saved_tgids */
	TRACE_PART_ERROR_LOG,	/* error_log */
	TRACE_PART_SYSCALLS,	/* before events: their events' tables */
	TRACE_PART_EVENTS,	/* events/, set_event */
	TRACE_PART_EVENT_PID,	/* set_event_pid, set_event_notrace_pid */
	TRACE_PART_TRIGGER,	/* after events: triggers hold events */
	TRACE_PART_FUNCTION,	/* after events: its commands hold events */
	TRACE_PART_GRAPH,	/* set_graph_function and friends (root only) */
	TRACE_PART_DYNEVENT,	/* dynamic_events (root only) */
	TRACE_PART_KPROBE,	/* kprobe_events, kprobe_profile (root only) */
	TRACE_PART_UPROBE,	/* uprobe_events, uprobe_profile (root only) */
	TRACE_PART_LATENCY,	/* tracing_max_latency, the latency tracers */
#if IS_ENABLED(CONFIG_TRACER_KUNIT_TEST)
	TRACE_PART_KUNIT,	/* a part tracer_kunit.c registers and removes */
#endif
	TRACE_PART_NR
};

/**
 * struct trace_part - one part of every tracing instance
 * @name: for messages
 * @id: its TRACE_PART_*: its place in the order
 * @init: optional; set up the part's state in @tr, which has every part
 *	before it; may fail, and then the instance is not created (the top
 *	instance goes on without this part and the parts after it)
 * @free: optional; free what @init set up.  Called exactly once for every
 *	instance whose @init succeeded, when the instance goes away or when
 *	a later part's @init failed, with no file of the instance open; or
 *	when the part is unregistered (only parts without files may be)
 * @create_files: optional; the part's files in @dir, the instance's
 *	tracefs directory (NULL for the top instance: the root)
 * @create_cpu_files: optional; its files in per_cpu/cpuN (@dir) for @cpu
 * @create_root_files: optional; files that only the root has, once
 * @remove_files: optional; remove files the part made outside the
 *	instance's tracefs tree (events/ is eventfs), before the core
 *	removes the instance's directory
 * @opts: the general options the part owns; their options/ files are made
 *	with the part's files
 * @nr_opts: how many
 *
 * Parts are static objects; the core walks them for the top instance and
 * for every mkdir in instances/.  A part registers once
 * (trace_part_register()), normally from an initcall before tracefs is
 * up; its hooks run under trace_types_lock, except @free and
 * @remove_files on rmdir, which run under the instances' own lock only.
 */
struct trace_part {
	const char			*name;
	enum trace_part_id		id;
	int				(*init)(struct trace_array *tr);
	void				(*free)(struct trace_array *tr);
	void				(*create_files)(struct trace_array *tr,
							struct dentry *dir);
	void				(*create_cpu_files)(struct trace_array *tr,
							    struct dentry *dir,
							    long cpu);
	void				(*create_root_files)(struct dentry *root);
	void				(*remove_files)(struct trace_array *tr);
	const struct trace_option	*opts;
	unsigned int			nr_opts;
};

/**
 * struct trace_array - a tracing instance
 * @name: instance name, NULL for the global instance
 * @current_trace: the tracer selected through current_tracer
 * @on: the tracing_on switch
 * @stop_count: nesting depth of tracing_stop(); recording needs it at 0
 * @buffer: the ring buffer, NULL until tracing_init_buffer()
 * @snap: the snapshot buffer, NULL until the first snapshot
 * @snap_on: @snap is allocated: a snapshot swaps it with @buffer
 * @snap_lock: serialises snapshots (they may be taken in any context);
 *	an arch spinlock, taken with trace_snap_lock()
 * @time_start: when @buffer was last emptied, in its clock; where the
 *	latency format counts time from
 * @snap_start: the same for @snap (a latency tracer sets it to the start
 *	of the section it kept)
 * @snap_cpu: the CPU whose section @snap keeps (trace_snapshot_keep()):
 *	readers show only its records from @snap_start on; -1 for a
 *	snapshot of all CPUs
 * @snap_section: @snap keeps a latency tracer's section: readers show
 *	no record before @snap_start
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
 * @opt_files: what its options/ files point to
 * @options_dir: its options/ directory
 * @parts: BIT(TRACE_PART_*) of the parts set up in it
 * @cpumask: CPUs that record (tracing_cpumask)
 * @buffer_percent: fill level that wakes waiting trace_pipe_raw splicers
 * @func: its function tracing (ftrace_internal.h), NULL without
 * @tracer_priv: the current tracer's state in the instance, its own
 * @events: its trace events (trace_events_priv.h)
 * @syscalls: its syscall events' files by number (trace_syscalls.c)
 * @lat: its latency state (latency/trace_latency.h), NULL without
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
	arch_spinlock_t		snap_lock;
	u64			time_start;	/* [S] */
	u64			snap_start;	/* [S] */
	int			snap_cpu;	/* [S] */
	bool			snap_section;	/* [S] */
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
	struct trace_option_file opt_files[TRACE_OPT_NR];	/* [I] */
	struct dentry		*options_dir;	/* [I] */
	unsigned long		parts;		/* [L] */
	cpumask_var_t		cpumask;	/* [L] */
	int			buffer_percent;	/* [a] READ_ONCE/WRITE_ONCE */
	struct ftrace_inst	*func;		/* [I] set by its part's init */
	void			*tracer_priv;	/* [L] */
	struct trace_event_inst	*events;	/* [I] set by its part's init */
	struct trace_syscalls	*syscalls;	/* [I] set by its part's init */
	struct trace_latency	*lat;		/* [I] set by its part's init */
	struct list_head	errs;		/* err_lock (trace_error_log.c) */
	int			nr_errs;	/* err_lock */
};

unsigned long trace_snap_lock(struct trace_array *tr);
void trace_snap_unlock(struct trace_array *tr, unsigned long flags);
bool trace_snap_nested(void);

/**
 * struct trace_cpu_file - what a per-instance file points to
 * @tr: the instance
 * @cpu: its CPU, or RING_BUFFER_ALL_CPUS for a top-level file
 * @dir: per_cpu/cpuN of @cpu (unused for RING_BUFFER_ALL_CPUS)
 *
 * Immutable; lives as long as the instance.
 */
struct trace_cpu_file {
	struct trace_array	*tr;
	long			cpu;
	struct dentry		*dir;
};

/* Record types (struct trace_entry.type) of the core's own records. */
enum {
	TRACE_FN	= 1,	/* a function entry (function tracer) */
	TRACE_CTX	= 2,	/* a context switch (wakeup tracers) */
	TRACE_WAKE	= 3,	/* a wakeup (wakeup tracers) */
	TRACE_STACK	= 4,	/* a kernel stack trace */
	TRACE_PRINT	= 5,	/* trace_marker, trace_printk() */
	TRACE_BPRINT	= 6,	/* trace_printk() of a constant format */
	TRACE_BPUTS	= 14,	/* trace_puts() of a constant string */
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

/*
 * trace_perf_size() - the size of a perf record of @len bytes
 * @len: the record's bytes
 *
 * With perf's u32 size word before it, the record is a multiple of 8.
 */
static inline int trace_perf_size(int len)
{
	return ALIGN(len + sizeof(u32), sizeof(u64)) - sizeof(u32);
}

/* The formats of trace_printk() and tracepoint_string() (vmlinux.lds.h). */
extern const char *__start___trace_bprintk_fmt[];
extern const char *__stop___trace_bprintk_fmt[];
extern const char *__start___tracepoint_str[];
extern const char *__stop___tracepoint_str[];

/* trace_printk(): a format and its arguments, "ftrace/bprint". */
struct bprint_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	const char		*fmt;
	u32			buf[];
};

/* trace_puts() of a constant string: "ftrace/bputs". */
struct bputs_entry {
	struct trace_entry	ent;
	unsigned long		ip;
	const char		*str;
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

/**
 * struct trace_record_format - a record type of the core or a tracer, as an
 *	event of events/ftrace/ (format and id; users cannot enable it)
 * @name: the event's name
 * @id: the record type (struct trace_entry.type)
 * @define: adds the fields after the common header (trace_define_field())
 * @print_fmt: the "print fmt:" line
 * @reg: NULL, or the class's reg (what perf's tracepoint PMU calls)
 * @funcs: NULL when the core prints the records itself; otherwise how
 *	"trace" prints them (trace and raw)
 * @class: the event's class, filled by trace_record_format_add()
 * @call: the event, likewise
 * @fields: @class's fields_array: @define and the end mark
 * @list: in the list of formats waiting for the events core
 *
 * Static; set up once at boot and never changed.
 */
struct trace_record_format {
	const char		*name;
	int			id;
	int			(*define)(struct trace_event_call *call);
	const char		*print_fmt;
	int			(*reg)(struct trace_event_call *call,
				       enum trace_reg type, void *data);
	struct trace_event_functions *funcs;
	struct trace_event_class class;
	struct trace_event_call	call;
	struct trace_event_fields fields[2];
	struct list_head	list;
};

/**
 * struct trace_marker_hook - what a layer above sees of trace_marker writes
 *	(the triggers of events/ftrace/print)
 * @pre: runs on each filled "print" record before its commit; returns
 *	what @post takes (0: nothing to do after the commit)
 * @post: runs after the commit with what @pre returned
 *
 * Static, set once at boot (trace_marker_hook_set()); called only while
 * trace_marker_hook_use() holds it on.  Any context, preemption off.
 */
struct trace_marker_hook {
	unsigned long	(*pre)(struct trace_array *tr, struct trace_buffer *buf,
			       void *rec, struct ring_buffer_event *e);
	void		(*post)(struct trace_array *tr, unsigned long cookie);
};

/* trace_marker.c */
void trace_marker_hook_set(const struct trace_marker_hook *hook);
void trace_marker_hook_use(bool on);

/* trace_formats.c */
void trace_record_format_add(struct trace_record_format *f);

extern struct mutex trace_types_lock;
extern struct trace_array trace_top;
/* tracing_thresh in ns (0: off); written under trace_types_lock. */
extern unsigned long tracing_thresh;
extern struct tracer nop_trace;

/* The core's parts, registered by early_trace_init(). */
extern const struct trace_part trace_options_part;	/* trace_options.c */
extern const struct trace_part trace_control_part;	/* trace_fs.c */
extern const struct trace_part trace_buffer_part;	/* trace_buffer.c */
extern const struct trace_part trace_read_part;		/* trace_read.c */
extern const struct trace_part trace_raw_part;		/* trace_pipe_raw.c */
extern const struct trace_part trace_marker_part;	/* trace_marker.c */
extern const struct trace_part trace_cmdline_part;	/* trace_cmdline.c */
extern const struct trace_part trace_error_log_part;	/* trace_error_log.c */

/* tracer.c: the registry of tracers. */
int register_tracer(struct tracer *type);
void unregister_tracer(struct tracer *type);
int tracing_set_tracer(struct trace_array *tr, const char *name);
int tracer_show_available(struct seq_file *m, struct trace_array *tr);
void tracer_set_boot_name(const char *name);
#ifdef CONFIG_FTRACE_STARTUP_TEST
void tracer_selftests_off(const char *reason);
#else
static inline void tracer_selftests_off(const char *reason) { }
#endif
const char *tracer_boot_name(void);
void tracer_options_create_files(void);

/* trace_buffer.c: the instance's ring buffer and its records. */
int tracing_expand_buffer(struct trace_array *tr);
void trace_record_stack(struct trace_array *tr, unsigned int trace_ctx,
			unsigned long ret, unsigned int skip);
void trace_record_stack_in(struct trace_array *tr, unsigned int trace_ctx,
			   unsigned long ip);
void trace_record_stack_regs(struct trace_array *tr, unsigned int trace_ctx,
			     struct pt_regs *regs);
void trace_reset_buffer(struct trace_array *tr, int cpu);
void trace_shrink_buffer(struct trace_array *tr);
extern const char *const trace_clock_names[];
bool trace_clock_in_ns(struct trace_array *tr);
void trace_buffers(struct trace_array *tr, struct trace_buffer *bufs[2]);
int trace_snap_alloc(struct trace_array *tr);
struct trace_cpu_file *trace_cpu_file(struct trace_array *tr, long cpu);

/* trace_snapshot.c: the snapshot buffer. */
#ifdef CONFIG_TRACER_SNAPSHOT
bool trace_snapshot_swap(struct trace_array *tr);
int trace_snapshot_arm(struct trace_array *tr);
bool trace_snapshot_keep(struct trace_array *tr, u64 start, int cpu);
int trace_snapshot_arm_locked(struct trace_array *tr);
void trace_snapshot_free_locked(struct trace_array *tr);
void trace_snapshot_take(struct trace_array *tr);
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

/* trace_words.c: whitespace-separated words written to a file. */

/**
 * struct trace_words - the words of one open file
 * @buf: holds a word cut by the end of a write
 * @size: bytes of @buf
 * @len: bytes of @buf in use
 *
 * Private to one open file; writes are serialised by the VFS.
 */
struct trace_words {
	char	*buf;
	size_t	size;
	size_t	len;
};

int trace_words_write(struct trace_words *w, const char __user *ubuf,
		      size_t cnt, int (*fn)(void *ctx, char *word), void *ctx);
int trace_words_flush(struct trace_words *w, int (*fn)(void *ctx, char *word),
		      void *ctx);

/* trace_pids.c: the tasks a part follows (set 0) and ignores (set 1). */
struct trace_pids;
struct trace_pid_set;

/**
 * struct trace_pids_ops - what the owner of a pid pair does
 * @sync: waits until no reader can see a set that was replaced
 * @changed: optional; called after a file write or trace_pids_clear()
 *	installed a set (sleeps; no lock held)
 * @empty: what a file of an empty set reads as
 */
struct trace_pids_ops {
	void		(*sync)(void);
	void		(*changed)(struct trace_pids *p);
	const char	*empty;
};

/* What a pid file points to. */
struct trace_pids_file {
	struct trace_pids	*p;
	int			which;
};

/**
 * struct trace_pids - a pair of pid sets of one part of an instance
 * @set: [0] the tasks to follow (all if empty), [1] the tasks to ignore
 * @active: either set is non-empty
 * @tr: the instance
 * @ops: the owner's hooks
 * @files: what the two files point to
 * @garbage: sets replaced by the fork probes, for @gc_work
 * @gc_work: frees @garbage after @ops->sync()
 *
 * Legend: [I] set at init; @set and @active are written under
 * trace_pids.c's raw pids_lock and read locklessly (RCU, READ_ONCE()).
 * Embedded in its owner; trace_pids_clear() before it is freed.
 */
struct trace_pids {
	struct trace_pid_set __rcu	*set[2];
	bool				active;
	struct trace_array		*tr;		/* [I] */
	const struct trace_pids_ops	*ops;		/* [I] */
	struct trace_pids_file		files[2];	/* [I] */
	struct llist_head		garbage;
	struct work_struct		gc_work;	/* [I] */
};

bool __trace_pids_ignore(struct trace_pids *p, pid_t pid);

/* Does @p leave the task of @pid out?  Preemption disabled. */
static __always_inline bool trace_pids_ignore(struct trace_pids *p, pid_t pid)
{
	return unlikely(READ_ONCE(p->active)) && __trace_pids_ignore(p, pid);
}

void trace_pids_init(struct trace_pids *p, struct trace_array *tr,
		     const struct trace_pids_ops *ops);
void trace_pids_create_files(struct trace_pids *p, struct dentry *dir,
			     const char *only, const char *skip);
void trace_pids_clear(struct trace_pids *p);
int trace_pids_fork(struct trace_pids *p, bool on);

/* trace_cmdline.c: pid -> comm of writers. */
bool trace_save_cmdline(struct task_struct *task);
void trace_save_writer(struct trace_array *tr);
void trace_find_cmdline(int pid, char comm[]);
void trace_save_tgid(struct task_struct *task);
int trace_find_tgid(int pid);

/* trace_read.c: what a tracer's print_line may ask of the reader. */
struct trace_entry *trace_line_peek_next(struct trace_line *line,
					 unsigned int *len);
void trace_line_take_next(struct trace_line *line);

/* trace_output.c: text of records and headers. */
struct trace_sym_cache;
struct trace_sym_cache *trace_sym_cache_alloc(void);
void trace_sym_cache_free(struct trace_sym_cache *c);
void trace_print_record(struct seq_buf *s, struct trace_array *tr, int cpu,
			u64 ts, struct trace_entry *ent, unsigned int len,
			struct trace_sym_cache *cache);

int trace_print_lat_record(struct seq_buf *s, struct trace_array *tr,
			   int cpu, u64 ts, struct trace_entry *ent,
			   unsigned int len, struct trace_sym_cache *cache,
			   u64 start);
char trace_lat_mark(u64 gap);

/**
 * struct trace_lat_info - the section a latency header describes
 * @latency: its length in ns
 * @cpu: the CPU it ran on
 * @comm: the task it ran in
 * @pid: that task's pid
 * @uid: its uid
 * @nice: its nice value
 * @policy: its scheduling policy
 * @rt_priority: its real-time priority
 * @start_ip: where it started (0: no "started at" lines)
 * @end_ip: where it ended
 */
struct trace_lat_info {
	u64		latency;
	int		cpu;
	char		comm[TASK_COMM_LEN];
	pid_t		pid;
	kuid_t		uid;
	long		nice;
	long		policy;
	long		rt_priority;
	unsigned long	start_ip;
	unsigned long	end_ip;
};

void trace_print_header(struct seq_buf *s, struct trace_array *tr,
			struct trace_buffer *buf, void *state);
void trace_print_lat_header(struct seq_buf *s, struct trace_array *tr,
			    struct trace_buffer *buf,
			    const struct trace_lat_info *info);
bool trace_print_lat_info(struct seq_buf *s, struct trace_array *tr,
			  struct trace_buffer *buf,
			  const struct trace_lat_info *info);
void trace_print_ctx_flags(struct seq_buf *s, struct trace_entry *ent);
void trace_print_event_text(struct seq_buf *s, struct trace_array *tr,
			    int cpu, u64 ts, struct trace_entry *ent,
			    unsigned int len, struct trace_sym_cache *cache);

/*
 * fgraph/: the function_graph tracer's records and text, for the latency
 * tracers' options/display-graph.  The records go into @tr with the
 * context @ctx; the text has upstream's columns of that option (relative
 * time, CPU, task, duration, and the latency flags).
 */
bool trace_graph_write_entry(struct trace_array *tr,
			     const struct ftrace_graph_ent *ent,
			     unsigned int ctx);
void trace_graph_write_return(struct trace_array *tr,
			      const struct ftrace_graph_ret *ret,
			      unsigned int ctx);
void *trace_graph_print_open(struct trace_array *tr);
void trace_graph_print_close(void *state);
bool trace_graph_print_section(struct trace_line *line, bool marks);
void trace_graph_print_section_header(struct seq_buf *s, struct trace_array *tr,
				      struct trace_buffer *buf,
				      const struct trace_lat_info *info);

/* trace_error_log.c: error_log. */
void tracing_log_err(struct trace_array *tr, const char *loc, const char *cmd,
		     const char **errs, u8 type, u16 pos);

/* trace_events*.c: trace events (trace_events_priv.h has the rest). */
/* Serialises adding, removing and enabling events (trace_events.c). */
extern struct mutex event_mutex;
struct trace_event_call *trace_event_call_find(const char *system,
					       const char *name);
struct perf_event;
int trace_event_perf_open(struct trace_event_call *call,
			  struct perf_event *p_event);
void trace_event_perf_close(struct perf_event *p_event);

/**
 * struct trace_field_info - a field of an event, for parts above events
 * @offset: bytes from the start of the record
 * @size: bytes
 * @is_signed: a signed number
 * @filter_type: FILTER_* (strings: how the record holds them)
 */
struct trace_field_info {
	int	offset;
	int	size;
	bool	is_signed;
	int	filter_type;
};

int trace_event_field_info(struct trace_event_call *call, const char *name,
			   struct trace_field_info *fi);
struct trace_event_file *trace_event_file_of(struct trace_array *tr,
					     struct trace_event_call *call);
int trace_event_filter_check(struct trace_event_call *call, const char *str);
/* Which of an event's output functions prints a record. */
enum trace_event_form {
	TRACE_FORM_TEXT,	/* funcs->trace */
	TRACE_FORM_RAW,		/* funcs->raw (options/raw) */
	TRACE_FORM_HEX,		/* funcs->hex (options/hex) */
	TRACE_FORM_BIN,		/* funcs->binary (options/bin) */
};

bool trace_event_print(struct seq_buf *s, struct trace_iterator *iter,
		       struct trace_array *tr, int cpu, u64 ts,
		       struct trace_entry *ent, unsigned int len,
		       enum trace_event_form form);

/* trace_options.c: trace_options and options/. */
void trace_options_create_part_files(struct trace_array *tr,
				     const struct trace_part *p);
int trace_options_add(const struct trace_part *p);
int trace_option_set_locked(struct trace_array *tr, unsigned int bit, bool on);
void trace_options_remove(const struct trace_part *p);
void trace_options_add_tracer(struct tracer *t);
void trace_options_remove_tracer(struct tracer *t);

/* trace_instance.c: the parts of instances, instances/. */
int trace_part_register(const struct trace_part *p);
void trace_part_unregister(const struct trace_part *p);
void trace_part_create_top_files(void);
int trace_instance_new(const char *name);
int trace_instance_remove(const char *name);
int trace_top_setup(void);
struct trace_array *trace_array_of_file(struct file *file);
int trace_array_get_file(struct file *file);

/* trace_core.c: the on/off state of an instance, and pins on it. */
void trace_array_put(struct trace_array *tr);
void tracer_tracing_on(struct trace_array *tr);
void tracer_tracing_off(struct trace_array *tr);
bool tracer_tracing_is_on(struct trace_array *tr);
void trace_on_store(struct trace_array *tr, bool on);

/* trace_fs.c: helpers of every part's files. */
int trace_array_open(struct inode *inode, struct file *file);
int trace_array_release(struct inode *inode, struct file *file);
int trace_get_ulong(const char __user *ubuf, size_t cnt, unsigned long min,
		    unsigned long max, unsigned long *val);

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

/**
 * trace_ctx_callback() - the context of the code a tracing callback hooks
 *
 * Function-tracing callbacks (ftrace_ops and fgraph_ops) run under the
 * recursion lock, which disabled preemption once: that level is left
 * out, as tracing_gen_ctx_dec() does.
 *
 * Return: the context bits of a record about the hooked function.
 */
static __always_inline unsigned int trace_ctx_callback(void)
{
	return trace_ctx_now() - IS_ENABLED(CONFIG_PREEMPTION);
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

/* struct trace_entry (type, flags, preempt_count, pid) as one word. */
static __always_inline u64 trace_entry_pack(int type, u64 flags, u64 depths)
{
	BUILD_BUG_ON(IS_ENABLED(CONFIG_CPU_BIG_ENDIAN));
	BUILD_BUG_ON(offsetof(struct trace_entry, flags) != 2 ||
		     offsetof(struct trace_entry, preempt_count) != 3 ||
		     offsetof(struct trace_entry, pid) != 4 ||
		     sizeof(struct trace_entry) != sizeof(u64));
	return (u16)type | flags << 16 | depths << 24 |
	       (u64)(u32)current->pid << 32;
}

/**
 * trace_entry_word() - struct trace_entry as one 64-bit word
 * @type: the record type
 * @trace_ctx: from tracing_gen_ctx()
 *
 * Return: the header of a record of current, for one store.
 */
static __always_inline u64 trace_entry_word(int type, unsigned int trace_ctx)
{
	return trace_entry_pack(type, (trace_ctx >> 16) & 0xff,
				trace_ctx & 0xff);
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

	return trace_entry_pack(type, trace_ctx_flags(trace_irqs_status(), pc),
				trace_ctx_depths(pc));
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
	u64 hdr;

	*bufp = trace_live_buffer(tr);
	if (!*bufp)
		return NULL;
	/* Made before the call: one word stays live across it, not four. */
	hdr = trace_entry_word(type, trace_ctx);
	e = ring_buffer_lock_reserve(*bufp, len);
	if (!e)
		return NULL;
	put_unaligned(hdr, (u64 *)ring_buffer_event_data(e));
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

/*
 * Trace exports (trace_export.c): a writer whose kind's key is on hands
 * its record to trace_export_write() before committing it.
 */
DECLARE_STATIC_KEY_FALSE(trace_export_function);
DECLARE_STATIC_KEY_FALSE(trace_export_event);
DECLARE_STATIC_KEY_FALSE(trace_export_marker);
void trace_export_write(const void *rec, unsigned int len, int kind);

#endif /* _KERNEL_TRACE_PRIV_H */
