// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the fetch-argument parser and of fetch programs.
 *
 * The parser cases check the program each syntax compiles to, the record
 * layout, and for every mistake upstream's selftests try, the error and
 * the caret position it puts in error_log (written here with a '^' in the
 * command, as the selftest writes them); for kernel probes and for user
 * space (uprobe) ones.  The fetch cases run programs on hand-made
 * registers and memory and check the record and its text.
 */
#include <kunit/test.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace_seq.h>

#include "probe.h"

#define CTX_ENTRY	(PROBE_CTX_KERNEL | PROBE_CTX_FENTRY)
#define CTX_USER	0			/* a uprobe */
#define CTX_URET	PROBE_CTX_RETURN	/* a uretprobe */

/* Split @cmd into words (in @buf) and parse its arguments (from word 2). */
static struct probe_args *parse_cmd(struct kunit *test, const char *cmd,
				    unsigned int ctx, struct probe_log *log,
				    int *caret)
{
	const char **argv = kunit_kcalloc(test, 32, sizeof(char *), GFP_KERNEL);
	char *buf = kunit_kzalloc(test, strlen(cmd) + 1, GFP_KERNEL), *p, *s;
	int argc = 0;

	*caret = -1;
	for (p = buf, s = (char *)cmd; *s; s++) {
		if (*s == '^')
			*caret = p - buf;
		else
			*p++ = *s;
	}
	s = buf;
	while ((p = strsep(&s, " ")) && argc < 32)
		argv[argc++] = p;
	*log = (struct probe_log){ .argc = argc, .argv = argv, .err = PE_NR };
	return probe_args_parse(log, argc - 2, argv + 2, 2, ctx);
}

static const struct {
	const char	*cmd;
	enum probe_err	err;
} bad_args[] = {
	{ "p vfs_read ^$retval", PE_RETVAL_ON_PROBE },
	{ "p vfs_read ^$stack10000", PE_BAD_STACK_NUM },
	{ "p vfs_read ^$arg10000", PE_BAD_ARG_NUM },
	{ "p vfs_read ^$none_var", PE_BAD_VAR },
	{ "p vfs_read ^%none_reg", PE_BAD_REG_NAME },
	{ "p vfs_read ^@12345678abcde", PE_BAD_MEM_ADDR },
	{ "p vfs_read ^@+10", PE_FILE_ON_KPROBE },
	{ "p vfs_read arg1=\\^x", PE_BAD_IMM },
	{ "p vfs_read arg1=\\\"abcd^", PE_IMMSTR_NO_CLOSE },
	{ "p vfs_read ^+0@0)", PE_DEREF_NEED_BRACE },
	{ "p vfs_read ^+0ab1(@0)", PE_BAD_DEREF_OFFS },
	{ "p vfs_read +0(+0(@0^)", PE_DEREF_OPEN_BRACE },
	{ "p vfs_read +0(^$comm)", PE_COMM_CANT_DEREF },
	{ "p vfs_read ^&1", PE_BAD_FETCH_ARG },
	{ "p vfs_read +0(^+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@0))))))))))))))",
	  PE_TOO_MANY_OPS },
	{ "p vfs_read +0(@11):u8[10^", PE_ARRAY_NO_CLOSE },
	{ "p vfs_read +0(@11):u8[10]^a", PE_BAD_ARRAY_SUFFIX },
	{ "p vfs_read +0(@11):u8[^10a]", PE_BAD_ARRAY_NUM },
	{ "p vfs_read +0(@11):u8[^256]", PE_ARRAY_TOO_BIG },
	{ "p vfs_read @11:^unknown_type", PE_BAD_TYPE },
	{ "p vfs_read $stack0:^string", PE_BAD_STRING },
	{ "p vfs_read @11:^b10@a/16", PE_BAD_BITFIELD },
	{ "p vfs_read ^arg123456789012345678901234567890=@11",
	  PE_ARG_NAME_TOO_LONG },
	{ "p vfs_read ^=@11", PE_NO_ARG_NAME },
	{ "p vfs_read ^var.1=@11", PE_BAD_ARG_NAME },
	{ "p vfs_read var1=@11 ^var1=@12", PE_USED_ARG_NAME },
	{ "p vfs_read ^+1234567(+1234567(+1234567(+1234567(+1234567(+1234567(@1234))))))",
	  PE_ARG_TOO_LONG },
	{ "p vfs_read arg1=^", PE_NO_ARG_BODY },
	{ "p vfs_read ^$arg*", PE_NOSUP_BTFARG },
	{ "p vfs_read $comm:^u32", PE_NEED_STRING_TYPE },
	{ "p vfs_read ^hoge", PE_NOSUP_BTFARG },
	{ "p vfs_read %di:^symstr", PE_NR },	/* accepted */
	{ "p vfs_read \\1:^symstr", PE_BAD_SYMSTRING },
	{ "p vfs_read +u0(%si):^u8[4]", PE_NR },	/* accepted */
	{ "p vfs_read %si:^u8[4]", PE_BAD_STRING },
};

