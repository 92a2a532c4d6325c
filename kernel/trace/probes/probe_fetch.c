// SPDX-License-Identifier: GPL-2.0
/*
 * Fetch programs at run time: what a probe handler does on every hit
 * (fetch each argument into the record), and how a record's arguments
 * are printed.
 *
 * A record is the probe's header, the fixed part of the arguments (each
 * at its offset, strings as a u32 __data_loc: length << 16 | offset from
 * the record's start) and the strings after it.  The handler sizes the
 * strings first (probe_args_dyn_size()), reserves the record, then
 * stores (probe_args_store()); a string that grew in between is cut to
 * what was reserved.  Memory that cannot be read gives zeroes, and a
 * string that cannot be read is empty, printed "(fault)".
 *
 * A user-space probe's programs (probe_fetch.user) read the user stack,
 * and the parser marks their loads and strings user, so every read of
 * theirs is of the probed process's memory.
 *
 * Everything here runs in the probe handlers: no locks, no sleeping,
 * only the nofault accessors.  A user page that is not present reads as
 * a fault even though a sleeping read could have brought it in.
 */
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/trace_seq.h>
#include <linux/uaccess.h>

#include "probe.h"

/* $stackN of a user-space probe: a slot of the user stack, 0 on a fault. */
static unsigned long user_stack_nth(struct pt_regs *regs, unsigned long n)
{
	unsigned long addr = user_stack_pointer(regs) + n * sizeof(long), v;

	if (copy_from_user_nofault(&v, (void __user *)addr, sizeof(v)))
		return 0;
	return v;
}

/*
 * $FIELD of the record an event probe is on: a number, sign- or
 * zero-extended, or for a string field the string's address.
 */
static unsigned long field_value(const struct probe_fetch *f, void *rec)
{
	void *p = rec + f->imm;

	switch (f->ftype) {
	case FILTER_DYN_STRING:
		return (unsigned long)rec + (*(u32 *)p & 0xffff);
	case FILTER_RDYN_STRING:
		return (unsigned long)p + sizeof(u32) + (*(u32 *)p & 0xffff);
	case FILTER_STATIC_STRING:
		return (unsigned long)p;
	}
	switch (f->fsize) {
	case 1:
		return f->fsigned ? (long)*(s8 *)p : *(u8 *)p;
	case 2:
		return f->fsigned ? (long)*(s16 *)p : *(u16 *)p;
	case 4:
		return f->fsigned ? (long)*(s32 *)p : *(u32 *)p;
	default:
		return *(unsigned long *)p;
	}
}

static unsigned long fetch_src(const struct probe_fetch *f,
			       const struct probe_hit *hit)
{
	struct pt_regs *regs = hit->regs;

	switch (f->src) {
	case PSRC_REG:
		return regs_get_register(regs, f->imm);
	case PSRC_STACK:
		if (f->user)
			return user_stack_nth(regs, f->imm);
		return regs_get_kernel_stack_nth(regs, f->imm);
	case PSRC_STACKP:
		if (f->user)
			return user_stack_pointer(regs);
		return kernel_stack_pointer(regs);
	case PSRC_RETVAL:
		return regs_return_value(regs);
	case PSRC_ARG:
		return regs_get_kernel_argument(regs, f->imm);
	case PSRC_EDATA:
		return hit->edata ? hit->edata[f->imm] : 0;
	case PSRC_COMM:
		return (unsigned long)current->comm;
	case PSRC_STR:
		return (unsigned long)f->str;
	case PSRC_FOFFS:
		return hit->fbase + f->imm;
	case PSRC_FIELD:
		return field_value(f, hit->rec);
	default:
		return f->imm;
	}
}

/*
 * Where kernel and user addresses do not overlap, a kernel read of a user
 * address reads user memory (upstream's rule: +0(%si) of a user pointer).
 */
static bool user_addr(unsigned long addr, bool user)
{
	return user || (IS_ENABLED(CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE) &&
			addr < TASK_SIZE);
}

static int read_mem(void *dst, unsigned long addr, size_t size, bool user)
{
	if (user_addr(addr, user))
		return copy_from_user_nofault(dst, (void __user *)addr, size);
	return copy_from_kernel_nofault(dst, (void *)addr, size);
}

/*
 * The source and the pointer loads: the address (or value) the store
 * works on.  Return: 0, or -EFAULT when a load faulted.
 */
