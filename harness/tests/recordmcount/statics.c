// SPDX-License-Identifier: GPL-2.0
/* Only static functions, reached through a table. */
#include "defs.h"

static int __noipa s1(int x)
{
	return x ^ 0x55;
}

static int __noipa s2(int x)
{
	return s1(x) + 2;
}

static int __noipa s3(int x)
{
	return s2(x) * s1(x);
}

fn_t *const statics_tbl[] = { s1, s2, s3 };
