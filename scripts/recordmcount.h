/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * recordmcount policy: which sections of an object hold call sites the
 * kernel patches.  Kept apart from the ELF mechanics in recordmcount.c
 * because it must agree with the kernel's linker scripts and its rules on
 * where tracing may run (noinstr, entry code).
 */
#ifndef _SCRIPTS_RECORDMCOUNT_H
#define _SCRIPTS_RECORDMCOUNT_H

#include <stdbool.h>
#include <string.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/**
 * traced_section() - may ftrace patch calls in section @name?
 * @name: section name
 *
 * The text sections the kernel links into its traceable text: ".text", the
 * __init/__ref/__sched/__lockfunc/__irq_entry/__softirq_entry/__kprobes/
 * __cpuidle sections, and ".text.*" (-ffunction-sections, gcc's
 * .text.unlikely/.text.hot/.text.startup and their ".name" variants).
 * Not ".text..*" (special sections named from assembly), not ".text.exit*"
 * nor ".exit.text" (exit code, discarded from modules and possibly from
 * vmlinux, so a reference to it could not be resolved), and not
 * ".noinstr.text", ".entry.text", ".head.text" or any other section:
 * their code may run where a call to the trampoline is not allowed.
 *
 * Return: true if the calls in @name are recorded.
 */
static inline bool traced_section(const char *name)
{
	static const char * const names[] = {
		".text", ".init.text", ".ref.text", ".sched.text",
		".spinlock.text", ".irqentry.text", ".softirqentry.text",
		".kprobes.text", ".cpuidle.text",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	if (strncmp(name, ".text.", 6) || name[6] == '.' || !name[6])
		return false;
	return strcmp(name, ".text.exit") && strncmp(name, ".text.exit.", 11);
}

#endif /* _SCRIPTS_RECORDMCOUNT_H */
