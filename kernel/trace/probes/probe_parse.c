// SPDX-License-Identifier: GPL-2.0
/*
 * Fetch arguments of probe events: from "NAME=FETCHARG:TYPE" text to a
 * struct probe_arg with its fetch program.
 *
 *   FETCHARG := %REG | @ADDR | @SYM[+|-OFFS] | @+FOFFS | $stack | $stackN
 *             | $retval | $comm | $argN | \IMM | \"STRING"
 *             | [+|-][u]OFFS(FETCHARG)
 *   TYPE     := u8..u64 | s8..s64 | x8..x64 | char | string | ustring
 *             | symbol | symstr | b<width>@<offset>/<container>
 *             | TYPE[N]
 *
 * A program is a source, up to PROBE_MAX_OPS - 1 pointer loads and a
 * store (probe.h).  A user-space probe's (no PROBE_CTX_KERNEL) has no
 * symbols or function arguments; it reads user memory everywhere.
 * Mistakes go to error_log with upstream's text and at upstream's
 * position, which its selftests check character by character; the
 * positions below follow its rules, including their quirks.
 */
#include <linux/ctype.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/ptrace.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../trace_priv.h"
#include "probe.h"

#define STACK_MAX_SLOT	(THREAD_SIZE / sizeof(unsigned long))

/*
 * The print formats of 64-bit types are upstream's ABI text with the "L"
 * length modifier (format files show them and tools parse them); spelt
 * out as characters, as they are data for the format files rather than
 * printk formats of ours.
 */
static const char fmt_lu[] = { '%', 'L', 'u', '\0' };
static const char fmt_ld[] = { '%', 'L', 'd', '\0' };
static const char fmt_lx[] = { '0', 'x', '%', 'L', 'x', '\0' };

static const struct probe_argtype types[] = {
	{ "string",  4, true,  "\\\"%s\\\"", "__data_loc char[]", PT_STRING },
	{ "ustring", 4, true,  "\\\"%s\\\"", "__data_loc char[]", PT_STRING },
	{ "symstr",  4, true,  "\\\"%s\\\"", "__data_loc char[]", PT_STRING },
	{ "u8",  1, false, "%u",    "u8",  PT_INT },
	{ "u16", 2, false, "%u",    "u16", PT_INT },
	{ "u32", 4, false, "%u",    "u32", PT_INT },
	{ "u64", 8, false, fmt_lu,  "u64", PT_INT },
	{ "s8",  1, true,  "%d",    "s8",  PT_INT },
	{ "s16", 2, true,  "%d",    "s16", PT_INT },
	{ "s32", 4, true,  "%d",    "s32", PT_INT },
	{ "s64", 8, true,  fmt_ld,  "s64", PT_INT },
	{ "x8",  1, false, "0x%x",  "u8",  PT_HEX },
	{ "x16", 2, false, "0x%x",  "u16", PT_HEX },
	{ "x32", 4, false, "0x%x",  "u32", PT_HEX },
	{ "x64", 8, false, fmt_lx,  "u64", PT_HEX },
	{ "char", 1, false, "'%c'", "u8",  PT_CHAR },
	{ "symbol", 8, false, "%pS", "u64", PT_SYMBOL },
};

/* Field names of the record header and the probe's own fields. */
static const char *const reserved_names[] = {
	"common_type", "common_flags", "common_preempt_count", "common_pid",
	"common_tgid", "__probe_ip", "__probe_func", "__probe_ret_ip",
};

static const struct probe_argtype *find_type(const char *name, unsigned int ctx)
{
	unsigned long bits;
	const char *slash;
	unsigned int i;

	if (!name)
		name = "x64";
	if (!(ctx & PROBE_CTX_KERNEL) &&
	    (!strcmp(name, "symbol") || !strcmp(name, "symstr")))
		return NULL;
	/* A bitfield is stored in its container's unsigned type. */
	if (name[0] == 'b') {
		slash = strchr(name, '/');
		if (!slash || kstrtoul(slash + 1, 0, &bits))
			return NULL;
		switch (bits) {
		case 8:  return &types[3];
		case 16: return &types[4];
		case 32: return &types[5];
		case 64: return &types[6];
		}
		return NULL;
	}
	for (i = 0; i < ARRAY_SIZE(types); i++)
		if (!strcmp(name, types[i].name))
			return &types[i];
	return NULL;
}

