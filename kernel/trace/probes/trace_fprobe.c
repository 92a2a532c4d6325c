// SPDX-License-Identifier: GPL-2.0
/*
 * fprobe events and tracepoint probe events, defined in dynamic_events:
 *
 *   f[:[GROUP/][EVENT]] SYM [FETCHARGS]		function entry
 *   f[MAXACTIVE][:[GROUP/][EVENT]] SYM%return [FETCHARGS]	function exit
 *   t[:[GROUP/][EVENT]] TRACEPOINT [FETCHARGS]		a tracepoint
 *
 * An fprobe event hooks a function's ftrace call site through an fprobe
 * (its return through the fprobe's rethook), not a breakpoint: only at
 * entry and exit, with no registers in its arguments, and cheap.  A
 * tracepoint probe adds the tracepoint's stub function as a probe of the
 * tracepoint and an fprobe on the stub, so $argN are the tracepoint's
 * arguments (the stub's first argument, the probe data, is skipped).
 * Definitions without $retval are entry probes; with it, exit probes.
 *
 * An fprobe is registered only while its event is enabled somewhere
 * (the event's arm()); a definition is checked when it is made.
 *
 * A tracepoint of a module may be probed, and so may one that no module
 * has yet, as upstream: the name is taken on trust and the probe waits.
 * The tracepoint module notifier gives a waiting probe its tracepoint
 * when a module that has it comes (registered then if its event is
 * enabled), and takes it back when that module goes; the event and its
 * enable state stay.
 */
#include <linux/ctype.h>
#include <linux/fprobe.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include "../trace_priv.h"
#include "probe.h"

/**
 * struct trace_fprobe - one fprobe or tracepoint probe definition
 * @dev: on the list of dynamic events; its event
 * @fp: the fprobe, registered while armed
 * @symbol: the function or tracepoint, as given
 * @tpoint: a tracepoint probe's tracepoint; NULL while no module has it
 *	(and for an fprobe)
 * @mod: the module @tpoint is in, NULL for vmlinux's
 * @ip: the call site the fprobe hooks (the function's or the stub's),
 *	found again at each registration
 * @args: its fetch arguments
 * @is_tp: a tracepoint probe
 * @is_return: an exit probe
 * @armed: its event is enabled: @fp is registered, or will be when a
 *	module brings @tpoint
 * @registered: @fp is registered (and the stub, for a tracepoint)
 *
 * Legend: event_mutex for @tpoint, @mod, @ip, @armed, @registered and
 * @fp's registration; the rest is immutable once defined, and the
 * handlers read only that.
 */
struct trace_fprobe {
	struct dyn_event	dev;
	struct fprobe		fp;
	char			*symbol;
	struct tracepoint	*tpoint;
	struct module		*mod;
	unsigned long		ip;
	struct probe_args	*args;
	bool			is_tp;
	bool			is_return;
	bool			armed;
	bool			registered;
};

/* The most calls an exit probe may follow at once (f4096:). */
#define FPROBE_MAXACTIVE_MAX	4096

static struct dyn_event_type fprobe_type;

static struct trace_fprobe *to_tf(struct dyn_event *ev)
{
	return container_of(ev, struct trace_fprobe, dev);
}

static struct trace_fprobe *as_fprobe(struct dyn_event *ev)
{
	return ev->type == &fprobe_type ? to_tf(ev) : NULL;
}

/* ---- the handlers (fast path) ------------------------------------------ */

static int fentry_hit(struct fprobe *fp, unsigned long ip, unsigned long ret_ip,
		      struct pt_regs *regs, void *data)
{
	struct trace_fprobe *tf = container_of(fp, struct trace_fprobe, fp);
	struct probe_hit hit = { .regs = regs };

	probe_event_write(tf->dev.event, tf->args, &hit, ip, 0);
	return 0;
}

NOKPROBE_SYMBOL(fentry_hit);

/* An exit probe's entry: save the $argN it reads at exit. */
static int fexit_entry(struct fprobe *fp, unsigned long ip,
		       unsigned long ret_ip, struct pt_regs *regs, void *data)
{
	struct trace_fprobe *tf = container_of(fp, struct trace_fprobe, fp);

	probe_args_save_entry(tf->args, regs, data);
	return 0;
}

NOKPROBE_SYMBOL(fexit_entry);

static void fexit_hit(struct fprobe *fp, unsigned long ip, unsigned long ret_ip,
		      struct pt_regs *regs, void *data)
{
	struct trace_fprobe *tf = container_of(fp, struct trace_fprobe, fp);
	struct probe_hit hit = { .regs = regs, .edata = data };

