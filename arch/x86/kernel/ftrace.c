// SPDX-License-Identifier: GPL-2.0
/*
 * x86 back end of the function-tracing patching core.
 *
 * A call site is five bytes and is always in one of four states:
 *
 *	call __fentry__		as built (recordmcount recorded it)
 *	5-byte NOP		after boot or module load: not traced
 *	call ftrace_caller	traced
 *	call ftrace_regs_caller	traced, by an ops that wants pt_regs
 *
 * Boot and module load go from the first to the second with
 * text_poke_early(): nothing runs that code yet.  At run time sites move
 * between the last three through text_poke_queue()/text_poke_finish(), which
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

/* The bytes of a site in a state: 0 for the NOP, else the call's target. */
static const u8 *site_bytes(u8 *buf, unsigned long ip, unsigned long target)
{
	if (!target)
		return x86_nops[MCOUNT_INSN_SIZE];
	make_call(buf, ip, target);
	return buf;
}

/**
 * ftrace_arch_site_queue() - queue a live change of a site
 * @ip: the site
 * @old: what it calls now: 0 (the NOP), FTRACE_ADDR or FTRACE_REGS_ADDR
 * @new: what it is to call, the same way
 *
 * The caller holds text_mutex and ends the batch with
 * ftrace_arch_site_flush().
 *
 * Return: 0, or -EFAULT/-EINVAL when the site does not hold @old.
 */
int ftrace_arch_site_queue(unsigned long ip, unsigned long old,
			   unsigned long new)
{
	u8 obuf[MCOUNT_INSN_SIZE], nbuf[MCOUNT_INSN_SIZE];
	int ret;

	lockdep_assert_held(&text_mutex);
	ret = check_site(ip, site_bytes(obuf, ip, old));
	if (!ret)
		text_poke_queue((void *)ip, site_bytes(nbuf, ip, new),
				MCOUNT_INSN_SIZE, NULL);
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
 * ftrace_arch_set_callback() - change what the trampolines call
 * @func: ftrace_stub, the list function or one ops' callback
 *
 * On return every CPU that enters a trampoline calls @func.
 *
 * Return: 0, or -EINVAL when a trampoline's call is not a call.
 */
int ftrace_arch_set_callback(void *func)
{
	const u8 *sites[] = { ftrace_caller_call, ftrace_regs_caller_call };
	u8 insn[MCOUNT_INSN_SIZE];
	unsigned int i;

	lockdep_assert_held(&text_mutex);
	for (i = 0; i < ARRAY_SIZE(sites); i++)
		if (READ_ONCE(sites[i][0]) != CALL_INSN_OPCODE)
			return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(sites); i++) {
		make_call(insn, (unsigned long)sites[i], (unsigned long)func);
		text_poke_queue((void *)sites[i], insn, MCOUNT_INSN_SIZE, NULL);
	}
	text_poke_finish();
	return 0;
}
