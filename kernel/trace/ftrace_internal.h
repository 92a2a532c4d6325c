/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the function-tracing core, shared by its parts:
 *
 *	ftrace_sites.c	the call-site records, boot and module life cycle
 *	ftrace_ops.c	ftrace_ops registration, hashes, the patching pass
 *	ftrace_filter.c	function-name matching and the tracefs files
 *	fprobe.c	register_fprobe(): entry and exit handlers on functions
 *	ftrace_cmds.c	the commands of set_ftrace_filter (ftrace_cmd.h is
 *			their interface for the parts that add commands)
 *	ftrace_pid.c	set_ftrace_pid, set_ftrace_notrace_pid, function-fork
 *	trace_functions.c  the "function" tracer and its instance part
 */
#ifndef _KERNEL_TRACE_FTRACE_INTERNAL_H
#define _KERNEL_TRACE_FTRACE_INTERNAL_H

#include <linux/ftrace.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#include "trace_priv.h"

/*
 * One call site: 8 bytes.  @off is the site's offset from its group's
 * base; @flags holds the number of registered ops that want the site in
 * the low bits and the SITE_* state bits above them.
 */
struct ftrace_site {
	u32	off;
	u32	flags;
};

/* How far into its function a call site may be (after the arch's prologue). */
#ifndef FTRACE_MCOUNT_MAX_OFFSET
#define FTRACE_MCOUNT_MAX_OFFSET	0
#endif

#define SITE_REF_MASK	0x00ffffffU
#define SITE_ENABLED	BIT(24)	/* the site calls the trampoline */
#define SITE_TOUCHED	BIT(25)	/* it did at some time (touched_functions) */
#define SITE_DEAD	BIT(26)	/* its code is freed: never patched again */
#define SITE_REGS	BIT(27)	/* an ops asking for pt_regs wants it */
#define SITE_IPMODIFY	BIT(28)	/* an IPMODIFY ops wants it */

/**
 * struct ftrace_group - the call sites of one image (vmlinux or a module)
 * @list: in ftrace_groups
 * @mod: the module, NULL for vmlinux
 * @base: address the sites' offsets are relative to
 * @end: one past the last site's address
 * @live: the image's code may be patched live (module fully loaded)
 * @nr: number of sites
 * @rcu: frees the group after lookups are done with it
 * @sites: the sites, sorted by address
 *
 * Legend: [I] set before the group is published, [M] ftrace_lock.
 * Lookups (ftrace_location(), the list function) walk ftrace_groups under
 * RCU and read only [I] members and the site offsets.
 */
struct ftrace_group {
	struct list_head	list;		/* [M], RCU for lookups */
	struct module		*mod;		/* [I] */
	unsigned long		base;		/* [I] */
	unsigned long		end;		/* [I] */
	bool			live;		/* [M] */
	unsigned int		nr;		/* [I] */
	struct rcu_head		rcu;
	struct ftrace_site	sites[];	/* off [I], flags [M] */
};

/**
 * struct ftrace_hash - a set of function addresses
 * @count: number of addresses
 * @ips: the addresses, sorted, no duplicates
 *
 * Immutable once built; replaced as a whole under ftrace_lock and freed
 * after an RCU grace period.
 */
struct ftrace_hash {
	unsigned int	count;
	unsigned long	ips[];
};

struct ftrace_inst;
struct func_cmd_table;
struct trace_array;

/*
 * What a per-instance filter file points to: @ops is the ops whose
 * sets a filter file edits, NULL for the instance's own (fi->ops, which
 * alone takes commands).
 */
struct ftrace_inst_file {
	struct ftrace_inst	*fi;
	int			which;	/* 1: the notrace file of the pair */
	struct ftrace_ops	*ops;
};

#ifdef CONFIG_FUNCTION_TRACER
/**
 * struct ftrace_inst - the function tracing of one tracing instance
 * @ops: the function tracer's ops, private = @tr; its filter and notrace
 *	sets are the instance's set_ftrace_filter and set_ftrace_notrace
 * @cmd_ops: runs the commands of the instance's set_ftrace_filter
 * @cmds: those commands, sorted by function
 * @cmd_link: in the list of instances that have commands, while @cmds
 * @link: in the list of every instance's function tracing (the filters)
 * @pids: set_ftrace_pid ([0]) and set_ftrace_notrace_pid ([1])
 * @tr: the instance
 * @files: what the instance's filter and pid files point to
 *
 * Legend: [I] set at creation, [M] ftrace_lock.  The callbacks read
 * @cmds under RCU (sched); @pids has its own legend (trace_priv.h).
 * The top instance's lives for ever; another's is freed with it, once
 * its files are closed and its tracer is nop.
 */
