// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the function-tracing core: sets of functions, glob
 * matching, ops registration (one ops, several, IPMODIFY exclusion), the
 * choice of trampoline and kprobes at function entry going through
 * ftrace_ops.
 */
#include <kunit/test.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "ftrace_internal.h"

static void hash_is_sorted_set(struct kunit *test)
{
	unsigned long ips[] = { 30, 10, 20, 10, 30 };
	struct ftrace_hash *h = ftrace_hash_build(ips, ARRAY_SIZE(ips));

	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(h));
	KUNIT_EXPECT_EQ(test, h->count, 3U);
	KUNIT_EXPECT_EQ(test, h->ips[0], 10UL);
	KUNIT_EXPECT_EQ(test, h->ips[2], 30UL);
	KUNIT_EXPECT_TRUE(test, ftrace_hash_has(h, 20));
	KUNIT_EXPECT_FALSE(test, ftrace_hash_has(h, 25));
	KUNIT_EXPECT_FALSE(test, ftrace_hash_has(NULL, 10));
	KUNIT_EXPECT_NULL(test, ftrace_hash_build(ips, 0));
	kvfree(h);
}

static unsigned int count_matches(struct kunit *test, const char *glob)
{
	unsigned long *ips;
	unsigned int n;

	mutex_lock(&ftrace_lock);
	KUNIT_EXPECT_EQ(test, ftrace_match_glob(glob, NULL, &ips, &n), 0);
	mutex_unlock(&ftrace_lock);
	kvfree(ips);
	return n;
}

static void globs_match_sites(struct kunit *test)
{
	unsigned long ip = ftrace_location((unsigned long)ftrace_selftest_target);
	unsigned long *ips;
	unsigned int n;

	KUNIT_EXPECT_EQ(test, ftrace_location(ip), ip);
	KUNIT_EXPECT_EQ(test, count_matches(test, "ftrace_selftest_target"), 1U);
	KUNIT_EXPECT_EQ(test, count_matches(test, "ftrace_selftest_targe?"), 1U);
	KUNIT_EXPECT_EQ(test, count_matches(test, "*race_selftest_t[a-c]rget"), 1U);
	KUNIT_EXPECT_EQ(test, count_matches(test, "no_such_function_at_all"), 0U);
	/* Untraced code (kernel/trace itself) has no site. */
	KUNIT_EXPECT_EQ(test, count_matches(test, "ftrace_match_glob"), 0U);
	KUNIT_EXPECT_EQ(test, ftrace_location((unsigned long)ftrace_match_glob), 0UL);
	KUNIT_EXPECT_GT(test, count_matches(test, "*"), 1000U);
	mutex_lock(&ftrace_lock);
	KUNIT_EXPECT_EQ(test, ftrace_match_glob("ftrace_selftest_target", NULL,
						&ips, &n), 0);
	mutex_unlock(&ftrace_lock);
	KUNIT_ASSERT_EQ(test, n, 1U);
	KUNIT_EXPECT_EQ(test, ips[0], ip);
	kvfree(ips);
}

struct counter {
	struct ftrace_ops	ops;
	unsigned int		hits;
	unsigned long		last_parent;
	bool			had_regs;
};

static void count_call(unsigned long ip, unsigned long parent_ip,
		       struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct counter *c = container_of(op, struct counter, ops);

	if (ftrace_is_selftest_site(ip)) {
		c->hits++;
		c->last_parent = parent_ip;
		c->had_regs = ftrace_get_regs(fregs);
	}
}

static struct counter *new_counter(struct kunit *test, unsigned long flags)
{
	struct counter *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->ops.func = count_call;
	c->ops.flags = flags | FTRACE_OPS_FL_RECURSION;
	ret = ftrace_set_filter_ip(&c->ops, (unsigned long)ftrace_selftest_target,
				   0, 1);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return c;
}

