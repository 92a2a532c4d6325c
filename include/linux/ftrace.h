/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel interface of the tracing subsystem.
 *
 * This header is what the rest of the kernel (init, modules, kprobes,
 * kallsyms, the unwinders, fork, sysctl) sees of function tracing.
 *
 * With CONFIG_FUNCTION_TRACER the ftrace_ops API below is real: callers
 * register callbacks for function entry, limited by filter and notrace
 * sets of functions, and the patching core (kernel/trace/ftrace_*.c)
 * turns the call sites on and off.  Without it, every entry point has its
 * configured-out form: a call does nothing and reports "not available".
 * With CONFIG_FUNCTION_GRAPH_TRACER, fgraph (kernel/trace/fgraph/) adds
 * function returns: register_ftrace_graph() and the task shadow stacks.
 */
#ifndef _LINUX_FTRACE_H
#define _LINUX_FTRACE_H

#include <linux/trace_recursion.h>
#include <linux/trace_clock.h>
#include <linux/jump_label.h>
#include <linux/kallsyms.h>
#include <linux/linkage.h>
#include <linux/bitops.h>
#include <linux/ptrace.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/fs.h>

#include <asm/ftrace.h>

struct module;
struct ftrace_ops;
struct ftrace_regs;
struct ftrace_hash;
struct dyn_ftrace;
struct fgraph_ops;
struct ctl_table;

/* Longest tracer name, including the terminating NUL. */
#define MAX_TRACER_SIZE		100

/* ---- Boot hooks, called from start_kernel() ---------------------------- */

#ifdef CONFIG_TRACING
void early_trace_init(void);
#else
static inline void early_trace_init(void) { }
#endif
/* Late boot hook of the event subsystem, which is not offered yet. */
static inline void trace_init(void) { }

#ifdef CONFIG_DYNAMIC_FTRACE
void ftrace_init(void);
#else
static inline void ftrace_init(void) { }
#endif
static inline void ftrace_boot_snapshot(void) { }

/* ---- Function tracing (ftrace_ops) ------------------------------------- */

/*
 * The filter-hash entry type is part of the API (BPF and direct callers
 * build lists of them), so it is defined whatever the configuration.
 */
struct ftrace_func_entry {
	struct hlist_node hlist;
	unsigned long ip;
	unsigned long direct;
};

#ifndef ARCH_SUPPORTS_FTRACE_OPS
#define ARCH_SUPPORTS_FTRACE_OPS 0
#endif

/* Values of the "command" argument of the arch patching back end. */
enum {
	FTRACE_UPDATE_CALLS		= (1 << 0),
	FTRACE_DISABLE_CALLS		= (1 << 1),
	FTRACE_UPDATE_TRACE_FUNC	= (1 << 2),
	FTRACE_START_FUNC_RET		= (1 << 3),
	FTRACE_STOP_FUNC_RET		= (1 << 4),
	FTRACE_MAY_SLEEP		= (1 << 5),
};

#ifdef CONFIG_FUNCTION_TRACER

/* Name of the section the build records call sites in. */
#define FTRACE_CALLSITE_SECTION	"__mcount_loc"

typedef void (*ftrace_func_t)(unsigned long ip, unsigned long parent_ip,
			      struct ftrace_ops *op, struct ftrace_regs *fregs);

/*
 * FTRACE_OPS_FL_* (values as upstream; callers set the first group):
 * SAVE_REGS, SAVE_REGS_IF_SUPPORTED	the callback wants struct pt_regs
 *	(the functions it wants call the trampoline that saves them all;
 *	without it a callback may get only the argument registers)
 * RECURSION	the core must protect the callback from recursion; without
 *	it the callback protects itself (ftrace_test_recursion_trylock())
 * IPMODIFY	the callback may change the return address; at most one such
 *	ops per function
 * RCU		call the callback only where RCU is watching
 * PERMANENT	refuses kernel.ftrace_enabled=0 while registered
 * STUB		never registered: the ops only holds sets that callbacks of
 *	others read, so replacing one waits for them like a live ops'
 * ENABLED	set by the core while the ops is registered
 */
