// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the event filter: parsing, error texts and positions,
 * and matching records, on an event of the test's own that no
 * tracepoint ever writes.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

struct kt_rec {
	struct trace_entry	ent;
	int			a;
	unsigned int		b;
	s8			neg;
	char			name[8];
	u32			dyn;		/* __data_loc char[] */
	char			dyn_data[8];
	unsigned long		site;		/* a code address */
};

static struct trace_event_class kt_class = {
	.system	= "kunit",
	.fields	= LIST_HEAD_INIT(kt_class.fields),
};

static struct trace_event_call kt_call = {
	.class	= &kt_class,
	.name	= "kt_event",
};

static struct kt_rec rec;

/* The fields of kt_rec, as the event's class would define them. */
static const struct {
	const char	*type;
	const char	*name;
	int		offset;
	int		size;
	int		is_signed;
	int		filter_type;
} kt_fields[] = {
	{ "int", "a", offsetof(struct kt_rec, a), 4, 1, FILTER_OTHER },
	{ "unsigned int", "b", offsetof(struct kt_rec, b), 4, 0, FILTER_OTHER },
	{ "s8", "neg", offsetof(struct kt_rec, neg), 1, 1, FILTER_OTHER },
	{ "char[8]", "name", offsetof(struct kt_rec, name), 8, 0,
	  FILTER_STATIC_STRING },
	{ "__data_loc char[]", "dyn", offsetof(struct kt_rec, dyn), 4, 0,
	  FILTER_OTHER },
	{ "unsigned long", "site", offsetof(struct kt_rec, site), 8, 0,
	  FILTER_OTHER },
};

static int kt_init(struct kunit *test)
{
	bool first = list_empty(&kt_class.fields);
	unsigned int i;

	for (i = 0; first && i < ARRAY_SIZE(kt_fields); i++)
		KUNIT_ASSERT_EQ(test, 0,
				trace_define_field(&kt_call, kt_fields[i].type,
						   kt_fields[i].name,
						   kt_fields[i].offset,
						   kt_fields[i].size,
						   kt_fields[i].is_signed,
						   kt_fields[i].filter_type));
	memset(&rec, 0, sizeof(rec));
	rec.ent.pid = 42;
	rec.a = 5;
	rec.b = 0x14;
	rec.neg = -2;
	strscpy(rec.name, "foo", sizeof(rec.name));
	strscpy(rec.dyn_data, "hello", sizeof(rec.dyn_data));
	rec.dyn = sizeof(rec.dyn_data) << 16 | offsetof(struct kt_rec, dyn_data);
	/* An address inside trace_filter_match(), not its start. */
	rec.site = (unsigned long)trace_filter_match + 1;
	return 0;
}

/* The filter's verdict on rec, or -1 when it does not parse. */
static int verdict(struct kunit *test, const char *expr)
{
	struct event_filter *f;
	const char *text;
	int pos, ret;

	f = trace_filter_parse(&kt_call, expr, &text, &pos);
	if (IS_ERR(f)) {
		KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(f), -EINVAL, "%s", expr);
		return -1;
	}
	ret = trace_filter_match(f, &rec);
	trace_filter_free(f);
	return ret;
}

static void numbers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a == 5"));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "a == 6"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a != 6"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a > -3"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a<=5"));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "a < 5"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "b > 0x10"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "b >= 20"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "b & 4"));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "b & 3"));
	/* A signed byte compares as negative; unsigned fields do not. */
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "neg < 0"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "neg == -2"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "common_pid == 42"));
}

static void strings(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name == \"foo\""));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name == foo"));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "name == fo"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name != 'bar'"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name ~ \"f*\""));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name == \"?o[a-o]\""));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "name ~ \"*x*\""));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "dyn == hello"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "dyn ~ \"*ll*\""));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "name == \"a b\" || a == 5"));
}

static void logic(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "!(a == 5)"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "!(a == 5) || b == 0x14"));
	/* && binds tighter than ||. */
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a == 1 || a == 5 && b == 0x14"));
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "(a == 1 || a == 5) && b == 1"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "((((a == 5))))"));
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "a == 5 && !name ~ \"x*\" && b != 0"));
}

