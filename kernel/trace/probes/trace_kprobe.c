// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe events: kprobe_events, kprobe_profile and the kprobe_event= boot
 * parameter.
 *
 *   p[:[GROUP/][EVENT]] [MOD:]SYM[+OFFS]|ADDR [FETCHARGS]
 *   r[MAXACTIVE][:[GROUP/][EVENT]] [MOD:]SYM[+0] [FETCHARGS]
 *   p[:[GROUP/][EVENT]] [MOD:]SYM%return [FETCHARGS]
 *   -:[GROUP/]EVENT
 *
 * Each definition is a kprobe (or kretprobe) of the kprobes core,
 * registered disarmed; the event's first enabling arms it.  A probe on a
 * module that is not loaded waits for it, and one whose module goes is
 * registered again when the module comes back.
 */
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include <asm/setup.h>

#include "../trace_priv.h"
#include "probe.h"

/**
 * struct trace_kprobe - one kprobe event definition
 * @dev: on the list of dynamic events; its event
 * @rp: the kretprobe, or (rp.kp) the kprobe
 * @nhit: hits per CPU (kprobe_profile)
 * @symbol: "[MOD:]SYM" as given, NULL for an address
 * @offset: +OFFS of the symbol
 * @args: its fetch arguments
 * @is_return: a return probe
 * @registered: known to the kprobes core
 *
 * Legend: event_mutex for @registered and the lists; the rest is
 * immutable once defined, and the handlers read only that.
 */
struct trace_kprobe {
	struct dyn_event	dev;
	struct kretprobe	rp;
	unsigned long __percpu	*nhit;
	char			*symbol;
	unsigned long		offset;
	struct probe_args	*args;
	bool			is_return;
	bool			registered;
};

/* The most instances a return probe may ask for (r4096:). */
#define KRETPROBE_MAXACTIVE_MAX	4096

static struct dyn_event_type kprobe_type;

static struct trace_kprobe *to_tk(struct dyn_event *ev)
{
	return container_of(ev, struct trace_kprobe, dev);
}

/* @ev as a kprobe event, or NULL when it is of another kind. */
static struct trace_kprobe *as_kprobe(struct dyn_event *ev)
{
	return ev->type == &kprobe_type ? to_tk(ev) : NULL;
}

/* ---- the handlers (fast path) ------------------------------------------ */

static void write_entry(struct trace_kprobe *tk, struct pt_regs *regs)
{
	struct probe_hit hit = { .regs = regs };

	probe_event_write(tk->dev.event, tk->args, &hit,
			  (unsigned long)tk->rp.kp.addr, 0);
}

static int kprobe_hit(struct kprobe *kp, struct pt_regs *regs)
{
	struct trace_kprobe *tk = container_of(kp, struct trace_kprobe, rp.kp);

	raw_cpu_inc(*tk->nhit);
	write_entry(tk, regs);
	return 0;	/* run the probed instruction */
}

NOKPROBE_SYMBOL(kprobe_hit);

static int kretprobe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = get_kretprobe(ri);
	struct trace_kprobe *tk;

	if (unlikely(!rp))
		return 1;
	tk = container_of(rp, struct trace_kprobe, rp);
	probe_args_save_entry(tk->args, regs, (unsigned long *)ri->data);
	return 0;
}

NOKPROBE_SYMBOL(kretprobe_entry);

static int kretprobe_hit(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kretprobe *rp = get_kretprobe(ri);
	struct probe_hit hit = { .regs = regs };
	struct trace_kprobe *tk;

	if (unlikely(!rp))
		return 0;
	tk = container_of(rp, struct trace_kprobe, rp);
	raw_cpu_inc(*tk->nhit);
	if (tk->args->nr_entry)
		hit.edata = (unsigned long *)ri->data;
	probe_event_write(tk->dev.event, tk->args, &hit,
			  get_kretprobe_retaddr(ri),
			  (unsigned long)tk->rp.kp.addr);
	return 0;
}

NOKPROBE_SYMBOL(kretprobe_hit);

/* ---- registering with the kprobes core ---------------------------------- */

