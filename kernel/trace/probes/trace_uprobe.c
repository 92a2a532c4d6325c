// SPDX-License-Identifier: GPL-2.0
/*
 * uprobe events: uprobe_events and uprobe_profile.
 *
 *   p[:[GROUP/][EVENT]] PATH:OFFSET[%return][(REF_CTR_OFFSET)] [FETCHARGS]
 *   r[:[GROUP/][EVENT]] PATH:OFFSET[(REF_CTR_OFFSET)] [FETCHARGS]
 *   -:[GROUP/]EVENT
 *
 * A definition names an instruction of a file by its offset in the file;
 * every process that maps the file executable hits it.  The file is
 * looked up when the probe is defined and held until the probe goes.
 * Unlike a kprobe, the uprobe itself exists only while its event is
 * enabled: the event's first enabling registers a consumer with the
 * uprobes core (which puts the breakpoint into every mapping of the
 * file), and its last disabling unregisters it.
 *
 * The handlers run in the probed task, on its way back to user space;
 * they read the task's user memory with the nofault accessors only, and
 * write the records with preemption disabled like any other event.
 */
#include <linux/ctype.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/percpu.h>
#include <linux/ptrace.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uprobes.h>

#include "../trace_priv.h"
#include "probe.h"

/**
 * struct trace_uprobe - one uprobe event definition
 * @dev: on the list of dynamic events; its event
 * @consumer: what the uprobes core calls on a hit
 * @uprobe: the registered uprobe, NULL while the event is disabled
 * @path: the probed file, held from definition to removal (its dentry
 *	keeps the inode and the mount the uprobes core needs)
 * @filename: PATH as given (uprobe_events shows it back)
 * @offset: OFFSET in the file
 * @ref_ctr_offset: (REF_CTR_OFFSET): where the file's reference counter
 *	of this probe point (an SDT semaphore) is, 0 for none
 * @nhit: hits per CPU (uprobe_profile)
 * @args: its fetch arguments
 * @is_return: a return probe
 *
 * Legend: event_mutex for @uprobe and the lists; the rest is immutable
 * once defined, and the handlers read only that.
 */
struct trace_uprobe {
	struct dyn_event	dev;
	struct uprobe_consumer	consumer;
	struct uprobe		*uprobe;
	struct path		path;
	char			*filename;
	unsigned long		offset;
	unsigned long		ref_ctr_offset;
	unsigned long __percpu	*nhit;
	struct probe_args	*args;
	bool			is_return;
};

static struct dyn_event_type uprobe_type;

static struct trace_uprobe *to_tu(struct dyn_event *ev)
{
	return container_of(ev, struct trace_uprobe, dev);
}

/* @ev as a uprobe event, or NULL when it is of another kind. */
static struct trace_uprobe *as_uprobe(struct dyn_event *ev)
{
	return ev->type == &uprobe_type ? to_tu(ev) : NULL;
}

/* ---- the handlers (fast path) ------------------------------------------ */

/*
 * One record in every instance the event is enabled in.  @func is the
 * probed function's address for a return probe, 0 for a probe.
 */
static void write_records(struct trace_uprobe *tu, struct pt_regs *regs,
			  unsigned long func)
{
	unsigned long ip = instruction_pointer(regs);
	struct probe_hit hit = { .regs = regs };

	/* The probed instruction's address less its offset in the file. */
	hit.fbase = (tu->is_return ? func : ip) - tu->offset;
	rcu_read_lock_sched();
	probe_event_write(tu->dev.event, tu->args, &hit, ip, func);
	rcu_read_unlock_sched();
}

/* A hit of the probed instruction; a return probe only counts it. */
static int uprobe_hit(struct uprobe_consumer *uc, struct pt_regs *regs)
{
	struct trace_uprobe *tu = container_of(uc, struct trace_uprobe,
					       consumer);

	this_cpu_inc(*tu->nhit);
	if (!tu->is_return)
		write_records(tu, regs, 0);
	return 0;
}

/* The probed function returns to its caller (@regs: at the return). */
static int uretprobe_hit(struct uprobe_consumer *uc, unsigned long func,
			 struct pt_regs *regs)
{
	struct trace_uprobe *tu = container_of(uc, struct trace_uprobe,
					       consumer);

	write_records(tu, regs, func);
	return 0;
}

/* ---- registering with the uprobes core ----------------------------------- */