static bool good_name(const char *s)
{
	if (!isalpha(*s) && *s != '_')
		return false;
	while (*++s)
		if (!isalnum(*s) && *s != '_')
			return false;
	return true;
}

/* State of parsing one argument. */
struct parse {
	struct probe_log	*log;
	unsigned int		ctx;
	struct probe_args	*args;
	struct probe_fetch	*prog;
	int			ops;	/* steps so far, as upstream counts */
	bool			sym;	/* the source is @SYM */
	int			body;	/* where the body starts in the word */
	struct trace_event_call	*event;	/* PROBE_CTX_TEVENT: the event */
};

static int perr(struct parse *p, int pos, enum probe_err err, int ret)
{
	probe_log_err(p->log, pos, err);
	return ret;
}

/* One more step of the program; upstream allows PROBE_MAX_OPS. */
static bool add_op(struct parse *p)
{
	return ++p->ops <= PROBE_MAX_OPS;
}

static int add_deref(struct parse *p, long off, bool user, int pos)
{
	struct probe_fetch *f = p->prog;

	if (!add_op(p))
		return perr(p, pos, PE_TOO_MANY_OPS, -EINVAL);
	f->deref[f->nderef].off = off;
	f->deref[f->nderef].user = user || f->user;
	f->nderef++;
	return 0;
}

/* $retval, $stack, $stackN, $comm, $argN. */
static int parse_var(struct parse *p, const char *s, int pos)
{
	struct probe_fetch *f = p->prog;
	struct trace_field_info fi;
	unsigned long n;
	int i;

	/* An event probe: a field of the record, or $comm. */
	if (p->ctx & PROBE_CTX_TEVENT) {
		if (!trace_event_field_info(p->event, s, &fi)) {
			f->src = PSRC_FIELD;
			f->imm = fi.offset;
			f->fsize = fi.size;
			f->fsigned = fi.is_signed;
			f->ftype = fi.filter_type;
			return 0;
		}
		if (!strcmp(s, "comm") || !strcmp(s, "COMM")) {
			f->src = PSRC_COMM;
			return 0;
		}
		/* An unknown field is a bad variable, as upstream logs it. */
		return perr(p, pos, PE_BAD_VAR, -EINVAL);
	}
	if (str_has_prefix(s, "retval")) {
		if (!(p->ctx & PROBE_CTX_RETURN))
			return perr(p, pos, PE_RETVAL_ON_PROBE, -EINVAL);
		f->src = PSRC_RETVAL;
		return 0;
	}
	if (str_has_prefix(s, "stack")) {
		if (!s[5]) {
			f->src = PSRC_STACKP;
			return 0;
		}
		if (!isdigit(s[5]) || kstrtoul(s + 5, 10, &n))
			return perr(p, pos, PE_BAD_VAR, -EINVAL);
		if ((p->ctx & PROBE_CTX_KERNEL) && n > STACK_MAX_SLOT)
			return perr(p, pos, PE_BAD_STACK_NUM, -EINVAL);
		f->src = PSRC_STACK;
		f->imm = n;
		return 0;
	}
	if (!strcmp(s, "comm") || !strcmp(s, "COMM")) {
		f->src = PSRC_COMM;
		return 0;
	}
	if (str_has_prefix(s, "arg")) {
		if (kstrtoul(s + 3, 10, &n))
			return perr(p, pos, PE_BAD_VAR, -EINVAL);
		if (!n || n > STACK_MAX_SLOT)
			return perr(p, pos, PE_BAD_ARG_NUM, -EINVAL);
		if (p->ctx & PROBE_CTX_FENTRY) {
			f->src = PSRC_ARG;
			/* A tracepoint stub's first argument is the probe's data. */
			f->imm = n - 1 + !!(p->ctx & PROBE_CTX_TPOINT);
			return 0;
		}
		/* Upstream's rule: a user-space probe never knows its ABI. */
		if (!(p->ctx & PROBE_CTX_RETURN) || !(p->ctx & PROBE_CTX_KERNEL))
			return perr(p, pos, PE_NOFENTRY_ARGS, -EINVAL);
		if (n > PROBE_MAX_ENTRY_ARGS)
			return perr(p, pos, PE_BAD_ARG_NUM, -EINVAL);
		/* A return probe saves the argument at entry. */
		for (i = 0; i < p->args->nr_entry; i++)
			if (p->args->entry[i] == n - 1)
				break;
		if (i == p->args->nr_entry)
			p->args->entry[p->args->nr_entry++] = n - 1;
		f->src = PSRC_EDATA;
		f->imm = i;
		return 0;
	}
	return perr(p, pos, PE_BAD_VAR, -EINVAL);
}

