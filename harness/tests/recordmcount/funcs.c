// SPDX-License-Identifier: GPL-2.0
/*
 * Functions of every kind recordmcount meets: global, static, weak,
 * __init, notrace, and one in a section ftrace must not patch.
 */
#include "defs.h"

int funcs_counter;

static int __noipa helper(int x)
{
	funcs_counter += x;
	return x * 2;
}

int __noipa plain_a(int x)
{
	return helper(x) + 1;
}

int __noipa plain_b(int x)
{
	return helper(x + 1) - 1;
}

/* notrace: gcc emits no __fentry__ call, so nothing may be recorded */
int __noipa __notrace no_trace(int x)
{
	return x + 3;
}

int __noipa __init init_fn(int x)
{
	return helper(x) * 3;
}

/* Has a __fentry__ call (unlike the kernel's noinstr): must become a NOP */
int __noipa __noinstr noinstr_fn(int x)
{
	funcs_counter = x;
	return x;
}

int __noipa __weak weak_fn(int x)
{
	return x * 7;
}

/* Lets main.c find the static function */
fn_t *const funcs_statics[] = { helper };