static int tu_register(struct trace_uprobe *tu)
{
	struct uprobe *uprobe;

	uprobe = uprobe_register(d_real_inode(tu->path.dentry), tu->offset,
				 tu->ref_ctr_offset, &tu->consumer);
	if (IS_ERR(uprobe))
		return PTR_ERR(uprobe);
	tu->uprobe = uprobe;
	return 0;
}

/*
 * Unregister without waiting for the handlers; the caller waits with
 * uprobe_unregister_sync() when this returns true.
 */
static bool tu_unregister_nosync(struct trace_uprobe *tu)
{
	if (!tu->uprobe)
		return false;
	uprobe_unregister_nosync(tu->uprobe, &tu->consumer);
	tu->uprobe = NULL;
	return true;
}

/*
 * The event's arm(): register a uprobe for each of its probes, or
 * unregister them all; a failed arm leaves none registered.
 */
static int uprobe_arm(struct probe_event *pe, bool on)
{
	struct trace_uprobe *tu;
	struct dyn_event *ev;
	bool sync = false;
	int ret = 0;

	list_for_each_entry(ev, &dyn_events, link) {
		tu = as_uprobe(ev);
		if (!on || !tu || ev->event != pe)
			continue;
		ret = tu_register(tu);
		if (ret)
			break;
	}
	if (on && !ret)
		return 0;
	list_for_each_entry(ev, &dyn_events, link) {
		tu = as_uprobe(ev);
		if (tu && ev->event == pe && tu_unregister_nosync(tu))
			sync = true;
	}
	/* No handler runs on a consumer once this returns. */
	if (sync)
		uprobe_unregister_sync();
	return ret;
}

/* ---- definitions --------------------------------------------------------- */

/* Free a probe; its args too, unless an event took them (NULL). */
static void tu_free(struct trace_uprobe *tu)
{
	if (!tu)
		return;
	probe_args_free(tu->args);
	path_put(&tu->path);
	free_percpu(tu->nhit);
	kfree(tu->filename);
	kfree(tu);
}

/*
 * The place after the ':' of PATH:OFFSET[%return][(REF_CTR_OFFSET)]:
 * @off points into tu->filename, which ends at PATH (the ':' is cut).
 * Errors are placed as upstream places them, relative to the word.
 */
static int parse_place(struct probe_log *log, struct trace_uprobe *tu,
		       char *off)
{
	char *name = tu->filename, *rc, *rc_end, *pct;
	int ret;

	ret = kern_path(name, LOOKUP_FOLLOW, &tu->path);
	if (ret) {
		probe_log_err(log, 0, PE_FILE_NOT_FOUND);
		return ret;
	}
	if (!d_is_reg(tu->path.dentry)) {
		probe_log_err(log, 0, PE_NO_REGULAR_FILE);
		return -EINVAL;
	}
	rc = strchr(off, '(');
	if (rc) {
		rc_end = strchr(rc, ')');
		if (!rc_end) {
			probe_log_err(log, rc + strlen(rc) - name,
				      PE_REFCNT_OPEN_BRACE);
			return -EINVAL;
		}
		if (rc_end[1]) {
			probe_log_err(log, rc_end + 1 - name,
				      PE_BAD_REFCNT_SUFFIX);
			return -EINVAL;
		}
		*rc++ = '\0';
		*rc_end = '\0';
		ret = kstrtoul(rc, 0, &tu->ref_ctr_offset);
		if (ret) {
			probe_log_err(log, rc - name, PE_BAD_REFCNT);
			return ret;
		}
	}
	pct = strchr(off, '%');
	if (pct) {
		if (strcmp(pct, "%return")) {
			probe_log_err(log, pct - name, PE_BAD_ADDR_SUFFIX);
			return -EINVAL;
		}
		*pct = '\0';
		tu->is_return = true;
	}
	ret = kstrtoul(off, 0, &tu->offset);
	if (ret)
		probe_log_err(log, off - name, PE_BAD_UPROBE_OFFS);
	return ret;
}

static bool same_file(struct trace_uprobe *a, struct trace_uprobe *b)
{
	return d_real_inode(a->path.dentry) == d_real_inode(b->path.dentry);
}

/*
 * One reference counter per probe point: another probe on the same
 * instruction must name the same one (or none, as it did).
 */
static int check_ref_ctr(struct trace_uprobe *tu)
{
	struct trace_uprobe *old;
	struct dyn_event *ev;

	list_for_each_entry(ev, &dyn_events, link) {
		old = as_uprobe(ev);
		if (old && same_file(old, tu) && old->offset == tu->offset &&
		    old->ref_ctr_offset != tu->ref_ctr_offset) {
			pr_warn("Reference counter offset mismatch.");
			return -EINVAL;
		}
	}
	return 0;
}

