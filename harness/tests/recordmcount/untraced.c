// SPDX-License-Identifier: GPL-2.0
/* Only calls in an untraced section: NOPs, and no __mcount_loc at all. */
#include "defs.h"

int __noipa __noinstr first(int x)
{
	return x + 1;
}

int __noipa __noinstr second(int x)
{
	return x + 2;
}