static int parse_expr(struct parse *p, char *s, int pos);

/* [+|-][u]OFFS(FETCHARG): @s starts at the sign. */
static int parse_deref(struct parse *p, char *s, int pos)
{
	bool user = false;
	char *open, *close, *num = s;
	long off;
	int ret, inner;

	if (s[1] == 'u') {
		user = true;
		s[1] = s[0];
		num = ++s;
	}
	if (*num == '+')
		num++;
	open = strchr(num, '(');
	if (!open)
		return perr(p, pos, PE_DEREF_NEED_BRACE, -EINVAL);
	*open = '\0';
	if (kstrtol(num, 0, &off))
		return perr(p, pos, PE_BAD_DEREF_OFFS, -EINVAL);
	/* Upstream's arithmetic, off by one after "+u". */
	inner = pos + (open + 1 - num) + (num[0] != '-' ? 1 : 0);
	close = strrchr(open + 1, ')');
	if (!close)
		return perr(p, inner + strlen(open + 1), PE_DEREF_OPEN_BRACE,
			    -EINVAL);
	*close = '\0';
	ret = parse_expr(p, open + 1, inner);
	if (ret)
		return ret;
	if (p->prog->src == PSRC_COMM || p->prog->src == PSRC_STR) {
		if (!p->prog->nderef)
			return perr(p, inner, PE_COMM_CANT_DEREF, -EINVAL);
	}
	return add_deref(p, off, user, inner);
}

/* \IMM or \"STRING". */
static int parse_imm(struct parse *p, char *s, int pos)
{
	struct probe_fetch *f = p->prog;
	unsigned long v;
	size_t len;
	int ret;

	if (s[1] == '"') {
		len = strlen(s + 2);
		if (!len || s[len + 1] != '"')
			return perr(p, pos + 2 + len, PE_IMMSTR_NO_CLOSE, -EINVAL);
		f->str = kstrndup(s + 2, len - 1, GFP_KERNEL);
		if (!f->str)
			return -ENOMEM;
		f->src = PSRC_STR;
		return 0;
	}
	if (isdigit(s[1]))
		ret = kstrtoul(s + 1, 0, &v);
	else if (s[1] == '-')
		ret = kstrtol(s + 1, 0, (long *)&v);
	else if (s[1] == '+')
		ret = kstrtol(s + 2, 0, (long *)&v);
	else
		ret = -EINVAL;
	if (ret)
		return perr(p, pos + 1, PE_BAD_IMM, -EINVAL);
	f->src = PSRC_IMM;
	f->imm = v;
	return 0;
}

/* @ADDR, @SYM[+|-OFFS], @+FOFFS. */
static int parse_mem(struct parse *p, char *s, int pos)
{
	struct probe_fetch *f = p->prog;
	unsigned long v;
	long off = 0;
	char *sign;

	if (isdigit(s[1])) {
		if (kstrtoul(s + 1, 0, &v))
			return perr(p, pos, PE_BAD_MEM_ADDR, -EINVAL);
		f->src = PSRC_IMM;
		f->imm = v;
	} else if (s[1] == '+') {
		if (p->ctx & PROBE_CTX_KERNEL)
			return perr(p, pos, PE_FILE_ON_KPROBE, -EINVAL);
		if (kstrtol(s + 2, 0, &off))
			return perr(p, pos, PE_BAD_FILE_OFFS, -EINVAL);
		f->src = PSRC_FOFFS;
		f->imm = off;
	} else {
		if (!(p->ctx & PROBE_CTX_KERNEL))
			return perr(p, pos, PE_SYM_ON_UPROBE, -EINVAL);
		f->str = kstrdup(s + 1, GFP_KERNEL);
		if (!f->str)
			return -ENOMEM;
		sign = strpbrk(f->str, "+-");
		if (sign) {
			if (kstrtol(sign, 0, &f->symoff))
				return perr(p, pos, PE_BAD_MEM_ADDR, -EINVAL);
			*sign = '\0';
		}
		f->src = PSRC_IMM;
		p->sym = true;
		/* Upstream spends a step on the symbol's name. */
		if (!add_op(p))
			return perr(p, pos, PE_TOO_MANY_OPS, -EINVAL);
	}
	return add_deref(p, 0, false, pos);
}