/* @cmd's arguments parsed in @ctx give @err at the caret, or no error. */
static void check_parse(struct kunit *test, const char *cmd, unsigned int ctx,
			enum probe_err err)
{
	struct probe_args *args;
	struct probe_log log;
	int caret;

	args = parse_cmd(test, cmd, ctx, &log, &caret);
	if (err == PE_NR) {
		KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(args), "%s", cmd);
	} else {
		KUNIT_EXPECT_TRUE_MSG(test, IS_ERR(args), "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, log.err, err, "%s", cmd);
		KUNIT_EXPECT_EQ_MSG(test, log.pos, caret, "%s", cmd);
	}
	if (!IS_ERR(args))
		probe_args_free(args);
}

/* Every mistake: the error and its place; correct ones: no error. */
static void parse_errors(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad_args); i++)
		check_parse(test, bad_args[i].cmd, CTX_ENTRY, bad_args[i].err);
}

static const struct {
	const char	*cmd;
	unsigned int	ctx;
	enum probe_err	err;
} bad_uargs[] = {
	/* upstream's uprobe_syntax_errors.tc */
	{ "p /bin/sh:10 ^@+ab", CTX_USER, PE_BAD_FILE_OFFS },
	{ "p /bin/sh:10 ^@symbol", CTX_USER, PE_SYM_ON_UPROBE },
	{ "p /bin/sh:10 $stack0:^symstr", CTX_USER, PE_BAD_TYPE },
	/* and the rest of what a user-space probe may not use */
	{ "p /bin/sh:10 %ax:^symbol", CTX_USER, PE_BAD_TYPE },
	{ "p /bin/sh:10 ^@jiffies+8", CTX_USER, PE_SYM_ON_UPROBE },
	{ "p /bin/sh:10 ^$arg1", CTX_USER, PE_NOFENTRY_ARGS },
	{ "r /bin/sh:10 ^$arg1", CTX_URET, PE_NOFENTRY_ARGS },
	{ "p /bin/sh:10 ^$retval", CTX_USER, PE_RETVAL_ON_PROBE },
	{ "p /bin/sh:10 x=$stack0:^string", CTX_USER, PE_BAD_STRING },
	/* accepted: no kernel stack to bound $stackN */
	{ "p /bin/sh:10 $stack10000", CTX_USER, PE_NR },
	{ "p /bin/sh:10 @+0x10:x32 @+0:u8[4] @0x1000:s16", CTX_USER, PE_NR },
	{ "r /bin/sh:10 $retval:s32 +0($retval):ustring", CTX_URET, PE_NR },
	{ "p /bin/sh:10 ^@+10", CTX_ENTRY, PE_FILE_ON_KPROBE },
};

/* A user-space probe refuses what only a kernel probe may use. */
static void parse_user_errors(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad_uargs); i++)
		check_parse(test, bad_uargs[i].cmd, bad_uargs[i].ctx,
			    bad_uargs[i].err);
}

