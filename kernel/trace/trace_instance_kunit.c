// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the parts of instances (trace_instance.c): every part of
 * an instance is set up once and freed once, on mkdir and rmdir, when a
 * later part fails, and when a part comes or goes while instances exist.
 *
 * The tests register a part of their own in the TRACE_PART_KUNIT slot,
 * which counts its calls per instance, and remove it and every instance
 * they made before they end.
 */
#include <kunit/test.h>
#include <linux/security.h>
#include <linux/string.h>

#include "trace_priv.h"

#define KT_MAX	8

/* Calls of the test part's hooks, per instance. */
static struct kt_calls {
	struct trace_array	*tr;	/* valid while the instance lives */
	char			name[16];
	int			init;
	int			free;
	int			files;
} calls[KT_MAX];

static struct kt_calls *kt_calls_of(struct trace_array *tr)
{
	int i;

	for (i = 0; i < KT_MAX; i++) {
		if (calls[i].tr == tr)
			return &calls[i];
		if (!calls[i].tr) {
			calls[i].tr = tr;
			return &calls[i];
		}
	}
	return &calls[KT_MAX - 1];
}

static struct kt_calls *kt_calls_named(const char *name)
{
	int i;

	for (i = 0; i < KT_MAX && calls[i].tr; i++)
		if (!strcmp(calls[i].name, name))
			return &calls[i];
	return NULL;
}

static int kt_init(struct trace_array *tr)
{
	struct kt_calls *c;

	if (tr->name && !strcmp(tr->name, "kt_fail"))
		return -ENOSPC;
	c = kt_calls_of(tr);
	strscpy(c->name, tr->name ?: "", sizeof(c->name));
	c->init++;
	return 0;
}

static void kt_free(struct trace_array *tr)
{
	kt_calls_of(tr)->free++;
}

static void kt_create_files(struct trace_array *tr, struct dentry *dir)
{
	kt_calls_of(tr)->files++;
}

static const struct trace_part kt_part = {
	.name		= "kunit",
	.id		= TRACE_PART_KUNIT,
	.init		= kt_init,
	.free		= kt_free,
	.create_files	= kt_create_files,
};

static int kt_setup(struct kunit *test)
{
	/* Under lockdown=confidentiality no instance can be made. */
	if (security_locked_down(LOCKDOWN_TRACEFS))
		kunit_skip(test, "tracefs is locked down");
	memset(calls, 0, sizeof(calls));
	return 0;
}

/* mkdir sets every part up once, rmdir frees each once. */
static void mkdir_rmdir_once(struct kunit *test)
{
	static const char *const names[] = { "kt_a", "kt_b", "kt_c" };
	struct kt_calls *c;
	int i, round;

	KUNIT_ASSERT_EQ(test, trace_part_register(&kt_part), 0);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < ARRAY_SIZE(names); i++)
			KUNIT_EXPECT_EQ(test, trace_instance_new(names[i]), 0);
		for (i = 0; i < ARRAY_SIZE(names); i++) {
			c = kt_calls_named(names[i]);
			KUNIT_ASSERT_NOT_NULL(test, c);
			KUNIT_EXPECT_EQ(test, c->init, 1);
			KUNIT_EXPECT_EQ(test, c->files, 1);
			KUNIT_EXPECT_EQ(test, c->free, 0);
			/* Every registered part is set up in it. */
			KUNIT_EXPECT_EQ(test, c->tr->parts,
					trace_top.parts | BIT(TRACE_PART_KUNIT));
			KUNIT_EXPECT_EQ(test, trace_instance_new(names[i]), -EEXIST);
		}
		for (i = 0; i < ARRAY_SIZE(names); i++) {
			c = kt_calls_named(names[i]);
			KUNIT_ASSERT_NOT_NULL(test, c);
			KUNIT_EXPECT_EQ(test, trace_instance_remove(names[i]), 0);
			KUNIT_EXPECT_EQ(test, c->free, 1);
		}
		memset(calls, 0, sizeof(calls));
	}
	KUNIT_EXPECT_EQ(test, trace_instance_remove("kt_a"), -ENODEV);
	trace_part_unregister(&kt_part);
}