struct ftrace_inst {
	struct ftrace_ops		ops;		/* hashes [M] */
	struct ftrace_ops		cmd_ops;	/* hashes [M] */
	struct func_cmd_table __rcu	*cmds;		/* [M] */
	struct list_head		cmd_link;	/* [M] */
	struct list_head		link;		/* [M] */
	struct trace_pids		pids;		/* its own legend */
	struct trace_array		*tr;		/* [I] */
	struct ftrace_inst_file		files[2];	/* [I] */
};
#endif

/* The call sites of vmlinux, as the linker collected them. */
extern unsigned long __start_mcount_loc[];
extern unsigned long __stop_mcount_loc[];

extern struct mutex ftrace_lock;
extern struct list_head ftrace_groups;
extern unsigned long ftrace_groups_gen;
extern bool ftrace_disabled;

static inline unsigned long site_ip(const struct ftrace_group *g,
				    const struct ftrace_site *s)
{
	return g->base + s->off;
}

/* ftrace_sites.c */
struct ftrace_site *ftrace_find_site(unsigned long ip, struct ftrace_group **gp);
bool ftrace_site_name(unsigned long ip, char *name, const char **modname);
void ftrace_bug(unsigned long ip, int err);

/* ftrace_ops.c */
bool ftrace_hash_has(const struct ftrace_hash *h, unsigned long ip);
struct ftrace_hash *ftrace_hash_build(unsigned long *ips, unsigned int n);
bool ftrace_ops_wants(struct ftrace_ops *ops, unsigned long ip);
int ftrace_update_sites(void);
void ftrace_sync(void);
int ftrace_register_locked(struct ftrace_ops *ops);
int ftrace_unregister_locked(struct ftrace_ops *ops);
int ftrace_ops_replace_hash(struct ftrace_ops *ops, bool exclude,
			    struct ftrace_hash *hash);

/* ftrace_cmds.c */
void ftrace_cmds_init(struct ftrace_inst *fi);
void ftrace_cmds_clear(struct ftrace_inst *fi);
void ftrace_cmds_release_mod(struct module *mod);
int ftrace_func_cmd(struct ftrace_inst *fi, const char *glob, const char *mod,
		    const char *name, char *param, bool remove);
void ftrace_func_cmd_show(struct seq_file *m, struct ftrace_inst *fi);

#ifdef CONFIG_FUNCTION_TRACER
/* The callback's test: one load while no pid set is in use. */
static __always_inline bool ftrace_pid_ignored(struct ftrace_inst *fi)
{
	return trace_pids_ignore(&fi->pids, current->pid);
}
#endif

/* ftrace_selftest_target.c */
#define FTRACE_SELFTEST_VALUE	0x5eed
int ftrace_selftest_target(void);

/* Is @ip the call site of ftrace_selftest_target() (after an ENDBR64)? */
static inline bool ftrace_is_selftest_site(unsigned long ip)
{
	return ip - (unsigned long)ftrace_selftest_target <=
	       FTRACE_MCOUNT_MAX_OFFSET;
}

/* ftrace_filter.c */
int ftrace_match_glob(const char *glob, const char *mod, unsigned long **ips,
		      unsigned int *n);
void ftrace_list_create_files(struct dentry *dir);
void ftrace_filter_create_files(struct dentry *dir, struct ftrace_inst *fi);
void ftrace_sets_create_file(const char *name, struct dentry *dir,
			     struct ftrace_inst_file *file);
void ftrace_set_boot_globs(struct ftrace_ops *ops, char *list, bool exclude,
			   const char *param);
void ftrace_filter_init(struct ftrace_inst *fi);
void ftrace_filter_clear(struct ftrace_inst *fi);
void ftrace_mod_words_apply(struct module *mod);
void ftrace_filter_release_mod(struct module *mod);
bool ftrace_module_known(const char *glob);

#endif /* _KERNEL_TRACE_FTRACE_INTERNAL_H */