/* Two uprobes of an event at the same place. */
static bool same_uprobe(struct dyn_event *x, struct dyn_event *y)
{
	struct trace_uprobe *a = to_tu(x), *b = to_tu(y);

	return same_file(a, b) && a->offset == b->offset &&
	       probe_args_same_text(a->args, b->args);
}

/* Attach @tu to its event: a new one, or the existing one it joins. */
static int attach_event(struct probe_log *log, struct trace_uprobe *tu,
			const char *group, const char *name)
{
	enum probe_kind kind = tu->is_return ? PROBE_RETURN : PROBE_ENTRY;
	struct probe_event *pe = probe_event_find(group, name);
	int ret;

	log->index = 0;
	if (IS_ERR(pe) || (pe && pe->arm != uprobe_arm)) {
		probe_log_err(log, 0, PE_EVENT_EXIST);
		return -EEXIST;
	}
	if (!pe) {
		pe = probe_event_new(group, name, kind, tu->args,
				     TRACE_EVENT_FL_UPROBE |
				     TRACE_EVENT_FL_CAP_ANY);
		if (IS_ERR(pe))
			return PTR_ERR(pe);
		pe->arm = uprobe_arm;
		pe->probes = 1;
		tu->dev.event = pe;
		return 0;
	}
	ret = dyn_event_join(log, pe, kind, tu->args, &tu->dev, same_uprobe);
	if (!ret)
		tu->dev.event = pe;
	return ret;
}

/*
 * Undo attach_event() for a probe that could not be armed: an event made
 * for it goes, with the args it took.
 */
static void detach_event(struct trace_uprobe *tu)
{
	struct probe_event *pe = tu->dev.event;

	tu->dev.event = NULL;
	if (pe->probes > 1) {
		pe->probes--;
		return;
	}
	/* Not busy: event_mutex was held since it was made. */
	if (!probe_event_free(pe))
		tu->args = NULL;
}

/*
 * Upstream's default name: "p_" (for return probes too), the file's
 * name up to its first '.', '-' or '_', and the offset in hex.
 */
static void default_name(char *buf, struct trace_uprobe *tu)
{
	const char *base = kbasename(tu->filename);

	snprintf(buf, PROBE_MAX_NAME, "p_%.*s_0x%lx",
		 (int)strcspn(base, ".-_"), base, tu->offset);
}

static int uprobe_create(int argc, const char **argv)
{
	struct probe_log log = { .sys = "trace_uprobe", .argc = argc,
				 .argv = argv };
	char group[PROBE_MAX_NAME] = "uprobes", name[PROBE_MAX_NAME] = "";
	const char *event = NULL;
	struct trace_uprobe *tu;
	char *colon;
	int ret;

	if ((argv[0][0] != 'p' && argv[0][0] != 'r') || argc < 2)
		return -ECANCELED;
	if (argc - 2 > PROBE_MAX_ARGS)
		return -E2BIG;
	/* As upstream: only "p:" and "r:" name the event. */
	if (argv[0][1] == ':')
		event = argv[0] + 2;
	if (!strchr(argv[1], '/'))
		return -ECANCELED;
	tu = kzalloc(sizeof(*tu), GFP_KERNEL);
	if (!tu)
		return -ENOMEM;
	tu->is_return = argv[0][0] == 'r';
	tu->filename = kstrdup(argv[1], GFP_KERNEL);
	tu->nhit = alloc_percpu(unsigned long);
	if (!tu->filename || !tu->nhit) {
		ret = -ENOMEM;
		goto fail;
	}
	/* The last ':' ends PATH: a path may have one too. */
	colon = strrchr(tu->filename, ':');
	if (!colon || !isdigit(colon[1])) {
		ret = -ECANCELED;
		goto fail;
	}
	*colon = '\0';
	log.index = 1;
	ret = parse_place(&log, tu, colon + 1);
	if (ret)
		goto fail;
	log.index = 0;
	if (event) {
		ret = probe_parse_event_name(&log, event, event - argv[0],
					     group, name);
		if (ret)
			goto fail;
	}
	if (!name[0])
		default_name(name, tu);
	tu->args = probe_args_parse(&log, argc - 2, argv + 2, 2,
				    tu->is_return ? PROBE_CTX_RETURN : 0);
	if (IS_ERR(tu->args)) {
		ret = PTR_ERR(tu->args);
		tu->args = NULL;
		goto fail;
	}
	tu->consumer.handler = uprobe_hit;
	if (tu->is_return)
		tu->consumer.ret_handler = uretprobe_hit;
	ret = check_ref_ctr(tu);
	if (ret)
		goto fail;
	ret = attach_event(&log, tu, group, name);
	if (ret)
		goto fail;
	/* Joining an enabled event: armed at once, like its siblings. */
	if (tu->dev.event->enabled) {
		ret = tu_register(tu);
		if (ret) {
			log.index = 1;
			probe_log_err(&log, 0, PE_FAIL_REG_PROBE);
			detach_event(tu);
			goto fail;
		}
	}
	dyn_event_add(&tu->dev, &uprobe_type, tu->dev.event);
	return 0;
fail:
	tu_free(tu);
	return ret;
}