enum {
	FTRACE_OPS_FL_ENABLED			= BIT(0),
	FTRACE_OPS_FL_DYNAMIC			= BIT(1),
	FTRACE_OPS_FL_SAVE_REGS			= BIT(2),
	FTRACE_OPS_FL_SAVE_REGS_IF_SUPPORTED	= BIT(3),
	FTRACE_OPS_FL_RECURSION			= BIT(4),
	FTRACE_OPS_FL_STUB			= BIT(5),
	FTRACE_OPS_FL_INITIALIZED		= BIT(6),
	FTRACE_OPS_FL_DELETED			= BIT(7),
	FTRACE_OPS_FL_ADDING			= BIT(8),
	FTRACE_OPS_FL_REMOVING			= BIT(9),
	FTRACE_OPS_FL_MODIFYING			= BIT(10),
	FTRACE_OPS_FL_ALLOC_TRAMP		= BIT(11),
	FTRACE_OPS_FL_IPMODIFY			= BIT(12),
	FTRACE_OPS_FL_PID			= BIT(13),
	FTRACE_OPS_FL_RCU			= BIT(14),
	FTRACE_OPS_FL_TRACE_ARRAY		= BIT(15),
	FTRACE_OPS_FL_PERMANENT			= BIT(16),
	FTRACE_OPS_FL_DIRECT			= BIT(17),
	FTRACE_OPS_FL_SUBOP			= BIT(18),
};

#define FTRACE_OPS_FL_SAVE_ARGS			FTRACE_OPS_FL_SAVE_REGS

/**
 * struct ftrace_ops - a function-entry callback and the functions it wants
 * @func: called on entry of every wanted function, preemption disabled
 *	only if the callback (or RECURSION) arranges it
 * @flags: FTRACE_OPS_FL_*
 * @private: for the owner of the ops
 * @next: next registered ops
 * @filter_hash: the functions wanted; NULL or empty: every function
 * @notrace_hash: functions never wanted, whatever @filter_hash says
 * @trampoline: always 0: every ops shares the static trampoline
 * @sets_of: NULL, or the ops whose @filter_hash and @notrace_hash this
 *	one uses instead of its own (a tracer following the filters of its
 *	instance); that ops must outlive this one's registration
 *
 * Legend: @func, @flags (bits below ENABLED), @private, @sets_of are the
 * owner's and fixed while registered.  @next, ENABLED and the hashes are the core's,
 * written under its ftrace_lock and read under RCU (sched) by the
 * trampoline's list function.
 */
struct ftrace_ops {
	ftrace_func_t			func;
	unsigned long			flags;
	void				*private;
	struct ftrace_ops __rcu		*next;
	struct ftrace_hash __rcu	*filter_hash;
	struct ftrace_hash __rcu	*notrace_hash;
	unsigned long			trampoline;
	struct ftrace_ops		*sets_of;
};

extern int ftrace_enabled;

int register_ftrace_function(struct ftrace_ops *ops);
int unregister_ftrace_function(struct ftrace_ops *ops);
int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip,
			 int remove, int reset);
int ftrace_set_filter_ips(struct ftrace_ops *ops, unsigned long *ips,
			  unsigned int cnt, int remove, int reset);
int ftrace_set_filter(struct ftrace_ops *ops, unsigned char *buf, int len,
		      int reset);
int ftrace_set_notrace(struct ftrace_ops *ops, unsigned char *buf, int len,
		       int reset);
void ftrace_free_filter(struct ftrace_ops *ops);
static inline void ftrace_ops_set_global_filter(struct ftrace_ops *ops) { }
void ftrace_kill(void);
int __ftrace_enabled_save(void);
void __ftrace_enabled_restore(int enabled);
static inline bool ftrace_pids_enabled(struct ftrace_ops *ops) { return false; }

unsigned long ftrace_location(unsigned long ip);
unsigned long ftrace_location_range(unsigned long start, unsigned long end);
int ftrace_text_reserved(const void *start, const void *end);
static inline int skip_trace(unsigned long ip) { return 0; }
static inline bool is_ftrace_trampoline(unsigned long addr) { return false; }
/* No ops has a trampoline of its own (the ORC unwinder asks). */
static inline struct ftrace_ops *ftrace_ops_trampoline(unsigned long addr)
{
	return NULL;
}

