// SPDX-License-Identifier: GPL-2.0
/*
 * Event probes: an event written from the records of another event.
 *
 *	e[:[GROUP/][EVENT]] SYSTEM.EVENT|SYSTEM/EVENT [FETCHARGS] [if FILTER]
 *
 * in dynamic_events.  The arguments read the other event's fields
 * ($FIELD, strings give their address), $comm, dereferences and
 * immediates, with the usual types; the default group is "eprobes" and
 * the default name the other event's.  The record has no header of its
 * own and prints "EVENT: (SYSTEM.EVENT) ARGS".
 *
 * Enabled in an instance, the event probe puts an internal trigger on the
 * other event in that instance (trace_trigger.h): the trigger runs on
 * each of its records (that FILTER matches) and writes the probe's
 * record in the same instance.  The other event is pinned while the
 * probe exists; it may not be a probe's event, nor an ftrace one.
 */
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../trace_priv.h"
#include "../trace_trigger.h"
#include "probe.h"

/**
 * struct trace_eprobe - one event probe
 * @dev: on the dynamic events list; @dev.event is its event
 * @source: the event it is on (a reference is held)
 * @system: @source's system
 * @event: @source's name
 * @filter: the text after "if", or NULL
 * @args: its arguments (its event's, freed with it)
 *
 * Immutable once listed; everything is under event_mutex.
 */
struct trace_eprobe {
	struct dyn_event	dev;
	struct trace_event_call	*source;
	char			*system;
	char			*event;
	char			*filter;
	struct probe_args	*args;
};

static struct dyn_event_type eprobe_type;

static struct trace_eprobe *to_ep(struct dyn_event *ev)
{
	return container_of(ev, struct trace_eprobe, dev);
}

/* The trigger on the source event: write the probe's record. */
static void eprobe_fire(struct event_trigger *t, void *rec)
{
	struct trace_event_file *file = t->data;
	struct probe_event *pe = container_of(file->event_call,
					      struct probe_event, call);
	struct probe_hit hit = { .rec = rec };

	if (rec)	/* always: the trigger needs the record */
		probe_event_write_file(pe, file, &hit);
}

static const struct event_trigger_cmd eprobe_trigger = {
	.name		= "eprobe",
	.type		= ETT_EVENT_EPROBE,
	.needs_rec	= true,
	.internal	= true,
	.fire		= eprobe_fire,
};

static int eprobe_arm(struct probe_event *pe, bool on)
{
	return 0;	/* the triggers are per instance: see eprobe_attach() */
}

/* Enabled in @file's instance: a trigger on the source event there. */
static int eprobe_attach(struct probe_event *pe, struct trace_event_file *file,
			 bool on)
{
	struct trace_eprobe *ep = pe->arm_data;
	struct trace_event_file *src;

	src = trace_event_file_of(file->tr, ep->source);
	if (!src)
		return -ENODEV;
	if (!on) {
		event_trigger_detach(src, &eprobe_trigger, file);
		return 0;
	}
	return event_trigger_attach(src, &eprobe_trigger, file, ep->filter);
}

static void ep_free(struct trace_eprobe *ep)
{
	if (ep->source)
		trace_event_put_ref(ep->source);
	probe_args_free(ep->args);
	kfree(ep->system);
	kfree(ep->event);
	kfree(ep->filter);
	kfree(ep);
}

/* "SYSTEM.EVENT" or "SYSTEM/EVENT": the event, referenced. */
static int find_source(struct probe_log *log, struct trace_eprobe *ep,
		       const char *spec)
{
	const char *sep = strchr(spec, '/') ?: strchr(spec, '.');

	log->index = 1;
	if (!sep || sep == spec || !sep[1]) {
		probe_log_err(log, 0, PE_NO_EVENT_INFO);
		return -EINVAL;
	}
	ep->system = kstrndup(spec, sep - spec, GFP_KERNEL);
	ep->event = kstrdup(sep + 1, GFP_KERNEL);
	if (!ep->system || !ep->event)
		return -ENOMEM;
	/* Not on probes, nor on the tracers' own (ftrace) events. */
	ep->source = trace_event_call_find(ep->system, ep->event);
	if (ep->source &&
	    ((ep->source->flags & (TRACE_EVENT_FL_IGNORE_ENABLE |
				   TRACE_EVENT_FL_KPROBE |
				   TRACE_EVENT_FL_UPROBE |
				   TRACE_EVENT_FL_EPROBE)) ||
	     !trace_event_try_get_ref(ep->source)))
		ep->source = NULL;
	if (!ep->source) {
		probe_log_err(log, 0, PE_BAD_ATTACH_EVENT);
		return -ENODEV;
	}
	return 0;
}

