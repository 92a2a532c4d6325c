// SPDX-License-Identifier: GPL-2.0
/*
 * Event filters: "events/SYSTEM/EVENT/filter" takes an expression over
 * the event's fields, and records for which it is false are discarded
 * at commit.
 *
 *	expr	:= term { "||" term }
 *	term	:= factor { "&&" factor }
 *	factor	:= "!" factor | "(" expr ")" | FIELD OP VALUE
 *	OP	:= == != < <= > >= &	numbers (& is "any bit in common")
 *	OP	:= == != ~		strings (globs: *, ?, [...])
 *
 * VALUE is a number (decimal, 0x hex, negative) or a string, quoted with
 * " or ' when it has spaces.  FIELD is a field of the event, a common_*
 * field, or CPU and COMM (the CPU and the task writing the record) when
 * the event has no field of that name.  "0" removes the filter.
 *
 * The parser (process context, recursive, nesting bounded) compiles the
 * expression into a postfix program that the writer runs with a bit
 * stack, no recursion and no allocation.  Errors go to error_log with
 * the position they were found at.
 */
#include <linux/ctype.h>
#include <linux/glob.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

#define FILTER_MAX_NEST		32
#define FILTER_MAX_OPS		256	/* the stack never exceeds the nesting */

/* The error texts, in error_log; their order is enum filter_err's. */
static const char * const filter_errs[] = {
	"No error",
	"Invalid operator",
	"Too many '('",
	"Too few '('",
	"Missing matching quote",
	"Operand too long",
	"Expecting string field",
	"Expecting numeric field",
	"Illegal operation for field type",
	"Field not found",
	"Illegal integer value",
	"Couldn't find or set field in one of a subsystem's events",
	"Too many terms in predicate expression",
	"Meaningless filter expression",
	"Invalid value (did you forget quotes)?",
	"Function not found",
};

enum filter_err {
	FE_NONE, FE_INVALID_OP, FE_TOO_MANY_OPEN, FE_TOO_MANY_CLOSE,
	FE_MISSING_QUOTE, FE_OPERAND_TOO_LONG, FE_EXPECT_STRING,
	FE_EXPECT_DIGIT, FE_ILLEGAL_FIELD_OP, FE_FIELD_NOT_FOUND,
	FE_ILLEGAL_INTVAL, FE_BAD_SUBSYS_FILTER, FE_TOO_MANY_PREDS,
	FE_INVALID_FILTER, FE_INVALID_VALUE, FE_NO_FUNCTION,
};

enum pred_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_BAND, OP_GLOB };

enum prog_code { P_PRED, P_AND, P_OR, P_NOT };

enum pred_src { SRC_FIELD, SRC_CPU, SRC_COMM };

/* One comparison of a field with a constant. */
struct pred {
	enum pred_src	src;
	enum pred_op	op;
	int		offset;
	int		size;
	int		filter_type;
	bool		is_signed;
	bool		glob;		/* string op with wildcards */
	bool		user;		/* FIELD.ustring: a user-space string */
	bool		func;		/* FIELD.function: in [val, end) */
	u64		val;
	u64		end;
	char		*str;
};

struct prog_op {
	enum prog_code	code;
	struct pred	*pred;
};

/*
 * struct event_filter - a compiled filter
 * @info: what writers read without calling in (trace_events_priv.h)
 * @string: the expression as written, for the filter file
 * @n: ops of @prog
 * @preds: the comparisons @prog points to
 * @next_old: once replaced, the next filter waiting to be freed with it
 *	(event_mutex)
 * @prog: the postfix program
 *
 * Immutable once published (file->filter, RCU), but for @next_old.
 */
struct event_filter {
	struct event_filter_info info;
	char		*string;
	int		n;
	struct pred	*preds;
	struct event_filter *next_old;
	struct prog_op	prog[];
};

static_assert(offsetof(struct event_filter, info) == 0);