/* $retval needs a return probe, $argN a function entry or a return. */
static void parse_context(struct kunit *test)
{
	struct probe_args *args;
	struct probe_log log;
	int caret;

	args = parse_cmd(test, "r vfs_read $retval $arg2 $arg2 $arg1",
			 PROBE_CTX_KERNEL | PROBE_CTX_RETURN, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_EXPECT_EQ(test, args->arg[0].prog.src, PSRC_RETVAL);
	/* Entry arguments a return probe saves, each once. */
	KUNIT_EXPECT_EQ(test, args->nr_entry, 2);
	KUNIT_EXPECT_EQ(test, args->entry[0], 1);
	KUNIT_EXPECT_EQ(test, args->entry[1], 0);
	KUNIT_EXPECT_EQ(test, args->arg[1].prog.src, PSRC_EDATA);
	KUNIT_EXPECT_EQ(test, args->arg[2].prog.imm, 0UL);
	KUNIT_EXPECT_EQ(test, args->arg[3].prog.imm, 1UL);
	probe_args_free(args);

	args = parse_cmd(test, "p vfs_read+4 ^$arg1", PROBE_CTX_KERNEL, &log,
			 &caret);
	KUNIT_EXPECT_TRUE(test, IS_ERR(args));
	KUNIT_EXPECT_EQ(test, log.err, PE_NOFENTRY_ARGS);
	KUNIT_EXPECT_EQ(test, log.pos, caret);
}

/*
 * fprobe and tracepoint probes: no registers; a tracepoint stub's $argN
 * skips the stub's first argument (the probe's data).
 */
static void parse_fprobe_context(struct kunit *test)
{
	unsigned int fentry = CTX_ENTRY | PROBE_CTX_NOREG;
	struct probe_args *args;
	struct probe_log log;
	int caret;

	check_parse(test, "f vfs_read ^%ax", fentry, PE_BAD_VAR);
	check_parse(test, "t sys_enter x=^%di:u8", fentry | PROBE_CTX_TPOINT,
		    PE_BAD_VAR);
	check_parse(test, "t sys_enter ^$retval", fentry | PROBE_CTX_TPOINT,
		    PE_RETVAL_ON_PROBE);
	args = parse_cmd(test, "t sys_enter $arg1 $arg2", fentry |
			 PROBE_CTX_TPOINT, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_EXPECT_EQ(test, args->arg[0].prog.src, PSRC_ARG);
	KUNIT_EXPECT_EQ(test, args->arg[0].prog.imm, 1UL);
	KUNIT_EXPECT_EQ(test, args->arg[1].prog.imm, 2UL);
	probe_args_free(args);
	args = parse_cmd(test, "f vfs_read $arg1", fentry, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_EXPECT_EQ(test, args->arg[0].prog.imm, 0UL);
	probe_args_free(args);
}

/* Programs, types and the record layout of correct arguments. */
static void parse_programs(struct kunit *test)
{
	struct probe_args *args;
	struct probe_log log;
	struct probe_arg *a;
	int caret;

	args = parse_cmd(test,
			 "p f %di x=+8(%si):u32 s=+0(+16(%sp)):string $comm \\-3:s16 b=%ax:b4@2/8 arr=+0(%bx):x8[4] u=+u4(%cx):ustring",
			 CTX_ENTRY, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_ASSERT_EQ(test, args->nr, 8);

	a = &args->arg[0];	/* %di: a register, x64 by default */
	KUNIT_EXPECT_STREQ(test, a->name, "arg1");
	KUNIT_EXPECT_STREQ(test, a->type->name, "x64");
	KUNIT_EXPECT_STREQ(test, a->fmttype, "u64");
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_REG);
	KUNIT_EXPECT_EQ(test, a->prog.imm, offsetof(struct pt_regs, di));
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_RAW);
	KUNIT_EXPECT_EQ(test, a->offset, 0U);

	a = &args->arg[1];	/* one load: the store reads 4 bytes */
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_MEM);
	KUNIT_EXPECT_EQ(test, a->prog.nderef, 1);
	KUNIT_EXPECT_TRUE(test, a->prog.last_deref);
	KUNIT_EXPECT_EQ(test, a->prog.deref[0].off, 8L);
	KUNIT_EXPECT_EQ(test, a->offset, 8U);

	a = &args->arg[2];	/* two loads, the last is the string's */
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_STRING);
	KUNIT_EXPECT_EQ(test, a->prog.nderef, 2);
	KUNIT_EXPECT_EQ(test, a->prog.deref[0].off, 16L);
	KUNIT_EXPECT_STREQ(test, a->fmttype, "__data_loc char[]");
	KUNIT_EXPECT_EQ(test, a->offset, 12U);

	a = &args->arg[3];	/* $comm is a string without a load */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_COMM);
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_STRING);
	KUNIT_EXPECT_FALSE(test, a->prog.last_deref);

	a = &args->arg[4];	/* an immediate */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_IMM);
	KUNIT_EXPECT_EQ(test, (long)a->prog.imm, -3L);
	KUNIT_EXPECT_STREQ(test, a->fmttype, "s16");

	a = &args->arg[5];	/* a bitfield in a u8 */
	KUNIT_EXPECT_TRUE(test, a->prog.bitfield);
	KUNIT_EXPECT_EQ(test, a->prog.lshift, 2);
	KUNIT_EXPECT_EQ(test, a->prog.rshift, 4);

	a = &args->arg[6];
	KUNIT_EXPECT_EQ(test, a->count, 4);
	KUNIT_EXPECT_STREQ(test, a->fmttype, "u8[4]");

	a = &args->arg[7];	/* a user load makes a user string */
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_USTRING);
	KUNIT_EXPECT_TRUE(test, a->prog.deref[0].user);

	KUNIT_EXPECT_TRUE(test, args->dynamic);
	/* 8 + 4 + 4 + 4 + 2 + 1 + 4 + 4 */
	KUNIT_EXPECT_EQ(test, args->size, 31U);
	/* Same names and types compare equal; the first difference counts. */
	KUNIT_EXPECT_EQ(test, probe_args_compare(args, args), 0);
	probe_args_free(args);
}