/* A function without a call site of the function tracer is notrace. */
static bool func_is_notrace(unsigned long addr)
{
	unsigned long size, off;

	if (!addr || !kallsyms_lookup_size_offset(addr, &size, &off))
		return false;
	return !ftrace_location(addr - off);
}

/*
 * Is @addr in notrace code?  A part split off a function (foo.cold,
 * foo.isra.0) has no call site of its own: the function it came from
 * decides.
 */
static bool in_notrace_func(unsigned long addr)
{
	char name[KSYM_NAME_LEN], *dot;

	if (!func_is_notrace(addr))
		return false;
	if (lookup_symbol_name(addr, name))
		return true;
	dot = strchr(name, '.');
	if (!dot)
		return true;
	*dot = '\0';
	addr = (unsigned long)kprobe_lookup_name(name, 0);
	return !addr || func_is_notrace(addr);
}

static int tk_register(struct trace_kprobe *tk)
{
	struct kprobe *kp = &tk->rp.kp;
	int ret;

	ret = security_locked_down(LOCKDOWN_KPROBES);
	if (ret)
		return ret;
	/* The kprobes core fills these in: start from the definition. */
	INIT_HLIST_NODE(&kp->hlist);
	INIT_LIST_HEAD(&kp->list);
	kp->addr = NULL;
	kp->flags = tk->dev.event->enabled ? 0 : KPROBE_FLAG_DISABLED;
	if (tk->symbol) {
		kp->symbol_name = tk->symbol;
		kp->offset = tk->offset;
	} else {
		kp->addr = (void *)tk->offset;
	}
	/*
	 * The function the probe lands in, not the symbol it is written
	 * against: perf probe writes "_text+OFFS".
	 */
	if (IS_ENABLED(CONFIG_DYNAMIC_FTRACE)) {
		unsigned long addr = tk->offset;

		if (tk->symbol) {
			addr = (unsigned long)kprobe_lookup_name(tk->symbol, 0);
			addr = addr ? addr + tk->offset : 0;
		}
		if (addr && in_notrace_func(addr)) {
			pr_warn("Could not probe notrace function %ps\n",
				(void *)addr);
			return -EINVAL;
		}
	}
	if (tk->is_return)
		ret = register_kretprobe(&tk->rp);
	else
		ret = register_kprobe(kp);
	if (!ret)
		tk->registered = true;
	return ret;
}

static void tk_unregister(struct trace_kprobe *tk)
{
	if (!tk->registered)
		return;
	if (tk->is_return)
		unregister_kretprobe(&tk->rp);
	else
		unregister_kprobe(&tk->rp.kp);
	tk->registered = false;
}

/* The event's arm(): enable or disable each of its kprobes. */
static int kprobe_arm(struct probe_event *pe, bool on)
{
	struct trace_kprobe *tk;
	struct dyn_event *ev;
	int ret = 0;

	list_for_each_entry(ev, &dyn_events, link) {
		tk = as_kprobe(ev);
		if (!tk || ev->event != pe || !tk->registered)
			continue;
		/*
		 * A probe whose module went waits for it (as upstream's):
		 * kprobe_module_notify() registers it again, enabled with
		 * its event.
		 */
		if (on && !kprobe_gone(&tk->rp.kp))
			ret = ret ?: enable_kprobe(&tk->rp.kp);
		else if (!on)
			disable_kprobe(&tk->rp.kp);
	}
	if (!ret)
		return 0;
	list_for_each_entry(ev, &dyn_events, link) {
		tk = as_kprobe(ev);
		if (tk && ev->event == pe && tk->registered)
			disable_kprobe(&tk->rp.kp);
	}
	return ret;
}

/* The module of "MOD:SYM", when it is not loaded: the probe waits. */
static bool module_missing(struct trace_kprobe *tk)
{
	char *colon = tk->symbol ? strchr(tk->symbol, ':') : NULL;
	bool missing;

	if (!colon)
		return false;
	*colon = '\0';
	rcu_read_lock_sched();
	missing = !find_module(tk->symbol);
	rcu_read_unlock_sched();
	*colon = ':';
	return missing;
}