/* Parser state; the two buffers are here to keep recursion frames small. */
struct parser {
	char			name[MAX_FILTER_STR_VAL];
	char			val[MAX_FILTER_STR_VAL];
	struct trace_event_call	*call;
	const char		*s;
	int			pos;
	int			depth;
	enum filter_err		err;
	int			err_pos;
	struct event_filter	*f;
	int			npreds;
	bool			nomem;
};

static bool fail(struct parser *p, enum filter_err err, int pos)
{
	if (!p->err) {
		p->err = err;
		p->err_pos = pos;
	}
	return false;
}

static void skip_space(struct parser *p)
{
	while (isspace(p->s[p->pos]))
		p->pos++;
}

static bool emit(struct parser *p, enum prog_code code, struct pred *pred)
{
	if (p->f->n >= FILTER_MAX_OPS)
		return fail(p, FE_TOO_MANY_PREDS, p->pos);
	p->f->prog[p->f->n].code = code;
	p->f->prog[p->f->n].pred = pred;
	p->f->n++;
	return true;
}

static const struct {
	const char	*text;
	enum pred_op	op;
} ops[] = {
	/* Two-character operators first. */
	{ "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE },
	{ "<", OP_LT }, { ">", OP_GT }, { "&", OP_BAND }, { "~", OP_GLOB },
};

static bool is_string_field(int filter_type)
{
	return filter_type == FILTER_STATIC_STRING ||
	       filter_type == FILTER_DYN_STRING ||
	       filter_type == FILTER_RDYN_STRING ||
	       filter_type == FILTER_PTR_STRING || filter_type == FILTER_COMM;
}

/* The field a predicate reads, or a special one. */
static bool lookup_field(struct parser *p, struct pred *pr, const char *name,
			 int name_pos)
{
	size_t n = strlen(name);
	struct ftrace_event_field *f;

	/* NAME.ustring: a pointer field's string, read from user space. */
	if (n > 8 && !strcmp(name + n - 8, ".ustring")) {
		char base[sizeof(p->name)];

		strscpy(base, name, n - 7);
		f = trace_event_find_field(p->call, base);
		if (!f)
			return fail(p, FE_FIELD_NOT_FOUND, p->pos);
		if (f->filter_type != FILTER_PTR_STRING)
			return fail(p, FE_ILLEGAL_FIELD_OP, name_pos);
		pr->user = true;
	} else if (n > 9 && !strcmp(name + n - 9, ".function")) {
		/* NAME.function: an address inside a kernel function. */
		char base[sizeof(p->name)];

		strscpy(base, name, n - 8);
		f = trace_event_find_field(p->call, base);
		/* Upstream's caret: one past the name without the suffix. */
		if (!f)
			return fail(p, FE_FIELD_NOT_FOUND, name_pos + n - 8);
		pr->func = true;
	} else {
		f = trace_event_find_field(p->call, name);
	}
	if (f) {
		pr->src = SRC_FIELD;
		pr->offset = f->offset;
		pr->size = f->size;
		pr->filter_type = f->filter_type;
		pr->is_signed = f->is_signed;
		if (pr->filter_type == FILTER_OTHER && pr->size != 1 &&
		    pr->size != 2 && pr->size != 4 && pr->size != 8)
			return fail(p, FE_ILLEGAL_FIELD_OP, name_pos);
		return true;
	}
	if (!strcmp(name, "CPU") || !strcmp(name, "cpu")) {
		pr->src = SRC_CPU;
		pr->filter_type = FILTER_CPU;
		pr->size = sizeof(int);
		return true;
	}
	if (!strcmp(name, "COMM") || !strcmp(name, "comm")) {
		pr->src = SRC_COMM;
		pr->filter_type = FILTER_COMM;
		return true;
	}
	/* Reported where the operator starts, as upstream does. */
	return fail(p, FE_FIELD_NOT_FOUND, p->pos);
}

/* FIELD.function's value: a function's name or an address in it. */
static bool parse_function(struct parser *p, struct pred *pr, const char *val,
			   int end_pos)
{
	unsigned long ip, size, off;

	if (isdigit(val[0])) {
		if (kstrtoul(val, 0, &ip))
			return fail(p, FE_INVALID_VALUE, end_pos);
	} else {
		ip = kallsyms_lookup_name(val);
	}
	if (!ip || !kallsyms_lookup_size_offset(ip, &size, &off))
		return fail(p, FE_NO_FUNCTION, end_pos);
	pr->val = ip - off;
	pr->end = pr->val + size;
	return true;
}

/* FIELD OP VALUE */
static noinline_for_stack bool parse_pred(struct parser *p)
{
	char *name = p->name, *val = p->val;
	int start = p->pos, op_pos, val_pos, n = 0, i;
	struct pred *pr = &p->f->preds[p->npreds];
	char quote = 0;
	bool str;

	while (isalnum(p->s[p->pos]) || p->s[p->pos] == '_' || p->s[p->pos] == '.') {
		if (n == sizeof(p->name) - 1)
			return fail(p, FE_OPERAND_TOO_LONG, start);
		name[n++] = p->s[p->pos++];
	}
	name[n] = '\0';
	if (!n)
		return fail(p, FE_INVALID_FILTER, start);
	skip_space(p);
	op_pos = p->pos;
	if (p->npreds >= FILTER_MAX_OPS)
		return fail(p, FE_TOO_MANY_PREDS, start);
	if (!lookup_field(p, pr, name, start))
		return false;
	/* common_flags, common_preempt_count: see trace_filter_reads_ctx(). */
	if (pr->src == SRC_FIELD &&
	    pr->offset < offsetof(struct trace_entry, pid) &&
	    pr->offset + pr->size > offsetof(struct trace_entry, flags))
		p->f->info.reads_ctx = true;
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strncmp(p->s + p->pos, ops[i].text, strlen(ops[i].text)))
			break;
	if (i == ARRAY_SIZE(ops) ||
	    (ops[i].op == OP_BAND && p->s[p->pos + 1] == '&'))
		return fail(p, FE_INVALID_OP, op_pos);
	pr->op = ops[i].op;
	p->pos += strlen(ops[i].text);
	skip_space(p);
	val_pos = p->pos;
	/* Upstream's caret for both: one past the value's first byte. */
	if (pr->func && pr->size != sizeof(long))
		return fail(p, FE_ILLEGAL_FIELD_OP, val_pos + 1);
	if (pr->func && pr->op != OP_EQ && pr->op != OP_NE)
		return fail(p, FE_INVALID_OP, val_pos + 1);

	n = 0;
	if (p->s[p->pos] == '"' || p->s[p->pos] == '\'')
		quote = p->s[p->pos++];
	while (p->s[p->pos]) {
		char c = p->s[p->pos];

		if (quote ? c == quote :
		    isspace(c) || c == ')' || c == '&' || c == '|')
			break;
		if (n == sizeof(p->val) - 1)
			return fail(p, FE_OPERAND_TOO_LONG, val_pos);
		val[n++] = c;
		p->pos++;
	}
	if (quote) {
		if (p->s[p->pos] != quote)
			return fail(p, FE_MISSING_QUOTE, val_pos);
		p->pos++;
	}
	val[n] = '\0';
	if (!n && !quote)
		return fail(p, FE_INVALID_FILTER, val_pos);

	str = is_string_field(pr->filter_type);
	if (pr->func) {
		if (!parse_function(p, pr, val, p->pos))
			return false;
	} else if (str) {
		if (pr->op != OP_EQ && pr->op != OP_NE && pr->op != OP_GLOB)
			return fail(p, FE_ILLEGAL_FIELD_OP, op_pos);
		pr->str = kstrdup(val, GFP_KERNEL);
		if (!pr->str) {
			p->nomem = true;
			return false;
		}
		pr->glob = pr->op == OP_GLOB || strpbrk(val, "*?[");
	} else {
		if (pr->op == OP_GLOB)
			return fail(p, FE_ILLEGAL_FIELD_OP, op_pos);
		if (quote)
			return fail(p, FE_EXPECT_DIGIT, val_pos);
		if (val[0] == '-' ? kstrtoll(val, 0, (s64 *)&pr->val) :
				    kstrtoull(val, 0, &pr->val))
			return fail(p, FE_ILLEGAL_INTVAL, val_pos);
	}
	p->npreds++;
	return emit(p, P_PRED, pr);
}

