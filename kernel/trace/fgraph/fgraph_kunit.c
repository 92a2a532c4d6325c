// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the fgraph core: entry and return callbacks, the data
 * kept on the shadow stack between them, several users of one call,
 * depths, unwinding through hooked returns, pausing, users leaving while
 * a hooked call is still running, the limit on users, and a kretprobe
 * and fgraph on the same function.
 *
 * This file is built with the tracing hooks: its fgt_* functions are the
 * traced targets.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/stacktrace.h>

#include "fgraph_priv.h"

#define FGT_VALUE	0x1234abcdUL

struct fgt_user {
	struct fgraph_ops	gops;
	unsigned long		func;		/* the function it hooks */
	int			data_size;	/* bytes it reserves, 0: none */
	bool			refuse;		/* entry callback says no */
	unsigned int		entries;
	unsigned int		returns;
	unsigned int		data_ok;
	int			depth;		/* of the last entry */
	unsigned long		order;		/* returns seen, by user bit */
};

static unsigned long fgt_return_order;	/* bits of users, in return order */

static int fgt_entry(struct ftrace_graph_ent *trace, struct fgraph_ops *gops)
{
	struct fgt_user *u = container_of(gops, struct fgt_user, gops);
	unsigned char *data;
	int i;

	if (trace->func != u->func)
		return 0;
	u->entries++;
	u->depth = trace->depth;
	if (u->refuse)
		return 0;
	if (u->data_size) {
		data = fgraph_reserve_data(gops->idx, u->data_size);
		if (!data)
			return 0;
		for (i = 0; i < u->data_size; i++)
			data[i] = 0xa0 + i;
		/* A second reservation for the same call is refused. */
		if (fgraph_reserve_data(gops->idx, 1))
			return 0;
	}
	return 1;
}

static void fgt_return(struct ftrace_graph_ret *trace, struct fgraph_ops *gops)
{
	struct fgt_user *u = container_of(gops, struct fgt_user, gops);
	unsigned char *data;
	int size = 0, i;
	bool ok = true;

	u->returns++;
	fgt_return_order = fgt_return_order << 4 | (gops->idx + 1);
	if (trace->rettime < trace->calltime || trace->func != u->func)
		return;
	data = fgraph_retrieve_data(gops->idx, &size);
	if (!u->data_size) {
		if (!data)
			u->data_ok++;
		return;
	}
	if (!data || size < u->data_size)
		return;
	for (i = 0; i < u->data_size; i++)
		ok &= data[i] == 0xa0 + i;
	u->data_ok += ok;
}

static noinline unsigned long fgt_leaf(unsigned long x)
{
	barrier();
	return x ^ FGT_VALUE;
}

static noinline unsigned long fgt_outer(unsigned long x)
{
	unsigned long r = fgt_leaf(x);

	barrier();
	return r + 1;
}

/* The stack of fgt_stack_probe(), as an unwinder sees it. */
static unsigned long fgt_stack[32];
static unsigned int fgt_stack_len;

static noinline int fgt_stack_probe(void)
{
	fgt_stack_len = stack_trace_save(fgt_stack, ARRAY_SIZE(fgt_stack), 0);
	barrier();
	return 0;
}

static noinline int fgt_stack_caller(void)
{
	int r = fgt_stack_probe();

	barrier();
	return r;
}

static void user_init(struct kunit *test, struct fgt_user *u, void *func)
{
	memset(u, 0, sizeof(*u));
	u->func = (unsigned long)func;
	u->gops.entryfunc = fgt_entry;
	u->gops.retfunc = fgt_return;
	KUNIT_ASSERT_EQ(test, ftrace_set_filter_ip(&u->gops.ops, u->func, 0, 1), 0);
}

static void user_free(struct fgt_user *u)
{
	unregister_ftrace_graph(&u->gops);
	ftrace_free_filter(&u->gops.ops);
}

/* Entry and return run once per call; the function's result is intact. */
static void entry_and_return(struct kunit *test)
{
	struct fgt_user u;

	user_init(test, &u, fgt_leaf);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	KUNIT_EXPECT_EQ(test, register_ftrace_graph(&u.gops), -EBUSY);
	KUNIT_EXPECT_EQ(test, fgt_leaf(1), 1 ^ FGT_VALUE);
	KUNIT_EXPECT_EQ(test, fgt_leaf(2), 2 ^ FGT_VALUE);
	KUNIT_EXPECT_EQ(test, u.entries, 2U);
	KUNIT_EXPECT_EQ(test, u.returns, 2U);
	KUNIT_EXPECT_EQ(test, u.data_ok, 2U);
	user_free(&u);
	fgt_leaf(3);
	KUNIT_EXPECT_EQ(test, u.entries, 2U);

	/* A refused entry gets no return. */
	user_init(test, &u, fgt_leaf);
	u.refuse = true;
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	KUNIT_EXPECT_EQ(test, fgt_leaf(4), 4 ^ FGT_VALUE);
	KUNIT_EXPECT_EQ(test, u.entries, 1U);
	KUNIT_EXPECT_EQ(test, u.returns, 0U);
	user_free(&u);
}

