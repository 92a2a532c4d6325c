/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interface of trace events (TRACE_EVENT() and the events/
 * directory), shared by the trace_events*.c files.
 *
 * Objects:
 *
 *   struct trace_event_call  one event (include/linux/trace_events.h):
 *                            static for TRACE_EVENT(), from a module's
 *                            _ftrace_events section, or built at run time
 *                            by kprobe/uprobe events.  On trace_events.
 *   struct trace_event_file  the event in one instance: its enable state
 *                            (flags), filter and triggers.  One per
 *                            (instance, event), on the instance's
 *                            event_files list.
 *   struct trace_subsystem_dir  events/<system>/ of one instance.
 *   struct ftrace_event_field   a field of an event's record, on its
 *                            class's field list.
 *
 * Locking: event_mutex serialises everything that adds, removes, enables
 * or disables events, and the per-instance lists; writers (the probes)
 * take no lock and look only at trace_event_file.flags and .filter.
 * event_mutex nests inside trace_types_lock.
 */
#ifndef _KERNEL_TRACE_EVENT_PRIV_H
#define _KERNEL_TRACE_EVENT_PRIV_H

#include <linux/jump_label.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/trace_events.h>

struct seq_buf;
struct trace_array;
struct eventfs_inode;
struct module;
struct trace_eval_map;
struct event_pid;

/**
 * struct ftrace_event_field - one field of an event record
 * @link: on the class's (or the common) field list
 * @name: field name
 * @type: C type as the format file shows it ("char[16]", "__data_loc char[]")
 * @filter_type: FILTER_* (how a filter compares it)
 * @offset: bytes from the start of the record
 * @size: bytes
 * @is_signed: signed integer
 * @len: elements of a fixed array, 0 otherwise
 *
 * Immutable once on its list.
 */
struct ftrace_event_field {
	const char		*name;
	const char		*type;
	int			offset;
	int			size;
	int			len;
	int			filter_type;
	int			is_signed;
	struct list_head	link;
};

/**
 * struct trace_subsystem_dir - events/<system>/ in one instance
 * @link: on the instance's event_systems list
 * @name: the system's name (the class's string; lives as long as it)
 * @ei: its eventfs directory
 * @tr: the instance
 * @nr_events: events of the instance in this system; its directory goes
 *	at 0, the struct only with the instance
 *
 * Legend: all members are protected by event_mutex.
 */
struct trace_subsystem_dir {
	struct list_head	link;
	const char		*name;
	struct eventfs_inode	*ei;
	struct trace_array	*tr;
	int			nr_events;
};

/**
 * struct trace_event_inst - the events of one instance
 * @files: its trace_event_files, one per event
 * @systems: its trace_subsystem_dirs
 * @ei: its events/ eventfs directory
 * @tr: the instance
 * @link_insts: on the list of all instances' events
 * @new_file_flags: what a new file's flags start as (the pid filter's
 *	EVENT_FILE_FL_PID_FILTER)
 * @pid: the event pid filter (trace_events_pid.c), set by its part
 * @marker: events/ftrace/print of the instance once it had a trigger
 *	(trace_events_trigger.c); read by trace_marker writes
 *
 * Legend: all members are protected by event_mutex; @pid is set at its
 * part's init and cleared at its free; @marker is set once, under
 * event_mutex, and read with READ_ONCE() (the file lives as long as the
 * instance).
 */
struct trace_event_inst {
	struct list_head	files;
	struct list_head	systems;
	struct eventfs_inode	*ei;
	struct trace_array	*tr;
	struct list_head	link_insts;
	unsigned long		new_file_flags;
	struct event_pid	*pid;
	struct trace_event_file	*marker;
};

/*
 * The _ftrace_events section: the built-in events (vmlinux.lds.h).  It
 * and the eval map section are init data: gone once the kernel booted.
 */
extern struct trace_event_call *__start_ftrace_events[];
extern struct trace_event_call *__stop_ftrace_events[];
/* The __syscalls_metadata section (vmlinux.lds.h): init data too. */
struct syscall_metadata;
extern struct syscall_metadata *__start_syscalls_metadata[];
extern struct syscall_metadata *__stop_syscalls_metadata[];
/* The _ftrace_eval_map section: TRACE_DEFINE_ENUM()s (vmlinux.lds.h). */
extern struct trace_eval_map *__start_ftrace_eval_maps[];
extern struct trace_eval_map *__stop_ftrace_eval_maps[];

extern struct mutex event_mutex;
extern struct list_head trace_events;
extern struct list_head trace_common_fields;

