// SPDX-License-Identifier: GPL-2.0
/*
 * Dynamic events: the table of probe kinds and the files every kind
 * shares.
 *
 * A kind (kprobe events, uprobe events) registers a struct
 * dyn_event_type; each probe it creates is a struct dyn_event on one
 * list.  dynamic_events shows all of them and takes definitions of any
 * kind (each kind's create() is tried in turn until one recognises the
 * line); a kind's own file (kprobe_events) passes its type to the same
 * helpers and so sees only its own probes.
 *
 * A write is a list of lines; "#" starts a comment, "-:[GROUP/]EVENT"
 * removes, an open with O_TRUNC removes every probe of the file's kind
 * first (or nothing, with -EBUSY, when one of them is enabled).
 */
#include <linux/ctype.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "../trace_priv.h"
#include "probe.h"

/* All probes, of every kind, oldest first. */
LIST_HEAD(dyn_events);			/* [event_mutex] */
static LIST_HEAD(dyn_event_types);	/* [event_mutex] */

#define LINE_MAX_BYTES	4096

static const char *probe_err_text[PE_NR] = {
	[PE_BAD_MAXACT_TYPE]	= "Maxactive is only for function exit",
	[PE_BAD_MAXACT]		= "Invalid maxactive number",
	[PE_MAXACT_TOO_BIG]	= "Maxactive is too big",
	[PE_BAD_PROBE_ADDR]	= "Invalid probed address or symbol",
	[PE_NON_UNIQ_SYMBOL]	= "The symbol is not unique",
	[PE_BAD_RETPROBE]	= "Retprobe address must be an function entry",
	[PE_BAD_ADDR_SUFFIX]	= "Invalid probed address suffix",
	[PE_NO_GROUP_NAME]	= "Group name is not specified",
	[PE_GROUP_TOO_LONG]	= "Group name is too long",
	[PE_BAD_GROUP_NAME]	= "Group name must follow the same rules as C identifiers",
	[PE_NO_EVENT_NAME]	= "Event name is not specified",
	[PE_EVENT_TOO_LONG]	= "Event name is too long",
	[PE_BAD_EVENT_NAME]	= "Event name must follow the same rules as C identifiers",
	[PE_EVENT_EXIST]	= "Given group/event name is already used by another event",
	[PE_RETVAL_ON_PROBE]	= "$retval is not available on probe",
	[PE_BAD_STACK_NUM]	= "Invalid stack number",
	[PE_BAD_ARG_NUM]	= "Invalid argument number",
	[PE_BAD_VAR]		= "Invalid $-variable specified",
	[PE_BAD_REG_NAME]	= "Invalid register name",
	[PE_BAD_MEM_ADDR]	= "Invalid memory address",
	[PE_BAD_IMM]		= "Invalid immediate value",
	[PE_IMMSTR_NO_CLOSE]	= "String is not closed with '\"'",
	[PE_FILE_ON_KPROBE]	= "File offset is not available with kprobe",
	[PE_BAD_FILE_OFFS]	= "Invalid file offset value",
	[PE_SYM_ON_UPROBE]	= "Symbol is not available with uprobe",
	[PE_TOO_MANY_OPS]	= "Dereference is too much nested",
	[PE_DEREF_NEED_BRACE]	= "Dereference needs a brace",
	[PE_BAD_DEREF_OFFS]	= "Invalid dereference offset",
	[PE_DEREF_OPEN_BRACE]	= "Dereference brace is not closed",
	[PE_COMM_CANT_DEREF]	= "$comm can not be dereferenced",
	[PE_BAD_FETCH_ARG]	= "Invalid fetch argument",
	[PE_ARRAY_NO_CLOSE]	= "Array is not closed",
	[PE_BAD_ARRAY_SUFFIX]	= "Array has wrong suffix",
	[PE_BAD_ARRAY_NUM]	= "Invalid array size",
	[PE_ARRAY_TOO_BIG]	= "Array number is too big",
	[PE_BAD_TYPE]		= "Unknown type is specified",
	[PE_BAD_STRING]		= "String accepts only memory argument",
	[PE_BAD_SYMSTRING]	= "Symbol String doesn't accept data/userdata",
	[PE_BAD_BITFIELD]	= "Invalid bitfield",
	[PE_ARG_NAME_TOO_LONG]	= "Argument name is too long",
	[PE_NO_ARG_NAME]	= "Argument name is not specified",
	[PE_BAD_ARG_NAME]	= "Argument name must follow the same rules as C identifiers",
	[PE_USED_ARG_NAME]	= "This argument name is already used",
	[PE_ARG_TOO_LONG]	= "Argument expression is too long",
	[PE_NO_ARG_BODY]	= "No argument expression",
	[PE_BAD_INSN_BNDRY]	= "Probe point is not an instruction boundary",
	[PE_FAIL_REG_PROBE]	= "Failed to register probe event",
	[PE_DIFF_PROBE_TYPE]	= "Probe type is different from existing probe",
	[PE_DIFF_ARG_TYPE]	= "Argument type or name is different from existing probe",
	[PE_SAME_PROBE]		= "There is already the exact same probe event",
	[PE_NOSUP_BTFARG]	= "BTF is not available or not supported",
	[PE_NEED_STRING_TYPE]	= "$comm and immediate-string only accepts string type",
	[PE_EVENT_TOO_BIG]	= "Event too big (too many fields?)",
	[PE_BAD_HYPHEN]		= "Failed to parse single hyphen. Forgot '>'?",
	[PE_NOFENTRY_ARGS]	= "$arg* can be used only on function entry or exit",
	[PE_FILE_NOT_FOUND]	= "Failed to find the given file",
	[PE_NO_REGULAR_FILE]	= "Not a regular file",
	[PE_BAD_REFCNT]		= "Invalid reference counter offset",
	[PE_REFCNT_OPEN_BRACE]	= "Reference counter brace is not closed",
	[PE_BAD_REFCNT_SUFFIX]	= "Reference counter has wrong suffix",
	[PE_BAD_UPROBE_OFFS]	= "Invalid uprobe offset",
	[PE_NO_EVENT_INFO]	= "This requires both group and event name to attach",
	[PE_BAD_ATTACH_EVENT]	= "Attached event does not exist",
	[PE_NO_EP_FILTER]	= "No filter rule after 'if'",
	[PE_NO_TRACEPOINT]	= "Tracepoint is not found",
	[PE_BAD_TP_NAME]	= "Invalid character in tracepoint name",
};