/* A user-space probe's programs: file offsets, and user memory everywhere. */
static void parse_user_programs(struct kunit *test)
{
	struct probe_args *args;
	struct probe_log log;
	struct probe_arg *a;
	int caret, i;

	args = parse_cmd(test,
			 "p /bin/sh:10 @+0x10:x32 s=+0($stack1):string $comm i=\\0x1000:string st=$stack3 sp=$stack k=+u8(%di):u64 d=+8(%di):u64",
			 CTX_USER, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_ASSERT_EQ(test, args->nr, 8);
	for (i = 0; i < args->nr; i++)
		KUNIT_EXPECT_TRUE(test, args->arg[i].prog.user);

	a = &args->arg[0];	/* @+FOFFS: a load at the file offset */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_FOFFS);
	KUNIT_EXPECT_EQ(test, a->prog.imm, 0x10UL);
	KUNIT_EXPECT_EQ(test, a->prog.nderef, 1);
	KUNIT_EXPECT_TRUE(test, a->prog.deref[0].user);
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_MEM);
	KUNIT_EXPECT_STREQ(test, a->fmttype, "u32");

	a = &args->arg[1];	/* a string is a user string */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_STACK);
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_USTRING);
	KUNIT_EXPECT_TRUE(test, a->prog.deref[0].user);

	a = &args->arg[2];	/* but $comm is the kernel's copy */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_COMM);
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_STRING);

	a = &args->arg[3];	/* an immediate address is a user one */
	KUNIT_EXPECT_EQ(test, a->prog.src, PSRC_IMM);
	KUNIT_EXPECT_EQ(test, a->prog.store, PST_USTRING);

	KUNIT_EXPECT_EQ(test, args->arg[4].prog.src, PSRC_STACK);
	KUNIT_EXPECT_EQ(test, args->arg[4].prog.imm, 3UL);
	KUNIT_EXPECT_EQ(test, args->arg[5].prog.src, PSRC_STACKP);
	/* Loads are user loads with or without "u". */
	KUNIT_EXPECT_TRUE(test, args->arg[6].prog.deref[0].user);
	KUNIT_EXPECT_TRUE(test, args->arg[7].prog.deref[0].user);
	probe_args_free(args);

	/* The kernel's programs are not user ones. */
	args = parse_cmd(test, "p f $stack0 +8(%di):u64", CTX_ENTRY, &log,
			 &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	KUNIT_EXPECT_FALSE(test, args->arg[0].prog.user);
	KUNIT_EXPECT_FALSE(test, args->arg[1].prog.deref[0].user);
	probe_args_free(args);
}