void ftrace_module_init(struct module *mod);
void ftrace_module_enable(struct module *mod);
void ftrace_release_mod(struct module *mod);
void ftrace_free_init_mem(void);
void ftrace_free_mem(struct module *mod, void *start, void *end);

/*
 * The pt_regs of a callback: NULL for a NULL @fregs and where the
 * trampoline saved only the argument registers (no ops on the function
 * asked for FTRACE_OPS_FL_SAVE_REGS).
 */
static __always_inline struct pt_regs *ftrace_get_regs(struct ftrace_regs *fregs)
{
	return fregs ? arch_ftrace_get_regs(fregs) : NULL;
}

static __always_inline bool ftrace_regs_has_args(struct ftrace_regs *fregs)
{
	return true;
}

/* The list function the trampoline calls when several ops are registered. */
void arch_ftrace_ops_list_func(unsigned long ip, unsigned long parent_ip,
			       struct ftrace_ops *op, struct ftrace_regs *fregs);

/* The static trampoline's do-nothing target. */
void ftrace_stub(unsigned long a0, unsigned long a1, struct ftrace_ops *op,
		 struct ftrace_regs *fregs);

#else /* !CONFIG_FUNCTION_TRACER */

static inline int register_ftrace_function(struct ftrace_ops *ops)
{
	return 0;
}

static inline int unregister_ftrace_function(struct ftrace_ops *ops)
{
	return 0;
}

static inline int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip,
				       int remove, int reset)
{
	return -ENODEV;
}

static inline int ftrace_set_filter_ips(struct ftrace_ops *ops,
					unsigned long *ips, unsigned int cnt,
					int remove, int reset)
{
	return -ENODEV;
}

static inline int ftrace_set_filter(struct ftrace_ops *ops, unsigned char *buf,
				    int len, int reset)
{
	return -ENODEV;
}

static inline int ftrace_set_notrace(struct ftrace_ops *ops, unsigned char *buf,
				     int len, int reset)
{
	return -ENODEV;
}

static inline void ftrace_set_early_filter(struct ftrace_ops *ops, char *buf,
					   int enable) { }
static inline void ftrace_free_filter(struct ftrace_ops *ops) { }
static inline void ftrace_ops_set_global_filter(struct ftrace_ops *ops) { }

static inline void ftrace_kill(void) { }
static inline int __ftrace_enabled_save(void) { return 0; }
static inline void __ftrace_enabled_restore(int enabled) { }
static inline bool ftrace_pids_enabled(struct ftrace_ops *ops) { return false; }

/* Call-site records: no site is ever recorded, so none is reserved. */
static inline unsigned long ftrace_location(unsigned long ip) { return 0; }
static inline unsigned long ftrace_location_range(unsigned long start,
						  unsigned long end)
{
	return 0;
}

static inline int skip_trace(unsigned long ip) { return 0; }
static inline int ftrace_text_reserved(const void *start, const void *end)
{
	return 0;
}

static inline bool is_ftrace_trampoline(unsigned long addr) { return false; }

/* Module and init-memory life cycle. */
static inline void ftrace_module_init(struct module *mod) { }
static inline void ftrace_module_enable(struct module *mod) { }
static inline void ftrace_release_mod(struct module *mod) { }
static inline void ftrace_free_init_mem(void) { }
static inline void ftrace_free_mem(struct module *mod, void *start, void *end) { }

#endif /* CONFIG_FUNCTION_TRACER */

/*
 * Symbols of ftrace trampolines, as seen by kallsyms: there are none (one
 * static trampoline), and symbol lookups for BPF are not offered.
 */
static inline int
ftrace_mod_address_lookup(unsigned long addr, unsigned long *size,
			  unsigned long *off, char **modname,
			  const unsigned char **modbuildid, char *sym)
{
	return 0;
}

static inline int
ftrace_mod_get_kallsym(unsigned int symnum, unsigned long *value, char *type,
		       char *name, char *module_name, int *exported)
{
	return -1;
}

static inline int ftrace_lookup_symbols(const char **sorted_syms, size_t cnt,
					unsigned long *addrs)
{
	return -EOPNOTSUPP;
}

/* Direct calls (BPF trampolines): not offered. */
static inline unsigned long ftrace_find_rec_direct(unsigned long ip) { return 0; }

