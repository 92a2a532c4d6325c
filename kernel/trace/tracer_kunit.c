// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of tracer registration and tracer switching.
 *
 * The tests register short-lived tracers of their own on the global
 * instance and always leave it on nop with tracing_on as they found it.
 */
#include <kunit/test.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "trace_priv.h"

static int init_calls, reset_calls, start_calls, stop_calls;

static int kt_init(struct trace_array *tr)
{
	init_calls++;
	return 0;
}

static void kt_reset(struct trace_array *tr)
{
	reset_calls++;
}

static void kt_start(struct trace_array *tr)
{
	start_calls++;
}

static void kt_stop(struct trace_array *tr)
{
	stop_calls++;
}

static int kt_init_fails(struct trace_array *tr)
{
	return -ENOMEM;
}

static int kt_selftest_fails(struct tracer *t, struct trace_array *tr)
{
	return -EIO;
}

static int selftest_saw_current;

static int kt_selftest_ok(struct tracer *t, struct trace_array *tr)
{
	selftest_saw_current = tr->current_trace == t;
	return 0;
}

static bool listed(struct kunit *test, const char *name)
{
	struct seq_file m = { };
	char *p, *tok;
	bool found = false;

	m.size = PAGE_SIZE;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	tracer_show_available(&m, NULL);
	KUNIT_EXPECT_LT(test, m.count, m.size);
	KUNIT_EXPECT_EQ(test, m.buf[m.count - 1], '\n');
	m.buf[m.count - 1] = '\0';
	p = m.buf;
	while ((tok = strsep(&p, " ")))
		found |= !strcmp(tok, name);
	return found;
}

static void current_is(struct kunit *test, const char *name)
{
	mutex_lock(&trace_types_lock);
	KUNIT_EXPECT_STREQ(test, trace_top.current_trace->name, name);
	mutex_unlock(&trace_types_lock);
}

static void reset_counts(void)
{
	init_calls = 0;
	reset_calls = 0;
	start_calls = 0;
	stop_calls = 0;
}

static void bad_names_are_refused(struct kunit *test)
{
	char *longname = kunit_kzalloc(test, MAX_TRACER_SIZE + 1, GFP_KERNEL);
	struct tracer empty = { .name = "" }, noname = { };
	struct tracer toolong = { };

	KUNIT_ASSERT_NOT_NULL(test, longname);
	memset(longname, 'x', MAX_TRACER_SIZE);
	toolong.name = longname;
	KUNIT_EXPECT_EQ(test, register_tracer(&empty), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_tracer(&noname), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_tracer(&toolong), -EINVAL);

	/* MAX_TRACER_SIZE - 1 characters is the longest name that fits. */
	longname[MAX_TRACER_SIZE - 1] = '\0';
	KUNIT_EXPECT_EQ(test, register_tracer(&toolong), 0);
	KUNIT_EXPECT_TRUE(test, listed(test, longname));
	unregister_tracer(&toolong);
	KUNIT_EXPECT_FALSE(test, listed(test, longname));
}

static void duplicates_are_refused(struct kunit *test)
{
	struct tracer a = { .name = "kunit_dup" }, b = { .name = "kunit_dup" };
	struct tracer nop2 = { .name = "nop" };

	KUNIT_ASSERT_EQ(test, register_tracer(&a), 0);
	KUNIT_EXPECT_EQ(test, register_tracer(&b), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_tracer(&nop2), -EINVAL);
	unregister_tracer(&a);
	KUNIT_EXPECT_EQ(test, register_tracer(&b), 0);
	unregister_tracer(&b);
}

static void defaults_are_filled_in(struct kunit *test)
{
	struct tracer t = { .name = "kunit_defaults" };

	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	KUNIT_ASSERT_NOT_NULL(test, t.set_flag);
	KUNIT_EXPECT_EQ(test, t.set_flag(&trace_top, 0, 1, 1), 0);
	KUNIT_ASSERT_NOT_NULL(test, t.flags);
	KUNIT_ASSERT_NOT_NULL(test, t.flags->opts);
	KUNIT_EXPECT_NULL(test, t.flags->opts[0].name);
	unregister_tracer(&t);
}