/* A part whose init fails: no instance, and the name is free again. */
static void failed_part_unwinds(struct kunit *test)
{
	unsigned long top_parts = trace_top.parts;

	KUNIT_ASSERT_EQ(test, trace_part_register(&kt_part), 0);
	KUNIT_EXPECT_EQ(test, trace_instance_new("kt_fail"), -ENOSPC);
	KUNIT_EXPECT_EQ(test, trace_instance_remove("kt_fail"), -ENODEV);
	KUNIT_EXPECT_EQ(test, trace_instance_new("kt_fail"), -ENOSPC);
	KUNIT_EXPECT_NULL(test, kt_calls_named("kt_fail"));
	trace_part_unregister(&kt_part);
	/* The top instance had it, and lost it with the part. */
	KUNIT_EXPECT_EQ(test, kt_calls_of(&trace_top)->init, 1);
	KUNIT_EXPECT_EQ(test, kt_calls_of(&trace_top)->free, 1);
	KUNIT_EXPECT_EQ(test, trace_top.parts, top_parts);
}

/* A part that comes and goes while an instance exists. */
static void late_part_joins_and_leaves(struct kunit *test)
{
	struct kt_calls *c;

	KUNIT_ASSERT_EQ(test, trace_instance_new("kt_late"), 0);
	KUNIT_ASSERT_EQ(test, trace_part_register(&kt_part), 0);
	KUNIT_EXPECT_EQ(test, trace_part_register(&kt_part), -EBUSY);
	c = kt_calls_named("kt_late");
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->init, 1);
	KUNIT_EXPECT_EQ(test, c->files, 1);
	trace_part_unregister(&kt_part);
	KUNIT_EXPECT_EQ(test, c->free, 1);
	KUNIT_EXPECT_FALSE(test, c->tr->parts & BIT(TRACE_PART_KUNIT));
	/* Removing the instance does not free the part again. */
	KUNIT_EXPECT_EQ(test, trace_instance_remove("kt_late"), 0);
	KUNIT_EXPECT_EQ(test, c->free, 1);
}

/* An option bit has one owner. */
static void option_bits_have_one_owner(struct kunit *test)
{
	static const struct trace_option dup[] = {
		{ "kt-overwrite", TRACE_OPT_OVERWRITE_BIT },
	};
	static const struct trace_option bad[] = {
		{ "kt-bad", TRACE_OPT_NR },
	};
	static const struct trace_part dup_part = {
		.name = "kt-dup", .id = TRACE_PART_KUNIT, .opts = dup, .nr_opts = 1,
	};
	static const struct trace_part bad_part = {
		.name = "kt-bad", .id = TRACE_PART_KUNIT, .opts = bad, .nr_opts = 1,
	};

	KUNIT_EXPECT_EQ(test, trace_part_register(&dup_part), -EINVAL);
	KUNIT_EXPECT_EQ(test, trace_part_register(&bad_part), -EINVAL);
	/* New instances take the owners' defaults. */
	KUNIT_ASSERT_EQ(test, trace_instance_new("kt_opts"), 0);
	KUNIT_ASSERT_EQ(test, trace_part_register(&kt_part), 0);
	KUNIT_EXPECT_TRUE(test, kt_calls_named("kt_opts")->tr->flags &
			  TRACE_OPT_OVERWRITE);
	KUNIT_EXPECT_FALSE(test, kt_calls_named("kt_opts")->tr->flags &
			   TRACE_OPT_RECORD_TGID);
	trace_part_unregister(&kt_part);
	KUNIT_EXPECT_EQ(test, trace_instance_remove("kt_opts"), 0);
}

static struct kunit_case parts_cases[] = {
	KUNIT_CASE(mkdir_rmdir_once),
	KUNIT_CASE(failed_part_unwinds),
	KUNIT_CASE(late_part_joins_and_leaves),
	KUNIT_CASE(option_bits_have_one_owner),
	{ }
};

static struct kunit_suite parts_suite = {
	.name		= "trace_instance_parts",
	.init		= kt_setup,
	.test_cases	= parts_cases,
};

kunit_test_suite(parts_suite);
