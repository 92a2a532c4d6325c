/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The function-tracing trampolines of x86-64.
 *
 * A traced function starts with "call ftrace_caller" or "call
 * ftrace_regs_caller" where the build put "call __fentry__" (boot replaced
 * that by a NOP, tracing by one of these calls).  On entry the stack holds
 * the return address into the traced function (its first instruction
 * after the call) and, above it, the traced function's own return address
 * into its caller.
 *
 * Both build a struct pt_regs on the stack and call the callback with
 * (ip, parent_ip, ops, fregs):
 *
 *	ip		the call site (the traced function's address)
 *	parent_ip	where the traced function returns to
 *	ops		ftrace_callback_ops, meaningful only to a callback of
 *			a single ops; the list function ignores it
 *	fregs		the saved registers
 *
 * ftrace_caller, for the sites no ops asks pt_regs of, fills in only what
 * struct ftrace_regs promises: the argument registers, rax, rbp, ip and sp.
 * Its cs is 0, which tells ftrace_get_regs() that the regs are not
 * complete.  Callbacks may change the arguments, not where the function
 * goes on.
 *
 * ftrace_regs_caller saves a complete struct pt_regs, as if the traced
 * function had trapped at its first instruction after the call.  A
 * callback may change regs->ip (kprobes, IPMODIFY ops do): it returns
 * there.  All registers are restored from the saved ones.
 *
 * The calls of the callback, at ftrace_caller_call and
 * ftrace_regs_caller_call, are themselves patched (arch/x86/kernel/ftrace.c)
 * between ftrace_stub, the list function and a single ops' callback.
 */
#include <linux/export.h>
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/ptrace-abi.h>
#include <asm/segment.h>
#include <asm/ftrace.h>
#include <asm/unwind_hints.h>
#include <linux/objtool.h>

/* pt_regs, plus one word so the C call sees a 16-byte aligned stack. */
#define FT_FRAME	(FRAME_SIZE + 8)

#ifdef CONFIG_FRAME_POINTER
/*
 * The frame-pointer unwinder walks the chain of frame records (saved rbp,
 * return address) that rbp heads.  The traced function has not built its
 * record yet when its first instruction calls us, so a walk from the
 * callback would skip both it and its caller.  ft_frames builds the two
 * records the chain lacks, from copies of the two return addresses:
 *
 *	record of the traced function:	-> caller's record, ip + 5
 *	record of its caller:		rbp at entry, parent_ip
 *
 * and points rbp at the first; ft_unframes drops them.  FT_FP: their size.
 */
#define FT_FP		32

.macro ft_frames
	pushq	8(%rsp)			/* parent_ip */
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	16(%rsp)		/* the return address into the function */
	pushq	%rbp
	movq	%rsp, %rbp
.endm

.macro ft_unframes
	addq	$FT_FP, %rsp
.endm
#else
#define FT_FP		0
.macro ft_frames
.endm
.macro ft_unframes
.endm
#endif

/* Where the return address into the traced function is, in our frame. */
#define FT_RA		(FT_FRAME + FT_FP)
/* Where rbp at entry is kept while the frame records head the chain. */
#ifdef CONFIG_FRAME_POINTER
#define FT_RBP		(FT_FRAME + 16)
#endif

	.code64
	.section .text, "ax"

/* Call sites not yet converted to NOPs (early boot, modules) land here. */
SYM_FUNC_START(__fentry__)
	RET
SYM_FUNC_END(__fentry__)
EXPORT_SYMBOL(__fentry__)

/* The callback while nothing is traced. */
SYM_FUNC_START(ftrace_stub)
	RET
SYM_FUNC_END(ftrace_stub)

/* The registers a callback may read or change as arguments, and rax. */
.macro ft_save_args
	movq	%rdi, RDI(%rsp)
	movq	%rsi, RSI(%rsp)
	movq	%rdx, RDX(%rsp)
	movq	%rcx, RCX(%rsp)
	movq	%r8, R8(%rsp)
	movq	%r9, R9(%rsp)
	movq	%rax, RAX(%rsp)
.endm

.macro ft_restore_args
	movq	RDI(%rsp), %rdi
	movq	RSI(%rsp), %rsi
	movq	RDX(%rsp), %rdx
	movq	RCX(%rsp), %rcx
	movq	R8(%rsp), %r8
	movq	R9(%rsp), %r9
	movq	RAX(%rsp), %rax
.endm

/*
 * What both trampolines put in the frame before the call: @regs_ip is a
 * register holding regs->ip.
 */
.macro ft_call_args regs_ip
	/* regs->ip: just after the call, as if the NOP had run. */
	movq	FT_RA(%rsp), \regs_ip
	movq	\regs_ip, RIP(%rsp)
	/* regs->sp: the traced function's stack pointer at its entry. */
	leaq	FT_RA+8(%rsp), %rdi
	movq	%rdi, RSP(%rsp)

	leaq	-MCOUNT_INSN_SIZE(\regs_ip), %rdi
	movq	FT_RA+8(%rsp), %rsi
	movq	ftrace_callback_ops(%rip), %rdx
	movq	%rsp, %rcx
.endm

/* rbp as it was at entry, into regs->bp. */
.macro ft_save_rbp
#ifdef CONFIG_FRAME_POINTER
	movq	FT_RBP(%rsp), %rax
	movq	%rax, RBP(%rsp)
#else
	movq	%rbp, RBP(%rsp)
#endif
.endm

SYM_FUNC_START(ftrace_caller)
	ft_frames
	subq	$FT_FRAME, %rsp
	ft_save_args
	ft_save_rbp
	/* Not a complete pt_regs (see ftrace_get_regs()). */
	movq	$0, CS(%rsp)
	ft_call_args %rax
SYM_INNER_LABEL(ftrace_caller_call, SYM_L_GLOBAL)
	call	ftrace_stub

	/*
	 * The callback keeps the other callee-saved registers; rbp is
	 * reloaded only because it was saved in the frame.
	 */
	movq	RBP(%rsp), %rbp
	ft_restore_args
	addq	$FT_FRAME, %rsp
	ft_unframes
	RET
SYM_FUNC_END(ftrace_caller)
/* A probe in a trampoline would recurse, and its call is ours to patch. */
_ASM_NOKPROBE(ftrace_caller)

SYM_FUNC_START(ftrace_regs_caller)
	ft_frames
	subq	$FT_FRAME, %rsp
	/* Every register of struct pt_regs, the argument ones last. */
	movq	%r15, R15(%rsp)
	movq	%r14, R14(%rsp)
	movq	%r13, R13(%rsp)
	movq	%r12, R12(%rsp)
	movq	%rbx, RBX(%rsp)
	movq	%r11, R11(%rsp)
	movq	%r10, R10(%rsp)
	ft_save_args
	ft_save_rbp
	pushfq
	popq	%rax
	movq	%rax, EFLAGS(%rsp)
	movq	$__KERNEL_CS, CS(%rsp)
	movq	$__KERNEL_DS, SS(%rsp)
	movq	$-1, ORIG_RAX(%rsp)
	ft_call_args %rax
SYM_INNER_LABEL(ftrace_regs_caller_call, SYM_L_GLOBAL)
	call	ftrace_stub

	/* Return to regs->ip: unchanged unless a callback redirected it. */
	movq	RIP(%rsp), %rax
	movq	%rax, FT_RA(%rsp)

	movq	R15(%rsp), %r15
	movq	R14(%rsp), %r14
	movq	R13(%rsp), %r13
	movq	R12(%rsp), %r12
	movq	RBP(%rsp), %rbp
	movq	RBX(%rsp), %rbx
	movq	R11(%rsp), %r11
	movq	R10(%rsp), %r10
	ft_restore_args
	addq	$FT_FRAME, %rsp
	ft_unframes
	RET
SYM_FUNC_END(ftrace_regs_caller)
_ASM_NOKPROBE(ftrace_regs_caller)

#ifdef CONFIG_FUNCTION_GRAPH_TRACER
/*
 * Functions whose return fgraph hooked (kernel/trace/fgraph/fgraph.c)
 * return here instead of to their caller: their ret consumed the slot
 * where fgraph had put our address in place of the real one.  We take the
 * slot back, ask ftrace_return_to_handler() for the real address (it runs
 * the return callbacks and pops the shadow stack), put that in the slot
 * and return through it, as if the function had returned there itself.
 * rax and rdx, the return value, are preserved.
 *
 * Reached by ret, never by a call or jump: no ENDBR.
 */
SYM_CODE_START(return_to_handler)
	UNWIND_HINT_UNDEFINED
	ANNOTATE_NOENDBR
	subq	$8, %rsp
	/* From here on, a function frame whose return address is the slot. */
	UNWIND_HINT_FUNC
	subq	$24, %rsp		/* struct fgraph_ret_regs */
	movq	%rax, 0(%rsp)
	movq	%rdx, 8(%rsp)
	movq	%rsp, %rdi
	call	ftrace_return_to_handler
	movq	%rax, 24(%rsp)
	movq	0(%rsp), %rax
	movq	8(%rsp), %rdx
	addq	$24, %rsp
	RET
SYM_CODE_END(return_to_handler)
_ASM_NOKPROBE(return_to_handler)
#endif