/* FIELD.function: the field is an address inside the named function. */
static void functions(struct kunit *test)
{
	char *expr = kunit_kzalloc(test, 64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, expr);
	KUNIT_EXPECT_EQ(test, 1,
			verdict(test, "site.function == trace_filter_match"));
	KUNIT_EXPECT_EQ(test, 0,
			verdict(test, "site.function != trace_filter_match"));
	KUNIT_EXPECT_EQ(test, 0,
			verdict(test, "site.function == trace_filter_parse"));
	snprintf(expr, 64, "site.function == 0x%lx",
		 (unsigned long)trace_filter_match);
	KUNIT_EXPECT_EQ(test, 1, verdict(test, expr));
	/* The plain field is still the number. */
	KUNIT_EXPECT_EQ(test, 0, verdict(test, "site == 0"));
}

/* Errors: the text and the caret position error_log shows. */
static void expect_error(struct kunit *test, const char *expr,
			 const char *want, int want_pos)
{
	struct event_filter *f;
	const char *text = NULL;
	int pos = -1;

	f = trace_filter_parse(&kt_call, expr, &text, &pos);
	KUNIT_ASSERT_TRUE_MSG(test, IS_ERR(f), "%s parsed", expr);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EINVAL);
	KUNIT_EXPECT_STREQ_MSG(test, text, want, "%s", expr);
	KUNIT_EXPECT_EQ_MSG(test, pos, want_pos, "%s", expr);
}

static void errors(struct kunit *test)
{
	char *deep, *many;
	int i;

	expect_error(test, "a = 5", "Invalid operator", 2);
	expect_error(test, "a && 5", "Invalid operator", 2);
	/* As upstream: an unknown field is reported at its operator. */
	expect_error(test, "(a >= 1) || dsig == 17", "Field not found", 17);
	expect_error(test, "(a == 1", "Too many '('", 7);
	expect_error(test, "a == 1)", "Too few '('", 6);
	expect_error(test, "name > 1", "Illegal operation for field type", 5);
	expect_error(test, "a ~ 1", "Illegal operation for field type", 2);
	expect_error(test, "a == x1", "Illegal integer value", 5);
	expect_error(test, "a == \"1\"", "Expecting numeric field", 5);
	expect_error(test, "name == \"abc", "Missing matching quote", 8);
	expect_error(test, "", "Meaningless filter expression", 0);
	expect_error(test, "a == 1 b", "Meaningless filter expression", 7);
	/* FIELD.function: a long field, == or !=, a function (upstream's). */
	expect_error(test, "a.function == vfs_read",
		     "Illegal operation for field type", 15);
	expect_error(test, "site.function < vfs_read", "Invalid operator", 17);
	expect_error(test, "site.function == no_such_function_x",
		     "Function not found", 35);
	expect_error(test, "site.function == 0x1z",
		     "Invalid value (did you forget quotes)?", 21);
	expect_error(test, "nope.function == vfs_read", "Field not found", 5);

	deep = kunit_kzalloc(test, 128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, deep);
	for (i = 0; i < 40; i++)
		deep[i] = '(';
	strcat(deep, "a == 1");
	expect_error(test, deep, "Too many '('", 32);

	/* Each "!" is a level of nesting too: no unbounded recursion. */
	memset(deep, '!', 40);
	deep[40] = '\0';
	strcat(deep, "a == 1");
	expect_error(test, deep, "Too many '('", 32);
	KUNIT_EXPECT_EQ(test, 1, verdict(test, "!!!!a == 1 || a == 5"));

	many = kunit_kzalloc(test, 300 * 12, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, many);
	strscpy(many, "a == 1", 300 * 12);
	for (i = 0; i < 300; i++)
		strcat(many, " || a == 1");
	KUNIT_EXPECT_EQ(test, -1, verdict(test, many));
}

static struct kunit_case kt_cases[] = {
	KUNIT_CASE(numbers),
	KUNIT_CASE(strings),
	KUNIT_CASE(logic),
	KUNIT_CASE(functions),
	KUNIT_CASE(errors),
	{ }
};

static struct kunit_suite kt_suite = {
	.name		= "trace_event_filter",
	.init		= kt_init,
	.test_cases	= kt_cases,
};

kunit_test_suite(kt_suite);
