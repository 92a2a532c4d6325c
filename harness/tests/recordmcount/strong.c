// SPDX-License-Identifier: GPL-2.0
/* Overrides funcs.c's weak weak_fn at link time. */
#include "defs.h"

int __noipa weak_fn(int x)
{
	return x * 11;
}

int __noipa strong_other(int x)
{
	return weak_fn(x) + 5;
}
