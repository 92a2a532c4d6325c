/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The function-tracing trampoline of x86-64.
 *
 * A traced function starts with "call ftrace_caller" where the build put
 * "call __fentry__" (boot replaced that by a NOP, tracing by this call).
 * On entry the stack holds the return address into the traced function
 * (its first instruction after the call) and, above it, the traced
 * function's own return address into its caller.
 *
 * ftrace_caller saves a complete struct pt_regs, as if the traced function
 * had trapped at its first instruction after the call, and calls the
 * callback with (ip, parent_ip, ops, fregs):
 *
 *	ip		the call site (the traced function's address)
 *	parent_ip	where the traced function returns to
 *	ops		ftrace_callback_ops, meaningful only to a callback of
 *			a single ops; the list function ignores it
 *	fregs		the saved registers
 *
 * The call of the callback, at ftrace_caller_call, is itself patched
 * (arch/x86/kernel/ftrace.c) between ftrace_stub, the list function and a
 * single ops' callback.  A callback may change regs->ip (kprobes do): the
 * trampoline returns there.  All registers are restored from the saved
 * ones, so callbacks may change arguments too.
 */
#include <linux/export.h>
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/ptrace-abi.h>
#include <asm/segment.h>
#include <asm/ftrace.h>

/* pt_regs, plus one word so the C call sees a 16-byte aligned stack. */
#define FT_FRAME	(FRAME_SIZE + 8)

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

SYM_FUNC_START(ftrace_caller)
	subq	$FT_FRAME, %rsp
	/* struct pt_regs, lowest offset first. */
	movq	%r15, R15(%rsp)
	movq	%r14, R14(%rsp)
	movq	%r13, R13(%rsp)
	movq	%r12, R12(%rsp)
	movq	%rbp, RBP(%rsp)
	movq	%rbx, RBX(%rsp)
	movq	%r11, R11(%rsp)
	movq	%r10, R10(%rsp)
	movq	%r9, R9(%rsp)
	movq	%r8, R8(%rsp)
	movq	%rax, RAX(%rsp)
	movq	%rcx, RCX(%rsp)
	movq	%rdx, RDX(%rsp)
	movq	%rsi, RSI(%rsp)
	movq	%rdi, RDI(%rsp)
	pushfq
	popq	%rax
	movq	%rax, EFLAGS(%rsp)
	movq	$__KERNEL_CS, CS(%rsp)
	movq	$__KERNEL_DS, SS(%rsp)
	movq	$-1, ORIG_RAX(%rsp)

	/* regs->ip: just after the call, as if the NOP had run. */
	movq	FT_FRAME(%rsp), %rdi
	movq	%rdi, RIP(%rsp)
	/* regs->sp: the traced function's stack pointer at its entry. */
	leaq	FT_FRAME+8(%rsp), %rax
	movq	%rax, RSP(%rsp)

	subq	$MCOUNT_INSN_SIZE, %rdi
	movq	FT_FRAME+8(%rsp), %rsi
	movq	ftrace_callback_ops(%rip), %rdx
	movq	%rsp, %rcx
SYM_INNER_LABEL(ftrace_caller_call, SYM_L_GLOBAL)
	call	ftrace_stub

	/* Return to regs->ip: unchanged unless a callback redirected it. */
	movq	RIP(%rsp), %rax
	movq	%rax, FT_FRAME(%rsp)

	movq	R15(%rsp), %r15
	movq	R14(%rsp), %r14
	movq	R13(%rsp), %r13
	movq	R12(%rsp), %r12
	movq	RBP(%rsp), %rbp
	movq	RBX(%rsp), %rbx
	movq	R11(%rsp), %r11
	movq	R10(%rsp), %r10
	movq	R9(%rsp), %r9
	movq	R8(%rsp), %r8
	movq	RDI(%rsp), %rdi
	movq	RSI(%rsp), %rsi
	movq	RDX(%rsp), %rdx
	movq	RCX(%rsp), %rcx
	movq	RAX(%rsp), %rax
	addq	$FT_FRAME, %rsp
	RET
SYM_FUNC_END(ftrace_caller)
/* A probe in the trampoline would recurse, and its call is ours to patch. */
_ASM_NOKPROBE(ftrace_caller)