static int fetch_value(const struct probe_fetch *f,
		       const struct probe_hit *hit, unsigned long *val)
{
	unsigned long v = fetch_src(f, hit);
	int i, n = f->nderef - f->last_deref;

	for (i = 0; i < n; i++)
		if (read_mem(&v, v + f->deref[i].off, sizeof(v),
			     f->deref[i].user))
			return -EFAULT;
	if (f->last_deref)
		v += f->deref[n].off;
	*val = v;
	return 0;
}

static bool str_user(const struct probe_fetch *f, unsigned long addr)
{
	return user_addr(addr, f->store == PST_USTRING);
}

/* Bytes of the string at @addr with its NUL, at most @max; 0 on a fault. */
static int str_len(const struct probe_fetch *f, unsigned long addr, int max)
{
	int len = 0;
	char c;

	if (str_user(f, addr)) {
		len = strnlen_user_nofault((void __user *)addr, max);
		return len > 0 ? len : 0;
	}
	do {
		if (copy_from_kernel_nofault(&c, (void *)addr + len, 1))
			return 0;
		len++;
	} while (c && len < max);
	return len;
}

/* The string element @i of @f (an array is one of pointers). */
static int str_addr(const struct probe_fetch *f, unsigned long v, int i,
		    unsigned long *addr)
{
	if (!f->count) {
		*addr = v;
		return 0;
	}
	return read_mem(addr, v + i * sizeof(long), sizeof(long),
			f->last_deref && f->deref[f->nderef - 1].user);
}

/*
 * The symbol buffer lives in its own frame: with automatic variables
 * initialised (INIT_STACK_ALL_*) a handler would clear it on every hit.
 */
static noinline int symstr_len(unsigned long addr)
{
	char sym[KSYM_SYMBOL_LEN];

	return sprint_symbol(sym, addr) + 1;
}

/* Copy "sym+off/size" of @addr to @dst, at most @room bytes with a NUL. */
static noinline int symstr_copy(char *dst, unsigned long addr, int room)
{
	char sym[KSYM_SYMBOL_LEN];
	int len = min(sprint_symbol(sym, addr) + 1, room);

	memcpy(dst, sym, len);
	dst[len - 1] = '\0';
	return len;
}

static int arg_dyn_size(const struct probe_fetch *f,
			const struct probe_hit *hit)
{
	unsigned long v, addr;
	int i, total = 0;

	if (fetch_value(f, hit, &v))
		return 0;
	if (f->store == PST_SYMSTR)
		return symstr_len(v);
	for (i = 0; i < (f->count ?: 1); i++)
		if (!str_addr(f, v, i, &addr))
			total += str_len(f, addr, PROBE_MAX_STRING);
	return total;
}

/**
 * __probe_args_dyn_size() - bytes the strings of a hit need
 * @args: the probe's arguments, some of them strings
 * @hit: what the hit's programs read
 *
 * Return: the total.
 */
int __probe_args_dyn_size(const struct probe_args *args,
			  const struct probe_hit *hit)
{
	int i, total = 0;

	for (i = 0; i < args->nr; i++)
		if (args->arg[i].type->kind == PT_STRING)
			total += arg_dyn_size(&args->arg[i].prog, hit);
	return total;
}

static void apply_bitfield(const struct probe_fetch *f, void *p)
{
	switch (f->size) {
	case 1:
		*(u8 *)p = (u8)(*(u8 *)p << f->lshift) >> f->rshift;
		break;
	case 2:
		*(u16 *)p = (u16)(*(u16 *)p << f->lshift) >> f->rshift;
		break;
	case 4:
		*(u32 *)p = (u32)(*(u32 *)p << f->lshift) >> f->rshift;
		break;
	default:
		*(u64 *)p = (*(u64 *)p << f->lshift) >> f->rshift;
		break;
	}
}

/*
 * Store the strings of @f at *@dyn, at most *@room bytes, with their
 * __data_loc words at @dl; advance *@dyn and *@room.
 */
static void store_strings(const struct probe_fetch *f, unsigned long v,
			  bool ok, u32 *dl, void *rec, char **dyn, int *room)
{
	unsigned long addr;
	long len;
	int i;

	for (i = 0; i < (f->count ?: 1); i++) {
		len = 0;
		if (!ok || *room <= 0 || str_addr(f, v, i, &addr))
			goto put;
		/* Each copy counts the NUL, and ends in one when cut. */
		if (f->store == PST_SYMSTR) {
			len = symstr_copy(*dyn, addr, *room);
		} else if (str_user(f, addr)) {
			len = strncpy_from_user_nofault(*dyn,
							(void __user *)addr,
							*room);
		} else {
			len = strncpy_from_kernel_nofault(*dyn, (void *)addr,
							  *room);
		}
		if (len < 0)
			len = 0;
put:
		dl[i] = (u32)len << 16 | (u32)(*dyn - (char *)rec);
		*dyn += len;
		*room -= len;
	}
}