	probe_event_write(tf->dev.event, tf->args, &hit, ret_ip, ip);
}

NOKPROBE_SYMBOL(fexit_hit);

/* ---- arming ----------------------------------------------------------------- */

/*
 * The call site the fprobe hooks: the function's, or the tracepoint stub's
 * (looked up again at each registration: a module may have come back
 * elsewhere).
 * Return: the address, or 0 for an unknown or notrace function.
 */
static unsigned long find_site(struct trace_fprobe *tf)
{
	if (tf->is_tp)
		return tf->tpoint ?
		       ftrace_location((unsigned long)tf->tpoint->probestub) : 0;
	return ftrace_location(kallsyms_lookup_name(tf->symbol));
}

/* Is another registered probe on @tf's tracepoint (its stub is registered)? */
static bool stub_shared(struct trace_fprobe *tf)
{
	struct trace_fprobe *o;
	struct dyn_event *ev;

	list_for_each_entry(ev, &dyn_events, link) {
		o = as_fprobe(ev);
		if (o && o != tf && o->registered && o->tpoint == tf->tpoint)
			return true;
	}
	return false;
}

/* Register the fprobe, and the tracepoint's stub if no other probe did. */
static int tf_register(struct trace_fprobe *tf)
{
	struct tracepoint *tp = tf->tpoint;
	bool stub = tp && !stub_shared(tf);
	int ret;

	tf->ip = find_site(tf);
	if (!tf->ip)
		return -ENOENT;
	if (stub) {
		ret = tracepoint_probe_register_prio_may_exist(tp, tp->probestub,
							       NULL, 0);
		if (ret)
			return ret;
	}
	ret = register_fprobe_ips(&tf->fp, &tf->ip, 1);
	if (ret) {
		if (stub)
			tracepoint_probe_unregister(tp, tp->probestub, NULL);
		return ret;
	}
	tf->registered = true;
	return 0;
}

static void tf_unregister(struct trace_fprobe *tf)
{
	if (!tf->registered)
		return;
	/* Waits until no handler runs: the event or the module may go next. */
	unregister_fprobe(&tf->fp);
	tf->registered = false;
	if (tf->tpoint && !stub_shared(tf))
		tracepoint_probe_unregister(tf->tpoint, tf->tpoint->probestub,
					    NULL);
}

/* A tracepoint probe whose tracepoint no module has yet. */
static bool tf_waiting(struct trace_fprobe *tf)
{
	return tf->is_tp && !tf->tpoint;
}

static int tf_arm(struct trace_fprobe *tf)
{
	int ret;

	if (tf->armed)
		return 0;
	ret = security_locked_down(LOCKDOWN_KPROBES);
	if (ret)
		return ret;
	/* A tracepoint no module has yet: registered when one comes. */
	if (!tf_waiting(tf)) {
		ret = tf_register(tf);
		if (ret)
			return ret;
	}
	tf->armed = true;
	return 0;
}

static void tf_disarm(struct trace_fprobe *tf)
{
	tf_unregister(tf);
	tf->armed = false;
}

/* The event's arm(): register or unregister each of its fprobes. */
static int fprobe_arm(struct probe_event *pe, bool on)
{
	struct trace_fprobe *tf;
	struct dyn_event *ev;
	int ret = 0;

	list_for_each_entry(ev, &dyn_events, link) {
		tf = as_fprobe(ev);
		if (!tf || ev->event != pe)
			continue;
		if (!on)
			tf_disarm(tf);
		else if (!ret)
			ret = tf_arm(tf);
	}
	if (ret)
		list_for_each_entry(ev, &dyn_events, link)
			if (as_fprobe(ev) && ev->event == pe)
				tf_disarm(to_tf(ev));
	return ret;
}

/* ---- definitions --------------------------------------------------------- */

static void tf_free(struct trace_fprobe *tf)
{
	if (!tf)
		return;
	probe_args_free(tf->args);
	kfree(tf->symbol);
	kfree(tf);
}

struct tp_find {
	const char		*name;
	struct tracepoint	*tp;
};

static void match_tracepoint(struct tracepoint *tp, void *priv)
{
	struct tp_find *f = priv;

	if (!f->tp && !strcmp(tp->name, f->name))
		f->tp = tp;
}

/*
 * Where the probe goes, "SYM[%return]" or "TRACEPOINT", as far as its
 * text tells: a bad suffix is logged where it starts, a bad tracepoint
 * character where it is.  Looking the place up comes later, where
 * upstream does it (see find_place()).
 */