/* The words after "if", checked against the source event's fields. */
static int parse_filter(struct probe_log *log, struct trace_eprobe *ep,
			int argc, const char **argv, int first)
{
	size_t len = 0;
	int i;

	log->index = first;
	if (!argc) {
		probe_log_err(log, 0, PE_NO_EP_FILTER);
		return -EINVAL;
	}
	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	ep->filter = kzalloc(len, GFP_KERNEL);
	if (!ep->filter)
		return -ENOMEM;
	for (i = 0; i < argc; i++) {
		if (i)
			strcat(ep->filter, " ");
		strcat(ep->filter, argv[i]);
	}
	return trace_event_filter_check(ep->source, ep->filter);
}

static int eprobe_create(int argc, const char **argv)
{
	struct probe_log log = { .sys = "event_probe", .argc = argc,
				 .argv = argv };
	char group[PROBE_MAX_NAME] = "eprobes", name[PROBE_MAX_NAME] = "";
	struct trace_eprobe *ep;
	struct probe_event *pe;
	const char *event;
	int i, nargs, ret;

	if (argv[0][0] != 'e' || argc < 2)
		return -ECANCELED;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	event = strchr(argv[0] + 1, ':');
	if (event) {
		event++;
		ret = probe_parse_event_name(&log, event, event - argv[0],
					     group, name);
		if (ret)
			goto fail;
	}
	ret = find_source(&log, ep, argv[1]);
	if (ret)
		goto fail;
	if (!name[0])
		strscpy(name, ep->event, sizeof(name));
	for (nargs = 0; nargs + 2 < argc; nargs++)
		if (!strcmp(argv[nargs + 2], "if"))
			break;
	if (nargs + 2 < argc) {
		i = nargs + 3;
		ret = parse_filter(&log, ep, argc - i, argv + i, i);
		if (ret)
			goto fail;
	}
	ep->args = probe_args_parse_event(&log, nargs, argv + 2, 2,
					  ep->source);
	if (IS_ERR(ep->args)) {
		ret = PTR_ERR(ep->args);
		ep->args = NULL;
		goto fail;
	}
	/* An event probe's event is its own: no sharing. */
	log.index = 0;
	if (probe_event_find(group, name)) {
		probe_log_err(&log, 0, PE_EVENT_EXIST);
		ret = -EEXIST;
		goto fail;
	}
	pe = probe_event_new(group, name, PROBE_EVENT, ep->args,
			     TRACE_EVENT_FL_EPROBE);
	if (IS_ERR(pe)) {
		ret = PTR_ERR(pe);
		goto fail;
	}
	ep->args = NULL;	/* the event's now */
	pe->source = kasprintf(GFP_KERNEL, "%s.%s", ep->system, ep->event);
	if (!pe->source) {
		probe_event_free(pe);	/* not busy: just made */
		ret = -ENOMEM;
		goto fail;
	}
	pe->arm = eprobe_arm;
	pe->arm_data = ep;
	pe->attach = eprobe_attach;
	pe->probes = 1;
	dyn_event_add(&ep->dev, &eprobe_type, pe);
	return 0;
fail:
	ep_free(ep);
	return ret;
}

static void eprobe_show(struct seq_file *m, struct dyn_event *ev)
{
	struct trace_eprobe *ep = to_ep(ev);

	seq_printf(m, "e:%s/%s %s.%s", ev->event->call.class->system,
		   trace_event_name(&ev->event->call), ep->system, ep->event);
	probe_args_show(m, ev->event->args);
}

static int eprobe_free(struct dyn_event *ev)
{
	struct probe_event *pe = ev->event;
	const char *source = pe->source;
	int ret;

	ret = probe_event_free(pe);
	if (ret)
		return ret;
	kfree(source);
	list_del(&ev->link);
	ep_free(to_ep(ev));
	return 0;
}

/* "SYSTEM.EVENT|SYSTEM/EVENT [ARGS]" after "-:EVENT": do they name @ev? */
static bool eprobe_match(int argc, const char **argv, struct dyn_event *ev)
{
	struct trace_eprobe *ep = to_ep(ev);
	const char *sep;

	sep = strchr(argv[0], '/') ?: strchr(argv[0], '.');
	if (!sep || strncmp(ep->system, argv[0], sep - argv[0]) ||
	    ep->system[sep - argv[0]] || strcmp(ep->event, sep + 1))
		return false;
	return probe_args_match(ev->event->args, argc - 1, argv + 1);
}

static struct dyn_event_type eprobe_type = {
	.name	= "eprobe",
	.create	= eprobe_create,
	.show	= eprobe_show,
	.free	= eprobe_free,
	.match	= eprobe_match,
};

static int __init eprobe_init(void)
{
	return dyn_event_type_register(&eprobe_type);
}
core_initcall(eprobe_init);