/* Data of 1 to FGRAPH_MAX_DATA_SIZE bytes comes back; more is refused. */
static void reserved_data(struct kunit *test)
{
	static const int sizes[] = { 1, 2, 4, 8, 13, FGRAPH_MAX_DATA_SIZE };
	struct fgt_user u;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		user_init(test, &u, fgt_leaf);
		u.data_size = sizes[i];
		KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
		KUNIT_EXPECT_EQ(test, fgt_outer(5), (5 ^ FGT_VALUE) + 1);
		KUNIT_EXPECT_EQ_MSG(test, u.data_ok, 1U, "%d bytes", sizes[i]);
		user_free(&u);
	}
	user_init(test, &u, fgt_leaf);
	u.data_size = FGRAPH_MAX_DATA_SIZE + 1;
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	fgt_leaf(6);
	KUNIT_EXPECT_EQ(test, u.entries, 1U);
	KUNIT_EXPECT_EQ(test, u.returns, 0U);
	user_free(&u);
}

/*
 * Two users of the same call: both see it, with the same depth, and
 * return in the reverse order of entry; a nested call is one deeper.
 */
static void two_users_and_depth(struct kunit *test)
{
	struct fgt_user a, b, outer;

	user_init(test, &a, fgt_leaf);
	user_init(test, &b, fgt_leaf);
	user_init(test, &outer, fgt_outer);
	a.data_size = 3;
	b.data_size = 8;
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&a.gops), 0);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&b.gops), 0);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&outer.gops), 0);
	KUNIT_EXPECT_NE(test, a.gops.idx, b.gops.idx);
	fgt_return_order = 0;
	KUNIT_EXPECT_EQ(test, fgt_outer(7), (7 ^ FGT_VALUE) + 1);
	KUNIT_EXPECT_EQ(test, a.returns, 1U);
	KUNIT_EXPECT_EQ(test, b.returns, 1U);
	KUNIT_EXPECT_EQ(test, a.data_ok, 1U);
	KUNIT_EXPECT_EQ(test, b.data_ok, 1U);
	KUNIT_EXPECT_EQ(test, a.depth, b.depth);
	KUNIT_EXPECT_EQ(test, a.depth, outer.depth + 1);
	/* The leaf's two frames first (either order), the outer call last. */
	KUNIT_EXPECT_EQ(test, fgt_return_order & 0xf, (unsigned long)outer.gops.idx + 1);
	user_free(&outer);
	user_free(&b);
	user_free(&a);
}

/* Unwinders see the real callers, not return_to_handler. */
static void unwinding_sees_callers(struct kunit *test)
{
	struct fgt_user u, p;
	bool caller = false, handler = false;
	unsigned int i;

	user_init(test, &u, fgt_stack_caller);
	user_init(test, &p, fgt_stack_probe);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&p.gops), 0);
	fgt_stack_caller();
	KUNIT_EXPECT_EQ(test, u.returns, 1U);
	KUNIT_EXPECT_EQ(test, p.returns, 1U);
	for (i = 0; i < fgt_stack_len; i++) {
		if (fgt_stack[i] - (unsigned long)fgt_stack_caller < 0x80)
			caller = true;
		if (fgt_stack[i] == (unsigned long)return_to_handler)
			handler = true;
	}
	KUNIT_EXPECT_TRUE(test, caller);
	KUNIT_EXPECT_FALSE(test, handler);
	user_free(&p);
	user_free(&u);
}

/* pause_graph_tracing() keeps the task's calls out. */
static void pause_stops_entries(struct kunit *test)
{
	struct fgt_user u;

	user_init(test, &u, fgt_leaf);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	pause_graph_tracing();
	fgt_leaf(8);
	unpause_graph_tracing();
	KUNIT_EXPECT_EQ(test, u.entries, 0U);
	fgt_leaf(9);
	KUNIT_EXPECT_EQ(test, u.entries, 1U);
	user_free(&u);
}

/* A hooked call that outlives its user still returns, without it. */
static DECLARE_COMPLETION(fgt_in_call);
static DECLARE_COMPLETION(fgt_go_on);

