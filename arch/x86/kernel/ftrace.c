// SPDX-License-Identifier: GPL-2.0
/*
 * x86 back end of the function-tracing patching core.
 *
 * A call site is five bytes and is always in one of three states:
 *
 *	call __fentry__		as built (recordmcount recorded it)
 *	5-byte NOP		after boot or module load: not traced
 *	call ftrace_caller	traced
 *
 * Boot and module load go from the first to the second with
 * text_poke_early(): nothing runs that code yet.  At run time sites move
 * between the last two through text_poke_queue()/text_poke_finish(), which
 * batch the int3-based live patching.  Every change first compares the
 * bytes in memory with what the site must hold and refuses with -EINVAL
 * when they differ: patching code we do not understand is how a tracer
 * crashes a kernel.
 */
#include <linux/ftrace.h>
#include <linux/memory.h>
#include <linux/sync_core.h>
#include <linux/uaccess.h>
#include <asm/nops.h>
#include <asm/text-patching.h>

/* Callers of the trampoline's single-ops mode read this (see ftrace_64.S). */
struct ftrace_ops *ftrace_callback_ops;

static void make_call(u8 *insn, unsigned long ip, unsigned long target)
{
	s32 rel = (s32)(target - (ip + MCOUNT_INSN_SIZE));

	insn[0] = CALL_INSN_OPCODE;
	memcpy(insn + 1, &rel, sizeof(rel));
}

/* Do the MCOUNT_INSN_SIZE bytes at @ip equal @expect? */
static int check_site(unsigned long ip, const u8 *expect)
{
	u8 cur[MCOUNT_INSN_SIZE];

	if (copy_from_kernel_nofault(cur, (void *)ip, MCOUNT_INSN_SIZE))
		return -EFAULT;
	if (memcmp(cur, expect, MCOUNT_INSN_SIZE)) {
		pr_warn("ftrace: at %pS: expected %5ph, found %5ph\n",
			(void *)ip, expect, cur);
		return -EINVAL;
	}
	return 0;
}

/**
 * ftrace_arch_site_init() - turn a built call site into a NOP
 * @ip: the site; its code must not run yet and must still be writable
 *	(vmlinux during early boot, a module before it is formed)
 *
 * The caller ends the batch with ftrace_arch_sites_init_done().
 *
 * Return: 0, or -EINVAL when @ip does not hold "call __fentry__".
 */
int ftrace_arch_site_init(unsigned long ip)
{
	u8 call[MCOUNT_INSN_SIZE];

	make_call(call, ip, MCOUNT_ADDR);
	if (memcmp((void *)ip, call, MCOUNT_INSN_SIZE)) {
		pr_warn("ftrace: at %pS: expected %5ph, found %5ph\n",
			(void *)ip, call, (void *)ip);
		return -EINVAL;
	}
	memcpy((void *)ip, x86_nops[MCOUNT_INSN_SIZE], MCOUNT_INSN_SIZE);
	return 0;
}

/**
 * ftrace_arch_sites_init_done() - end a batch of ftrace_arch_site_init()
 *
 * One serialising instruction for the whole batch: no CPU has run the
 * changed code yet (text_poke_early() would serialise after every site).
 */
void ftrace_arch_sites_init_done(void)
{
	sync_core();
}

/**
 * ftrace_arch_site_queue() - queue a live change of a site
 * @ip: the site
 * @call: true: NOP to "call ftrace_caller"; false: back to the NOP
 *
 * The caller holds text_mutex and ends the batch with
 * ftrace_arch_site_flush().
 *
 * Return: 0, or -EFAULT/-EINVAL when the site does not hold the other state.
 */
int ftrace_arch_site_queue(unsigned long ip, bool call)
{
	u8 tramp[MCOUNT_INSN_SIZE];
	const u8 *old, *new;
	int ret;

	lockdep_assert_held(&text_mutex);
	make_call(tramp, ip, (unsigned long)ftrace_caller);
	old = call ? x86_nops[MCOUNT_INSN_SIZE] : tramp;
	new = call ? tramp : x86_nops[MCOUNT_INSN_SIZE];
	ret = check_site(ip, old);
	if (!ret)
		text_poke_queue((void *)ip, new, MCOUNT_INSN_SIZE, NULL);
	return ret;
}

/**
 * ftrace_arch_site_flush() - apply the changes queued so far
 *
 * On return no CPU executes the old instructions any more.
 */
void ftrace_arch_site_flush(void)
{
	lockdep_assert_held(&text_mutex);
	text_poke_finish();
}

/**
 * ftrace_arch_set_callback() - change what the trampoline calls
 * @func: ftrace_stub, the list function or one ops' callback
 *
 * On return every CPU that enters the trampoline calls @func.
 *
 * Return: 0, or -EINVAL when the trampoline's call is not a call.
 */
int ftrace_arch_set_callback(void *func)
{
	unsigned long ip = (unsigned long)ftrace_caller_call;
	u8 insn[MCOUNT_INSN_SIZE];

	lockdep_assert_held(&text_mutex);
	if (READ_ONCE(ftrace_caller_call[0]) != CALL_INSN_OPCODE)
		return -EINVAL;
	make_call(insn, ip, (unsigned long)func);
	text_poke_bp((void *)ip, insn, MCOUNT_INSN_SIZE, NULL);
	return 0;
}
