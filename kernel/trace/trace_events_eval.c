// SPDX-License-Identifier: GPL-2.0
/*
 * TRACE_DEFINE_ENUM() and TRACE_DEFINE_SIZEOF(): the print fmt of an
 * event names enum constants and sizeof() expressions that user space
 * cannot evaluate, so the format file shows their values instead.
 *
 * Each event's print fmt is rewritten once, when the event is added:
 * every occurrence of a map's string of the event's system, outside
 * quotes and not inside a longer identifier, becomes the map's value.
 * A rewritten fmt is a copy; the static one is left alone.
 */
#include <linux/ctype.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>

#include "trace_priv.h"
#include "trace_events_priv.h"

/* A print fmt this file allocated, to free with its event. */
struct eval_fmt {
	struct list_head	link;
	struct trace_event_call	*call;
	char			*fmt;
};

static LIST_HEAD(eval_fmts);		/* [event_mutex] */

static bool ident_char(char c)
{
	return isalnum(c) || c == '_';
}

/* The map whose string starts @p as a whole token, or NULL. */
static struct trace_eval_map *match(struct trace_eval_map **maps,
				    unsigned int n, const char *p)
{
	unsigned int i;
	size_t len;

	for (i = 0; i < n; i++) {
		len = strlen(maps[i]->eval_string);
		if (!strncmp(p, maps[i]->eval_string, len) &&
		    !ident_char(p[len]))
			return maps[i];
	}
	return NULL;
}

/* Rewrite @fmt with @maps into @out (NULL: only measure).  Returns length. */
static size_t rewrite(const char *fmt, struct trace_eval_map **maps,
		      unsigned int n, char *out, bool *changed)
{
	struct trace_eval_map *m = NULL;
	char quote = 0, num[24];
	size_t len = 0, k;
	const char *p;

	for (p = fmt; *p; ) {
		if (quote) {
			if (*p == '\\' && p[1]) {
				if (out)
					memcpy(out + len, p, 2);
				len += 2;
				p += 2;
				continue;
			}
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if ((isalpha(*p) || *p == '_') &&
			   (p == fmt || !ident_char(p[-1]))) {
			m = match(maps, n, p);
		}
		if (m) {
			k = snprintf(num, sizeof(num), "%lu", m->eval_value);
			if (out)
				memcpy(out + len, num, k);
			len += k;
			p += strlen(m->eval_string);
			*changed = true;
			m = NULL;
			continue;
		}
		if (out)
			out[len] = *p;
		len++;
		p++;
	}
	if (out)
		out[len] = '\0';
	return len;
}

static void update(struct trace_event_call *call, struct trace_eval_map **all,
		   unsigned int n_all)
{
	struct trace_eval_map **maps;
	unsigned int i, n = 0;
	struct eval_fmt *ef;
	bool changed = false;
	size_t len;

	if (!call->print_fmt || !n_all)
		return;
	/* Only the maps of the event's system: usually none. */
	for (i = 0; i < n_all; i++)
		n += !strcmp(all[i]->system, call->class->system);
	if (!n)
		return;
	maps = kmalloc_array(n, sizeof(*maps), GFP_KERNEL);
	if (!maps)
		return;
	for (i = 0, n = 0; i < n_all; i++)
		if (!strcmp(all[i]->system, call->class->system))
			maps[n++] = all[i];
	len = rewrite(call->print_fmt, maps, n, NULL, &changed);
	if (!changed)
		goto out;
	ef = kmalloc(sizeof(*ef), GFP_KERNEL);
	if (!ef)
		goto out;
	ef->fmt = kmalloc(len + 1, GFP_KERNEL);
	if (!ef->fmt) {
		kfree(ef);
		goto out;
	}
	rewrite(call->print_fmt, maps, n, ef->fmt, &changed);
	ef->call = call;
	call->print_fmt = ef->fmt;
	list_add(&ef->link, &eval_fmts);
out:
	kfree(maps);
}

/**
 * trace_event_eval_update() - put the values of enum names in a print fmt
 * @call: the event, being added
 * @maps: the maps that apply to it: the kernel's own (init data, so only
 *	while the kernel boots) for a built-in event, its module's for a
 *	module's event
 * @nr: how many
 *
 * Context: event_mutex held.
 */
void trace_event_eval_update(struct trace_event_call *call,
			     struct trace_eval_map **maps, unsigned int nr)
{
	lockdep_assert_held(&event_mutex);
	update(call, maps, nr);
}

/**
 * trace_event_eval_free() - free the print fmts of a module's events
 * @mod: the module going away
 *
 * Context: event_mutex held.
 */
void trace_event_eval_free(struct module *mod)
{
	struct eval_fmt *ef, *n;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry_safe(ef, n, &eval_fmts, link) {
		if (ef->call->module != mod)
			continue;
		list_del(&ef->link);
		kfree(ef->fmt);
		kfree(ef);
	}
}
