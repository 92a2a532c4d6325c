/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probe events: the parts shared by every kind of dynamic probe event
 * (kprobe events, uprobe events, fprobe events and event probes).
 *
 *   struct dyn_event_type  a kind of dynamic event: how it parses a
 *                          definition, shows, matches and frees one.  The
 *                          dynamic_events file walks the table of kinds
 *                          (dynevent.c); a kind registers itself.
 *   struct dyn_event       one defined probe, on the list of all of them.
 *   struct probe_arg       one fetch argument of a probe: its name, type,
 *                          place in the record and its fetch program.
 *   struct probe_fetch     the program: a source, dereferences, a store.
 *   struct probe_event     an event (events/GROUP/NAME): its trace_event_call
 *                          and the probes that write it (several probes
 *                          may share one event when their arguments agree).
 *
 * Locking: event_mutex serialises every definition, removal, enabling
 * and the lists below; the probe handlers only walk probe_event.files
 * under RCU (sched) and read what is immutable once the probe is armed.
 */
#ifndef _KERNEL_TRACE_PROBES_PROBE_H
#define _KERNEL_TRACE_PROBES_PROBE_H

#include <linux/list.h>
#include <linux/trace_events.h>

struct seq_file;
struct dyn_event;
struct pt_regs;

#define PROBE_MAX_ARGS		128	/* fetch arguments per probe */
#define PROBE_MAX_ARGSTR	63	/* characters of one argument's body */
#define PROBE_MAX_ARGNAME	32	/* characters of an argument's name */
#define PROBE_MAX_ARRAY		64	/* elements of an array argument */
#define PROBE_MAX_NAME		64	/* event and group name, with the NUL */
#define PROBE_MAX_STRING	PATH_MAX	/* bytes of one string argument */
#define PROBE_MAX_RECORD	3072	/* fixed bytes of all arguments */
#define PROBE_MAX_OPS		15	/* fetch steps of one argument */
#define PROBE_MAX_ENTRY_ARGS	32	/* $argN a return probe saves */

/* Where a probe's definition went wrong (error_log), upstream's texts. */
enum probe_err {
	PE_BAD_MAXACT_TYPE, PE_BAD_MAXACT, PE_MAXACT_TOO_BIG,
	PE_BAD_PROBE_ADDR, PE_NON_UNIQ_SYMBOL, PE_BAD_RETPROBE,
	PE_BAD_ADDR_SUFFIX, PE_NO_GROUP_NAME, PE_GROUP_TOO_LONG,
	PE_BAD_GROUP_NAME, PE_NO_EVENT_NAME, PE_EVENT_TOO_LONG,
	PE_BAD_EVENT_NAME, PE_EVENT_EXIST, PE_RETVAL_ON_PROBE,
	PE_BAD_STACK_NUM, PE_BAD_ARG_NUM, PE_BAD_VAR, PE_BAD_REG_NAME,
	PE_BAD_MEM_ADDR, PE_BAD_IMM, PE_IMMSTR_NO_CLOSE, PE_FILE_ON_KPROBE,
	PE_BAD_FILE_OFFS, PE_SYM_ON_UPROBE, PE_TOO_MANY_OPS,
	PE_DEREF_NEED_BRACE, PE_BAD_DEREF_OFFS, PE_DEREF_OPEN_BRACE,
	PE_COMM_CANT_DEREF, PE_BAD_FETCH_ARG, PE_ARRAY_NO_CLOSE,
	PE_BAD_ARRAY_SUFFIX, PE_BAD_ARRAY_NUM, PE_ARRAY_TOO_BIG,
	PE_BAD_TYPE, PE_BAD_STRING, PE_BAD_SYMSTRING, PE_BAD_BITFIELD,
	PE_ARG_NAME_TOO_LONG, PE_NO_ARG_NAME, PE_BAD_ARG_NAME,
	PE_USED_ARG_NAME, PE_ARG_TOO_LONG, PE_NO_ARG_BODY,
	PE_BAD_INSN_BNDRY, PE_FAIL_REG_PROBE, PE_DIFF_PROBE_TYPE,
	PE_DIFF_ARG_TYPE, PE_SAME_PROBE, PE_NOSUP_BTFARG,
	PE_NEED_STRING_TYPE, PE_EVENT_TOO_BIG, PE_BAD_HYPHEN,
	PE_NOFENTRY_ARGS, PE_FILE_NOT_FOUND, PE_NO_REGULAR_FILE,
	PE_BAD_REFCNT, PE_REFCNT_OPEN_BRACE, PE_BAD_REFCNT_SUFFIX,
	PE_BAD_UPROBE_OFFS, PE_NO_EVENT_INFO, PE_BAD_ATTACH_EVENT,
	PE_NO_EP_FILTER, PE_NO_TRACEPOINT, PE_BAD_TP_NAME,
	PE_NR
};