static void newest_is_listed_first(struct kunit *test)
{
	struct tracer t = { .name = "kunit_newest" };
	struct seq_file m = { };

	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	m.size = PAGE_SIZE;
	m.buf = kunit_kzalloc(test, m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	tracer_show_available(&m, NULL);
	KUNIT_EXPECT_EQ(test, strncmp(m.buf, "kunit_newest ", 13), 0);
	unregister_tracer(&t);
}

static void switching_calls_init_and_reset(struct kunit *test)
{
	struct tracer t = { .name = "kunit_switch", .init = kt_init,
			    .reset = kt_reset };

	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	reset_counts();
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "kunit_switch"), 0);
	current_is(test, "kunit_switch");
	KUNIT_EXPECT_EQ(test, init_calls, 1);

	/* Selecting the current tracer again changes nothing. */
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "kunit_switch"), 0);
	KUNIT_EXPECT_EQ(test, init_calls, 1);
	KUNIT_EXPECT_EQ(test, reset_calls, 0);

	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "no_such_tracer"),
			-EINVAL);
	current_is(test, "kunit_switch");

	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "nop"), 0);
	current_is(test, "nop");
	KUNIT_EXPECT_EQ(test, reset_calls, 1);

	/* Unregistering the current tracer falls back to nop. */
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "kunit_switch"), 0);
	unregister_tracer(&t);
	current_is(test, "nop");
	KUNIT_EXPECT_EQ(test, reset_calls, 2);
}

static void failed_init_leaves_nop(struct kunit *test)
{
	struct tracer t = { .name = "kunit_badinit", .init = kt_init_fails };

	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&trace_top, "kunit_badinit"),
			-ENOMEM);
	current_is(test, "nop");
	unregister_tracer(&t);
}

static void instances_need_permission(struct kunit *test)
{
	struct trace_array inst = { .name = "kunit_inst", .on = true };
	struct tracer t = { .name = "kunit_noinst" };

	inst.current_trace = &nop_trace;
	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&inst, "kunit_noinst"), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, inst.current_trace, &nop_trace);
	t.allow_instances = true;
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&inst, "kunit_noinst"), 0);
	KUNIT_EXPECT_PTR_EQ(test, inst.current_trace, &t);
	KUNIT_EXPECT_EQ(test, tracing_set_tracer(&inst, "nop"), 0);
	unregister_tracer(&t);
}

static void boot_tracer_starts_on_registration(struct kunit *test)
{
	struct tracer t = { .name = "kunit_boot", .init = kt_init };

	reset_counts();
	tracer_set_boot_name("kunit_boot");
	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	current_is(test, "kunit_boot");
	KUNIT_EXPECT_EQ(test, init_calls, 1);
	mutex_lock(&trace_types_lock);
	KUNIT_EXPECT_NULL(test, tracer_boot_name());
	mutex_unlock(&trace_types_lock);
	unregister_tracer(&t);
	current_is(test, "nop");

	/* A boot name that does not match leaves the current tracer alone. */
	tracer_set_boot_name("kunit_other");
	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	current_is(test, "nop");
	unregister_tracer(&t);
	tracer_set_boot_name(NULL);
}

static void selftests_gate_registration(struct kunit *test)
{
	struct tracer bad = { .name = "kunit_selftest_bad",
			      .selftest = kt_selftest_fails };
	struct tracer good = { .name = "kunit_selftest_ok",
			       .selftest = kt_selftest_ok };

	if (!IS_ENABLED(CONFIG_FTRACE_STARTUP_TEST))
		kunit_skip(test, "CONFIG_FTRACE_STARTUP_TEST is not set");

	selftest_saw_current = 0;
	KUNIT_EXPECT_EQ(test, register_tracer(&good), 0);
	KUNIT_EXPECT_TRUE(test, selftest_saw_current);
	KUNIT_EXPECT_TRUE(test, listed(test, "kunit_selftest_ok"));
	current_is(test, "nop");
	unregister_tracer(&good);

	/* A failing selftest keeps the tracer out. */
	KUNIT_EXPECT_EQ(test, register_tracer(&bad), -EIO);
	KUNIT_EXPECT_FALSE(test, listed(test, "kunit_selftest_bad"));
	current_is(test, "nop");
}