/**
 * probe_log_err() - put a definition's mistake into error_log
 * @log: the command
 * @offset: where in the word log->index the mistake is
 * @err: which
 *
 * The command is shown as its words joined by single spaces; an index
 * past the last word points just after the command.
 */
void probe_log_err(struct probe_log *log, int offset, enum probe_err err)
{
	int i, len = 0, pos = 0;
	char *cmd, *p;

	if (!log || !log->argc)
		return;
	for (i = 0; i < log->argc; i++) {
		if (i == log->index)
			pos = len;
		len += strlen(log->argv[i]) + 1;
	}
	if (log->index >= log->argc) {
		pos = len;
		offset = 0;
	}
	log->err = err;
	log->pos = pos + offset;
	if (!log->sys)
		return;		/* a test's parse: no error_log entry */
	cmd = kzalloc(len, GFP_KERNEL);
	if (!cmd)
		return;
	for (p = cmd, i = 0; i < log->argc; i++)
		p += sprintf(p, i ? " %s" : "%s", log->argv[i]);
	tracing_log_err(NULL, log->sys, cmd, probe_err_text, err,
			pos + offset);
	kfree(cmd);
}

static bool good_group(const char *s)
{
	if (!isalpha(*s) && *s != '_' && *s != '-')
		return false;
	while (*++s)
		if (!isalnum(*s) && *s != '_' && *s != '-')
			return false;
	return true;
}

static bool good_event(const char *s)
{
	if (!isalpha(*s) && *s != '_')
		return false;
	while (*++s)
		if (!isalnum(*s) && *s != '_')
			return false;
	return true;
}

