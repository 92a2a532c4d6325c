// SPDX-License-Identifier: GPL-2.0
/*
 * A module that disables interrupts or preemption for a given time, for
 * testing the latency tracers (upstream's ftracetest loads it):
 *
 *	modprobe preemptirq_delay_test test_mode=irq|preempt|alternate \
 *		delay=US burst_size=N cpu_affinity=CPU
 *
 * Loading runs burst_size sections of delay microseconds in a kernel
 * thread (on cpu_affinity if it is not -1) and returns when they are
 * done; "alternate" switches between the two kinds.  Writing anything to
 * /sys/kernel/preemptirq_delay_test/trigger runs them again.  Each
 * section's length, as the module measured it with local_clock(), is
 * logged.
 */
#include <linux/completion.h>
#include <linux/irqflags.h>
#include <linux/kobject.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched/clock.h>
#include <linux/string.h>
#include <linux/sysfs.h>

static ulong delay = 100;
static char test_mode[12] = "irq";
static uint burst_size = 1;
static int cpu_affinity = -1;

module_param_named(delay, delay, ulong, 0444);
module_param_string(test_mode, test_mode, sizeof(test_mode), 0444);
module_param_named(burst_size, burst_size, uint, 0444);
module_param_named(cpu_affinity, cpu_affinity, int, 0444);
MODULE_PARM_DESC(delay, "length of each section, in us (100)");
MODULE_PARM_DESC(test_mode, "irq, preempt or alternate: what each section disables (irq)");
MODULE_PARM_DESC(burst_size, "sections per run (1)");
MODULE_PARM_DESC(cpu_affinity, "the CPU the sections run on (-1: any)");

static DEFINE_MUTEX(run_lock);

/* Spin for delay us; returns the time it took in ns. */
static u64 spin(void)
{
	u64 start = local_clock(), end = start + (u64)delay * NSEC_PER_USEC;
	u64 now;

	do {
		now = local_clock();
	} while (now < end);
	return now - start;
}

/* Distinct functions, so that the tracers' "started at" names the kind. */
static noinline u64 irqsoff_section(void)
{
	unsigned long flags;
	u64 ns;

	local_irq_save(flags);
	ns = spin();
	local_irq_restore(flags);
	return ns;
}

static noinline u64 preemptoff_section(void)
{
	u64 ns;

	preempt_disable();
	ns = spin();
	preempt_enable();
	return ns;
}

static int run_sections(void *arg)
{
	struct completion *done = arg;
	bool irq = !strcmp(test_mode, "irq");
	bool alternate = !strcmp(test_mode, "alternate");
	uint i;
	u64 ns;

	for (i = 0; i < burst_size; i++) {
		if (alternate)
			irq = !(i & 1);
		ns = irq ? irqsoff_section() : preemptoff_section();
		pr_info("preemptirq_delay_test: %s section %u: %llu ns\n",
			irq ? "irqsoff" : "preemptoff", i, ns);
	}
	complete(done);
	/* Exit only through kthread_stop(): module text must outlive us. */
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int run_test(void)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct task_struct *t;

	if (strcmp(test_mode, "irq") && strcmp(test_mode, "preempt") &&
	    strcmp(test_mode, "alternate"))
		return -EINVAL;
	mutex_lock(&run_lock);
	t = kthread_create(run_sections, &done, "preemptirqtest");
	if (IS_ERR(t)) {
		mutex_unlock(&run_lock);
		return PTR_ERR(t);
	}
	if (cpu_affinity >= 0 && cpu_online(cpu_affinity))
		kthread_bind(t, cpu_affinity);
	wake_up_process(t);
	wait_for_completion(&done);
	kthread_stop(t);
	mutex_unlock(&run_lock);
	return 0;
}

static ssize_t trigger_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	int ret = run_test();

	return ret ? ret : count;
}

static struct kobj_attribute trigger_attribute = __ATTR(trigger, 0200, NULL,
							trigger_store);

/* /sys/kernel/preemptirq_delay_test, whose trigger runs the sections again. */
static struct kobject *test_kobj;

static void __exit preemptirq_delay_exit(void)
{
	kobject_put(test_kobj);
}

static int __init preemptirq_delay_init(void)
{
	int ret = -ENOMEM;

	test_kobj = kobject_create_and_add("preemptirq_delay_test", kernel_kobj);
	if (test_kobj)
		ret = sysfs_create_file(test_kobj, &trigger_attribute.attr);
	/* The first run is the load itself: modprobe returns after it. */
	if (!ret)
		ret = run_test();
	if (ret)
		kobject_put(test_kobj);
	return ret;
}

module_init(preemptirq_delay_init);
module_exit(preemptirq_delay_exit);
MODULE_DESCRIPTION("Disable interrupts or preemption for a while, to test the latency tracers");
MODULE_LICENSE("GPL");