static int parse_place(struct probe_log *log, struct trace_fprobe *tf,
		       int argc, const char **argv, unsigned int *ctx)
{
	bool tpoint = tf->is_tp;
	const char *word = argv[1], *pct = strchr(word, '%');
	char *p;
	int i;

	log->index = 1;
	if (pct && (tpoint || strcmp(pct, "%return"))) {
		probe_log_err(log, pct - word, PE_BAD_ADDR_SUFFIX);
		return -EINVAL;
	}
	tf->symbol = kstrndup(word, pct ? pct - word : strlen(word),
			      GFP_KERNEL);
	if (!tf->symbol)
		return -ENOMEM;
	tf->is_return = pct;
	if (tpoint) {
		for (p = tf->symbol; isalnum(*p) || *p == '_'; p++)
			;
		if (*p) {
			probe_log_err(log, p - tf->symbol, PE_BAD_TP_NAME);
			return -EINVAL;
		}
	}
	/* $retval makes an exit probe of an entry one (not of a tracepoint). */
	for (i = 2; i < argc && !tf->is_return; i++) {
		p = strstr(argv[i], "$retval");
		if (!p || isalnum(p[7]) || p[7] == '_')
			continue;
		if (tpoint) {
			log->index = i;
			probe_log_err(log, p - argv[i], PE_RETVAL_ON_PROBE);
			return -EINVAL;
		}
		tf->is_return = true;
	}
	if (tpoint)
		*ctx |= PROBE_CTX_FENTRY | PROBE_CTX_TPOINT;
	else
		*ctx |= tf->is_return ? PROBE_CTX_RETURN : PROBE_CTX_FENTRY;
	return 0;
}

/*
 * A loaded module's tracepoint, by its symbol (the list of modules with
 * tracepoints is locked where the module notifier takes event_mutex,
 * which is held here), with the module pinned in *@modp.  The notifier
 * takes the tracepoint back from the probe when the module goes.
 */
static struct tracepoint *module_tracepoint(const char *name,
					    struct module **modp)
{
	char sym[KSYM_NAME_LEN];
	struct tracepoint *tp;
	struct module *mod;

	if (snprintf(sym, sizeof(sym), "__tracepoint_%s", name) >= sizeof(sym))
		return NULL;
	tp = (struct tracepoint *)kallsyms_lookup_name(sym);
	if (!tp)
		return NULL;
	preempt_disable();
	mod = __module_address((unsigned long)tp);
	if (mod && !try_module_get(mod))
		mod = NULL;
	preempt_enable();
	/* A tracepoint is a module's, or vmlinux's (found before). */
	if (!mod)
		return NULL;
	*modp = mod;
	return tp;
}

/*
 * The tracepoint by name: vmlinux's, or a loaded module's (pinned in
 * *@pinned until the probe is made), or none yet.  Without modules, none
 * is upstream's NO_TRACEPOINT.
 */
static int find_tracepoint(struct probe_log *log, struct trace_fprobe *tf,
			   struct module **pinned)
{
	struct tp_find find = { .name = tf->symbol };

	for_each_kernel_tracepoint(match_tracepoint, &find);
	if (!find.tp && IS_ENABLED(CONFIG_MODULES)) {
		find.tp = module_tracepoint(tf->symbol, pinned);
		tf->mod = *pinned;
	}
	if (!find.tp && !IS_ENABLED(CONFIG_MODULES)) {
		log->index = 1;
		probe_log_err(log, 0, PE_NO_TRACEPOINT);
		return -EINVAL;
	}
	tf->tpoint = find.tp;
	return 0;
}

/* Two fprobes of an event on the same function or tracepoint. */
static bool same_fprobe(struct dyn_event *x, struct dyn_event *y)
{
	struct trace_fprobe *a = to_tf(x), *b = to_tf(y);

	return !strcmp(a->symbol, b->symbol) && a->is_tp == b->is_tp &&
	       probe_args_same_text(a->args, b->args);
}