static bool parse_expr(struct parser *p);

static bool parse_factor(struct parser *p)
{
	skip_space(p);
	if (p->s[p->pos] == '!' && p->s[p->pos + 1] != '=') {
		/* Each "!" recurses: it counts as a level of nesting. */
		if (++p->depth > FILTER_MAX_NEST)
			return fail(p, FE_TOO_MANY_OPEN, p->pos);
		p->pos++;
		if (!parse_factor(p) || !emit(p, P_NOT, NULL))
			return false;
		p->depth--;
		return true;
	}
	if (p->s[p->pos] == '(') {
		if (++p->depth > FILTER_MAX_NEST)
			return fail(p, FE_TOO_MANY_OPEN, p->pos);
		p->pos++;
		if (!parse_expr(p))
			return false;
		skip_space(p);
		if (p->s[p->pos] != ')')
			return fail(p, FE_TOO_MANY_OPEN, p->pos);
		p->pos++;
		p->depth--;
		return true;
	}
	return parse_pred(p);
}

static bool parse_term(struct parser *p)
{
	if (!parse_factor(p))
		return false;
	for (;;) {
		skip_space(p);
		if (strncmp(p->s + p->pos, "&&", 2))
			return true;
		p->pos += 2;
		if (!parse_factor(p) || !emit(p, P_AND, NULL))
			return false;
	}
}

