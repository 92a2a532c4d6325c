// SPDX-License-Identifier: GPL-2.0
/*
 * The trigger file of every event, events/SYSTEM/EVENT/trigger:
 *
 *	CMD[:COUNT] [if FILTER]		traceon, traceoff, snapshot, stacktrace
 *	CMD:SYSTEM:EVENT[:COUNT] [if FILTER]	enable_event, disable_event
 *	!CMD...				remove the trigger of that kind
 *
 * One write is one command.  The kinds are a table (struct
 * event_trigger_cmd, trace_trigger.h) that the commands fill; an event
 * has at most one trigger of a kind (enable_event and disable_event of
 * one target are one kind, as traceon and traceoff are), the newest
 * listed first.  Removing takes the trigger of the same kind whatever
 * its count and filter, and removing one that is not there is no error.
 * ">" does not clear the file (upstream: only hist triggers would be).
 *
 * An event with triggers is held registered in soft mode (its probe runs
 * and records only while the event is enabled too) and has TRIGGER_MODE
 * set; TRIGGER_COND also when a trigger needs the record (a filter, or a
 * post trigger).  A trigger is freed after a grace period of the probes.
 *
 * Locking: event_mutex serialises the triggers lists and the flags; the
 * probes walk the lists under RCU (sched).
 */
#include <linux/ctype.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <asm/setup.h>

#include "trace_priv.h"
#include "trace_events_priv.h"
#include "trace_trigger.h"

/* The kinds of trigger, in the order they were registered; [I] after boot. */
static LIST_HEAD(trigger_cmds);

/**
 * event_trigger_cmd_register() - offer a kind of trigger
 * @cmd: the command, static
 *
 * Context: boot (initcalls).
 * Return: 0, or -EBUSY when a command of that name exists.
 */
int __init event_trigger_cmd_register(struct event_trigger_cmd *cmd)
{
	struct event_trigger_cmd *c;

	list_for_each_entry(c, &trigger_cmds, list)
		if (!strcmp(c->name, cmd->name))
			return -EBUSY;
	list_add_tail(&cmd->list, &trigger_cmds);
	return 0;
}

static const struct event_trigger_cmd *find_cmd(const char *name)
{
	struct event_trigger_cmd *c;

	list_for_each_entry(c, &trigger_cmds, list)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static bool needs_record(struct event_trigger *t)
{
	return t->filter || t->cmd->post || t->cmd->needs_rec;
}

static bool same_kind(struct event_trigger *a, struct event_trigger *b)
{
	if (a->cmd->type != b->cmd->type)
		return false;
	return !a->cmd->same || a->cmd->same(a, b);
}

static void trigger_free(struct event_trigger *t)
{
	trace_filter_free(t->filter);
	kfree(t->filter_str);
	kfree(t);
}

/* Set TRIGGER_COND exactly when a listed trigger needs the record. */
static void update_cond(struct trace_event_file *file)
{
	struct event_trigger *t;

	list_for_each_entry(t, &file->triggers, link) {
		if (needs_record(t)) {
			set_bit(EVENT_FILE_FL_TRIGGER_COND_BIT, &file->flags);
			return;
		}
	}
	clear_bit(EVENT_FILE_FL_TRIGGER_COND_BIT, &file->flags);
}

/* List @t on its event, first of the list.  Context: event_mutex held. */
static int trigger_add(struct event_trigger *t)
{
	struct trace_event_file *file = t->file;
	bool first = list_empty(&file->triggers);
	int ret;

	if (t->cmd->attach) {
		ret = t->cmd->attach(t);
		if (ret)
			return ret;
	}
	if (first) {
		ret = trace_event_soft_get(file);
		if (ret)
			goto detach;
	}
	if (needs_record(t)) {
		ret = trace_event_scratch_alloc();
		if (ret)
			goto undo;
		/*
		 * A hit that read the flags without TRIGGER_COND runs every
		 * trigger without a record: let those hits end before this
		 * one, which must see the record, is listed.
		 */
		if (!test_and_set_bit(EVENT_FILE_FL_TRIGGER_COND_BIT,
				      &file->flags))
			tracepoint_synchronize_unregister();
	}
	list_add_rcu(&t->link, &file->triggers);
	if (first) {
		atomic_inc(&file->tm_ref);
		set_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT, &file->flags);
		if (trace_event_is_marker(file->event_call)) {
			WRITE_ONCE(file->tr->events->marker, file);
			trace_marker_hook_use(true);
		}
	}
	return 0;
undo:
	if (first)
		trace_event_soft_put(file);
detach:
	if (t->cmd->detach)
		t->cmd->detach(t);
	return ret;
}