/* Attach @tf to its event: a new one, or the existing one it joins. */
static int attach_event(struct probe_log *log, struct trace_fprobe *tf,
			const char *group, const char *name)
{
	enum probe_kind kind = tf->is_return ? PROBE_RETURN : PROBE_ENTRY;
	struct probe_event *pe = probe_event_find(group, name);
	struct dyn_event *ev;
	bool mixed = false;
	int ret;

	log->index = 0;
	if (IS_ERR(pe) || (pe && pe->arm != fprobe_arm)) {
		probe_log_err(log, 0, PE_EVENT_EXIST);
		return -EEXIST;
	}
	if (!pe) {
		pe = probe_event_new(group, name, kind, tf->args,
				     TRACE_EVENT_FL_FPROBE);
		if (IS_ERR(pe))
			return PTR_ERR(pe);
		pe->arm = fprobe_arm;
		pe->probes = 1;
		tf->dev.event = pe;
		return 0;
	}
	/* An event's probes are all on functions or all on tracepoints. */
	list_for_each_entry(ev, &dyn_events, link) {
		if (ev->event == pe && to_tf(ev)->is_tp != tf->is_tp)
			mixed = true;
	}
	if (mixed) {
		probe_log_err(log, 0, PE_DIFF_PROBE_TYPE);
		return -EEXIST;
	}
	ret = dyn_event_join(log, pe, kind, tf->args, &tf->dev, same_fprobe);
	if (!ret)
		tf->dev.event = pe;
	return ret;
}

static void default_name(char *buf, struct trace_fprobe *tf)
{
	char *p;

	if (tf->is_tp)
		snprintf(buf, PROBE_MAX_NAME, "%s%s",
			 isdigit(tf->symbol[0]) ? "_" : "", tf->symbol);
	else
		snprintf(buf, PROBE_MAX_NAME, "%s__%s", tf->symbol,
			 tf->is_return ? "exit" : "entry");
	for (p = buf; *p; p++)
		if (!isalnum(*p))
			*p = '_';
}

/* fprobe_create() with a pin on the module of a tracepoint, if any. */
static int fprobe_define(int argc, const char **argv, struct module **pinned)
{
	struct probe_log log = { .sys = "trace_fprobe", .argc = argc,
				 .argv = argv };
	char group[PROBE_MAX_NAME], name[PROBE_MAX_NAME] = "";
	unsigned int ctx = PROBE_CTX_KERNEL | PROBE_CTX_NOREG;
	unsigned int maxactive = 0;
	struct trace_fprobe *tf;
	const char *event;
	int ret;

	if ((argv[0][0] != 'f' && argv[0][0] != 't') || argc < 2)
		return -ECANCELED;
	tf = kzalloc(sizeof(*tf), GFP_KERNEL);
	if (!tf)
		return -ENOMEM;
	tf->is_tp = argv[0][0] == 't';
	strscpy(group, tf->is_tp ? "tracepoints" : "fprobes", sizeof(group));
	event = strchr(argv[0] + 1, ':');
	if (event)
		event++;
	ret = probe_parse_maxactive(&log, argv[0], event,
				    FPROBE_MAXACTIVE_MAX, &maxactive);
	if (ret)
		goto fail;
	tf->fp.nr_maxactive = maxactive;
	ret = parse_place(&log, tf, argc, argv, &ctx);
	if (ret)
		goto fail;
	if (tf->fp.nr_maxactive && !tf->is_return) {
		log.index = 0;
		probe_log_err(&log, 1, PE_BAD_MAXACT_TYPE);
		ret = -EINVAL;
		goto fail;
	}
	log.index = 0;
	if (event) {
		ret = probe_parse_event_name(&log, event, event - argv[0],
					     group, name);
		if (ret)
			goto fail;
	}
	if (tf->is_tp) {
		ret = find_tracepoint(&log, tf, pinned);
		if (ret)
			goto fail;
	}
	if (!name[0])
		default_name(name, tf);
	tf->args = probe_args_parse(&log, argc - 2, argv + 2, 2, ctx);
	if (IS_ERR(tf->args)) {
		ret = PTR_ERR(tf->args);
		tf->args = NULL;
		goto fail;
	}
	/*
	 * Where upstream registers the probe: no site, no probe (a
	 * tracepoint that no module has yet is taken on trust).
	 */
	ret = security_locked_down(LOCKDOWN_KPROBES);
	if (!ret && !tf_waiting(tf) && !find_site(tf))
		ret = -EINVAL;
	if (ret) {
		log.index = 1;
		probe_log_err(&log, 0, PE_FAIL_REG_PROBE);
		goto fail;
	}
	if (tf->is_return) {
		tf->fp.exit_handler = fexit_hit;
		if (tf->args->nr_entry) {
			tf->fp.entry_handler = fexit_entry;
			tf->fp.entry_data_size = tf->args->nr_entry * sizeof(long);
		}
	} else {
		tf->fp.entry_handler = fentry_hit;
	}
	ret = attach_event(&log, tf, group, name);
	if (ret)
		goto fail;
	dyn_event_add(&tf->dev, &fprobe_type, tf->dev.event);
	/* An event that is enabled already gets the new probe armed. */
	if (tf->dev.event->enabled) {
		ret = tf_arm(tf);
		if (ret) {
			log.index = 1;
			probe_log_err(&log, 0, PE_FAIL_REG_PROBE);
			fprobe_type.free(&tf->dev);
			return ret;
		}
	}
	return 0;
fail:
	tf_free(tf);
	return ret;
}

