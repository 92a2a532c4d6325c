// SPDX-License-Identifier: GPL-2.0
/*
 * The tracefs files of the tracing core.
 *
 *	available_tracers	registered tracers, newest first
 *	current_tracer		read or select the tracer
 *	tracing_on		the on/off switch (0 or 1)
 *	tracing_thresh		latency threshold of tracers, in us (root only)
 *	README			a short guide to the files that exist
 *
 * (the control part of every instance, trace_instance.c), and the start
 * of tracefs, which makes the files of every part of the top instance.
 *
 * tracefs is mounted at /sys/kernel/tracing; older tools look for it at
 * /sys/kernel/debug/tracing, so debugfs gets an automount point there.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

/* ---- available_tracers ---------------------------------------------------- */

static int available_tracers_show(struct seq_file *m, void *v)
{
	return tracer_show_available(m, m->private);
}

static int available_tracers_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ? ret : single_open(file, available_tracers_show,
					inode->i_private);
}

static const struct file_operations available_tracers_fops = {
	.open		= available_tracers_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* ---- current_tracer ------------------------------------------------------- */

static ssize_t current_tracer_read(struct file *file, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	char buf[MAX_TRACER_SIZE + 1];
	int len;

	mutex_lock(&trace_types_lock);
	len = scnprintf(buf, sizeof(buf), "%s\n", tr->current_trace->name);
	mutex_unlock(&trace_types_lock);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t current_tracer_write(struct file *file, const char __user *ubuf,
				    size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	char buf[MAX_TRACER_SIZE];
	size_t len = min(cnt, sizeof(buf) - 1);
	int ret;

	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';

	/* "echo name" appends a newline; surrounding blanks are not part of it. */
	ret = tracing_set_tracer(tr, strim(buf));
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

/* ---- tracing_on ----------------------------------------------------------- */

static ssize_t tracing_on_read(struct file *file, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	char buf[4];
	int len;

	len = scnprintf(buf, sizeof(buf), "%d\n", READ_ONCE(tr->on));
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

static ssize_t tracing_on_write(struct file *file, const char __user *ubuf,
				size_t cnt, loff_t *ppos)
{
	struct trace_array *tr = file->private_data;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, ULONG_MAX, &val);
	if (ret)
		return ret;
	trace_on_store(tr, val != 0);
	*ppos += cnt;
	return cnt;
}

/* ---- tracing_thresh ------------------------------------------------------- */

unsigned long tracing_thresh;

static ssize_t tracing_thresh_read(struct file *file, char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	char buf[24];
	int len;

	len = scnprintf(buf, sizeof(buf), "%lu\n",
			READ_ONCE(tracing_thresh) / NSEC_PER_USEC);
	return simple_read_from_buffer(ubuf, cnt, ppos, buf, len);
}

/* In microseconds; the current tracer of the top instance follows it. */
static ssize_t tracing_thresh_write(struct file *file, const char __user *ubuf,
				    size_t cnt, loff_t *ppos)
{
	struct tracer *t;
	unsigned long val;
	int ret;

	ret = trace_get_ulong(ubuf, cnt, 0, ULONG_MAX / NSEC_PER_USEC, &val);
	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	WRITE_ONCE(tracing_thresh, val * NSEC_PER_USEC);
	t = trace_top.current_trace;
	if (t->update_thresh)
		ret = t->update_thresh(&trace_top);
	mutex_unlock(&trace_types_lock);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

/* ---- README --------------------------------------------------------------- */

static const char readme_text[] =
	"tracing mini-HOWTO:\n\n"
	"# echo 0 > tracing_on : quick way to disable tracing\n"
	"# echo 1 > tracing_on : quick way to re-enable tracing\n\n"
	" Important files:\n"
	"  trace\t\t\t- The static contents of the buffer\n"
	"\t\t\t  To clear the buffer write into this file: echo > trace\n"
	"  trace_pipe\t\t- A consuming read to see the contents of the buffer\n"
	"  current_tracer\t- function and latency tracers\n"
	"  available_tracers\t- list of configured tracers for current_tracer\n"
	"  buffer_size_kb\t- view and modify size of per cpu buffer\n"
	"  buffer_total_size_kb  - view total size of all cpu buffers\n\n"
	"  free_buffer\t\t- shrink the buffer when this file is closed\n"
	"  trace_clock\t\t- change the clock used to order events\n"
	"       local:   Per cpu clock but may not be synced across CPUs\n"
	"      global:   Synced across CPUs but slows tracing down.\n"
	"     counter:   Not a clock, but just an increment\n"
	"      uptime:   Jiffy counter from time of boot\n"
	"        perf:   Same clock that perf events use\n"
	"     x86-tsc:   TSC cycle counter\n"
	"  tracing_on\t\t- Enable or disable writing to the ring buffer\n"
	"  trace_marker\t\t- Writes into this file writes into the kernel buffer\n"
	"  trace_marker_raw\t\t- Writes into this file writes binary data into the kernel buffer\n"
	"  saved_cmdlines\t- pid to comm of tasks that wrote into the buffer\n"
	"  saved_cmdlines_size\t- number of saved pid to comm mappings\n"
	"  saved_tgids\t\t- pid to tgid of tasks that wrote, with options/record-tgid\n"
	"  buffer_percent\t- how full a CPU buffer is before splice readers of\n"
	"\t\t\t  trace_pipe_raw wake up (0: at once, 100: when full)\n"
	"  per_cpu/cpuN/\t\t- trace, trace_pipe, stats and buffer_size_kb of one CPU\n"
	"  tracing_thresh\t- only record latencies above this many microseconds\n"
#ifdef CONFIG_FUNCTION_GRAPH_TRACER
	"  set_graph_function\t- function_graph: graph only these and what they call\n"
	"  set_graph_notrace\t- function_graph: graph neither these nor what they call\n"
	"  max_graph_depth\t- function_graph: deepest call graphed (0: any depth)\n"
#endif
#ifdef CONFIG_DYNAMIC_EVENTS
	"  dynamic_events\t- Create/append/remove/show probe events of any kind\n"
#endif
#ifdef CONFIG_KPROBE_EVENTS
	"  kprobe_events\t\t- Create/append/remove/show kprobe events\n"
	"  kprobe_profile\t- hits and misses of every kprobe event\n"
#endif
#ifdef CONFIG_UPROBE_EVENTS
	"  uprobe_events\t\t- Create/append/remove/show uprobe events (user space)\n"
	"  uprobe_profile\t- file and hits of every uprobe event\n"
#endif
#if defined(CONFIG_KPROBE_EVENTS) || defined(CONFIG_UPROBE_EVENTS) || \
	defined(CONFIG_FPROBE_EVENTS)
	"\t  One definition per line written:\n"
#if defined(CONFIG_KPROBE_EVENTS) || defined(CONFIG_UPROBE_EVENTS)
	"\t   Format: p[:[<group>/][<event>]] <place> [<args>]\n"
	"\t           r[maxactive][:[<group>/][<event>]] <place> [<args>]\n"
#endif
#ifdef CONFIG_FPROBE_EVENTS
	"\t           f[:[<group>/][<event>]] <func-name>[%return] [<args>]\n"
	"\t           t[:[<group>/][<event>]] <tracepoint> [<args>]\n"
#endif
	"\t           e[:[<group>/][<event>]] <attached-group>.<attached-event> [<args>] [if <filter>]\n"
	"\t           -:[<group>/][<event>]\n"
#ifdef CONFIG_KPROBE_EVENTS
	"\t    place: [<module>:]<symbol>[+<offset>]|<memaddr>\n"
	"\t    place (kretprobe): [<module>:]<symbol>[+<offset>]%return|<memaddr>\n"
#endif
#ifdef CONFIG_UPROBE_EVENTS
	"\t    place (uprobe): <path>:<offset>[%return][(ref_ctr_offset)]\n"
#endif
	"\t     args: <name>=fetcharg[:type]\n"
	"\t fetcharg: %<register>, @<address>, @<symbol>[+|-<offset>], $comm,\n"
	"\t           $stack<index>, $stack, $retval, $arg<N>,\n"
	"\t           +|-[u]<offset>(<fetcharg>), \\imm-value, \\\"imm-string\"\n"
#ifdef CONFIG_UPROBE_EVENTS
	"\t           @+<file-offset>\n"
#endif
	"\t     kernel return probes support: $retval, $arg<N>, $comm\n"
#ifdef CONFIG_UPROBE_EVENTS
	"\t     uprobes read the process's memory; they take no @<symbol>,\n"
	"\t     $arg<N>, symbol or symstr\n"
#endif
	"\t     type: s8/16/32/64, u8/16/32/64, x8/16/32/64, char, string, symbol,\n"
	"\t           b<bit-width>@<bit-offset>/<container-size>, ustring,\n"
	"\t           symstr, %pd/%pD, <type>\\[<array-size>\\]\n"
	"\t   efield: for event probes (e:), $<efield> is one of the fields\n"
	"\t           of the <attached-group>/<attached-event>.\n"
#endif
	"  README\t\t- this text\n\n"
	" Selecting a tracer:\n"
	"  # cat available_tracers\n"
	"  # echo nop > current_tracer\n"
	"  # cat current_tracer\n\n"
	" Boot parameters:\n"
	"  ftrace=<tracer>\t- start <tracer> as soon as it registers\n"
	"  traceoff_on_warning\t- clear tracing_on when a WARN*() fires\n"
	"  ftrace_dump_on_oops[=orig_cpu]\t- dump the trace on an oops\n";

/* ---- common ----------------------------------------------------------------- */

/**
 * trace_get_ulong() - the number a user wrote into a tracefs file
 * @ubuf: the user's buffer
 * @cnt: its length
 * @min: smallest value accepted
 * @max: largest value accepted
 * @val: gets the number
 *
 * Return: 0; -EINVAL when it is out of [@min, @max] or not a decimal
 * number; the errors of kstrtoul_from_user().
 */
int trace_get_ulong(const char __user *ubuf, size_t cnt, unsigned long min,
		    unsigned long max, unsigned long *val)
{
	int ret = kstrtoul_from_user(ubuf, cnt, 10, val);

	if (ret)
		return ret;
	return *val < min || *val > max ? -EINVAL : 0;
}

/**
 * trace_array_open() - open a file whose i_private is its instance
 * @inode: the file's inode
 * @file: the file; private_data becomes the instance
 *
 * Return: 0, or the error of trace_array_get_file().
 */
int trace_array_open(struct inode *inode, struct file *file)
{
	int ret = trace_array_get_file(file);

	if (ret)
		return ret;
	file->private_data = inode->i_private;
	return 0;
}

/**
 * trace_array_release() - release what trace_array_open() took
 * @inode: the file's inode
 * @file: the file
 *
 * Return: 0.
 */
int trace_array_release(struct inode *inode, struct file *file)
{
	trace_array_put(inode->i_private);
	return 0;
}

static const struct file_operations current_tracer_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= current_tracer_read,
	.write		= current_tracer_write,
	.llseek		= generic_file_llseek,
};

static const struct file_operations tracing_on_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= tracing_on_read,
	.write		= tracing_on_write,
	.llseek		= default_llseek,
};

static ssize_t readme_read(struct file *file, char __user *ubuf, size_t cnt,
			   loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, cnt, ppos, readme_text,
				       sizeof(readme_text) - 1);
}

static const struct file_operations tracing_thresh_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= tracing_thresh_read,
	.write		= tracing_thresh_write,
	.llseek		= generic_file_llseek,
};