/* ---- definitions --------------------------------------------------------- */

/* Free a probe; its args too, unless an event took them (NULL). */
static void tk_free(struct trace_kprobe *tk)
{
	if (!tk)
		return;
	probe_args_free(tk->args);
	free_percpu(tk->nhit);
	kfree(tk->symbol);
	kfree(tk);
}

static int count_sym(void *data, unsigned long addr)
{
	(*(unsigned int *)data)++;
	return 0;
}

struct mod_count {
	const char	*name;
	unsigned int	n;
};

static int count_mod_sym(void *data, const char *name, unsigned long addr)
{
	struct mod_count *c = data;

	if (!strcmp(name, c->name))
		c->n++;
	return 0;
}

/*
 * How many functions "[MOD:]SYM" names: 0 (-ENOENT), one (0) or more
 * (-EADDRNOTAVAIL).  A module that is not loaded is taken as a promise.
 */
static int check_symbol(char *sym)
{
	struct mod_count c = { .name = sym };
	char *colon = strchr(sym, ':');
	struct module *mod = NULL;
	bool present;

	if (colon) {
		*colon = '\0';
		c.name = colon + 1;
		rcu_read_lock_sched();
		mod = find_module(sym);
		present = mod;
		rcu_read_unlock_sched();
		if (!present) {
			*colon = ':';
			return 0;
		}
	} else {
		kallsyms_on_each_match_symbol(count_sym, sym, &c.n);
	}
	module_kallsyms_on_each_symbol(colon ? sym : NULL, count_mod_sym, &c);
	if (colon)
		*colon = ':';
	if (c.n > 1)
		return -EADDRNOTAVAIL;
	return c.n ? 0 : -ENOENT;
}