/* A FETCHARG at @pos (its place in the word, for error_log). */
static int parse_expr(struct parse *p, char *s, int pos)
{
	int ret;

	switch (s[0]) {
	case '$':
		return parse_var(p, s + 1, pos);
	case '%':
		/* No registers of an event, nor of an fprobe (upstream's rule). */
		if (p->ctx & (PROBE_CTX_TEVENT | PROBE_CTX_NOREG))
			return perr(p, pos, PE_BAD_VAR, -EINVAL);
		ret = regs_query_register_offset(s + 1);
		if (ret < 0)
			return perr(p, pos, PE_BAD_REG_NAME, -EINVAL);
		p->prog->src = PSRC_REG;
		p->prog->imm = ret;
		return 0;
	case '@':
		return parse_mem(p, s, pos);
	case '+':
	case '-':
		return parse_deref(p, s, pos);
	case '\\':
		return parse_imm(p, s, pos);
	}
	if (isalpha(s[0]) || s[0] == '_')	/* a BTF variable: no BTF here */
		return perr(p, pos, PE_NOSUP_BTFARG, -EINVAL);
	return perr(p, pos, PE_BAD_FETCH_ARG, -EINVAL);
}

/* The number at the start of @s (decimal, or hex after "0x"); its end. */
static unsigned long lead_num(const char *s, const char **end)
{
	unsigned long v = 0;
	int base = 10, d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isxdigit(s[2])) {
		base = 16;
		s += 2;
	}
	for (; (d = hex_to_bin(*s)) >= 0 && d < base; s++)
		v = v * base + d;
	*end = s;
	return v;
}

/* b<width>@<offset>/<container>: the shifts that cut the field out. */
static int parse_bitfield(struct probe_fetch *f, const char *t)
{
	unsigned long w, o;
	const char *end;

	w = lead_num(t + 1, &end);
	if (!w || *end != '@')
		return -EINVAL;
	t = end + 1;
	o = lead_num(t, &end);
	if (end == t || *end != '/' || f->size * 8 < w + o)
		return -EINVAL;
	f->bitfield = true;
	f->lshift = f->size * 8 - (w + o);
	f->rshift = f->size * 8 - w;
	return 0;
}

/*
 * Choose the store of @a's program from its type and its last step, as
 * upstream does; @toff is where the type starts in the body.
 */
static int finish_prog(struct parse *p, struct probe_arg *a, const char *t,
		       int toff)
{
	struct probe_fetch *f = &a->prog;
	const struct probe_argtype *type = a->type;
	bool deref = f->nderef > 0, raw_src;
	int pos = p->body + toff;

	f->size = type->size;
	/* Sources that are the string's address themselves. */
	raw_src = !deref && (f->src == PSRC_IMM || f->src == PSRC_COMM ||
			     f->src == PSRC_STR || f->src == PSRC_FIELD);
	if (type->kind == PT_STRING) {
		if (!strcmp(type->name, "symstr")) {
			if (!deref && f->src != PSRC_REG &&
			    f->src != PSRC_STACK && f->src != PSRC_RETVAL &&
			    f->src != PSRC_ARG && f->src != PSRC_FIELD)
				return perr(p, pos, PE_BAD_SYMSTRING, -EINVAL);
			f->store = PST_SYMSTR;
		} else {
			if (!deref && !raw_src)
				return perr(p, pos, PE_BAD_STRING, -EINVAL);
			f->store = PST_STRING;
			/* A user probe's \IMM address is a user one too. */
			if (!strcmp(type->name, "ustring") ||
			    (deref && f->deref[f->nderef - 1].user) ||
			    (f->user && f->src == PSRC_IMM))
				f->store = PST_USTRING;
			f->last_deref = deref;
		}
		if ((!deref || f->store == PST_SYMSTR || a->count) &&
		    !add_op(p))
			return perr(p, p->body, PE_TOO_MANY_OPS, -EINVAL);
	} else if (deref) {
		f->store = PST_MEM;
		f->last_deref = true;
	} else {
		f->store = PST_RAW;
		if (!add_op(p))
			return perr(p, p->body, PE_TOO_MANY_OPS, -E2BIG);
	}
	if (t && t[0] == 'b') {
		if (!add_op(p) || parse_bitfield(f, t))
			return perr(p, pos, PE_BAD_BITFIELD, -EINVAL);
	}
	if (a->count) {
		if (f->store != PST_MEM && f->store != PST_STRING &&
		    f->store != PST_USTRING)
			return perr(p, pos, PE_BAD_STRING, -EINVAL);
		if (!add_op(p))
			return perr(p, p->body, PE_TOO_MANY_OPS, -E2BIG);
		f->count = a->count;
	}
	return 0;
}