static bool parse_expr(struct parser *p)
{
	if (!parse_term(p))
		return false;
	for (;;) {
		skip_space(p);
		if (strncmp(p->s + p->pos, "||", 2))
			return true;
		p->pos += 2;
		if (!parse_term(p) || !emit(p, P_OR, NULL))
			return false;
	}
}

/**
 * trace_filter_free() - free a filter
 * @f: the filter, or NULL
 */
void trace_filter_free(struct event_filter *f)
{
	int i;

	if (!f)
		return;
	for (i = 0; f->preds && i < FILTER_MAX_OPS; i++)
		kfree(f->preds[i].str);
	kfree(f->preds);
	kfree(f->string);
	kfree(f);
}

/**
 * trace_filter_parse() - compile a filter expression for an event
 * @call: the event whose fields the expression uses
 * @str: the expression
 * @err_text: gets the error's text when it fails
 * @err_pos: gets the error's position in @str
 *
 * Return: the filter, or an ERR_PTR: -EINVAL (with @err_text and
 * @err_pos set) or -ENOMEM.
 */
struct event_filter *trace_filter_parse(struct trace_event_call *call,
					const char *str, const char **err_text,
					int *err_pos)
{
	struct parser p = { .call = call, .s = str };
	struct event_filter *f;

	f = kzalloc(struct_size(f, prog, FILTER_MAX_OPS), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	f->preds = kcalloc(FILTER_MAX_OPS, sizeof(*f->preds), GFP_KERNEL);
	f->string = kstrdup(str, GFP_KERNEL);
	if (!f->preds || !f->string) {
		trace_filter_free(f);
		return ERR_PTR(-ENOMEM);
	}
	p.f = f;
	if (parse_expr(&p)) {
		skip_space(&p);
		if (p.s[p.pos] == ')')
			fail(&p, FE_TOO_MANY_CLOSE, p.pos);
		else if (p.s[p.pos])
			fail(&p, FE_INVALID_FILTER, p.pos);
	}
	if (p.nomem) {
		trace_filter_free(f);
		return ERR_PTR(-ENOMEM);
	}
	if (p.err) {
		*err_text = filter_errs[p.err];
		*err_pos = p.err_pos;
		trace_filter_free(f);
		return ERR_PTR(-EINVAL);
	}
	return f;
}

/* Copy the string a predicate reads into @buf, NUL-terminated. */
static void read_string(const struct pred *pr, void *rec, char *buf)
{
	const char *src = NULL;
	unsigned int len = 0;
	u32 loc;

	switch (pr->filter_type) {
	case FILTER_COMM:
		src = current->comm;
		len = TASK_COMM_LEN;
		break;
	case FILTER_STATIC_STRING:
		src = rec + pr->offset;
		len = pr->size;
		break;
	case FILTER_DYN_STRING:
		loc = *(u32 *)(rec + pr->offset);
		src = rec + (loc & 0xffff);
		len = loc >> 16;
		break;
	case FILTER_RDYN_STRING:
		loc = *(u32 *)(rec + pr->offset);
		src = rec + pr->offset + sizeof(u32) + (loc & 0xffff);
		len = loc >> 16;
		break;
	case FILTER_PTR_STRING:
		src = *(const char **)(rec + pr->offset);
		if ((pr->user ?
		     strncpy_from_user_nofault(buf, (const char __user *)src,
					       MAX_FILTER_STR_VAL) :
		     strncpy_from_kernel_nofault(buf, src,
						 MAX_FILTER_STR_VAL)) < 0)
			buf[0] = '\0';
		buf[MAX_FILTER_STR_VAL - 1] = '\0';
		return;
	}
	len = min(len, MAX_FILTER_STR_VAL - 1);
	len = strnlen(src, len);
	memcpy(buf, src, len);
	buf[len] = '\0';
}

static u64 read_number(const struct pred *pr, void *rec)
{
	void *p = rec + pr->offset;

	if (unlikely(pr->src == SRC_CPU))
		return raw_smp_processor_id();
	/* Tested first: the compiler would try the other sizes before it. */
	if (pr->size == 8)
		return *(u64 *)p;
	switch (pr->size) {
	case 1:
		return pr->is_signed ? (u64)*(s8 *)p : *(u8 *)p;
	case 2:
		return pr->is_signed ? (u64)*(s16 *)p : *(u16 *)p;
	case 4:
		return pr->is_signed ? (u64)*(s32 *)p : *(u32 *)p;
	default:
		return *(u64 *)p;
	}
}

/*
 * Out of line: its buffer would otherwise be cleared on every predicate
 * (INIT_STACK_ALL_ZERO), numeric ones too.
 */
static noinline bool string_match(const struct pred *pr, void *rec)
{
	char buf[MAX_FILTER_STR_VAL];
	bool eq;

	read_string(pr, rec, buf);
	eq = pr->glob ? glob_match(pr->str, buf) : !strcmp(pr->str, buf);
	return pr->op == OP_NE ? !eq : eq;
}

static bool pred_match(const struct pred *pr, void *rec)
{
	u64 v;

	if (pr->str)
		return string_match(pr, rec);
	v = read_number(pr, rec);
	if (pr->func)
		return (v >= pr->val && v < pr->end) == (pr->op == OP_EQ);
	/* The common filter, before the switch tries the other ops. */
	if (pr->op == OP_EQ)
		return v == pr->val;
	switch (pr->op) {
	case OP_NE:
		return v != pr->val;
	case OP_BAND:
		return v & pr->val;
	default:
		break;
	}
	if (pr->is_signed) {
		s64 a = v, b = pr->val;

		switch (pr->op) {
		case OP_LT:
			return a < b;
		case OP_LE:
			return a <= b;
		case OP_GT:
			return a > b;
		default:
			return a >= b;
		}
	}
	switch (pr->op) {
	case OP_LT:
		return v < pr->val;
	case OP_LE:
		return v <= pr->val;
	case OP_GT:
		return v > pr->val;
	default:
		return v >= pr->val;
	}
}

/* The postfix program of a filter of several predicates. */
static noinline bool run_prog(struct event_filter *f, void *rec)
{
	DECLARE_BITMAP(stack, FILTER_MAX_OPS);
	unsigned int sp = 0, i;
	bool a, b;

	/* A valid program never pops an empty stack nor outgrows it. */
	for (i = 0; i < f->n; i++) {
		switch (f->prog[i].code) {
		case P_PRED:
			__assign_bit(sp++, stack, pred_match(f->prog[i].pred, rec));
			break;
		case P_NOT:
			__change_bit(sp - 1, stack);
			break;
		case P_AND:
		case P_OR:
			b = test_bit(--sp, stack);
			a = test_bit(sp - 1, stack);
			__assign_bit(sp - 1, stack,
				     f->prog[i].code == P_AND ? a && b : a || b);
			break;
		}
	}
	return sp ? test_bit(0, stack) : true;
}

/**
 * trace_filter_match() - run a filter on a record
 * @f: the filter
 * @rec: the record
 *
 * Safe in any context: no locks, no allocation, bounded stack.
 *
 * Return: true when the record passes.
 */
bool trace_filter_match(struct event_filter *f, void *rec)
{
	/* A program of one step is one predicate: the common filter. */
	if (f->n == 1)
		return pred_match(f->prog[0].pred, rec);
	return run_prog(f, rec);
}

/**
 * filter_match_preds() - does a record pass a filter?
 * @filter: the filter
 * @rec: the record
 *
 * Return: 1 when it passes, else 0.
 */
int filter_match_preds(struct event_filter *filter, void *rec)
{
	return !filter || trace_filter_match(filter, rec);
}

/*
 * Publish @f (may be NULL) as the filter of @file.  Probes may run the
 * filter it replaces until the next tracepoint_synchronize_unregister():
 * it goes on @old for free_old_filters(), which a write to a system's
 * filter calls once for all the system's events.
 */
static void file_set_filter(struct trace_event_file *file,
			    struct event_filter *f, struct event_filter **old)
{
	struct event_filter *prev;

	lockdep_assert_held(&event_mutex);
	prev = rcu_replace_pointer(file->filter, f, lockdep_is_held(&event_mutex));
	/*
	 * A filter of no program only shows an error: it filters nothing.
	 * Without scratch records, the writers filter in the buffer.
	 */
	if (f && f->n) {
		trace_event_scratch_alloc();
		set_bit(EVENT_FILE_FL_FILTERED_BIT, &file->flags);
	} else {
		clear_bit(EVENT_FILE_FL_FILTERED_BIT, &file->flags);
	}
	if (prev) {
		prev->next_old = *old;
		*old = prev;
	}
}

/* Free the filters file_set_filter() replaced, once no probe runs them. */
static void free_old_filters(struct event_filter *old)
{
	struct event_filter *next;

	if (!old)
		return;
	/* Probes read filters with preemption off, maybe where RCU idles. */
	tracepoint_synchronize_unregister();
	for (; old; old = next) {
		next = old->next_old;
		trace_filter_free(old);
	}
}

/*
 * What the filter file shows after a bad expression, as upstream's does:
 * the expression, a caret under the error, and the error.  The event is
 * then unfiltered.
 */
static struct event_filter *error_filter(const char *str, const char *text,
					 int pos)
{
	struct event_filter *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->string = kasprintf(GFP_KERNEL, "%s\n%*s^\nparse_error: %s\n", str, pos,
			      "", text);
	if (!f->string) {
		kfree(f);
		return NULL;
	}
	return f;
}

/**
 * trace_event_filter_set() - what a write to an event's filter file does
 * @file: the event in an instance
 * @str: the expression; "0" (or nothing) removes the filter
 *
 * A bad expression removes the filter the event had; the filter file
 * then shows the error.
 *
 * Context: event_mutex held.
 * Return: 0, -EINVAL (logged in error_log) or -ENOMEM.
 */
int trace_event_filter_set(struct trace_event_file *file, char *str)
{
	struct event_filter *f = NULL, *old = NULL;
	const char *text;
	int pos, ret = 0;

	str = strim(str);
	if (*str && strcmp(str, "0"))
		f = trace_filter_parse(file->event_call, str, &text, &pos);
	if (IS_ERR(f)) {
		ret = PTR_ERR(f);
		if (ret != -EINVAL)
			return ret;
		tracing_log_err(file->tr, "event filter parse error", str,
				&text, 0, pos);
		f = error_filter(str, text, pos);
	}
	file_set_filter(file, f, &old);
	free_old_filters(old);
	return ret;
}

/**
 * trace_event_filter_check() - does a filter compile for an event?
 * @call: the event
 * @str: the expression
 *
 * For parts that keep a filter's text to apply it later (event probes);
 * a mistake goes to the top instance's error_log as the filter file's do.
 *
 * Return: 0, -EINVAL, or -ENOMEM.
 */
int trace_event_filter_check(struct trace_event_call *call, const char *str)
{
	struct event_filter *f;
	const char *text;
	int pos;

	f = trace_filter_parse(call, str, &text, &pos);
	if (IS_ERR(f)) {
		if (PTR_ERR(f) == -EINVAL)
			tracing_log_err(NULL, "event filter parse error", str,
					&text, 0, pos);
		return PTR_ERR(f);
	}
	trace_filter_free(f);
	return 0;
}

/**
 * trace_system_filter_set() - what a write to events/SYSTEM/filter does
 * @d: the system in an instance
 * @str: the expression; "0" (or nothing) removes the filters
 *
 * Sets the filter on every event of the system whose fields it fits; the
 * others keep no filter.
 *
 * Context: event_mutex held.
 * Return: 0, -EINVAL when it fits none of them, or -ENOMEM.
 */
int trace_system_filter_set(struct trace_subsystem_dir *d, char *str)
{
	struct trace_event_inst *ev = d->tr->events;
	struct event_filter *f, *old = NULL;
	struct trace_event_file *file;
	const char *text;
	int pos, set = 0;
	bool clear;

	str = strim(str);
	clear = !*str || !strcmp(str, "0");
	list_for_each_entry(file, &ev->files, list) {
		if (file->system != d)
			continue;
		f = clear ? NULL : trace_filter_parse(file->event_call, str,
						       &text, &pos);
		if (IS_ERR(f)) {
			if (PTR_ERR(f) == -ENOMEM) {
				free_old_filters(old);
				return -ENOMEM;
			}
			f = NULL;
		} else {
			set++;
		}
		file_set_filter(file, f, &old);
	}
	free_old_filters(old);
	if (!clear && !set) {
		text = filter_errs[FE_BAD_SUBSYS_FILTER];
		tracing_log_err(d->tr, "event filter parse error", str,
				&text, 0, 0);
		return -EINVAL;
	}
	return 0;
}

/**
 * trace_event_filter_show() - the text of an event's filter file
 * @s: output
 * @file: the event in an instance
 *
 * Context: event_mutex held.
 */
void trace_event_filter_show(struct seq_buf *s, struct trace_event_file *file)
{
	struct event_filter *f = rcu_dereference_protected(file->filter,
				lockdep_is_held(&event_mutex));

	seq_buf_printf(s, "%s\n", f ? f->string : "none");
}

/**
 * trace_event_filter_free() - drop the filter of an event being freed
 * @file: the event in an instance; its probe is unregistered and synced
 */
void trace_event_filter_free(struct trace_event_file *file)
{
	trace_filter_free(rcu_dereference_protected(file->filter, true));
	RCU_INIT_POINTER(file->filter, NULL);
}