/* Where the probe is: "[MOD:]SYM[+OFFS][%return]" or an address. */
static int parse_place(struct probe_log *log, struct trace_kprobe *tk,
		       const char *word, unsigned int *ctx)
{
	unsigned long addr;
	long off = 0;
	char *s, *sign;
	int ret;

	if (!kstrtoul(word, 0, &addr)) {
		tk->offset = addr;
		return 0;
	}
	log->index = 1;
	if (strchr(word, '/') && strchr(word, ':'))
		return -ECANCELED;	/* a uprobe's PATH:OFFSET */
	s = kstrdup(word, GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	tk->symbol = s;
	sign = strchr(s, '%');
	if (sign) {
		if (strcmp(sign, "%return")) {
			probe_log_err(log, sign - s, PE_BAD_ADDR_SUFFIX);
			return -EINVAL;
		}
		*sign = '\0';
		tk->is_return = true;
	}
	sign = strpbrk(s, "+-");
	if (sign) {
		ret = kstrtol(sign, 0, &off);
		*sign = '\0';
		if (ret || off < 0 || off > UINT_MAX) {
			probe_log_err(log, 0, PE_BAD_PROBE_ADDR);
			return -EINVAL;
		}
	}
	tk->offset = off;
	ret = check_symbol(s);
	if (ret) {
		probe_log_err(log, 0, ret == -EADDRNOTAVAIL ?
			      PE_NON_UNIQ_SYMBOL : PE_BAD_PROBE_ADDR);
		return -EINVAL;
	}
	if (tk->is_return)
		*ctx |= PROBE_CTX_RETURN;
	ret = kprobe_on_func_entry(NULL, s, off);
	if (!ret && !tk->is_return)
		*ctx |= PROBE_CTX_FENTRY;
	if (ret == -EINVAL && tk->is_return) {
		probe_log_err(log, 0, PE_BAD_RETPROBE);
		return -EINVAL;
	}
	return 0;
}

/* Two kprobes of an event at the same place. */
static bool same_kprobe(struct dyn_event *x, struct dyn_event *y)
{
	struct trace_kprobe *a = to_tk(x), *b = to_tk(y);

	if (a->offset != b->offset || !a->symbol != !b->symbol ||
	    (a->symbol && strcmp(a->symbol, b->symbol)))
		return false;
	return probe_args_same_text(a->args, b->args);
}

/* Attach @tk to its event: a new one, or the existing one it joins. */
static int attach_event(struct probe_log *log, struct trace_kprobe *tk,
			const char *group, const char *name)
{
	enum probe_kind kind = tk->is_return ? PROBE_RETURN : PROBE_ENTRY;
	struct probe_event *pe = probe_event_find(group, name);
	int ret;

	log->index = 0;
	if (IS_ERR(pe) || (pe && pe->arm != kprobe_arm)) {
		probe_log_err(log, 0, PE_EVENT_EXIST);
		return -EEXIST;
	}
	if (!pe) {
		pe = probe_event_new(group, name, kind, tk->args,
				     TRACE_EVENT_FL_KPROBE);
		if (IS_ERR(pe))
			return PTR_ERR(pe);
		pe->arm = kprobe_arm;
		pe->probes = 1;
		tk->dev.event = pe;
		return 0;
	}
	ret = dyn_event_join(log, pe, kind, tk->args, &tk->dev, same_kprobe);
	if (!ret)
		tk->dev.event = pe;
	return ret;
}

/*
 * Undo attach_event() for a probe that failed to register: an event made
 * for it goes, with the args it took.
 */
static void detach_event(struct trace_kprobe *tk)
{
	struct probe_event *pe = tk->dev.event;

	tk->dev.event = NULL;
	if (pe->probes > 1) {
		pe->probes--;
		return;
	}
	/* Not busy: event_mutex was held since it was made. */
	if (!probe_event_free(pe))
		tk->args = NULL;
}

static void default_name(char *buf, struct trace_kprobe *tk)
{
	char *p;

	if (tk->symbol)
		snprintf(buf, PROBE_MAX_NAME, "%c_%s_%lu",
			 tk->is_return ? 'r' : 'p', tk->symbol, tk->offset);
	else
		snprintf(buf, PROBE_MAX_NAME, "%c_0x%p",
			 tk->is_return ? 'r' : 'p', (void *)tk->offset);
	/* As upstream: the first character is never replaced. */
	for (p = buf + 1; *p; p++)
		if (*p == ':' || *p == '.' || *p == '*')
			*p = '_';
}

static int kprobe_create(int argc, const char **argv)
{
	struct probe_log log = { .sys = "trace_kprobe", .argc = argc,
				 .argv = argv };
	char group[PROBE_MAX_NAME] = "kprobes", name[PROBE_MAX_NAME] = "";
	unsigned int ctx = PROBE_CTX_KERNEL;
	unsigned int maxactive = 0;
	struct trace_kprobe *tk;
	const char *event;
	int ret;

	if ((argv[0][0] != 'p' && argv[0][0] != 'r') || argc < 2)
		return -ECANCELED;
	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk)
		return -ENOMEM;
	tk->nhit = alloc_percpu(unsigned long);
	if (!tk->nhit) {
		ret = -ENOMEM;
		goto fail;
	}
	tk->is_return = argv[0][0] == 'r';
	event = strchr(argv[0] + 1, ':');
	if (event)
		event++;
	if (isdigit(argv[0][1]) && !tk->is_return) {
		probe_log_err(&log, 1, PE_BAD_MAXACT_TYPE);
		ret = -EINVAL;
		goto fail;
	}
	ret = probe_parse_maxactive(&log, argv[0], event,
				    KRETPROBE_MAXACTIVE_MAX, &maxactive);
	if (ret)
		goto fail;
	tk->rp.maxactive = maxactive;
	ret = parse_place(&log, tk, argv[1], &ctx);
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
		default_name(name, tk);
	tk->args = probe_args_parse(&log, argc - 2, argv + 2, 2, ctx);
	if (IS_ERR(tk->args)) {
		ret = PTR_ERR(tk->args);
		tk->args = NULL;
		goto fail;
	}
	tk->rp.kp.pre_handler = kprobe_hit;
	if (tk->is_return) {
		tk->rp.handler = kretprobe_hit;
		if (tk->args->nr_entry) {
			tk->rp.entry_handler = kretprobe_entry;
			tk->rp.data_size = tk->args->nr_entry * sizeof(long);
		}
	}
	ret = attach_event(&log, tk, group, name);
	if (ret)
		goto fail;
	ret = tk_register(tk);
	if (ret == -ENOENT && module_missing(tk)) {
		pr_warn("This probe might be able to register after target module is loaded. Continue.\n");
		ret = 0;
	}
	if (ret) {
		log.index = 1;
		if (ret == -EILSEQ)
			probe_log_err(&log, 0, PE_BAD_INSN_BNDRY);
		else if (ret == -ENOENT)
			probe_log_err(&log, 0, PE_BAD_PROBE_ADDR);
		else if (ret != -ENOMEM && ret != -EEXIST)
			probe_log_err(&log, 0, PE_FAIL_REG_PROBE);
		detach_event(tk);
		goto fail;
	}
	dyn_event_add(&tk->dev, &kprobe_type, tk->dev.event);
	return 0;
fail:
	tk_free(tk);
	return ret;
}