/**
 * struct probe_log - the command being parsed, for error_log
 * @sys: error_log's location ("trace_kprobe", "trace_uprobe")
 * @argc: words of the command
 * @argv: the words
 * @index: the word being parsed; errors are placed relative to it
 * @err: the last mistake logged (PE_NR: none), for tests
 * @pos: where it was put in the command
 *
 * One at a time, under event_mutex.
 */
struct probe_log {
	const char	*sys;
	int		argc;
	const char	**argv;
	int		index;
	enum probe_err	err;
	int		pos;
};

void probe_log_err(struct probe_log *log, int offset, enum probe_err err);

/* Sources of a fetch program. */
enum probe_src {
	PSRC_REG,	/* a register: imm is its offset in pt_regs */
	PSRC_STACK,	/* $stackN: imm is N */
	PSRC_STACKP,	/* $stack */
	PSRC_RETVAL,	/* $retval */
	PSRC_ARG,	/* $argN at entry: imm is N - 1 */
	PSRC_EDATA,	/* $argN saved at entry for a return probe */
	PSRC_COMM,	/* $comm */
	PSRC_IMM,	/* \IMM, @ADDR, and @SYM once resolved */
	PSRC_STR,	/* \"string" */
	PSRC_FOFFS,	/* @+OFFSET of a uprobe: imm is the file offset */
	PSRC_FIELD,	/* $FIELD of an event probe's event: imm is its offset */
};

/* How the fetched value goes into the record. */
enum probe_store {
	PST_RAW,	/* the value itself */
	PST_MEM,	/* size bytes read at value + the last offset */
	PST_STRING,	/* a string at value (+ the last offset) */
	PST_USTRING,	/* the same in user memory */
	PST_SYMSTR,	/* "symbol+off/size" of the value */
};

/**
 * struct probe_fetch - the fetch program of one argument
 * @src: enum probe_src
 * @store: enum probe_store
 * @nderef: entries of @deref
 * @user: a user-space probe's program: $stack and $stackN are read from
 *	the user stack (its pointer loads are all marked user as well)
 * @last_deref: the last entry of @deref is the store's own read (PST_MEM
 *	and string stores of a dereference), not a pointer load
 * @bitfield: the stored value is a bitfield: shift left then right
 * @lshift: bitfield left shift
 * @rshift: bitfield right shift
 * @size: bytes of one stored element (the type's size)
 * @count: elements of an array, 0 for one value
 * @imm: the source's parameter (register offset, N, value, address)
 * @str: immediate string (PSRC_STR), or the symbol of @SYM (resolved into
 *	@imm, plus @symoff, when the probe is defined)
 * @symoff: the +|-offset of @SYM
 * @deref: pointer loads, innermost first: value = *(value + off)
 * @fsize: PSRC_FIELD: the field's size
 * @fsigned: PSRC_FIELD: a signed number
 * @ftype: PSRC_FIELD: its FILTER_* type (strings give their address)
 *
 * Immutable once the probe exists.
 */
struct probe_fetch {
	u8		src;
	u8		store;
	u8		nderef;
	bool		user;
	bool		last_deref;
	bool		bitfield;
	u8		lshift;
	u8		rshift;
	u8		size;
	u16		count;
	unsigned long	imm;
	char		*str;
	long		symoff;
	struct {
		long	off;
		bool	user;
	} deref[PROBE_MAX_OPS];
	u8		fsize;
	bool		fsigned;
	u8		ftype;
};

/**
 * struct probe_argtype - a type of fetch argument ("u32", "string", ...)
 * @name: as written after ':'
 * @size: bytes in the record (strings: their u32 __data_loc)
 * @is_signed: signed integer
 * @fmt: printf format in print fmt and trace text
 * @fmttype: field type in the format file
 * @kind: PT_INT, PT_HEX, PT_CHAR, PT_SYMBOL or PT_STRING
 */
struct probe_argtype {
	const char	*name;
	u8		size;
	bool		is_signed;
	const char	*fmt;
	const char	*fmttype;
	u8		kind;
};

enum { PT_INT, PT_HEX, PT_CHAR, PT_SYMBOL, PT_STRING };

/**
 * struct probe_arg - one fetch argument
 * @name: field name
 * @comm: the argument as written (kprobe_events shows it back)
 * @fmttype: field type in the format file ("u8[4]" for arrays)
 * @type: its type
 * @offset: bytes from the start of the arguments in the record
 * @count: array elements, 0 for one value
 * @prog: how to fetch it
 */
struct probe_arg {
	char			*name;
	char			*comm;
	char			*fmttype;
	const struct probe_argtype	*type;
	u32			offset;
	u16			count;
	struct probe_fetch	prog;
};