/*
 * Removing triggers takes two steps: trigger_unlist() each, then
 * triggers_finish() them all, which waits once for the hits that may
 * still see any of them.  Context: event_mutex held.
 */
static void trigger_unlist(struct event_trigger *t, struct event_trigger **dead)
{
	list_del_rcu(&t->link);
	t->next_dead = *dead;
	*dead = t;
}

/*
 * The flags of an event change only once no hit sees its unlisted
 * triggers, so a hit never runs a filtered trigger without its record.
 */
static void triggers_finish(struct event_trigger *dead)
{
	struct trace_event_file *file;
	struct event_trigger *t;

	if (!dead)
		return;
	tracepoint_synchronize_unregister();
	while ((t = dead)) {
		dead = t->next_dead;
		file = t->file;
		update_cond(file);
		/* Its last trigger went: once per event, however many did. */
		if (list_empty(&file->triggers) &&
		    test_and_clear_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT,
				       &file->flags)) {
			atomic_dec(&file->tm_ref);
			trace_event_soft_put(file);
			if (trace_event_is_marker(file->event_call))
				trace_marker_hook_use(false);
		}
		if (t->cmd->detach)
			t->cmd->detach(t);
		trigger_free(t);
	}
}

static void trigger_remove(struct event_trigger *t)
{
	struct event_trigger *dead = NULL;

	trigger_unlist(t, &dead);
	triggers_finish(dead);
}

/* "COUNT" up to a ':': the runs allowed.  Return: 0 or -EINVAL. */
static int parse_count(char *s, long *count)
{
	unsigned long n;

	s = strsep(&s, ":");
	if (!*s || kstrtoul(s, 0, &n) || n > LONG_MAX)
		return -EINVAL;
	*count = n;
	return 0;
}

/*
 * "if EXPR" after a command: the filter on @t's event.  A filter that
 * does not compile goes to error_log as the filter file's do.
 */
static int parse_filter(struct event_trigger *t, char *s)
{
	struct event_filter *f;
	const char *text;
	int pos;

	if (strncmp(s, "if", 2) || (s[2] != ' ' && s[2] != '\t') || !s[3])
		return -EINVAL;
	s += 3;
	f = trace_filter_parse(t->file->event_call, s, &text, &pos);
	if (IS_ERR(f)) {
		if (PTR_ERR(f) == -EINVAL)
			tracing_log_err(t->file->tr, "event filter parse error",
					s, &text, 0, pos);
		return PTR_ERR(f);
	}
	t->filter = f;
	t->filter_str = kstrdup(s, GFP_KERNEL);
	return t->filter_str ? 0 : -ENOMEM;
}

/* Split @s at its first blank: the word, and what follows (or NULL). */
static char *split_blank(char *s, char **rest)
{
	char *end = s + strcspn(s, " \t");

	*rest = NULL;
	if (*end) {
		*end++ = '\0';
		end = skip_spaces(end);
		if (*end)
			*rest = end;
	}
	return s;
}

/*
 * The text after the command's name: its parameter (enable_event's
 * "SYSTEM:EVENT", given back in *@param), count and filter, into @t.
 */