/**
 * probe_parse_maxactive() - the MAXACTIVE of "r[MAXACTIVE][:...]"
 * @log: the command, for error_log
 * @word: the definition's first word
 * @event: where "[GROUP/]EVENT" starts in @word, after the ':', or NULL
 * @limit: the largest number allowed
 * @max: gets the number; left alone when the letter has none
 *
 * Return: 0, or -EINVAL with the mistake in error_log.
 */
int probe_parse_maxactive(struct probe_log *log, const char *word,
			  const char *event, unsigned int limit,
			  unsigned int *max)
{
	char buf[PROBE_MAX_NAME];
	unsigned int n;
	size_t len;

	if (!isdigit(word[1]))
		return 0;
	len = event ? event - word - 2 : strlen(word + 1);
	if (len > PROBE_MAX_NAME - 1)
		goto bad;
	memcpy(buf, word + 1, len);
	buf[len] = '\0';
	if (kstrtouint(buf, 0, &n) || !n)
		goto bad;
	if (n > limit) {
		probe_log_err(log, 1, PE_MAXACT_TOO_BIG);
		return -EINVAL;
	}
	*max = n;
	return 0;
bad:
	probe_log_err(log, 1, PE_BAD_MAXACT);
	return -EINVAL;
}

/**
 * probe_parse_event_name() - "[GROUP/]EVENT" of a definition
 * @log: the command, for error_log
 * @spec: the text after "p:"
 * @offset: where @spec starts in its word
 * @group: PROBE_MAX_NAME bytes; left alone without a group
 * @event: PROBE_MAX_NAME bytes; empty for "GROUP/" (a generated name)
 *
 * Return: 0, or -EINVAL with the mistake in error_log.
 */
int probe_parse_event_name(struct probe_log *log, const char *spec,
			   int offset, char *group, char *event)
{
	const char *slash = strchr(spec, '/');
	size_t len;

	if (!slash)
		slash = strchr(spec, '.');
	if (slash) {
		if (slash == spec) {
			probe_log_err(log, offset, PE_NO_GROUP_NAME);
			return -EINVAL;
		}
		if (slash - spec + 1 > PROBE_MAX_NAME) {
			probe_log_err(log, offset, PE_GROUP_TOO_LONG);
			return -EINVAL;
		}
		strscpy(group, spec, slash - spec + 1);
		if (!good_group(group)) {
			probe_log_err(log, offset, PE_BAD_GROUP_NAME);
			return -EINVAL;
		}
		offset += slash - spec + 1;
		spec = slash + 1;
	}
	len = strlen(spec);
	if (!len) {
		if (slash) {
			event[0] = '\0';
			return 0;
		}
		probe_log_err(log, offset, PE_NO_EVENT_NAME);
		return -EINVAL;
	}
	if (len >= PROBE_MAX_NAME) {
		probe_log_err(log, offset, PE_EVENT_TOO_LONG);
		return -EINVAL;
	}
	if (!good_event(spec)) {
		probe_log_err(log, offset, PE_BAD_EVENT_NAME);
		return -EINVAL;
	}
	strscpy(event, spec, PROBE_MAX_NAME);
	return 0;
}

/**
 * dyn_event_type_register() - add a kind of dynamic event
 * @type: the kind, static
 *
 * Return: 0.
 */
int dyn_event_type_register(struct dyn_event_type *type)
{
	mutex_lock(&event_mutex);
	list_add_tail(&type->link, &dyn_event_types);
	mutex_unlock(&event_mutex);
	return 0;
}

/**
 * dyn_event_add() - put a new probe on the list of all probes
 * @ev: the probe
 * @type: its kind
 * @pe: the event it writes
 *
 * Context: event_mutex held.
 */
void dyn_event_add(struct dyn_event *ev, const struct dyn_event_type *type,
		   struct probe_event *pe)
{
	lockdep_assert_held(&event_mutex);
	ev->type = type;
	ev->event = pe;
	list_add_tail(&ev->link, &dyn_events);
}

/**
 * dyn_event_may_go() - may a probe be removed now?
 * @ev: the probe
 *
 * Context: event_mutex held.
 * Return: false for the last probe of an event that is busy
 * (probe_event_busy()); its siblings may go while the event is enabled.
 */