static noinline int fgt_blocking(void *unused)
{
	complete(&fgt_in_call);
	wait_for_completion(&fgt_go_on);
	return 0;
}

static int fgt_thread(void *arg)
{
	int r = fgt_blocking(arg);

	*(int *)arg = r + 1;
	while (!kthread_should_stop())
		usleep_range(1000, 2000);
	return 0;
}

static void user_leaves_during_call(struct kunit *test)
{
	struct task_struct *t;
	struct fgt_user u;
	int done = 0;

	reinit_completion(&fgt_in_call);
	reinit_completion(&fgt_go_on);
	user_init(test, &u, fgt_blocking);
	KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
	t = kthread_run(fgt_thread, &done, "fgraph_kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wait_for_completion(&fgt_in_call);
	user_free(&u);
	complete(&fgt_go_on);
	while (!READ_ONCE(done))
		usleep_range(1000, 2000);
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, done, 1);
	KUNIT_EXPECT_EQ(test, u.entries, 1U);
	KUNIT_EXPECT_EQ(test, u.returns, 0U);
}

/* FGRAPH_ARRAY_SIZE users at most. */
static void users_are_limited(struct kunit *test)
{
	struct fgt_user *u;
	int i, n = 0, ret = 0;

	u = kunit_kcalloc(test, FGRAPH_ARRAY_SIZE + 1, sizeof(*u), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, u);
	for (i = 0; i <= FGRAPH_ARRAY_SIZE; i++) {
		user_init(test, &u[i], fgt_leaf);
		ret = register_ftrace_graph(&u[i].gops);
		if (ret)
			break;
		n++;
	}
	/* Users outside this test may hold slots. */
	KUNIT_EXPECT_EQ(test, ret, -EBUSY);
	KUNIT_EXPECT_LE(test, n, FGRAPH_ARRAY_SIZE);
	KUNIT_EXPECT_GT(test, n, 0);
	fgt_leaf(10);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, u[i].returns, 1U);
		user_free(&u[i]);
	}
	ftrace_free_filter(&u[n].gops.ops);
}

static unsigned int fgt_kret_hits;
static unsigned long fgt_kret_value;

static int fgt_kret_handler(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	fgt_kret_hits++;
	fgt_kret_value = regs_return_value(regs);
	return 0;
}

/* A kretprobe and fgraph hook the same return, registered in either order. */
static void kretprobe_and_graph(struct kunit *test)
{
	struct kretprobe rp;
	struct fgt_user u;
	int order;

	if (!IS_ENABLED(CONFIG_KRETPROBES))
		kunit_skip(test, "no kretprobes");
	for (order = 0; order < 2; order++) {
		memset(&rp, 0, sizeof(rp));
		rp.kp.addr = (kprobe_opcode_t *)fgt_leaf;
		rp.handler = fgt_kret_handler;
		rp.maxactive = 4;
		fgt_kret_hits = 0;
		user_init(test, &u, fgt_leaf);
		if (order) {
			KUNIT_ASSERT_EQ(test, register_kretprobe(&rp), 0);
			KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
		} else {
			KUNIT_ASSERT_EQ(test, register_ftrace_graph(&u.gops), 0);
			KUNIT_ASSERT_EQ(test, register_kretprobe(&rp), 0);
		}
		KUNIT_EXPECT_EQ(test, fgt_outer(11), (11 ^ FGT_VALUE) + 1);
		KUNIT_EXPECT_EQ(test, fgt_outer(12), (12 ^ FGT_VALUE) + 1);
		unregister_kretprobe(&rp);
		user_free(&u);
		KUNIT_EXPECT_EQ_MSG(test, fgt_kret_hits, 2U, "order %d", order);
		KUNIT_EXPECT_EQ(test, fgt_kret_value, 12 ^ FGT_VALUE);
		KUNIT_EXPECT_EQ_MSG(test, u.returns, 2U, "order %d", order);
	}
}

static struct kunit_case fgraph_cases[] = {
	KUNIT_CASE(entry_and_return),
	KUNIT_CASE(reserved_data),
	KUNIT_CASE(two_users_and_depth),
	KUNIT_CASE(unwinding_sees_callers),
	KUNIT_CASE(pause_stops_entries),
	KUNIT_CASE(user_leaves_during_call),
	KUNIT_CASE(users_are_limited),
	KUNIT_CASE(kretprobe_and_graph),
	{}
};

static struct kunit_suite fgraph_suite = {
	.name		= "fgraph",
	.test_cases	= fgraph_cases,
};

kunit_test_suite(fgraph_suite);