static void tracing_on_switch(struct kunit *test)
{
	struct tracer t = { .name = "kunit_onoff", .start = kt_start,
			    .stop = kt_stop };
	bool was_on = READ_ONCE(trace_top.on);

	KUNIT_ASSERT_EQ(test, register_tracer(&t), 0);
	KUNIT_ASSERT_EQ(test, tracing_set_tracer(&trace_top, "kunit_onoff"), 0);
	reset_counts();
	trace_on_store(&trace_top, true);
	trace_on_store(&trace_top, false);
	KUNIT_EXPECT_FALSE(test, tracing_is_on());
	KUNIT_EXPECT_EQ(test, stop_calls, 1);
	trace_on_store(&trace_top, false);
	KUNIT_EXPECT_EQ(test, stop_calls, 1);
	trace_on_store(&trace_top, true);
	KUNIT_EXPECT_TRUE(test, tracing_is_on());
	KUNIT_EXPECT_EQ(test, start_calls, was_on ? 1 : 2);

	/* tracing_stop() nests and overrides tracing_on. */
	tracing_stop();
	tracing_stop();
	KUNIT_EXPECT_FALSE(test, tracing_is_on());
	tracing_start();
	KUNIT_EXPECT_FALSE(test, tracing_is_on());
	tracing_start();
	KUNIT_EXPECT_TRUE(test, tracing_is_on());

	/* tracing_off()/tracing_on() flip the switch without the hooks. */
	tracing_off();
	KUNIT_EXPECT_FALSE(test, tracing_is_on());
	tracing_on();
	KUNIT_EXPECT_TRUE(test, tracing_is_on());
	KUNIT_EXPECT_EQ(test, stop_calls, 1);

	unregister_tracer(&t);
	trace_on_store(&trace_top, was_on);
}

static struct kunit_case tracer_cases[] = {
	KUNIT_CASE(bad_names_are_refused),
	KUNIT_CASE(duplicates_are_refused),
	KUNIT_CASE(defaults_are_filled_in),
	KUNIT_CASE(newest_is_listed_first),
	KUNIT_CASE(switching_calls_init_and_reset),
	KUNIT_CASE(failed_init_leaves_nop),
	KUNIT_CASE(instances_need_permission),
	KUNIT_CASE(boot_tracer_starts_on_registration),
	KUNIT_CASE(selftests_gate_registration),
	KUNIT_CASE(tracing_on_switch),
	{ }
};

/* The tracer that was current before the suite (a boot tracer, say). */
static struct tracer *saved_tracer;

static int tracer_suite_init(struct kunit_suite *suite)
{
	mutex_lock(&trace_types_lock);
	saved_tracer = trace_top.current_trace;
	mutex_unlock(&trace_types_lock);
	return 0;
}

/*
 * Put the saved tracer back, or, if it was nop, undo the growth of the
 * global buffer that selecting the test tracers caused.
 */
static void tracer_suite_exit(struct kunit_suite *suite)
{
	if (saved_tracer && saved_tracer != &nop_trace) {
		tracing_set_tracer(&trace_top, saved_tracer->name);
		return;
	}
	mutex_lock(&trace_types_lock);
	trace_shrink_buffer(&trace_top);
	mutex_unlock(&trace_types_lock);
}

/* Under lockdown=confidentiality no tracer registers: nothing to test. */
static int tracer_test_init(struct kunit *test)
{
	if (security_locked_down(LOCKDOWN_TRACEFS))
		kunit_skip(test, "tracefs is locked down");
	return 0;
}

static struct kunit_suite tracer_suite = {
	.name = "tracer_registry",
	.init = tracer_test_init,
	.suite_init = tracer_suite_init,
	.suite_exit = tracer_suite_exit,
	.test_cases = tracer_cases,
};

kunit_test_suite(tracer_suite);

MODULE_DESCRIPTION("KUnit tests of tracer registration and switching");
MODULE_LICENSE("GPL");