bool dyn_event_may_go(const struct dyn_event *ev)
{
	return ev->event->probes > 1 || !probe_event_busy(ev->event);
}

/**
 * dyn_event_unlink() - take a probe off the list; its event goes with it
 *	when it is the last
 * @ev: the probe, whose handlers are unregistered (dyn_event_may_go()
 *	said yes)
 * @args: the probe's arguments; set to NULL when they are the event's
 *	(its fields point into them: they stay or go with the event)
 *
 * Context: event_mutex held.
 */
void dyn_event_unlink(struct dyn_event *ev, struct probe_args **args)
{
	struct probe_event *pe = ev->event;

	lockdep_assert_held(&event_mutex);
	list_del(&ev->link);
	if (*args == pe->args)
		*args = NULL;
	if (pe->probes > 1)
		pe->probes--;
	else
		probe_event_free(pe);	/* not busy: dyn_event_may_go() */
}

/**
 * dyn_event_join() - may a new probe write an existing event?
 * @log: the command, for error_log
 * @pe: the event
 * @kind: the new probe's record header
 * @args: its arguments
 * @probe: the new probe, not on the list yet
 * @same: does a probe of the event's kind on the list probe the same
 *	place as @probe?
 *
 * The probes of an event share its header and its arguments' names and
 * types, each at a place of its own.  On success the event counts one
 * probe more.
 *
 * Context: event_mutex held.
 * Return: 0, or -EEXIST with the mistake in error_log.
 */
int dyn_event_join(struct probe_log *log, struct probe_event *pe,
		   enum probe_kind kind, const struct probe_args *args,
		   struct dyn_event *probe,
		   bool (*same)(struct dyn_event *a, struct dyn_event *b))
{
	struct dyn_event *ev;
	int d;

	if (pe->kind != kind) {
		probe_log_err(log, 0, PE_DIFF_PROBE_TYPE);
		return -EEXIST;
	}
	d = probe_args_compare(args, pe->args);
	if (d) {
		log->index = d + 1;
		probe_log_err(log, 0, PE_DIFF_ARG_TYPE);
		return -EEXIST;
	}
	list_for_each_entry(ev, &dyn_events, link) {
		if (ev->event == pe && same(ev, probe)) {
			probe_log_err(log, 0, PE_SAME_PROBE);
			return -EEXIST;
		}
	}
	pe->probes++;
	return 0;
}

/* Does "[GROUP/]EVENT" (@system may be NULL, @event empty) name @ev's event? */
static bool names_event(const char *system, const char *event,
			const struct dyn_event *ev)
{
	struct trace_event_call *call = &ev->event->call;

	return (!event[0] || !strcmp(trace_event_name(call), event)) &&
	       (!system || !strcmp(call->class->system, system));
}

/* "-:[GROUP/]EVENT [PLACE [ARGS]]": remove the probes it names. */
static int remove_cmd(int argc, const char **argv,
		      const struct dyn_event_type *type)
{
	char *system = NULL, *event, *slash;
	struct dyn_event *ev, *n;
	int ret = -ENOENT;

	if (argv[0][1] != ':')
		return -EINVAL;
	event = kstrdup(argv[0] + 2, GFP_KERNEL);
	if (!event)
		return -ENOMEM;
	slash = strchr(event, '/');
	if (slash) {
		system = event;
		*slash = '\0';
	}
	if (!system && !event[0]) {
		kfree(event);
		return -EINVAL;
	}
	list_for_each_entry_safe(ev, n, &dyn_events, link) {
		if (type && ev->type != type)
			continue;
		if (!names_event(system, slash ? slash + 1 : event, ev) ||
		    (argc > 1 && !ev->type->match(argc - 1, argv + 1, ev)))
			continue;
		ret = ev->type->free(ev);
		if (ret)
			break;
	}
	kfree(system ?: event);
	return ret;
}