/* "TYPE" or "TYPE[N]" after the ':' at @t; @s is the body. */
static int parse_type(struct parse *p, struct probe_arg *a, char *s,
		      char **ptype)
{
	char *t = strchr(s, ':'), *open, *close;
	unsigned int n;
	int toff;

	*ptype = NULL;
	if (t) {
		*t++ = '\0';
		open = strchr(t, '[');
		if (open) {
			*open++ = '\0';
			close = strchr(open, ']');
			if (!close)
				return perr(p, p->body + (open + strlen(open) - s),
					    PE_ARRAY_NO_CLOSE, -EINVAL);
			if (close[1])
				return perr(p, p->body + (close + 1 - s),
					    PE_BAD_ARRAY_SUFFIX, -EINVAL);
			*close = '\0';
			if (kstrtouint(open, 0, &n) || !n)
				return perr(p, p->body + (open - s),
					    PE_BAD_ARRAY_NUM, -EINVAL);
			if (n > PROBE_MAX_ARRAY)
				return perr(p, p->body + (open - s),
					    PE_ARRAY_TOO_BIG, -EINVAL);
			a->count = n;
		}
	}
	toff = t ? t - s : 0;
	if (!strcmp(s, "$comm") || !strcmp(s, "$COMM") ||
	    !strncmp(s, "\\\"", 2)) {
		if (a->count || (t && strcmp(t, "string")))
			return perr(p, p->body + toff, PE_NEED_STRING_TYPE,
				    -EINVAL);
		a->type = &types[0];
	} else {
		a->type = find_type(t, p->ctx);
	}
	if (!a->type)
		return perr(p, p->body + toff, PE_BAD_TYPE, -EINVAL);
	*ptype = t;
	return toff;
}

/*
 * "X:%pd" (a struct dentry *) and "X:%pD" (a struct file *) of a kernel
 * probe are the name of the dentry: upstream spells them out as string
 * loads through the structures, and so do we, so that kprobe_events
 * lists the argument as upstream does.  Return: the body to parse (a new
 * string, or NULL when kmalloc fails), or @body itself.
 */
static const char *vfs_name_body(struct parse *p, const char *body)
{
	size_t len = strlen(body);
	size_t name = offsetof(struct dentry, d_name.name);
	size_t dentry = offsetof(struct file, f_path.dentry);

	if (!(p->ctx & PROBE_CTX_KERNEL) || len < 4 ||
	    (strcmp(body + len - 4, ":%pd") && strcmp(body + len - 4, ":%pD")))
		return body;
	len -= 4;
	if (body[len + 3] == 'd')
		return kasprintf(GFP_KERNEL, "+0x0(+0x%zx(%.*s)):string",
				 name, (int)len, body);
	return kasprintf(GFP_KERNEL, "+0x0(+0x%zx(+0x%zx(%.*s))):string",
			 name, dentry, (int)len, body);
}