/* ---- the perf_uprobe PMU ------------------------------------------------- */

#ifdef CONFIG_PERF_EVENTS
/*
 * perf_event_open() of type uprobe makes a uprobe of its own at
 * attr.uprobe_path + attr.probe_offset: a local trace_uprobe in no list,
 * whose event only that perf event uses.  Its arm() registers and
 * unregisters that one consumer.
 */
static int local_arm(struct probe_event *pe, bool on)
{
	struct trace_uprobe *tu = pe->arm_data;

	if (on)
		return tu_register(tu);
	if (tu_unregister_nosync(tu))
		uprobe_unregister_sync();
	return 0;
}

/* Free a local probe (unregistered: perf closed it); its event too. */
static void local_free(struct trace_uprobe *tu)
{
	struct probe_event *pe = tu->dev.event;

	if (pe) {
		tu->args = NULL;
		probe_event_free_local(pe);
	}
	tu_free(tu);
}

static struct trace_uprobe *local_new(char *path, struct perf_event *p_event,
				      unsigned long ref_ctr_offset,
				      bool is_return)
{
	struct probe_log log = { .sys = "trace_uprobe" };
	struct probe_event *pe;
	struct trace_uprobe *tu;
	int ret = -ENOMEM;

	tu = kzalloc(sizeof(*tu), GFP_KERNEL);
	if (!tu) {
		kfree(path);
		return ERR_PTR(-ENOMEM);
	}
	tu->filename = path;
	tu->offset = p_event->attr.probe_offset;
	tu->ref_ctr_offset = ref_ctr_offset;
	tu->is_return = is_return;
	tu->nhit = alloc_percpu(unsigned long);
	if (!tu->nhit)
		goto fail;
	ret = kern_path(path, LOOKUP_FOLLOW, &tu->path);
	if (ret)
		goto fail;
	ret = -EINVAL;
	if (!d_is_reg(tu->path.dentry))
		goto fail;
	tu->args = probe_args_parse(&log, 0, NULL, 0,
				    is_return ? PROBE_CTX_RETURN : 0);
	if (IS_ERR(tu->args)) {
		ret = PTR_ERR(tu->args);
		tu->args = NULL;
		goto fail;
	}
	tu->consumer.handler = uprobe_hit;
	if (is_return)
		tu->consumer.ret_handler = uretprobe_hit;
	pe = probe_event_new_local("perf_uprobe",
				   is_return ? PROBE_RETURN : PROBE_ENTRY,
				   tu->args, TRACE_EVENT_FL_UPROBE);
	if (IS_ERR(pe)) {
		ret = PTR_ERR(pe);
		goto fail;
	}
	pe->arm = local_arm;
	pe->arm_data = tu;
	tu->dev.event = pe;
	return tu;
fail:
	local_free(tu);
	return ERR_PTR(ret);
}

/**
 * perf_uprobe_init() - a perf_uprobe PMU event (perf_event_open() of type
 *	uprobe)
 * @p_event: the perf event: attr.uprobe_path (a user string) and
 *	attr.probe_offset name the place
 * @ref_ctr_offset: the probe point's reference counter in the file, or 0
 * @is_retprobe: a return probe
 *
 * The uprobe is registered when perf first schedules the event in.
 *
 * Context: perf_event_open(); the caller checked the opener may.
 * Return: 0; -EINVAL for no path or not a regular file, -E2BIG for too
 * long a path, -EFAULT, -ENOENT, -ENOMEM.
 */