static const struct file_operations readme_fops = {
	.open		= trace_array_open,
	.release	= trace_array_release,
	.read		= readme_read,
	.llseek		= generic_file_llseek,
};

/*
 * Mount tracefs on /sys/kernel/debug/tracing the first time someone walks
 * into it.  The extra reference keeps the mount from expiring: it lives as
 * long as debugfs does.
 */
static struct vfsmount *trace_automount(struct dentry *mntpt, void *unused)
{
	struct file_system_type *fs = get_fs_type("tracefs");
	struct vfsmount *mnt;

	if (!fs)
		return NULL;
	mnt = vfs_submount(mntpt, fs, "tracefs", NULL);
	put_filesystem(fs);
	return IS_ERR(mnt) ? NULL : mntget(mnt);
}

static void control_create_files(struct trace_array *tr, struct dentry *dir)
{
	tracefs_create_file("available_tracers", 0440, dir, tr,
			    &available_tracers_fops);
	tracefs_create_file("current_tracer", 0640, dir, tr,
			    &current_tracer_fops);
	tracefs_create_file("tracing_on", 0640, dir, tr, &tracing_on_fops);
}

static void control_create_root_files(struct dentry *root)
{
	tracefs_create_file("README", 0440, root, &trace_top, &readme_fops);
	tracefs_create_file("tracing_thresh", 0640, root, &trace_top,
			    &tracing_thresh_fops);
}

const struct trace_part trace_control_part = {
	.name			= "control",
	.id			= TRACE_PART_CONTROL,
	.create_files		= control_create_files,
	.create_root_files	= control_create_root_files,
};

static __init int trace_fs_init(void)
{
	if (security_locked_down(LOCKDOWN_TRACEFS)) {
		pr_warn("Tracing disabled due to lockdown\n");
		return -EPERM;
	}
	if (!tracefs_initialized())
		return -ENODEV;

	if (IS_ENABLED(CONFIG_DEBUG_FS) &&
	    IS_ERR(debugfs_create_automount("tracing", NULL, trace_automount,
					    NULL)))
		pr_warn("could not create the debugfs/tracing automount\n");

	trace_part_create_top_files();
	return 0;
}
fs_initcall(trace_fs_init);