static void one_and_two_ops(struct kunit *test)
{
	struct counter *a = new_counter(test, 0), *b = new_counter(test, 0);
	unsigned long size, off;

	KUNIT_ASSERT_EQ(test, register_ftrace_function(&a->ops), 0);
	KUNIT_EXPECT_EQ(test, register_ftrace_function(&a->ops), -EBUSY);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 1U);
	/* The parent is this function. */
	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(a->last_parent,
							    &size, &off));
	KUNIT_EXPECT_EQ(test, a->last_parent - off, (unsigned long)one_and_two_ops);
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&b->ops), 0);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 2U);
	KUNIT_EXPECT_EQ(test, b->hits, 1U);
	KUNIT_EXPECT_EQ(test, unregister_ftrace_function(&a->ops), 0);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 2U);
	KUNIT_EXPECT_EQ(test, b->hits, 2U);
	KUNIT_EXPECT_EQ(test, unregister_ftrace_function(&b->ops), 0);
	KUNIT_EXPECT_EQ(test, unregister_ftrace_function(&b->ops), -EINVAL);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, b->hits, 2U);
	ftrace_free_filter(&a->ops);
	ftrace_free_filter(&b->ops);
}

static void filter_changes_while_registered(struct kunit *test)
{
	struct counter *a = new_counter(test, 0);
	unsigned long ip = ftrace_location((unsigned long)ftrace_selftest_target);
	unsigned char name[] = "ftrace_selftest_target";
	unsigned char bad[] = "no_such_function";
	struct ftrace_site *s;

	KUNIT_ASSERT_EQ(test, register_ftrace_function(&a->ops), 0);
	mutex_lock(&ftrace_lock);
	s = ftrace_find_site(ip, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_TRUE(test, s->flags & SITE_ENABLED);
	KUNIT_EXPECT_EQ(test, s->flags & SITE_REF_MASK, 1U);
	mutex_unlock(&ftrace_lock);
	/* A notrace entry beats the filter. */
	KUNIT_EXPECT_EQ(test, ftrace_set_notrace(&a->ops, name, strlen(name), 1), 0);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 0U);
	mutex_lock(&ftrace_lock);
	KUNIT_EXPECT_FALSE(test, s->flags & SITE_ENABLED);
	KUNIT_EXPECT_TRUE(test, s->flags & SITE_TOUCHED);
	mutex_unlock(&ftrace_lock);
	KUNIT_EXPECT_EQ(test, ftrace_set_notrace(&a->ops, NULL, 0, 1), 0);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 1U);
	KUNIT_EXPECT_EQ(test, ftrace_set_filter(&a->ops, bad, strlen(bad), 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ftrace_set_filter_ip(&a->ops, ip + 1, 0, 0), -EINVAL);
	unregister_ftrace_function(&a->ops);
	ftrace_free_filter(&a->ops);
}

static void ipmodify_is_exclusive(struct kunit *test)
{
	unsigned long fl = FTRACE_OPS_FL_IPMODIFY | FTRACE_OPS_FL_SAVE_REGS;
	struct counter *a = new_counter(test, fl), *b = new_counter(test, fl);
	struct counter *c = new_counter(test, FTRACE_OPS_FL_IPMODIFY);

	/* IPMODIFY implies the regs. */
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&c->ops), 0);
	KUNIT_EXPECT_TRUE(test, c->ops.flags & FTRACE_OPS_FL_SAVE_REGS);
	KUNIT_EXPECT_EQ(test, register_ftrace_function(&a->ops), -EBUSY);
	unregister_ftrace_function(&c->ops);
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&a->ops), 0);
	KUNIT_EXPECT_EQ(test, register_ftrace_function(&b->ops), -EBUSY);
	unregister_ftrace_function(&a->ops);
	KUNIT_EXPECT_EQ(test, register_ftrace_function(&b->ops), 0);
	unregister_ftrace_function(&b->ops);
	ftrace_free_filter(&a->ops);
	ftrace_free_filter(&b->ops);
	ftrace_free_filter(&c->ops);
}

/* What the site at @ip calls: 0 for anything but a call. */
static unsigned long site_calls(unsigned long ip)
{
	u8 insn[MCOUNT_INSN_SIZE];
	s32 rel;

	if (copy_from_kernel_nofault(insn, (void *)ip, sizeof(insn)) ||
	    insn[0] != 0xe8)
		return 0;
	memcpy(&rel, insn + 1, sizeof(rel));
	return ip + MCOUNT_INSN_SIZE + rel;
}

/*
 * A site calls the trampoline that saves pt_regs only while an ops that
 * asks for them wants it; the others get no pt_regs.
 */