static int run_line(char *line, const struct dyn_event_type *type)
{
	const struct dyn_event_type *t;
	char **argv;
	int argc, ret;

	argv = argv_split(GFP_KERNEL, line, &argc);
	if (!argv)
		return -ENOMEM;
	ret = 0;
	if (!argc)
		goto out;
	mutex_lock(&event_mutex);
	if (argv[0][0] == '-') {
		ret = remove_cmd(argc, (const char **)argv, type);
	} else if (type) {
		ret = type->create(argc, (const char **)argv);
	} else {
		ret = -ECANCELED;
		list_for_each_entry(t, &dyn_event_types, link) {
			ret = t->create(argc, (const char **)argv);
			if (ret != -ECANCELED)
				break;
		}
	}
	mutex_unlock(&event_mutex);
	if (ret == -ECANCELED)
		ret = -EINVAL;
out:
	argv_free(argv);
	return ret;
}

/**
 * dyn_events_run() - run definitions from a kernel string
 * @buf: lines of definitions (modified)
 * @type: the only kind they may be of, or NULL for any
 *
 * Return: 0, or the errno of the first line that failed.
 */
int dyn_events_run(const char *buf, const struct dyn_event_type *type)
{
	char *copy = kstrdup(buf, GFP_KERNEL), *s, *line, *hash;
	int ret = 0;

	if (!copy)
		return -ENOMEM;
	s = copy;
	while (!ret && (line = strsep(&s, "\n"))) {
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		ret = run_line(line, type);
	}
	kfree(copy);
	return ret;
}

/**
 * dyn_events_write() - what a write to a probe events file does
 * @ubuf: the user's lines
 * @cnt: bytes
 * @type: the file's kind, or NULL for dynamic_events
 *
 * Lines may span writes of no more than one line at a time; a single
 * line must be shorter than LINE_MAX_BYTES - 1.
 *
 * Return: @cnt, or the errno of the first line that failed.
 */
ssize_t dyn_events_write(const char __user *ubuf, size_t cnt,
			 const struct dyn_event_type *type)
{
	size_t done = 0, size, len;
	char *buf, *line, *nl, *hash;
	int ret = 0;

	buf = kmalloc(LINE_MAX_BYTES, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (done < cnt) {
		size = min_t(size_t, cnt - done, LINE_MAX_BYTES - 1);
		if (copy_from_user(buf, ubuf + done, size)) {
			ret = -EFAULT;
			goto out;
		}
		buf[size] = '\0';
		line = buf;
		do {
			nl = strchr(line, '\n');
			if (nl) {
				*nl = '\0';
				len = nl - line + 1;
			} else {
				len = strlen(line);
				if (done + len < cnt) {
					/* The line goes on in the next chunk. */
					if (line != buf)
						break;
					/* Too long, or a NUL in it. */
					pr_warn("Line length is too long: Should be less than %d\n",
						LINE_MAX_BYTES - 2);
					ret = -EINVAL;
					goto out;
				}
			}
			done += len;
			hash = strchr(line, '#');
			if (hash)
				*hash = '\0';
			ret = run_line(line, type);
			if (ret)
				goto out;
			line += len;
		} while (done < cnt);
	}
out:
	kfree(buf);
	return ret ?: cnt;
}

/**
 * dyn_events_clear() - remove every probe of a kind (an O_TRUNC open)
 * @type: the kind, or NULL for all
 *
 * Return: 0, or -EBUSY (and nothing removed) when one is enabled.
 */
int dyn_events_clear(const struct dyn_event_type *type)
{
	struct dyn_event *ev, *n;
	int ret = 0;

	mutex_lock(&event_mutex);
	list_for_each_entry(ev, &dyn_events, link) {
		if ((!type || ev->type == type) &&
		    probe_event_busy(ev->event)) {
			ret = -EBUSY;
			goto out;
		}
	}
	list_for_each_entry_safe(ev, n, &dyn_events, link) {
		if (type && ev->type != type)
			continue;
		ret = ev->type->free(ev);
		if (ret)
			break;
	}
out:
	mutex_unlock(&event_mutex);
	return ret;
}

/* The seq_file of a probe events file: its kind and how to show one. */
struct dyn_seq {
	const struct dyn_event_type	*type;
	int				(*show)(struct seq_file *m,
						struct dyn_event *ev);
};

static void *dyn_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&event_mutex);
	return seq_list_start(&dyn_events, *pos);
}

static void *dyn_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &dyn_events, pos);
}

