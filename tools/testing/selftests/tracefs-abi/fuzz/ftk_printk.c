// SPDX-License-Identifier: GPL-2.0
/*
 * ftk_printk: the trace_printk() family from a module, for t_trace_printk.
 * Loading it, and each write to /sys/module/ftk_printk/parameters/kick,
 * records one of each: trace_printk() with a constant format (a "bprint"
 * record pointing to the format) and with a variable one, trace_puts() of
 * a constant string and of a variable one, and trace_dump_stack().
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

/* Not constant to the compiler: these take the text path. */
static char var_fmt[] = "ftk_printk: variable %d\n";
static char var_str[] = "ftk_printk: variable puts";

static noinline void ftk_printk_run(void)
{
	trace_printk("ftk_printk: constant %d %s \"q\"\n", 42, "str");
	trace_printk(var_fmt, 7);
	trace_puts("ftk_printk: constant puts\n");
	trace_puts(var_str);
	trace_dump_stack(0);
	/* Not a tail call: the stack shows this function. */
	barrier();
}

static int kick_set(const char *val, const struct kernel_param *kp)
{
	ftk_printk_run();
	return 0;
}

static const struct kernel_param_ops kick_ops = {
	.set	= kick_set,
};
module_param_cb(kick, &kick_ops, NULL, 0200);

static int __init ftk_printk_init(void)
{
	ftk_printk_run();
	return 0;
}

static void __exit ftk_printk_exit(void)
{
}

module_init(ftk_printk_init);
module_exit(ftk_printk_exit);
MODULE_DESCRIPTION("The trace_printk() family from a module");
MODULE_LICENSE("GPL");