static inline int register_ftrace_direct(struct ftrace_ops *ops,
					 unsigned long addr)
{
	return -ENODEV;
}

static inline int unregister_ftrace_direct(struct ftrace_ops *ops,
					   unsigned long addr, bool free_filters)
{
	return -ENODEV;
}

static inline int modify_ftrace_direct(struct ftrace_ops *ops,
				       unsigned long addr)
{
	return -ENODEV;
}

static inline int modify_ftrace_direct_nolock(struct ftrace_ops *ops,
					      unsigned long addr)
{
	return -ENODEV;
}

static inline void arch_ftrace_set_direct_caller(struct ftrace_regs *fregs,
						 unsigned long addr) { }

/* The stack tracer. */
static inline void stack_tracer_disable(void) { }
static inline void stack_tracer_enable(void) { }

/* Preempt/irqs-off latency hooks. */
#ifdef CONFIG_TRACE_PREEMPT_TOGGLE
void trace_preempt_on(unsigned long a0, unsigned long a1);
void trace_preempt_off(unsigned long a0, unsigned long a1);
#else
static inline void trace_preempt_on(unsigned long a0, unsigned long a1) { }
static inline void trace_preempt_off(unsigned long a0, unsigned long a1) { }
#endif

/* ---- Function graph tracing (fgraph) ------------------------------------ */

/* A function entry, as fgraph hands it to an entry callback. */
struct ftrace_graph_ent {
	unsigned long func;
	int depth;
} __packed;

/*
 * A function return, as fgraph hands it to a return callback: @calltime
 * and @rettime are trace_clock_local() times, @overrun the number of
 * calls the task's shadow stack had no room for so far.
 */
struct ftrace_graph_ret {
	unsigned long func;
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
	unsigned long retval;
#endif
	int depth;
	unsigned int overrun;
	unsigned long long calltime;
	unsigned long long rettime;
} __packed;

struct fgraph_ops;

typedef void (*trace_func_graph_ret_t)(struct ftrace_graph_ret *,
				       struct fgraph_ops *);
typedef int (*trace_func_graph_ent_t)(struct ftrace_graph_ent *,
				      struct fgraph_ops *);

#ifdef CONFIG_FUNCTION_GRAPH_TRACER

/**
 * struct fgraph_ops - a user of function graph tracing
 * @entryfunc: called on entry of every function @ops wants; returns
 *	non-zero to have @retfunc called when that call returns
 * @retfunc: called when a call @entryfunc accepted returns
 * @ops: the functions wanted: its filter and notrace sets, as for
 *	register_ftrace_function() (its callback is fgraph's)
 * @private: for the owner
 * @saved_func: unused; kept for the layout callers know
 * @idx: the user's slot (0 to FGRAPH_ARRAY_SIZE - 1) while registered,
 *	the first argument of fgraph_reserve_data() and friends
 *
 * Both callbacks run with preemption disabled, may run in any context
 * and must not sleep.  Up to FGRAPH_ARRAY_SIZE users may be registered
 * at once.
 */
struct fgraph_ops {
	trace_func_graph_ent_t		entryfunc;
	trace_func_graph_ret_t		retfunc;
	struct ftrace_ops		ops;
	void				*private;
	trace_func_graph_ent_t		saved_func;
	int				idx;
};

#define FGRAPH_ARRAY_SIZE	16
/* Bytes an entry callback may keep on the shadow stack for its return. */
#define FGRAPH_MAX_DATA_SIZE	(sizeof(long) * 4)
/* Deepest nesting of recorded calls per task. */
#define FTRACE_RETFUNC_DEPTH	50

int register_ftrace_graph(struct fgraph_ops *gops);
void unregister_ftrace_graph(struct fgraph_ops *gops);
void *fgraph_reserve_data(int idx, int size_bytes);
void *fgraph_retrieve_data(int idx, int *size_bytes);
int ftrace_graph_entry_stub(struct ftrace_graph_ent *trace,
			    struct fgraph_ops *gops);

/* The address traced functions return through (arch code). */
void return_to_handler(void);

unsigned long ftrace_graph_ret_addr(struct task_struct *task, int *idx,
				    unsigned long ret, unsigned long *retp);