static void regs_only_where_asked(struct kunit *test)
{
	unsigned long ip = ftrace_location((unsigned long)ftrace_selftest_target);
	struct counter *a = new_counter(test, 0);
	struct counter *b = new_counter(test, FTRACE_OPS_FL_SAVE_REGS);

	KUNIT_EXPECT_EQ(test, site_calls(ip), 0UL);
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&a->ops), 0);
	KUNIT_EXPECT_EQ(test, site_calls(ip), FTRACE_ADDR);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 1U);
	KUNIT_EXPECT_FALSE(test, a->had_regs);
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&b->ops), 0);
	KUNIT_EXPECT_EQ(test, site_calls(ip), FTRACE_REGS_ADDR);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 2U);
	KUNIT_EXPECT_EQ(test, b->hits, 1U);
	KUNIT_EXPECT_TRUE(test, a->had_regs);
	KUNIT_EXPECT_TRUE(test, b->had_regs);
	unregister_ftrace_function(&a->ops);
	/* b alone: called directly, still with the regs. */
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, b->hits, 2U);
	KUNIT_EXPECT_TRUE(test, b->had_regs);
	KUNIT_ASSERT_EQ(test, register_ftrace_function(&a->ops), 0);
	unregister_ftrace_function(&b->ops);
	KUNIT_EXPECT_EQ(test, site_calls(ip), FTRACE_ADDR);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, a->hits, 3U);
	KUNIT_EXPECT_FALSE(test, a->had_regs);
	unregister_ftrace_function(&a->ops);
	KUNIT_EXPECT_EQ(test, site_calls(ip), 0UL);
	ftrace_free_filter(&a->ops);
	ftrace_free_filter(&b->ops);
}

#ifdef CONFIG_KPROBES_ON_FTRACE
static unsigned int kp_hits;
static unsigned long kp_ip;

static int kp_pre(struct kprobe *p, struct pt_regs *regs)
{
	kp_hits++;
	kp_ip = regs->ip;
	return 0;
}

/* A kprobe at a function's entry is armed through our ftrace_ops API. */
static void kprobe_uses_ftrace(struct kunit *test)
{
	unsigned long ip = ftrace_location((unsigned long)ftrace_selftest_target);
	struct kprobe kp = { .addr = (void *)ip, .pre_handler = kp_pre };
	struct ftrace_site *s;

	kp_hits = 0;
	KUNIT_ASSERT_EQ(test, register_kprobe(&kp), 0);
	KUNIT_EXPECT_TRUE(test, kprobe_ftrace(&kp));
	mutex_lock(&ftrace_lock);
	s = ftrace_find_site(ip, NULL);
	KUNIT_EXPECT_TRUE(test, s && (s->flags & SITE_ENABLED) &&
			  (s->flags & SITE_REGS));
	mutex_unlock(&ftrace_lock);
	KUNIT_EXPECT_EQ(test, site_calls(ip), FTRACE_REGS_ADDR);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, kp_hits, 1U);
	/* The handler sees the ip an int3 at the function would give. */
	KUNIT_EXPECT_EQ(test, kp_ip, ip + 1);
	unregister_kprobe(&kp);
	ftrace_selftest_target();
	KUNIT_EXPECT_EQ(test, kp_hits, 1U);
	mutex_lock(&ftrace_lock);
	KUNIT_EXPECT_FALSE(test, s && (s->flags & SITE_ENABLED));
	mutex_unlock(&ftrace_lock);
}
#endif

static struct kunit_case ftrace_cases[] = {
	KUNIT_CASE(hash_is_sorted_set),
	KUNIT_CASE(globs_match_sites),
	KUNIT_CASE(one_and_two_ops),
	KUNIT_CASE(filter_changes_while_registered),
	KUNIT_CASE(ipmodify_is_exclusive),
	KUNIT_CASE(regs_only_where_asked),
#ifdef CONFIG_KPROBES_ON_FTRACE
	KUNIT_CASE(kprobe_uses_ftrace),
#endif
	{}
};

static struct kunit_suite ftrace_suite = {
	.name = "ftrace_core",
	.test_cases = ftrace_cases,
};

kunit_test_suite(ftrace_suite);