static void dyn_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&event_mutex);
}

static int dyn_show(struct seq_file *m, void *v)
{
	struct dyn_event *ev = list_entry(v, struct dyn_event, link);
	struct dyn_seq *ds = m->private;

	if (ds->type && ev->type != ds->type)
		return 0;
	if (ds->show)
		return ds->show(m, ev);
	ev->type->show(m, ev);
	return 0;
}

static const struct seq_operations dyn_seq_ops = {
	.start	= dyn_start,
	.next	= dyn_next,
	.stop	= dyn_stop,
	.show	= dyn_show,
};

/**
 * dyn_events_seq_open() - open a probe events file for reading
 * @file: the file
 * @type: the kind it lists, or NULL for all
 * @show: how to show a probe, or NULL for its kind's show()
 *
 * Return: 0 or -ENOMEM.
 */
int dyn_events_seq_open(struct file *file, const struct dyn_event_type *type,
			int (*show)(struct seq_file *m, struct dyn_event *ev))
{
	struct dyn_seq *ds = __seq_open_private(file, &dyn_seq_ops,
						sizeof(*ds));

	if (!ds)
		return -ENOMEM;
	ds->type = type;
	ds->show = show;
	return 0;
}

/**
 * dyn_events_open() - open a probe events file
 * @file: the file
 * @type: the kind it lists and defines, or NULL for all
 *
 * A write with O_TRUNC first removes every probe of the kind; a read
 * lists them.
 *
 * Return: 0, -EBUSY when one to be removed is enabled, or an errno of
 * lockdown or of the seq_file.
 */
int dyn_events_open(struct file *file, const struct dyn_event_type *type)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	if (ret)
		return ret;
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC)) {
		ret = dyn_events_clear(type);
		if (ret)
			return ret;
	}
	if (!(file->f_mode & FMODE_READ))
		return 0;
	return dyn_events_seq_open(file, type, NULL);
}

/**
 * dyn_events_release() - close what dyn_events_open() opened
 * @inode: its inode
 * @file: the file
 *
 * Return: 0.
 */
int dyn_events_release(struct inode *inode, struct file *file)
{
	if (!(file->f_mode & FMODE_READ))
		return 0;
	return seq_release_private(inode, file);
}

static int dynamic_events_open(struct inode *inode, struct file *file)
{
	return dyn_events_open(file, NULL);
}

static ssize_t dynamic_events_write(struct file *file, const char __user *ubuf,
				    size_t cnt, loff_t *ppos)
{
	return dyn_events_write(ubuf, cnt, NULL);
}

static const struct file_operations dynamic_events_fops = {
	.open		= dynamic_events_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.write		= dynamic_events_write,
	.release	= dyn_events_release,
};

/**
 * trace_event_dyn_try_get_ref() - pin a dynamic event (an open file)
 * @call: the event, on the events list
 *
 * Context: event_mutex held by the caller, who found @call on its list.
 * Return: true.
 */
bool trace_event_dyn_try_get_ref(struct trace_event_call *call)
{
	lockdep_assert_held(&event_mutex);
	atomic_inc(&call->refcnt);
	return true;
}

/**
 * trace_event_dyn_put_ref() - undo trace_event_dyn_try_get_ref()
 * @call: the event
 */
void trace_event_dyn_put_ref(struct trace_event_call *call)
{
	atomic_dec(&call->refcnt);
}

/**
 * trace_event_dyn_busy() - is a dynamic event pinned?
 * @call: the event
 *
 * Return: true while a file of it is open.
 */
bool trace_event_dyn_busy(struct trace_event_call *call)
{
	return atomic_read(&call->refcnt) > 0;
}

static void dynevent_root_files(struct dentry *root)
{
	tracefs_create_file("dynamic_events", 0640, root, NULL,
			    &dynamic_events_fops);
}

static const struct trace_part dynevent_part = {
	.name			= "dynamic events",
	.id			= TRACE_PART_DYNEVENT,
	.create_root_files	= dynevent_root_files,
};

static int __init dynevent_init(void)
{
	return trace_part_register(&dynevent_part);
}
core_initcall(dynevent_init);