/* The body of argument @a, at p->body in the word. */
static int parse_body(struct parse *p, struct probe_arg *a, const char *word)
{
	const char *body = vfs_name_body(p, word);
	char *s, *t;
	size_t len;
	int toff, ret;

	if (!body)
		return -ENOMEM;
	len = strlen(body);
	if (len > PROBE_MAX_ARGSTR) {
		ret = perr(p, p->body, PE_ARG_TOO_LONG, -E2BIG);
		goto free_body;
	}
	if (!len) {
		ret = perr(p, p->body, PE_NO_ARG_BODY, -EINVAL);
		goto free_body;
	}
	a->comm = kstrdup(body, GFP_KERNEL);
	s = kstrdup(body, GFP_KERNEL);
	if (!a->comm || !s) {
		ret = -ENOMEM;
		goto out;
	}
	toff = parse_type(p, a, s, &t);
	if (toff < 0) {
		ret = toff;
		goto out;
	}
	p->prog = &a->prog;
	a->prog.user = !(p->ctx & PROBE_CTX_KERNEL);
	p->ops = 1;
	p->sym = false;
	ret = parse_expr(p, s, p->body);
	if (ret)
		goto out;
	a->offset = p->args->size;
	p->args->size += a->type->size * (a->count ?: 1);
	if (p->args->size > PROBE_MAX_RECORD) {
		ret = perr(p, p->body, PE_EVENT_TOO_BIG, -E2BIG);
		goto out;
	}
	if (a->count)
		a->fmttype = kasprintf(GFP_KERNEL, "%s[%d]",
				       a->type->fmttype, a->count);
	else
		a->fmttype = kstrdup(a->type->fmttype, GFP_KERNEL);
	if (!a->fmttype) {
		ret = -ENOMEM;
		goto out;
	}
	ret = finish_prog(p, a, t, toff);
	if (!ret && a->type->kind == PT_STRING)
		p->args->dynamic = true;
	if (!ret && p->sym) {
		/* @SYM: its address now; a probe keeps what it was given. */
		a->prog.imm = kallsyms_lookup_name(a->prog.str);
		if (!a->prog.imm) {
			p->log->index = 1;
			ret = perr(p, 0, PE_FAIL_REG_PROBE, -ENOENT);
		}
		a->prog.imm += a->prog.symoff;
	}
out:
	kfree(s);
free_body:
	if (body != word)
		kfree(body);
	return ret;
}

static bool name_used(const struct probe_args *args, int i, const char *name)
{
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(reserved_names); k++)
		if (!strcmp(reserved_names[k], name))
			return true;
	while (i--)
		if (!strcmp(args->arg[i].name, name))
			return true;
	return false;
}

static int parse_one(struct parse *p, int i, const char *word)
{
	struct probe_arg *a = &p->args->arg[i];
	const char *eq = strchr(word, '=');

	if (!strcmp(word, "$arg*"))
		return perr(p, 0, PE_NOSUP_BTFARG, -EINVAL);
	if (eq) {
		if (eq - word > PROBE_MAX_ARGNAME)
			return perr(p, 0, PE_ARG_NAME_TOO_LONG, -EINVAL);
		if (eq == word)
			return perr(p, 0, PE_NO_ARG_NAME, -EINVAL);
		a->name = kstrndup(word, eq - word, GFP_KERNEL);
		eq++;
	} else {
		a->name = kasprintf(GFP_KERNEL, "arg%d", i + 1);
		eq = word;
	}
	if (!a->name)
		return -ENOMEM;
	if (!good_name(a->name))
		return perr(p, 0, PE_BAD_ARG_NAME, -EINVAL);
	if (name_used(p->args, i, a->name))
		return perr(p, 0, PE_USED_ARG_NAME, -EINVAL);
	p->body = eq - word;
	return parse_body(p, a, eq);
}

static struct probe_args *parse_arg_list(struct probe_log *log, int argc,
					 const char **argv, int first,
					 unsigned int ctx,
					 struct trace_event_call *event);

/**
 * probe_args_parse() - parse the fetch arguments of a probe definition
 * @log: the command, for error_log
 * @argc: number of arguments
 * @argv: the arguments
 * @first: index of argv[0] in @log's words
 * @ctx: PROBE_CTX_* of the probe
 *
 * Context: event_mutex held.
 * Return: the arguments, or an ERR_PTR() (-EINVAL, -E2BIG, -ENOMEM,
 * -ENOENT) with the mistake in error_log.
 */
struct probe_args *probe_args_parse(struct probe_log *log, int argc,
				    const char **argv, int first,
				    unsigned int ctx)
{
	return parse_arg_list(log, argc, argv, first, ctx, NULL);
}