/* What an events/ file's i_private is, for trace_event_open(). */
enum { EV_OPEN_FILE, EV_OPEN_SYSTEM, EV_OPEN_INST };

/* trace_events.c: the registry and enabling. */
int trace_event_open(struct file *filp, int kind, void *ptr, bool pin);
void trace_event_close(int kind, void *ptr);
int trace_event_enable(struct trace_event_file *file, bool on);
int trace_event_soft_get(struct trace_event_file *file);
void trace_event_soft_put(struct trace_event_file *file);
int trace_event_set_system(struct trace_event_inst *ev, const char *system,
			   const char *event, int on);
struct trace_event_file *trace_event_find_file(struct trace_event_inst *ev,
					       const char *system,
					       const char *event);
struct ftrace_event_field *trace_event_find_field(struct trace_event_call *call,
						  const char *name);

/* trace_events_fs.c: events/ and the files about events. */
int trace_event_text_make(struct file *filp,
			  void (*gen)(struct seq_buf *, void *), void *arg);
ssize_t trace_event_text_read(struct file *filp, char __user *ubuf,
			      size_t cnt, loff_t *ppos);
int trace_event_text_release(struct inode *inode, struct file *filp);
int trace_event_fs_add_file(struct trace_event_inst *ev,
			    struct trace_event_file *file);
void trace_event_fs_remove_file(struct trace_event_file *file);
void trace_event_file_put(struct trace_event_file *file);
void trace_event_fs_put_system(struct trace_subsystem_dir *dir);
void trace_event_fs_remove_inst(struct trace_event_inst *ev);
void trace_event_fs_create_files(struct trace_array *tr, struct dentry *dir);
void trace_event_fs_create_root_files(struct dentry *root);
int trace_event_add_file_entry(const char *name, umode_t mode,
			       const struct file_operations *fops,
			       bool (*shown)(const struct trace_event_call *));

/* trace_events_record.c: the scratch records of filters and triggers. */
int trace_event_scratch_alloc(void);

/* trace_events_output.c: printing event records. */
struct trace_event *trace_event_lookup(int type);
DECLARE_STATIC_KEY_FALSE(trace_event_printk_key);	/* tp_printk */
void trace_event_printk(struct trace_event_buffer *fb);

/* trace_events_eval.c: enum values in print fmts. */
void trace_event_eval_update(struct trace_event_call *call,
			     struct trace_eval_map **maps, unsigned int nr);
void trace_event_eval_free(struct module *mod);

/* trace_events_filter.c: event filters. */
struct event_filter *trace_filter_parse(struct trace_event_call *call,
					const char *str, const char **err_text,
					int *err_pos);
bool trace_filter_match(struct event_filter *f, void *rec);

/**
 * struct event_filter_info - the head of a compiled filter, which writers
 *	read without calling into the filter
 * @reads_ctx: a predicate reads common_flags or common_preempt_count, so
 *	a record must have them before the filter runs (a writer may fill
 *	them in only for the records it keeps)
 *
 * The first member of struct event_filter (trace_events_filter.c);
 * immutable once the filter is published.
 */
struct event_filter_info {
	bool	reads_ctx;
};

/**
 * trace_filter_reads_ctx() - does a filter read the header's context bytes?
 * @f: the filter
 *
 * Return: true when a predicate is on common_flags or common_preempt_count.
 */
static inline bool trace_filter_reads_ctx(const struct event_filter *f)
{
	return ((const struct event_filter_info *)f)->reads_ctx;
}

void trace_filter_free(struct event_filter *f);
int trace_event_filter_set(struct trace_event_file *file, char *str);
int trace_system_filter_set(struct trace_subsystem_dir *d, char *str);
void trace_event_filter_show(struct seq_buf *s, struct trace_event_file *file);
void trace_event_filter_free(struct trace_event_file *file);

/* trace_events_perf.c: perf's ftrace:function, the class reg of the event. */
#if defined(CONFIG_PERF_EVENTS) && defined(CONFIG_FUNCTION_TRACER)
int perf_function_reg(struct trace_event_call *call, enum trace_reg type,
		      void *data);
#else
#define perf_function_reg	NULL
#endif

/* trace_formats.c: the format files. */
void trace_event_print_format(struct seq_buf *s, struct trace_event_call *call);
int trace_event_core_entry(const char *name, umode_t *mode, void **data,
			   const struct file_operations **fops);
bool trace_event_is_marker(const struct trace_event_call *call);

#endif /* _KERNEL_TRACE_EVENT_PRIV_H */