int perf_uprobe_init(struct perf_event *p_event, unsigned long ref_ctr_offset,
		     bool is_retprobe)
{
	struct trace_uprobe *tu;
	char *path;
	int ret;

	if (!p_event->attr.uprobe_path)
		return -EINVAL;
	path = probe_perf_string(p_event->attr.uprobe_path, PATH_MAX);
	if (IS_ERR_OR_NULL(path))
		return path ? PTR_ERR(path) : -EINVAL;
	tu = local_new(path, p_event, ref_ctr_offset, is_retprobe);
	if (IS_ERR(tu))
		return PTR_ERR(tu);	/* it freed @path */
	ret = probe_perf_open(tu->dev.event, p_event);
	if (ret)
		local_free(tu);
	return ret;
}

/**
 * perf_uprobe_destroy() - undo perf_uprobe_init()
 * @p_event: the perf event, scheduled out
 */
void perf_uprobe_destroy(struct perf_event *p_event)
{
	local_free(probe_perf_close(p_event));
}
#endif /* CONFIG_PERF_EVENTS */

/* ---- the dynamic event kind ---------------------------------------------- */

/* OFFSET[(REF_CTR_OFFSET)] as uprobe_events shows it. */
static void format_offset(char *buf, size_t size, struct trace_uprobe *tu)
{
	int n = snprintf(buf, size, "0x%0*lx", (int)(2 * sizeof(long)),
			 tu->offset);

	if (tu->ref_ctr_offset)
		snprintf(buf + n, size - n, "(0x%lx)", tu->ref_ctr_offset);
}

static void uprobe_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_uprobe *tu = to_tu(ev);
	char off[64];

	format_offset(off, sizeof(off), tu);
	seq_printf(m, "%c:%s/%s %s:%s", tu->is_return ? 'r' : 'p',
		   ev->event->call.class->system,
		   trace_event_name(&ev->event->call), tu->filename, off);
	probe_args_show(m, tu->args);
}

static int uprobe_free(struct dyn_event *ev)
{
	struct trace_uprobe *tu = to_tu(ev);

	if (!dyn_event_may_go(ev))
		return -EBUSY;
	if (tu_unregister_nosync(tu))
		uprobe_unregister_sync();
	dyn_event_unlink(ev, &tu->args);
	tu_free(tu);
	return 0;
}

/* "PATH:OFFSET[(REF)] [ARGS]" after "-:EVENT": do they name @ev? */
static bool uprobe_match(int argc, const char **argv, struct dyn_event *ev)
{
	struct trace_uprobe *tu = to_tu(ev);
	size_t len = strlen(tu->filename);
	char off[64];

	if (strncmp(argv[0], tu->filename, len) || argv[0][len] != ':')
		return false;
	format_offset(off, sizeof(off), tu);
	return !strcmp(argv[0] + len + 1, off) &&
	       probe_args_match(tu->args, argc - 1, argv + 1);
}

static struct dyn_event_type uprobe_type = {
	.name	= "uprobe",
	.create	= uprobe_create,
	.show	= uprobe_show,
	.free	= uprobe_free,
	.match	= uprobe_match,
};

/* ---- files ---------------------------------------------------------------- */

static int uprobe_events_open(struct inode *inode, struct file *file)
{
	return dyn_events_open(file, &uprobe_type);
}

static ssize_t uprobe_events_write(struct file *file, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return dyn_events_write(ubuf, cnt, &uprobe_type);
}

static const struct file_operations uprobe_events_fops = {
	.open		= uprobe_events_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.write		= uprobe_events_write,
	.release	= dyn_events_release,
};

static int profile_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_uprobe *tu = to_tu(ev);
	unsigned long hits = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		hits += *per_cpu_ptr(tu->nhit, cpu);
	seq_printf(m, "  %s %-44s %15lu\n", tu->filename,
		   trace_event_name(&ev->event->call), hits);
	return 0;
}

static int uprobe_profile_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ?: dyn_events_seq_open(file, &uprobe_type, profile_show);
}

static const struct file_operations uprobe_profile_fops = {
	.open		= uprobe_profile_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release_private,
};

static void uprobe_root_files(struct dentry *root)
{
	tracefs_create_file("uprobe_events", 0640, root, NULL,
			    &uprobe_events_fops);
	tracefs_create_file("uprobe_profile", 0440, root, NULL,
			    &uprobe_profile_fops);
}

static const struct trace_part uprobe_part = {
	.name			= "uprobe events",
	.id			= TRACE_PART_UPROBE,
	.create_root_files	= uprobe_root_files,
};

static int __init uprobe_events_init(void)
{
	int ret = dyn_event_type_register(&uprobe_type);

	return ret ?: trace_part_register(&uprobe_part);
}
core_initcall(uprobe_events_init);