/**
 * struct probe_args - the fetch arguments of one probe
 * @nr: how many
 * @size: bytes of their fixed part in the record
 * @dynamic: some are strings, stored after the fixed part
 * @nr_entry: entry arguments a return probe saves ($argN)
 * @entry: which: the N - 1 of each
 * @arg: the arguments
 */
struct probe_args {
	int			nr;
	u32			size;
	bool			dynamic;
	int			nr_entry;
	u8			entry[PROBE_MAX_ENTRY_ARGS];
	struct probe_arg	arg[] __counted_by(nr);
};

/*
 * What a parsed argument may use.  Without PROBE_CTX_KERNEL the probe is
 * in user space: no symbols, @+FOFFS allowed, and every memory read
 * (loads, strings, $stack) is of user memory.
 */
#define PROBE_CTX_KERNEL	BIT(0)	/* a kernel probe: symbols, no @+ */
#define PROBE_CTX_RETURN	BIT(1)	/* a return probe: $retval */
#define PROBE_CTX_FENTRY	BIT(2)	/* at a function's entry: $argN */
#define PROBE_CTX_TEVENT	BIT(3)	/* on an event's record: $FIELD */
#define PROBE_CTX_NOREG		BIT(4)	/* no %REG (fprobe and tracepoint probes) */
#define PROBE_CTX_TPOINT	BIT(5)	/* on a tracepoint's stub: $arg1 is its 2nd */

struct probe_args *probe_args_parse(struct probe_log *log, int argc,
				    const char **argv, int first,
				    unsigned int ctx);
struct probe_args *probe_args_parse_event(struct probe_log *log, int argc,
					  const char **argv, int first,
					  struct trace_event_call *event);
void probe_args_free(struct probe_args *args);
int probe_args_compare(const struct probe_args *a, const struct probe_args *b);
void probe_args_show(struct seq_file *m, const struct probe_args *args);
bool probe_args_same_text(const struct probe_args *a,
			  const struct probe_args *b);
bool probe_args_match(const struct probe_args *args, int argc,
		      const char **argv);

/**
 * struct probe_hit - what the fetch programs of one hit read
 * @regs: the registers at the hit
 * @edata: the entry arguments a return probe saved, or NULL
 * @fbase: a uprobe's load base: where file offset 0 of the probed file
 *	is in the probed process (@+FOFFS adds the offset to it)
 * @rec: an event probe's: the record of the event it is on ($FIELD)
 *
 * On the handler's stack, for the duration of the hit.
 */
struct probe_hit {
	struct pt_regs		*regs;
	const unsigned long	*edata;
	unsigned long		fbase;
	void			*rec;
};

/* The fetch programs at run time (probe_fetch.c). */
int __probe_args_dyn_size(const struct probe_args *args,
			  const struct probe_hit *hit);
void __probe_args_store(const struct probe_args *args,
			const struct probe_hit *hit, void *rec, void *data,
			int dynlen);

/*
 * Probe context: a probe without strings, or without arguments, is
 * common, and costs no call.
 */
static __always_inline int probe_args_dyn_size(const struct probe_args *args,
					       const struct probe_hit *hit)
{
	return args->dynamic ? __probe_args_dyn_size(args, hit) : 0;
}

static __always_inline void probe_args_store(const struct probe_args *args,
					     const struct probe_hit *hit,
					     void *rec, void *data, int dynlen)
{
	if (args->nr)
		__probe_args_store(args, hit, rec, data, dynlen);
}

void probe_args_save_entry(const struct probe_args *args,
			   struct pt_regs *regs, unsigned long *edata);
void probe_args_print(struct trace_seq *s, const struct probe_args *args,
		      void *data, void *rec, unsigned int reclen);

/**
 * struct probe_file - an instance an event writes to
 * @link: on probe_event.files (RCU)
 * @file: the event's file in that instance
 * @rcu: frees it after the handlers are done with it
 */
struct probe_file {
	struct list_head	link;
	struct trace_event_file	*file;
	struct rcu_head		rcu;
};

/* Which header the record of an event has (its first fields). */
enum probe_kind { PROBE_ENTRY, PROBE_RETURN, PROBE_EVENT };

/**
 * struct probe_event - events/GROUP/NAME of one or more probes
 * @call: the event
 * @class: its class (one per event)
 * @kind: PROBE_ENTRY, PROBE_RETURN or PROBE_EVENT (no header: an event
 *	probe's text shows @source instead)
 * @args: the arguments of its fields: the first probe's, owned by the
 *	event from then on (its fields point into them)
 * @probes: number of probes writing it
 * @files: struct probe_file of the instances it is enabled in (RCU)
 * @enabled: in how many instances, plus one while perf has users (the
 *	probes are armed while > 0)
 * @perf: perf has users: the handlers write for them too (read with
 *	acquire, set with release after call.perf_events)
 * @arm: arm (true) or disarm the probes; set by the probe kind
 * @arm_data: for @arm
 * @attach: optional; hook the event in one more instance (true) or in
 *	one less, when an instance enables or disables it (event probes)
 * @source: PROBE_EVENT: "SYSTEM.EVENT" of the event it is on
 *
 * An event made with TRACE_EVENT_FL_UPROBE records user-space addresses
 * in its header, and its text shows them as numbers rather than symbols.
 *
 * Legend: everything is under event_mutex; @files is read under RCU,
 * @perf by the handlers.
 */
