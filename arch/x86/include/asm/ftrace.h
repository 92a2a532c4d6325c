/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 part of the function-tracing interface.
 *
 * The patching back end (fentry call sites, trampolines) and the syscall
 * tracepoints are not offered by kernel/trace/Kconfig yet; what remains is
 * what the rest of x86 calls whatever the configuration.
 */
#ifndef _ASM_X86_FTRACE_H
#define _ASM_X86_FTRACE_H

#ifndef __ASSEMBLY__
#include <asm/ptrace.h>

/* Called when kernel text becomes read-only: there are no trampolines yet. */
static inline void set_ftrace_ops_ro(void) { }
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_X86_FTRACE_H */
