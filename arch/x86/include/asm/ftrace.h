/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 part of the function-tracing interface.
 *
 * Every traced function starts with "call __fentry__" (gcc -pg -mfentry),
 * five bytes long.  Boot turns each one into a 5-byte NOP; tracing turns
 * the chosen ones into "call ftrace_caller", or "call ftrace_regs_caller"
 * where an ops asks for pt_regs (arch/x86/kernel/ftrace_64.S).  Only the
 * latter saves a complete struct pt_regs: ftrace_get_regs() gives NULL to
 * a callback called from the former.
 */
#ifndef _ASM_X86_FTRACE_H
#define _ASM_X86_FTRACE_H

#ifdef CONFIG_FUNCTION_TRACER
#define MCOUNT_ADDR		((unsigned long)(__fentry__))
#define MCOUNT_INSN_SIZE	5	/* call rel32, and the NOP replacing it */

/* Callbacks get (ip, parent_ip, ops, fregs). */
#define ARCH_SUPPORTS_FTRACE_OPS 1

/*
 * With IBT a function starts with ENDBR64: its call site is 4 bytes into
 * it.  A site further in belongs to no function of its own (the code of a
 * weak function another definition replaced).
 */
#ifdef CONFIG_X86_KERNEL_IBT
#define FTRACE_MCOUNT_MAX_OFFSET	4	/* ENDBR_INSN_SIZE */
#endif
#endif

#ifndef __ASSEMBLY__
#include <asm/ptrace.h>

#ifdef CONFIG_FUNCTION_TRACER
void __fentry__(void);
/* The trampolines, and the calls inside them that are patched (ftrace_64.S). */
void ftrace_caller(void);
void ftrace_regs_caller(void);
extern const u8 ftrace_caller_call[];
extern const u8 ftrace_regs_caller_call[];

/* What a traced site calls: with the argument registers, with pt_regs. */
#define FTRACE_ADDR		((unsigned long)ftrace_caller)
#define FTRACE_REGS_ADDR	((unsigned long)ftrace_regs_caller)

/* The recorded site is the call instruction itself. */
static inline unsigned long ftrace_call_adjust(unsigned long addr)
{
	return addr;
}

#include <linux/ftrace_regs.h>

/* Only ftrace_regs_caller fills in every register, and cs with them. */
static __always_inline struct pt_regs *
arch_ftrace_get_regs(struct ftrace_regs *fregs)
{
	struct pt_regs *regs = &arch_ftrace_regs(fregs)->regs;

	return regs->cs ? regs : NULL;
}

static __always_inline void
ftrace_regs_set_instruction_pointer(struct ftrace_regs *fregs, unsigned long ip)
{
	arch_ftrace_regs(fregs)->regs.ip = ip;
}

#ifdef CONFIG_FUNCTION_GRAPH_TRACER
/*
 * What return_to_handler (ftrace_64.S) saves on the stack before it calls
 * ftrace_return_to_handler(): the registers holding the return value.
 * Right above it is the slot the returning function's return address was
 * popped from; the handler's result goes back there.
 */
struct fgraph_ret_regs {
	unsigned long	ax;
	unsigned long	dx;
	unsigned long	pad;	/* keeps the C call's stack 16-byte aligned */
};

static __always_inline unsigned long *fgraph_ret_slot(struct fgraph_ret_regs *r)
{
	return (unsigned long *)(r + 1);
}

static __always_inline unsigned long fgraph_ret_value(struct fgraph_ret_regs *r)
{
	return r->ax;
}

/* At a traced function's entry: the slot holding its return address. */
static __always_inline unsigned long *fgraph_entry_slot(struct ftrace_regs *fregs)
{
	return (unsigned long *)arch_ftrace_regs(fregs)->regs.sp;
}
#endif

/* The x86 parts of the patching core (arch/x86/kernel/ftrace.c). */
int ftrace_arch_site_init(unsigned long ip);
void ftrace_arch_sites_init_done(void);
int ftrace_arch_site_queue(unsigned long ip, unsigned long old,
			   unsigned long new);
void ftrace_arch_site_flush(void);
int ftrace_arch_set_callback(void *func);
/* The ops a single-ops callback gets (read by ftrace_caller). */
extern struct ftrace_ops *ftrace_callback_ops;
#endif /* CONFIG_FUNCTION_TRACER */

/* Called when kernel text becomes read-only: there are no dynamic trampolines. */
static inline void set_ftrace_ops_ro(void) { }

#ifdef CONFIG_FTRACE_SYSCALLS
/*
 * Syscall events: does the kallsyms name @sym of a sys_call_table entry
 * (the "__x64_sys_foo" wrapper, or a bare "sys_foo") belong to the
 * SYSCALL_DEFINE metadata named @name ("sys_foo")?
 */
static inline bool arch_syscall_match_sym_name(const char *sym, const char *name)
{
	static const char *const prefixes[] = { "__x64_", "__ia32_", "__do_", "" };
	size_t n;
	int i;

	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		n = strlen(prefixes[i]);
		if (!strncmp(sym, prefixes[i], n) && !strcmp(sym + n, name))
			return true;
	}
	return false;
}
#endif /* CONFIG_FTRACE_SYSCALLS */
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_FTRACE_H */