/**
 * probe_args_parse_event() - parse the fetch arguments of an event probe
 * @log: the command, for error_log
 * @argc: number of arguments
 * @argv: the arguments
 * @first: index of argv[0] in @log's words
 * @event: the event the probe is on: $FIELD names its fields
 *
 * Context: event_mutex held.
 * Return: as probe_args_parse().
 */
struct probe_args *probe_args_parse_event(struct probe_log *log, int argc,
					  const char **argv, int first,
					  struct trace_event_call *event)
{
	return parse_arg_list(log, argc, argv, first,
			  PROBE_CTX_KERNEL | PROBE_CTX_TEVENT, event);
}

static struct probe_args *parse_arg_list(struct probe_log *log, int argc,
					 const char **argv, int first,
					 unsigned int ctx,
					 struct trace_event_call *event)
{
	struct parse p = { .log = log, .ctx = ctx, .event = event };
	struct probe_args *args;
	int i, ret;

	if (argc > PROBE_MAX_ARGS)
		return ERR_PTR(-E2BIG);
	args = kzalloc(struct_size(args, arg, argc), GFP_KERNEL);
	if (!args)
		return ERR_PTR(-ENOMEM);
	args->nr = argc;
	p.args = args;
	for (i = 0; i < argc; i++) {
		log->index = first + i;
		ret = parse_one(&p, i, argv[i]);
		if (ret) {
			probe_args_free(args);
			return ERR_PTR(ret);
		}
	}
	return args;
}

/**
 * probe_args_free() - free what probe_args_parse() returned
 * @args: the arguments, or NULL
 */
void probe_args_free(struct probe_args *args)
{
	int i;

	if (!args)
		return;
	for (i = 0; i < args->nr; i++) {
		kfree(args->arg[i].name);
		kfree(args->arg[i].comm);
		kfree(args->arg[i].fmttype);
		kfree(args->arg[i].prog.str);
	}
	kfree(args);
}

/**
 * probe_args_show() - the arguments of a definition, as it was written
 * @m: the probe events file
 * @args: the probe's arguments
 *
 * Prints " NAME=BODY" for each and ends the line.
 */
void probe_args_show(struct seq_file *m, const struct probe_args *args)
{
	int i;

	for (i = 0; i < args->nr; i++)
		seq_printf(m, " %s=%s", args->arg[i].name, args->arg[i].comm);
	seq_putc(m, '\n');
}

/**
 * probe_args_same_text() - were two probes' arguments written alike?
 * @a: one probe's arguments
 * @b: the other's, as many (probe_args_compare() said so)
 *
 * Return: true when each argument has the same text in both.
 */
bool probe_args_same_text(const struct probe_args *a,
			  const struct probe_args *b)
{
	int i;

	for (i = 0; i < a->nr; i++)
		if (strcmp(a->arg[i].comm, b->arg[i].comm))
			return false;
	return true;
}

/**
 * probe_args_match() - do the words of a removal name a probe's arguments?
 * @args: the probe's arguments
 * @argc: number of words
 * @argv: "NAME=BODY" words, as "-:EVENT PLACE ARGS" gives them after PLACE
 *
 * Return: true when each word is the argument in its place as it was
 * defined (a prefix of the arguments matches).
 */
bool probe_args_match(const struct probe_args *args, int argc,
		      const char **argv)
{
	const struct probe_arg *a;
	size_t n;
	int i;

	if (argc > args->nr)
		return false;
	for (i = 0; i < argc; i++) {
		a = &args->arg[i];
		n = strlen(a->name);
		if (strncmp(argv[i], a->name, n) || argv[i][n] != '=' ||
		    strcmp(argv[i] + n + 1, a->comm))
			return false;
	}
	return true;
}

/**
 * probe_args_compare() - may two probes write the same event?
 * @a: the new probe's arguments
 * @b: the event's
 *
 * Return: 0 when their names, types and array sizes agree, else the
 * 1-based index of the first that differs.
 */
int probe_args_compare(const struct probe_args *a, const struct probe_args *b)
{
	int i;

	if (a->nr != b->nr)
		return min(a->nr, b->nr) + 1;
	for (i = 0; i < a->nr; i++)
		if (a->arg[i].type != b->arg[i].type ||
		    a->arg[i].count != b->arg[i].count ||
		    strcmp(a->arg[i].name, b->arg[i].name))
			return i + 1;
	return 0;
}