/* ---- the perf_kprobe PMU ------------------------------------------------- */

#ifdef CONFIG_PERF_EVENTS
/*
 * perf_event_open() of type kprobe ("kprobe" in /sys/bus/event_source)
 * makes a kprobe of its own, at attr.kprobe_func + attr.probe_offset or
 * at attr.kprobe_addr: a local trace_kprobe in no list, whose event only
 * that perf event uses.  Its arm() switches that one kprobe.
 */
static int local_arm(struct probe_event *pe, bool on)
{
	struct trace_kprobe *tk = pe->arm_data;

	if (on)
		return enable_kprobe(&tk->rp.kp);
	disable_kprobe(&tk->rp.kp);
	return 0;
}

/* Unregister and free a local probe; its event goes with its args. */
static void local_free(struct trace_kprobe *tk)
{
	struct probe_event *pe = tk->dev.event;

	tk_unregister(tk);
	if (pe) {
		tk->args = NULL;
		probe_event_free_local(pe);
	}
	tk_free(tk);
}

static struct trace_kprobe *local_new(char *func, struct perf_event *p_event,
				      bool is_return)
{
	struct probe_log log = { .sys = "trace_kprobe" };
	char name[PROBE_MAX_NAME];
	struct probe_event *pe;
	struct trace_kprobe *tk;
	int ret = -ENOMEM;

	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk) {
		kfree(func);
		return ERR_PTR(-ENOMEM);
	}
	tk->symbol = func;
	tk->offset = func ? p_event->attr.probe_offset : p_event->attr.kprobe_addr;
	tk->is_return = is_return;
	tk->nhit = alloc_percpu(unsigned long);
	if (!tk->nhit)
		goto fail;
	tk->args = probe_args_parse(&log, 0, NULL, 0, PROBE_CTX_KERNEL);
	if (IS_ERR(tk->args)) {
		ret = PTR_ERR(tk->args);
		tk->args = NULL;
		goto fail;
	}
	tk->rp.kp.pre_handler = kprobe_hit;
	if (is_return)
		tk->rp.handler = kretprobe_hit;
	default_name(name, tk);
	pe = probe_event_new_local(name, is_return ? PROBE_RETURN : PROBE_ENTRY,
				   tk->args, TRACE_EVENT_FL_KPROBE);
	if (IS_ERR(pe)) {
		ret = PTR_ERR(pe);
		goto fail;
	}
	pe->arm = local_arm;
	pe->arm_data = tk;
	tk->dev.event = pe;
	/* Registered disarmed (the event is not enabled): perf arms it. */
	ret = tk_register(tk);
	if (ret)
		goto fail;
	return tk;
fail:
	local_free(tk);
	return ERR_PTR(ret);
}