static int parse_rest(struct event_trigger *t, char *rest, char **param)
{
	char *word, *filter;
	long count = -1;
	int ret;

	*param = NULL;
	if (t->cmd->needs_param) {
		if (!rest)
			return -EINVAL;
		word = split_blank(rest, &filter);
		*param = word;
		/* SYSTEM:EVENT, then the count if a third part is there. */
		word = strchr(word, ':');
		if (word)
			word = strchr(word + 1, ':');
		if (word) {
			*word++ = '\0';
			ret = parse_count(word, &count);
			if (ret)
				return ret;
		}
	} else if (rest && isdigit(*rest)) {
		word = split_blank(rest, &filter);
		ret = parse_count(word, &count);
		if (ret)
			return ret;
	} else {
		filter = rest;
	}
	atomic_long_set(&t->count, count);
	return filter ? parse_filter(t, filter) : 0;
}

static struct event_trigger *find_same(struct event_trigger *t)
{
	struct event_trigger *o;

	list_for_each_entry(o, &t->file->triggers, link)
		if (same_kind(o, t))
			return o;
	return NULL;
}

/* One write to the trigger file of @file.  Context: event_mutex not held. */
static int trigger_write_cmd(struct trace_event_file *file, char *buf)
{
	const struct event_trigger_cmd *cmd;
	struct event_trigger *t, *old;
	char *name, *rest, *param;
	bool remove;
	int ret;

	buf = strim(buf);
	remove = *buf == '!';
	name = buf + remove;
	rest = name + strcspn(name, ": \t");
	if (*rest) {
		*rest++ = '\0';
		rest = skip_spaces(rest);
		if (!*rest)
			rest = NULL;
	} else {
		rest = NULL;
	}
	cmd = find_cmd(name);
	if (!cmd)
		return -EINVAL;
	/* What sleeps under the tracing locks comes before event_mutex. */
	if (!remove && cmd->prepare) {
		ret = cmd->prepare(file->tr);
		if (ret)
			return ret;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->cmd = cmd;
	t->file = file;
	mutex_lock(&event_mutex);
	if (remove) {
		/* Only what names the kind counts; count and filter do not. */
		ret = -EINVAL;
		param = rest;
		if (cmd->needs_param && rest)
			param = split_blank(rest, &rest);
		if (!cmd->needs_param || param)
			ret = cmd->parse ? cmd->parse(t, param) : 0;
		if (!ret) {
			old = find_same(t);
			if (old)
				trigger_remove(old);
		}
		goto out;
	}
	ret = parse_rest(t, rest, &param);
	if (!ret && cmd->parse)
		ret = cmd->parse(t, param);
	if (!ret && find_same(t))
		ret = -EEXIST;
	if (!ret)
		ret = trigger_add(t);
	if (!ret)
		t = NULL;
out:
	if (t)
		trigger_free(t);
	mutex_unlock(&event_mutex);
	return ret;
}

static bool user_triggers(struct trace_event_file *file)
{
	struct event_trigger *t;

	list_for_each_entry(t, &file->triggers, link)
		if (!t->cmd->internal)
			return true;
	return false;
}

/* The listing: the triggers, newest first, or the kinds there are. */
static void gen_triggers(struct seq_buf *s, void *arg)
{
	struct trace_event_file *file = arg;
	struct event_trigger_cmd *c;
	struct event_trigger *t;
	long count;

	if (!user_triggers(file)) {
		seq_buf_puts(s, "# Available triggers:\n#");
		list_for_each_entry(c, &trigger_cmds, list)
			seq_buf_printf(s, " %s", c->name);
		seq_buf_putc(s, '\n');
		return;
	}
	list_for_each_entry(t, &file->triggers, link) {
		if (t->cmd->internal)
			continue;
		seq_buf_puts(s, t->cmd->name);
		if (t->cmd->print)
			t->cmd->print(s, t);
		count = atomic_long_read(&t->count);
		if (count < 0)
			seq_buf_puts(s, ":unlimited");
		else
			seq_buf_printf(s, ":count=%ld", count);
		if (t->filter_str)
			seq_buf_printf(s, " if %s", t->filter_str);
		seq_buf_putc(s, '\n');
	}
}

static int trigger_open(struct inode *inode, struct file *filp)
{
	struct trace_event_file *file = inode->i_private;
	int ret = trace_event_open(filp, EV_OPEN_FILE, file, true);

	if (ret || !(filp->f_mode & FMODE_READ))
		return ret;
	mutex_lock(&event_mutex);
	ret = trace_event_text_make(filp, gen_triggers, file);
	mutex_unlock(&event_mutex);
	if (ret)
		trace_event_close(EV_OPEN_FILE, file);
	return ret;
}

static int trigger_release(struct inode *inode, struct file *filp)
{
	if (filp->f_mode & FMODE_READ)
		kvfree(filp->private_data);
	trace_event_close(EV_OPEN_FILE, inode->i_private);
	return 0;
}

static ssize_t trigger_write(struct file *filp, const char __user *ubuf,
			     size_t cnt, loff_t *ppos)
{
	struct trace_event_file *file = file_inode(filp)->i_private;
	char *buf;
	int ret;

	if (!cnt)
		return 0;
	if (cnt >= PAGE_SIZE)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, cnt);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = trigger_write_cmd(file, buf);
	kfree(buf);
	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations trigger_fops = {
	.open		= trigger_open,
	.read		= trace_event_text_read,
	.write		= trigger_write,
	.release	= trigger_release,
	.llseek		= default_llseek,
};

/**
 * event_trigger_attach() - give an event a trigger from kernel code
 * @file: the event in an instance
 * @cmd: an internal command (not in the trigger file), static
 * @data: the command's, for its fire(); also what names the trigger
 * @filter: NULL, or a filter on the event's fields the trigger needs
 *
 * For event probes: they write their own event from each record.
 *
 * Context: event_mutex held.
 * Return: 0, -EINVAL for a filter that does not compile, -ENOMEM, or
 * the errno of registering the event's probe.
 */
int event_trigger_attach(struct trace_event_file *file,
			 const struct event_trigger_cmd *cmd, void *data,
			 const char *filter)
{
	struct event_trigger *t;
	const char *text;
	int pos, ret;

	lockdep_assert_held(&event_mutex);
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->cmd = cmd;
	t->file = file;
	t->data = data;
	atomic_long_set(&t->count, -1);
	if (filter) {
		t->filter = trace_filter_parse(file->event_call, filter, &text,
					       &pos);
		if (IS_ERR(t->filter)) {
			ret = PTR_ERR(t->filter);
			t->filter = NULL;
			goto out;
		}
	}
	ret = trigger_add(t);
	if (!ret)
		return 0;
out:
	trigger_free(t);
	return ret;
}

/**
 * event_trigger_detach() - remove what event_trigger_attach() gave
 * @file: the event in an instance
 * @cmd: the command
 * @data: the data it was attached with
 *
 * Returns once no hit can run the trigger any more.
 *
 * Context: event_mutex held.
 */
void event_trigger_detach(struct trace_event_file *file,
			  const struct event_trigger_cmd *cmd, void *data)
{
	struct event_trigger *t;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry(t, &file->triggers, link) {
		if (t->cmd == cmd && t->data == data) {
			trigger_remove(t);
			return;
		}
	}
}

/* An instance going away takes its events' triggers with it. */
static void triggers_free(struct trace_array *tr)
{
	struct event_trigger *t, *n, *dead = NULL;
	struct trace_event_file *file;

	if (!tr->events)
		return;
	mutex_lock(&event_mutex);
	list_for_each_entry(file, &tr->events->files, list)
		list_for_each_entry_safe(t, n, &file->triggers, link)
			trigger_unlist(t, &dead);
	triggers_finish(dead);
	mutex_unlock(&event_mutex);
}

/*
 * The triggers of events/ftrace/print run on trace_marker writes, which
 * are no event hits: the marker code calls these around its commit.
 */
static unsigned long marker_pre(struct trace_array *tr,
				struct trace_buffer *buf, void *rec,
				struct ring_buffer_event *e)
{
	struct trace_event_file *file = READ_ONCE(tr->events->marker);
	struct event_trigger_hit prev;
	unsigned long tt;

	if (!file || !test_bit(EVENT_FILE_FL_TRIGGER_MODE_BIT, &file->flags))
		return 0;
	/* Stacks start at the caller of the marker's writer. */
	prev = event_trigger_hit_begin(_RET_IP_, NULL);
	tt = event_triggers_call(file, buf, rec, e);
	event_trigger_hit_end(prev);
	return tt;
}

static void marker_post(struct trace_array *tr, unsigned long tt)
{
	/* The walk needs what the hits have: preemption off (RCU sched). */
	struct event_trigger_hit prev;

	preempt_disable_notrace();
	prev = event_trigger_hit_begin(_RET_IP_, NULL);
	event_triggers_post_call(READ_ONCE(tr->events->marker), tt);
	event_trigger_hit_end(prev);
	preempt_enable_notrace();
}

static const struct trace_marker_hook marker_hook = {
	.pre	= marker_pre,
	.post	= marker_post,
};

/* The trigger file: on events users can enable, and on ftrace/print. */
static bool trigger_shown(const struct trace_event_call *call)
{
	return !(call->flags & TRACE_EVENT_FL_IGNORE_ENABLE) ||
	       trace_event_is_marker(call);
}

static const struct trace_part trigger_part = {
	.name	= "triggers",
	.id	= TRACE_PART_TRIGGER,
	.free	= triggers_free,
};

static int __init triggers_init(void)
{
	int ret = trace_event_add_file_entry("trigger", 0640, &trigger_fops,
					     trigger_shown);

	trace_marker_hook_set(&marker_hook);

	return ret ?: trace_part_register(&trigger_part);
}
core_initcall(triggers_init);

/*
 * trace_trigger=EVENT.TRIGGER[,EVENT.TRIGGER...]: triggers of the top
 * instance from boot on, at most 32, each given to every event of that
 * name (no system), as upstream's: "trace_trigger=sched_switch.stacktrace".
 */
#define BOOT_TRIGGERS_MAX	32

static char boot_triggers[COMMAND_LINE_SIZE] __initdata;

static int __init set_boot_triggers(char *str)
{
	strscpy(boot_triggers, str, sizeof(boot_triggers));
	tracer_selftests_off("running event triggers");
	return 1;
}
__setup("trace_trigger=", set_boot_triggers);

/* Give @trigger to every event of the top instance named @event. */
static void __init boot_trigger(const char *event, const char *trigger)
{
	struct trace_event_file *file, *match[8];
	int i, n = 0, ret;
	char *cmd;

	/* The command sleeps and takes event_mutex: collect first. */
	mutex_lock(&event_mutex);
	list_for_each_entry(file, &trace_top.events->files, list)
		if (n < ARRAY_SIZE(match) &&
		    !strcmp(trace_event_name(file->event_call), event))
			match[n++] = file;
	mutex_unlock(&event_mutex);
	if (!n)
		pr_warn("trace_trigger=: no event %s\n", event);
	for (i = 0; i < n; i++) {
		cmd = kstrdup(trigger, GFP_KERNEL);
		ret = cmd ? trigger_write_cmd(match[i], cmd) : -ENOMEM;
		kfree(cmd);
		/* Upstream's message. */
		if (ret)
			pr_err("Failed to register trigger '%s' on event %s\n",
			       trigger, event);
	}
}

/* After every initcall that registers a trigger command. */
static int __init boot_triggers_init(void)
{
	char *list = boot_triggers, *item, *event;
	int n = 0;

	if (!trace_top.events)
		return 0;
	while ((item = strsep(&list, ",")) && n++ < BOOT_TRIGGERS_MAX) {
		event = strsep(&item, ".");
		if (!*event && !item)
			continue;
		if (!item || !*item) {
			pr_warn("trace_trigger=: %s is not EVENT.TRIGGER\n",
				event);
			continue;
		}
		boot_trigger(event, item);
	}
	return 0;
}
core_initcall_sync(boot_triggers_init);