void ftrace_graph_init_task(struct task_struct *t);
void ftrace_graph_exit_task(struct task_struct *t);
void ftrace_graph_init_idle_task(struct task_struct *t, int cpu);

/* Function graph tracing is stopped for good after a fatal error. */
DECLARE_STATIC_KEY_FALSE(kill_ftrace_graph);

static inline bool ftrace_graph_is_dead(void)
{
	return static_branch_unlikely(&kill_ftrace_graph);
}

void ftrace_graph_stop(void);

/* Calls of current are not recorded while paused (nesting). */
static inline void pause_graph_tracing(void)
{
	atomic_inc(&current->tracing_graph_pause);
}

static inline void unpause_graph_tracing(void)
{
	atomic_dec(&current->tracing_graph_pause);
}

/* Functions the graph tracer must not see, while "function" may. */
#define __notrace_funcgraph		notrace

#else /* !CONFIG_FUNCTION_GRAPH_TRACER */

#define __notrace_funcgraph

static inline int register_ftrace_graph(struct fgraph_ops *gops) { return -1; }
static inline void unregister_ftrace_graph(struct fgraph_ops *gops) { }

static inline void ftrace_graph_init_task(struct task_struct *t) { }
static inline void ftrace_graph_exit_task(struct task_struct *t) { }
static inline void ftrace_graph_init_idle_task(struct task_struct *t, int cpu) { }
static inline void pause_graph_tracing(void) { }
static inline void unpause_graph_tracing(void) { }
static inline bool ftrace_graph_is_dead(void) { return false; }

/*
 * Unwinders call this for every return address they see; with no graph
 * tracer no return address is ever redirected.
 */
static inline unsigned long
ftrace_graph_ret_addr(struct task_struct *task, int *idx, unsigned long ret,
		      unsigned long *retp)
{
	return ret;
}
#endif /* CONFIG_FUNCTION_GRAPH_TRACER */

/* ---- Caller addresses ---------------------------------------------------- */

#ifndef ftrace_return_address0
# define ftrace_return_address0 __builtin_return_address(0)
#endif

#ifndef ftrace_return_address
# ifdef CONFIG_FRAME_POINTER
#  define ftrace_return_address(n) __builtin_return_address(n)
# else
/* Without frame pointers, walking further up is not safe. */
#  define ftrace_return_address(n) ((void)(n), 0UL)
# endif
#endif

#define CALLER_ADDR0 ((unsigned long)ftrace_return_address0)
#define CALLER_ADDR1 ((unsigned long)ftrace_return_address(1))
#define CALLER_ADDR2 ((unsigned long)ftrace_return_address(2))
#define CALLER_ADDR3 ((unsigned long)ftrace_return_address(3))
#define CALLER_ADDR4 ((unsigned long)ftrace_return_address(4))
#define CALLER_ADDR5 ((unsigned long)ftrace_return_address(5))
#define CALLER_ADDR6 ((unsigned long)ftrace_return_address(6))

/*
 * The first caller that is not a locking primitive: lock tracing wants to
 * blame the code that took the lock, not spin_lock() itself.
 */
static __always_inline unsigned long get_lock_parent_ip(void)
{
	unsigned long ip = CALLER_ADDR0;

	if (in_lock_functions(ip)) {
		ip = CALLER_ADDR1;
		if (in_lock_functions(ip))
			ip = CALLER_ADDR2;
	}
	return ip;
}

/* ---- Global controls (sysctl and boot parameters) ---------------------- */

#ifdef CONFIG_TRACING
enum ftrace_dump_mode;

/* kernel.ftrace_dump_on_oops: "0", "1", "2" (this CPU) or an instance list. */
extern char ftrace_dump_on_oops[];
int ftrace_dump_on_oops_enabled(void);

/* kernel.traceoff_on_warning */
extern int __disable_trace_on_warning;
void disable_trace_on_warning(void);

/* kernel.tracepoint_printk */
extern int tracepoint_printk;
int tracepoint_printk_sysctl(const struct ctl_table *table, int write,
			     void *buffer, size_t *lenp, loff_t *ppos);
#else
static inline void disable_trace_on_warning(void) { }
#endif

#endif /* _LINUX_FTRACE_H */
