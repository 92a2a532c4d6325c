// SPDX-License-Identifier: GPL-2.0
/*
 * ftk_preemptoff: a preemption-off section on the writer's CPU, for
 * t_latency.  Each write of N to /sys/kernel/debug/ftk_preemptoff spins N
 * microseconds (at most a second) with preemption off on the CPU the
 * writing task runs on, so that a test overlaps two sections on two CPUs
 * (preemptirq_delay_test runs one section at a time, and a module
 * parameter's writes are serialised by the module's parameter lock).
 * Interrupts stay on: the other CPU's IPIs do not wait for the section.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/uaccess.h>

static struct dentry *ftk_preemptoff_file;

static noinline void ftk_preemptoff_section(unsigned long us)
{
	u64 end;

	preempt_disable();
	end = local_clock() + (u64)us * NSEC_PER_USEC;
	while (local_clock() < end)
		cpu_relax();
	preempt_enable();
}

static ssize_t section_write(struct file *file, const char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	unsigned long us;
	int ret;

	ret = kstrtoul_from_user(ubuf, cnt, 0, &us);
	if (ret)
		return ret;
	if (us > USEC_PER_SEC)
		return -ERANGE;
	ftk_preemptoff_section(us);
	*ppos += cnt;
	return cnt;
}

static const struct file_operations section_fops = {
	.write	= section_write,
	.llseek	= noop_llseek,
};

static int __init ftk_preemptoff_init(void)
{
	ftk_preemptoff_file = debugfs_create_file("ftk_preemptoff", 0200, NULL,
						  NULL, &section_fops);
	return 0;
}

static void __exit ftk_preemptoff_exit(void)
{
	debugfs_remove(ftk_preemptoff_file);
}

module_init(ftk_preemptoff_init);
module_exit(ftk_preemptoff_exit);
MODULE_DESCRIPTION("Preemption-off sections on demand, for the latency tests");
MODULE_LICENSE("GPL");