static int fprobe_create(int argc, const char **argv)
{
	struct module *pinned = NULL;
	int ret;

	ret = fprobe_define(argc, argv, &pinned);
	module_put(pinned);
	return ret;
}

/* ---- the dynamic event kind ---------------------------------------------- */

static void fprobe_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_fprobe *tf = to_tf(ev);

	seq_putc(m, tf->is_tp ? 't' : 'f');
	if (tf->is_return && tf->fp.nr_maxactive)
		seq_printf(m, "%d", tf->fp.nr_maxactive);
	seq_printf(m, ":%s/%s %s%s", ev->event->call.class->system,
		   trace_event_name(&ev->event->call), tf->symbol,
		   tf->is_return ? "%return" : "");
	probe_args_show(m, tf->args);
}

static int fprobe_free(struct dyn_event *ev)
{
	struct trace_fprobe *tf = to_tf(ev);

	if (!dyn_event_may_go(ev))
		return -EBUSY;
	tf_disarm(tf);
	dyn_event_unlink(ev, &tf->args);
	tf_free(tf);
	return 0;
}

/* "SYMBOL|TRACEPOINT [ARGS]" after "-:EVENT": do they name @ev? */
static bool fprobe_match(int argc, const char **argv, struct dyn_event *ev)
{
	struct trace_fprobe *tf = to_tf(ev);

	/* The bare name, as upstream: "-:rdx vfs_read ARGS", no %return. */
	if (strcmp(argv[0], tf->symbol))
		return false;
	return probe_args_match(tf->args, argc - 1, argv + 1);
}

static struct dyn_event_type fprobe_type = {
	.name	= "fprobe",
	.create	= fprobe_create,
	.show	= fprobe_show,
	.free	= fprobe_free,
	.match	= fprobe_match,
};

#ifdef CONFIG_MODULES
static void match_module_tracepoint(struct tracepoint *tp, struct module *mod,
				    void *priv)
{
	match_tracepoint(tp, priv);
}

/* A module with tracepoints came: waiting probes on one of them get it. */
static void tracepoints_come(struct module *mod)
{
	struct trace_fprobe *tf;
	struct dyn_event *ev;
	struct tp_find find;
	int ret;

	list_for_each_entry(ev, &dyn_events, link) {
		tf = as_fprobe(ev);
		if (!tf || !tf_waiting(tf))
			continue;
		find = (struct tp_find){ .name = tf->symbol };
		for_each_tracepoint_in_module(mod, match_module_tracepoint, &find);
		if (!find.tp)
			continue;
		tf->tpoint = find.tp;
		tf->mod = mod;
		if (!tf->armed)
			continue;
		ret = tf_register(tf);
		if (ret)
			pr_warn("tracepoint probe %s/%s: not registered on %s: %d\n",
				ev->event->call.class->system,
				trace_event_name(&ev->event->call), tf->symbol,
				ret);
	}
}

/* A module goes: its tracepoints' probes wait for it again. */
static void tracepoints_go(struct module *mod)
{
	struct trace_fprobe *tf;
	struct dyn_event *ev;

	list_for_each_entry(ev, &dyn_events, link) {
		tf = as_fprobe(ev);
		if (!tf || !tf->is_tp || tf->mod != mod)
			continue;
		tf_unregister(tf);
		tf->tpoint = NULL;
		tf->mod = NULL;
	}
}

static int tracepoint_module_notify(struct notifier_block *nb,
				    unsigned long val, void *data)
{
	struct tp_module *tp_mod = data;

	if (val != MODULE_STATE_COMING && val != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&event_mutex);
	if (val == MODULE_STATE_COMING)
		tracepoints_come(tp_mod->mod);
	else
		tracepoints_go(tp_mod->mod);
	mutex_unlock(&event_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block tracepoint_module_nb = {
	.notifier_call	= tracepoint_module_notify,
};

static int __init fprobe_module_init(void)
{
	return register_tracepoint_module_notifier(&tracepoint_module_nb);
}
#else
static int __init fprobe_module_init(void)
{
	return 0;
}
#endif

static int __init fprobe_events_init(void)
{
	int ret = dyn_event_type_register(&fprobe_type);

	return ret ?: fprobe_module_init();
}
core_initcall(fprobe_events_init);
