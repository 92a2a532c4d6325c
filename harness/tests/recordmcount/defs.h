/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RMC_TEST_DEFS_H
#define RMC_TEST_DEFS_H

#define __noipa		__attribute__((noipa))
#define __notrace	__attribute__((no_instrument_function))
#define __init		__attribute__((section(".init.text")))
#define __noinstr	__attribute__((section(".noinstr.text")))
#define __weak		__attribute__((weak))

typedef int fn_t(int);

#endif