struct probe_event {
	struct trace_event_call		call;
	struct trace_event_class	class;
	enum probe_kind			kind;
	const struct probe_args		*args;
	int				probes;
	struct list_head		files;
	int				enabled;
	int				perf;
	int				(*arm)(struct probe_event *pe, bool on);
	void				*arm_data;
	int				(*attach)(struct probe_event *pe,
						  struct trace_event_file *file,
						  bool on);
	const char			*source;
};

struct probe_event *probe_event_find(const char *group, const char *name);
void probe_event_write(struct probe_event *pe, const struct probe_args *args,
		       const struct probe_hit *hit, unsigned long ip,
		       unsigned long func);
void probe_event_write_file(struct probe_event *pe,
			    struct trace_event_file *file,
			    const struct probe_hit *hit);
struct probe_event *probe_event_new(const char *group, const char *name,
				    enum probe_kind kind,
				    const struct probe_args *args,
				    unsigned int flags);
int probe_event_free(struct probe_event *pe);
struct probe_event *probe_event_new_local(const char *name,
					  enum probe_kind kind,
					  const struct probe_args *args,
					  unsigned int flags);
void probe_event_free_local(struct probe_event *pe);
struct perf_event;
char *probe_perf_string(u64 uptr, long max);
int probe_perf_open(struct probe_event *pe, struct perf_event *p_event);
void *probe_perf_close(struct perf_event *p_event);
bool probe_event_busy(struct probe_event *pe);

/* The record headers (upstream's layout). */
struct probe_entry_head {
	struct trace_entry	ent;
	unsigned long		ip;
};

struct probe_return_head {
	struct trace_entry	ent;
	unsigned long		func;
	unsigned long		ret_ip;
};

/**
 * struct dyn_event_type - a kind of dynamic event
 * @link: on the table of kinds
 * @name: for messages
 * @create: parse one definition; -ECANCELED when it is not of this kind
 * @show: print the definition back as the user gives it
 * @free: remove the probe; its event goes with the last probe
 * @match: do the words after "-:[GROUP/]EVENT" (at least one: the place,
 *	then arguments) name the probe, which that name names
 */
struct dyn_event_type {
	struct list_head	link;
	const char		*name;
	int			(*create)(int argc, const char **argv);
	void			(*show)(struct seq_file *m, struct dyn_event *ev);
	int			(*free)(struct dyn_event *ev);
	bool			(*match)(int argc, const char **argv,
					 struct dyn_event *ev);
};

/**
 * struct dyn_event - one probe, on the list of all of them
 * @link: on the list (event_mutex)
 * @type: its kind
 * @event: the event it writes
 */
struct dyn_event {
	struct list_head		link;
	const struct dyn_event_type	*type;
	struct probe_event		*event;
};

extern struct list_head dyn_events;

int dyn_event_type_register(struct dyn_event_type *type);
void dyn_event_add(struct dyn_event *ev, const struct dyn_event_type *type,
		   struct probe_event *pe);
bool dyn_event_may_go(const struct dyn_event *ev);
void dyn_event_unlink(struct dyn_event *ev, struct probe_args **args);
int dyn_event_join(struct probe_log *log, struct probe_event *pe,
		   enum probe_kind kind, const struct probe_args *args,
		   struct dyn_event *probe,
		   bool (*same)(struct dyn_event *a, struct dyn_event *b));
int dyn_events_run(const char *buf, const struct dyn_event_type *type);
ssize_t dyn_events_write(const char __user *ubuf, size_t cnt,
			 const struct dyn_event_type *type);
int dyn_events_clear(const struct dyn_event_type *type);
int dyn_events_seq_open(struct file *file, const struct dyn_event_type *type,
			int (*show)(struct seq_file *m, struct dyn_event *ev));
int dyn_events_open(struct file *file, const struct dyn_event_type *type);
int dyn_events_release(struct inode *inode, struct file *file);
int probe_parse_maxactive(struct probe_log *log, const char *word,
			  const char *event, unsigned int limit,
			  unsigned int *max);
int probe_parse_event_name(struct probe_log *log, const char *spec,
			   int offset, char *group, char *event);

#endif /* _KERNEL_TRACE_PROBES_PROBE_H */