/**
 * perf_kprobe_init() - a perf_kprobe PMU event (perf_event_open() of type
 *	kprobe)
 * @p_event: the perf event: attr.kprobe_func (a user string, or 0 for
 *	attr.kprobe_addr) and attr.probe_offset name the place
 * @is_retprobe: a return probe
 *
 * Context: perf_event_open(); the caller checked the opener may.
 * Return: 0; -E2BIG for too long a name, -EFAULT, -ENOENT for no such
 * symbol, -EINVAL for a place the kprobes core refuses, -ENOMEM.
 */
int perf_kprobe_init(struct perf_event *p_event, bool is_retprobe)
{
	struct trace_kprobe *tk;
	char *func = NULL;
	int ret;

	if (p_event->attr.kprobe_func) {
		func = probe_perf_string(p_event->attr.kprobe_func,
					 KSYM_NAME_LEN);
		if (IS_ERR(func))
			return PTR_ERR(func);
	}
	tk = local_new(func, p_event, is_retprobe);
	if (IS_ERR(tk))
		return PTR_ERR(tk);	/* it freed @func */
	ret = probe_perf_open(tk->dev.event, p_event);
	if (ret)
		local_free(tk);
	return ret;
}

/**
 * perf_kprobe_destroy() - undo perf_kprobe_init()
 * @p_event: the perf event, scheduled out
 */
void perf_kprobe_destroy(struct perf_event *p_event)
{
	local_free(probe_perf_close(p_event));
}
#endif /* CONFIG_PERF_EVENTS */

/* ---- the dynamic event kind ---------------------------------------------- */

static void kprobe_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);

	seq_putc(m, tk->is_return ? 'r' : 'p');
	if (tk->is_return && tk->rp.maxactive)
		seq_printf(m, "%d", tk->rp.maxactive);
	seq_printf(m, ":%s/%s", ev->event->call.class->system,
		   trace_event_name(&ev->event->call));
	if (!tk->symbol)
		seq_printf(m, " 0x%p", (void *)tk->offset);
	else if (tk->offset)
		seq_printf(m, " %s+%lu", tk->symbol, tk->offset);
	else
		seq_printf(m, " %s", tk->symbol);
	probe_args_show(m, tk->args);
}

static int kprobe_free(struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);

	if (!dyn_event_may_go(ev))
		return -EBUSY;
	/* No handler, not even a pending return, sees @tk after this. */
	tk_unregister(tk);
	dyn_event_unlink(ev, &tk->args);
	tk_free(tk);
	return 0;
}

/* "PLACE [ARGS]" after "-:EVENT": do they name @ev? */
static bool kprobe_match(int argc, const char **argv, struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);
	char place[KSYM_NAME_LEN + 24];

	if (!tk->symbol)
		snprintf(place, sizeof(place), "0x%lx", tk->offset);
	else if (tk->offset)
		snprintf(place, sizeof(place), "%s+%lu", tk->symbol,
			 tk->offset);
	else
		snprintf(place, sizeof(place), "%s", tk->symbol);
	return !strcmp(place, argv[0]) &&
	       probe_args_match(tk->args, argc - 1, argv + 1);
}

static struct dyn_event_type kprobe_type = {
	.name	= "kprobe",
	.create	= kprobe_create,
	.show	= kprobe_show,
	.free	= kprobe_free,
	.match	= kprobe_match,
};

/* ---- files ---------------------------------------------------------------- */

static int kprobe_events_open(struct inode *inode, struct file *file)
{
	return dyn_events_open(file, &kprobe_type);
}

static ssize_t kprobe_events_write(struct file *file, const char __user *ubuf,
				   size_t cnt, loff_t *ppos)
{
	return dyn_events_write(ubuf, cnt, &kprobe_type);
}

static const struct file_operations kprobe_events_fops = {
	.open		= kprobe_events_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.write		= kprobe_events_write,
	.release	= dyn_events_release,
};

static int profile_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_kprobe *tk = to_tk(ev);
	unsigned long hits = 0, missed = tk->rp.kp.nmissed;
	int cpu;

	for_each_possible_cpu(cpu)
		hits += *per_cpu_ptr(tk->nhit, cpu);
	if (tk->is_return)
		missed += tk->rp.nmissed;
	seq_printf(m, "  %-44s %15lu %15lu\n",
		   trace_event_name(&ev->event->call), hits, missed);
	return 0;
}