struct fetch_obj {
	unsigned long	pad;
	const char	*name;
	u32		val;
	u8		bits;
	u8		arr[4];
};

/* Run programs on registers and memory of our own; check record and text. */
static void fetch_store_print(struct kunit *test)
{
	static const char name[] = "probe-name";
	struct fetch_obj obj = {
		.pad = 42, .name = name, .val = 0xdeadbeef, .bits = 0xb4,
		.arr = { 1, 2, 3, 4 },
	};
	struct fetch_obj *objp = &obj;
	unsigned long stack[4] = { 7, (unsigned long)&objp, 9, 10 };
	struct pt_regs regs = { };
	struct probe_hit hit = { .regs = &regs };
	struct probe_args *args;
	struct trace_seq *s;
	struct probe_log log;
	int caret, dyn;
	char *rec, want[160];

	regs.di = (unsigned long)&obj;
	regs.sp = (unsigned long)stack;
	regs.ax = 0x1234;
	args = parse_cmd(test,
			 "p f v=+16(%di):x32 n=+0(+8(%di)):string b=+20(%di):b4@2/8 a=+21(%di):u8[4] s=$stack1 d=+0(+0($stack1)):u64 c=+0(+8(%di)):char i=\\-5:s8 bad=+0(\\16):string ax=%ax:s16",
			 CTX_ENTRY, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	dyn = probe_args_dyn_size(args, &hit);
	/* "probe-name" and its NUL; the bad string takes no room. */
	KUNIT_EXPECT_EQ(test, dyn, (int)sizeof(name));
	rec = kunit_kzalloc(test, 16 + args->size + dyn, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	probe_args_store(args, &hit, rec, rec + 16, dyn);
	KUNIT_EXPECT_EQ(test, *(u32 *)(rec + 16 + args->arg[0].offset),
			0xdeadbeefU);
	/* 0xb4 = 1011 0100: bits 2..5 are 1101. */
	KUNIT_EXPECT_EQ(test, *(u8 *)(rec + 16 + args->arg[2].offset), 0xd);

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	probe_args_print(s, args, rec + 16, rec, 16 + args->size + dyn);
	snprintf(want, sizeof(want),
		 " v=0xdeadbeef n=\"probe-name\" b=13 a={1,2,3,4} s=0x%lx d=42 c='p' i=-5 bad=(fault) ax=4660",
		 (unsigned long)&objp);
	KUNIT_EXPECT_STREQ(test, s->buffer, want);
	/* A record too short for the arguments prints none of them. */
	trace_seq_init(s);
	probe_args_print(s, args, rec + 16, rec, 16 + args->size - 1);
	KUNIT_EXPECT_EQ(test, trace_seq_used(s), 0);
	probe_args_free(args);
}

/*
 * "%pd" and "%pD" name the dentry of a struct dentry * or a struct file *:
 * listed as the loads they stand for, run on structures of our own.
 */
static void fetch_vfs_names(struct kunit *test)
{
	static const char fname[] = "probe-file";
	struct dentry *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct file *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct pt_regs regs = { };
	struct probe_hit hit = { .regs = &regs };
	struct probe_args *args;
	struct trace_seq *s;
	struct probe_log log;
	int caret, dyn;
	char *rec, want[64];

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_ASSERT_NOT_NULL(test, f);
	d->d_name.name = fname;
	f->f_path.dentry = d;
	regs.di = (unsigned long)d;
	regs.si = (unsigned long)f;
	args = parse_cmd(test, "p f name=$arg1:%pd $arg2:%pD", CTX_ENTRY, &log,
			 &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	snprintf(want, sizeof(want), "+0x0(+0x%zx($arg1)):string",
		 offsetof(struct dentry, d_name.name));
	KUNIT_EXPECT_STREQ(test, args->arg[0].comm, want);
	KUNIT_EXPECT_STREQ(test, args->arg[0].name, "name");
	KUNIT_EXPECT_STREQ(test, args->arg[1].name, "arg2");
	KUNIT_EXPECT_EQ(test, args->arg[1].prog.nderef, 3);
	KUNIT_EXPECT_STREQ(test, args->arg[1].fmttype, "__data_loc char[]");

	dyn = probe_args_dyn_size(args, &hit);
	KUNIT_EXPECT_EQ(test, dyn, 2 * (int)sizeof(fname));
	rec = kunit_kzalloc(test, 16 + args->size + dyn, GFP_KERNEL);
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	KUNIT_ASSERT_NOT_NULL(test, s);
	probe_args_store(args, &hit, rec, rec + 16, dyn);
	trace_seq_init(s);
	probe_args_print(s, args, rec + 16, rec, 16 + args->size + dyn);
	KUNIT_EXPECT_STREQ(test, s->buffer,
			   " name=\"probe-file\" arg2=\"probe-file\"");
	probe_args_free(args);

	/* Only kernel probes have them. */
	check_parse(test, "p /bin/sh:10 %di:^%pd", CTX_USER, PE_BAD_TYPE);
}

/*
 * A user-space probe reads only user memory: given kernel addresses (all
 * this test has) its loads, stack slots and strings fault, while its
 * registers, $stack and $comm still work.
 */
static void fetch_user(struct kunit *test)
{
	unsigned long stack[2] = { 7, 8 };
	struct fetch_obj obj = { .val = 0xdeadbeef, .name = "x" };
	struct pt_regs regs = { };
	struct probe_hit hit = { .regs = &regs };
	struct probe_args *args;
	struct trace_seq *s;
	struct probe_log log;
	int caret, dyn;
	char *rec, want[160];

	regs.di = (unsigned long)&obj;
	regs.sp = (unsigned long)stack;
	regs.ax = 0x1234;
	hit.fbase = (unsigned long)&obj;
	args = parse_cmd(test,
			 "p /bin/sh:10 v=+16(%di):x32 n=+0(+8(%di)):string s=$stack1 f=@+16:u32 c=$comm ax=%ax:s16 sp=$stack",
			 CTX_USER, &log, &caret);
	KUNIT_ASSERT_FALSE(test, IS_ERR(args));
	dyn = probe_args_dyn_size(args, &hit);
	KUNIT_EXPECT_EQ(test, dyn, (int)strlen(current->comm) + 1);
	rec = kunit_kzalloc(test, 16 + args->size + dyn, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	probe_args_store(args, &hit, rec, rec + 16, dyn);

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	trace_seq_init(s);
	probe_args_print(s, args, rec + 16, rec, 16 + args->size + dyn);
	snprintf(want, sizeof(want),
		 " v=0x0 n=(fault) s=0x0 f=0 c=\"%s\" ax=4660 sp=0x%lx",
		 current->comm, (unsigned long)stack);
	KUNIT_EXPECT_STREQ(test, s->buffer, want);
	probe_args_free(args);
}

static struct kunit_case probe_cases[] = {
	KUNIT_CASE(parse_errors),
	KUNIT_CASE(parse_user_errors),
	KUNIT_CASE(parse_context),
	KUNIT_CASE(parse_fprobe_context),
	KUNIT_CASE(parse_programs),
	KUNIT_CASE(parse_user_programs),
	KUNIT_CASE(fetch_store_print),
	KUNIT_CASE(fetch_user),
	KUNIT_CASE(fetch_vfs_names),
	{}
};

static struct kunit_suite probe_suite = {
	.name		= "probe_events",
	.test_cases	= probe_cases,
};

kunit_test_suite(probe_suite);

MODULE_DESCRIPTION("KUnit tests of probe event fetch arguments");
MODULE_LICENSE("GPL");