/**
 * __probe_args_store() - fetch every argument of a hit into its record
 * @args: the probe's arguments, at least one
 * @hit: what the hit's programs read
 * @rec: the record (what __data_loc offsets count from)
 * @data: where the arguments start in it
 * @dynlen: bytes reserved after the fixed part for strings
 */
void __probe_args_store(const struct probe_args *args,
			const struct probe_hit *hit, void *rec, void *data,
			int dynlen)
{
	char *dyn = data + args->size;
	int i, k, n;

	for (i = 0; i < args->nr; i++) {
		const struct probe_arg *a = &args->arg[i];
		const struct probe_fetch *f = &a->prog;
		void *dst = data + a->offset;
		unsigned long v;
		bool ok = !fetch_value(f, hit, &v);

		n = f->count ?: 1;
		switch (f->store) {
		case PST_RAW:
			if (!ok)
				v = 0;
			memcpy(dst, &v, f->size);
			break;
		case PST_MEM:
			if (!ok || read_mem(dst, v, f->size * n,
					    f->deref[f->nderef - 1].user))
				memset(dst, 0, f->size * n);
			break;
		default:
			store_strings(f, v, ok, dst, rec, &dyn, &dynlen);
			continue;
		}
		if (f->bitfield)
			for (k = 0; k < n; k++)
				apply_bitfield(f, dst + k * f->size);
	}
}

/**
 * probe_args_save_entry() - what a return probe keeps from the entry
 * @args: the probe's arguments
 * @regs: the registers at the function's entry
 * @edata: room for args->nr_entry values
 */
void probe_args_save_entry(const struct probe_args *args,
			   struct pt_regs *regs, unsigned long *edata)
{
	int i;

	for (i = 0; i < args->nr_entry; i++)
		edata[i] = regs_get_kernel_argument(regs, args->entry[i]);
}

static void print_one(struct trace_seq *s, const struct probe_argtype *t,
		      void *p, void *rec, unsigned int reclen)
{
	unsigned int off, len;
	u64 v = 0;

	switch (t->kind) {
	case PT_STRING:
		off = *(u32 *)p & 0xffff;
		len = *(u32 *)p >> 16;
		/* Not a string of this record: nothing to print. */
		if (!len || off + len > reclen || ((char *)rec)[off + len - 1])
			trace_seq_puts(s, "(fault)");
		else
			trace_seq_printf(s, "\"%s\"", (char *)rec + off);
		return;
	case PT_SYMBOL:
		trace_seq_printf(s, "%pS", (void *)*(unsigned long *)p);
		return;
	}
	memcpy(&v, p, t->size);
	if (t->size == 8) {
		trace_seq_printf(s, t->fmt, v);
		return;
	}
	if (t->is_signed)	/* sign-extend to int for "%d" */
		v = t->size == 1 ? (s8)v : t->size == 2 ? (s16)v : (s32)v;
	trace_seq_printf(s, t->fmt, (u32)v);
}

/**
 * probe_args_print() - " NAME=VALUE" of every argument of a record
 * @s: output
 * @args: the event's arguments
 * @data: where they start in the record
 * @rec: the record
 * @reclen: its length: a record too short for the arguments (not one of
 *	this event's) prints none of them
 */
void probe_args_print(struct trace_seq *s, const struct probe_args *args,
		      void *data, void *rec, unsigned int reclen)
{
	int i, k;

	if (data - rec + args->size > reclen)
		return;
	for (i = 0; i < args->nr; i++) {
		const struct probe_arg *a = &args->arg[i];
		void *p = data + a->offset;

		trace_seq_printf(s, " %s=", a->name);
		if (!a->count) {
			print_one(s, a->type, p, rec, reclen);
			continue;
		}
		trace_seq_putc(s, '{');
		for (k = 0; k < a->count; k++) {
			print_one(s, a->type, p + k * a->type->size, rec,
				  reclen);
			trace_seq_putc(s, k == a->count - 1 ? '}' : ',');
		}
	}
}