static int kprobe_profile_open(struct inode *inode, struct file *file)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ?: dyn_events_seq_open(file, &kprobe_type, profile_show);
}

static const struct file_operations kprobe_profile_fops = {
	.open		= kprobe_profile_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release_private,
};

static void kprobe_root_files(struct dentry *root)
{
	tracefs_create_file("kprobe_events", 0640, root, NULL,
			    &kprobe_events_fops);
	tracefs_create_file("kprobe_profile", 0440, root, NULL,
			    &kprobe_profile_fops);
}

static const struct trace_part kprobe_part = {
	.name			= "kprobe events",
	.id			= TRACE_PART_KPROBE,
	.create_root_files	= kprobe_root_files,
};

/* ---- modules ---------------------------------------------------------------- */

static bool in_module(struct trace_kprobe *tk, struct module *mod)
{
	size_t len = strlen(mod->name);

	return tk->symbol && !strncmp(tk->symbol, mod->name, len) &&
	       tk->symbol[len] == ':';
}

/* A probe's module came (back): register the probe on its code. */
static int kprobe_module_notify(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct module *mod = data;
	struct trace_kprobe *tk;
	struct dyn_event *ev;

	if (val != MODULE_STATE_COMING)
		return NOTIFY_DONE;
	mutex_lock(&event_mutex);
	list_for_each_entry(ev, &dyn_events, link) {
		tk = as_kprobe(ev);
		if (!tk || !in_module(tk, mod))
			continue;
		tk_unregister(tk);
		if (tk_register(tk))
			pr_warn("Failed to re-register probe %s on %s\n",
				trace_event_name(&ev->event->call), mod->name);
	}
	mutex_unlock(&event_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block kprobe_module_nb = {
	.notifier_call	= kprobe_module_notify,
	.priority	= 1,	/* after the kprobes core's own */
};

/* ---- boot ---------------------------------------------------------------------- */

/* kprobe_event=DEF[;DEF...], with ',' for spaces; enabled at boot. */
static char boot_defs[COMMAND_LINE_SIZE] __initdata;

static int __init set_boot_defs(char *str)
{
	strscpy(boot_defs, str, sizeof(boot_defs));
	tracer_selftests_off("running kprobe events");
	return 1;
}
__setup("kprobe_event=", set_boot_defs);

static void __init run_boot_defs(void)
{
	char sys[PROBE_MAX_NAME], name[PROBE_MAX_NAME];
	char *list = boot_defs, *def;
	struct trace_kprobe *tk;
	struct dyn_event *ev;
	int ret, i, n;

	if (!boot_defs[0])
		return;
	strreplace(boot_defs, ',', ' ');
	while ((def = strsep(&list, ";"))) {
		ret = dyn_events_run(def, &kprobe_type);
		if (ret)
			pr_warn("Failed to add event(%d): %s\n", ret, def);
	}
	/* Enable each in the top instance, outside event_mutex. */
	for (i = 0; ; i++) {
		n = 0;
		mutex_lock(&event_mutex);
		list_for_each_entry(ev, &dyn_events, link) {
			tk = as_kprobe(ev);
			if (!tk || n++ != i)
				continue;
			strscpy(sys, ev->event->call.class->system, sizeof(sys));
			strscpy(name, trace_event_name(&ev->event->call),
				sizeof(name));
			break;
		}
		mutex_unlock(&event_mutex);
		if (n <= i)
			break;
		if (trace_array_set_clr_event(&trace_top, sys, name, 1))
			pr_warn("Failed to enable event %s\n", name);
	}
}

static int __init kprobe_events_init(void)
{
	int ret;

	ret = dyn_event_type_register(&kprobe_type);
	if (ret)
		return ret;
	register_module_notifier(&kprobe_module_nb);
	ret = trace_part_register(&kprobe_part);
	if (ret)
		return ret;
	run_boot_defs();
	return 0;
}
core_initcall(kprobe_events_init);
