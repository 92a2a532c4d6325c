// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-like code: static inline helpers, cold and hot functions, a jump
 * table, clones gcc may make, and functions in the kernel's special text
 * sections, traced or not.
 */
#include "defs.h"

#define __section(s)	__attribute__((section(s)))

struct item {
	int key;
	int val;
	struct item *next;
};

static struct item *table[16];
static const char *const names[] = { "zero", "one", "two" };

static inline unsigned int hash(int k)
{
	return ((unsigned int)k * 2654435761u) >> 28;
}

int lookup(int key)
{
	struct item *i;

	for (i = table[hash(key)]; i; i = i->next)
		if (i->key == key)
			return i->val;
	return -1;
}

__attribute__((cold)) int slow_path(int x)
{
	return lookup(x) * 3 + names[x % 3][0];
}

__attribute__((hot)) int fast_path(int x)
{
	return x > 100 ? slow_path(x) : x + 1;
}

int classify(int x)
{
	switch (x) {
	case 0: return lookup(1);
	case 1: return 17;
	case 2: return lookup(x * 5);
	case 3: return 4;
	case 4: return lookup(9) + 2;
	case 5: return 8;
	case 6: return fast_path(x);
	case 7: return 99;
	default: return -x;
	}
}

static __attribute__((noinline)) int scale(int a, int b)
{
	return lookup(a) * b + lookup(b);
}

int scale_by_4(int x)
{
	return scale(x, 4);
}

int __section(".sched.text") sched_fn(int x) { return scale(x, 3); }
int __section(".spinlock.text") lock_fn(int x) { return x + table[1]->val; }
int __section(".ref.text") ref_fn(int x) { return lookup(x) - 1; }
int __section(".irqentry.text") irq_fn(int x) { return lookup(-x); }
int __section(".softirqentry.text") softirq_fn(int x) { return x * x; }
int __section(".kprobes.text") kprobe_fn(int x) { return x << 3; }
int __section(".cpuidle.text") idle_fn(int x) { return x >> 3; }
static int __init init_helper(int x) { return lookup(x) + 2; }
int __init init_caller(int x) { return init_helper(x) + init_helper(x + 1); }

/* Not traced: their calls to __fentry__ must become NOPs */
int __section(".text..special") special_fn(int x) { return lookup(x) ^ 1; }
int __section(".exit.text") exit_fn(int x) { return x - 7; }
int __section(".text.exit") text_exit_fn(int x) { return x - 8; }
int __section(".entry.text") entry_fn(int x) { return x + 7; }
int __section(".head.text") head_fn(int x) { return x | 7; }
int __noinstr noinstr_mixed(int x) { return x & 7; }
