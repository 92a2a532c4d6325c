/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 part of the function-tracing interface.
 *
 * The patching back end (fentry call sites, trampolines) is not offered by
 * kernel/trace/Kconfig yet; what remains is what x86 provides to the rest
 * of tracing whatever the configuration.
 */
#ifndef _ASM_X86_FTRACE_H
#define _ASM_X86_FTRACE_H

#ifndef __ASSEMBLY__
#include <linux/string.h>
#include <asm/ptrace.h>

/*
 * Syscall metadata names "sys_foo"; the x86-64 entry points are
 * "__x64_sys_foo", "__ia32_sys_foo" and "__do_sys_foo".  Compare past the
 * prefixes so that each matches the generic name.
 */
#define ARCH_HAS_SYSCALL_MATCH_SYM_NAME
static inline bool arch_syscall_match_sym_name(const char *sym,
					       const char *name)
{
	static const char * const prefixes[] = {
		"__x64_", "__ia32_", "__do_",
	};
	size_t i, n;

	if (!strcmp(sym + 3, name + 3))
		return true;
	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		n = strlen(prefixes[i]);
		if (!strncmp(sym, prefixes[i], n) && !strcmp(sym + n, name))
			return true;
	}
	return false;
}

/* Called when kernel text becomes read-only: there are no trampolines yet. */
static inline void set_ftrace_ops_ro(void) { }
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_FTRACE_H */
