// SPDX-License-Identifier: GPL-2.0
/*
 * Function names: glob matching over the call sites, and the tracefs files
 * that show and set which functions an ops traces.
 *
 *	available_filter_functions	every traceable function
 *	available_filter_functions_addrs	the same, with addresses
 *	enabled_functions		functions calling the trampoline now
 *	touched_functions		functions that ever did
 *	set_ftrace_filter		the function tracer's filter
 *	set_ftrace_notrace		functions it never traces
 *
 * set_ftrace_filter and set_ftrace_notrace take whitespace-separated
 * words: "GLOB" adds the matching functions, "!GLOB" removes them and
 * "GLOB:mod:MODULE" limits the match to a module (an empty GLOB: all of
 * its functions; "!MODULE": all but its functions); for a module that is
 * not loaded the word is kept and applied once, when the module loads.
 * GLOB uses *, ? and [...].  Opening with O_TRUNC starts from an empty
 * set, otherwise from the current one (">>" appends); the set takes
 * effect when the file is closed.  A word matching no function fails the write with -EINVAL.
 */
#include <linux/glob.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/security.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "ftrace_internal.h"
#include "trace_priv.h"

/* Sites are listed and matched only where they start a known function. */
static bool site_listed(struct ftrace_group *g, struct ftrace_site *s)
{
	return g->live && !(s->flags & SITE_DEAD);
}

static int add_ip(unsigned long **ips, unsigned int *n, unsigned int *cap,
		  unsigned long ip)
{
	unsigned long *p;

	if (*n == *cap) {
		*cap = max(64U, *cap * 2);
		p = kvrealloc(*ips, *cap * sizeof(*p), GFP_KERNEL);
		if (!p)
			return -ENOMEM;
		*ips = p;
	}
	(*ips)[(*n)++] = ip;
	return 0;
}

/**
 * ftrace_match_glob() - the call sites of the functions matching a glob
 * @glob: the function-name glob
 * @mod: if not NULL, a glob the module name must match; "" matches every
 *	module, "!GLOB" every function outside the modules GLOB matches
 *	(the core kernel's included) and "!" the core kernel only
 * @ips: gets a kvmalloc()ed array of the sites (free with kvfree())
 * @n: gets its length
 *
 * Called with ftrace_lock held.
 *
 * Return: 0 or -ENOMEM.
 */
int ftrace_match_glob(const char *glob, const char *mod, unsigned long **ips,
		      unsigned int *n)
{
	char *name __free(kfree) = kmalloc(KSYM_NAME_LEN, GFP_KERNEL);
	unsigned int cap = 0;
	struct ftrace_group *g;
	struct ftrace_site *s;
	bool exclude = mod && *mod == '!';
	const char *m;

	lockdep_assert_held(&ftrace_lock);
	*ips = NULL;
	*n = 0;
	if (!name)
		return -ENOMEM;
	if (exclude)
		mod++;
	list_for_each_entry(g, &ftrace_groups, list) {
		if (mod && !exclude && !g->mod)
			continue;
		for (s = g->sites; s < g->sites + g->nr; s++) {
			if (!site_listed(g, s) ||
			    !ftrace_site_name(site_ip(g, s), name, &m))
				continue;
			if (mod && exclude == (m && (!*mod || glob_match(mod, m))))
				continue;
			if (!glob_match(glob, name))
				continue;
			if (add_ip(ips, n, &cap, site_ip(g, s))) {
				kvfree(*ips);
				*ips = NULL;
				*n = 0;
				return -ENOMEM;
			}
			cond_resched();
		}
	}
	return 0;
}

static void print_site(struct seq_file *m, unsigned long ip)
{
	char name[KSYM_NAME_LEN];
	const char *mod;

	if (!ftrace_site_name(ip, name, &mod))
		return;
	seq_puts(m, name);
	if (mod)
		seq_printf(m, " [%s]", mod);
}

/* ---- Site listings ------------------------------------------------------- */

enum site_list {
	LIST_AVAILABLE,
	LIST_ADDRS,
	LIST_ENABLED,
	LIST_TOUCHED,
};

/*
 * Where a listing is.  seq_file restarts the walk at every chunk it
 * reads; resuming from the last position (while no group came or went)
 * keeps reading a listing linear instead of quadratic.
 */
struct site_iter {
	enum site_list		which;
	struct ftrace_group	*g;
	unsigned int		i;
	loff_t			pos;	/* position of (g, i) */
	unsigned long		gen;	/* ftrace_groups_gen when (g, i) was valid */
};

static bool iter_wants(struct site_iter *it, struct ftrace_site *s)
{
	char name[KSYM_NAME_LEN];
	const char *mod;

	if (!site_listed(it->g, s) ||
	    !ftrace_site_name(site_ip(it->g, s), name, &mod))
		return false;
	switch (it->which) {
	case LIST_ENABLED:
		return s->flags & SITE_ENABLED;
	case LIST_TOUCHED:
		return s->flags & SITE_TOUCHED;
	default:
		return true;
	}
}

/* Move to the @pos-th listed site from the start. */
static void *sites_seek(struct site_iter *it, loff_t pos)
{
	list_for_each_entry(it->g, &ftrace_groups, list) {
		for (it->i = 0; it->i < it->g->nr; it->i++) {
			if (!iter_wants(it, &it->g->sites[it->i]))
				continue;
			if (!pos--)
				return it;
		}
	}
	it->g = NULL;	/* the loop left it at the list head */
	return NULL;
}

static void *sites_start(struct seq_file *m, loff_t *pos)
{
	struct site_iter *it = m->private;

	mutex_lock(&ftrace_lock);
	if (*pos && *pos == it->pos && it->gen == ftrace_groups_gen)
		return it->g && it->i < it->g->nr ? it : NULL;
	it->gen = ftrace_groups_gen;
	it->pos = *pos;
	return sites_seek(it, *pos);
}

static void *sites_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct site_iter *it = v;

	it->pos = ++(*pos);
	for (;;) {
		if (++it->i >= it->g->nr) {
			if (list_is_last(&it->g->list, &ftrace_groups))
				return NULL;
			it->g = list_next_entry(it->g, list);
			it->i = 0;
			if (!it->g->nr)
				continue;
		}
		if (iter_wants(it, &it->g->sites[it->i]))
			return it;
	}
}

static void sites_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&ftrace_lock);
}

static int sites_show(struct seq_file *m, void *v)
{
	struct site_iter *it = v;
	struct ftrace_site *s = &it->g->sites[it->i];
	unsigned long ip = site_ip(it->g, s);

	if (it->which == LIST_ADDRS)
		seq_printf(m, "%lx ", ip);
	print_site(m, ip);
	if (it->which == LIST_ENABLED || it->which == LIST_TOUCHED)
		seq_printf(m, " (%u)%s%s        ", s->flags & SITE_REF_MASK,
			   s->flags & SITE_REGS ? " R" : "  ",
			   s->flags & SITE_IPMODIFY ? " I" : "  ");
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations sites_seq_ops = {
	.start	= sites_start,
	.next	= sites_next,
	.stop	= sites_stop,
	.show	= sites_show,
};

static int sites_open(struct inode *inode, struct file *file)
{
	struct site_iter *it;
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	if (ret)
		return ret;
	it = __seq_open_private(file, &sites_seq_ops, sizeof(*it));
	if (!it)
		return -ENOMEM;
	it->which = (enum site_list)(unsigned long)inode->i_private;
	return 0;
}

static const struct file_operations sites_fops = {
	.open		= sites_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= seq_release_private,
};

/* ---- GLOB:mod:MODULE for modules not loaded yet ------------------------------ */

/**
 * struct mod_word - a GLOB:mod:MODULE word waiting for its module
 * @list: in mod_words
 * @ops: the ops whose set it extends
 * @exclude: the notrace set, else the filter
 * @glob: the function glob
 * @mod: the module name
 *
 * All members are set at creation; the list is [M] ftrace_lock.
 */
struct mod_word {
	struct list_head	list;
	struct ftrace_ops	*ops;
	bool			exclude;
	char			*glob;
	char			*mod;
};

static LIST_HEAD(mod_words);

static void mod_word_free(struct mod_word *w)
{
	list_del(&w->list);
	kfree(w->glob);
	kfree(w->mod);
	kfree(w);
}

/* Forget the words of one set matching @glob (all of them for NULL). */
static void mod_words_drop(struct ftrace_ops *ops, bool exclude,
			   const char *glob, const char *mod)
{
	struct mod_word *w, *tmp;

	list_for_each_entry_safe(w, tmp, &mod_words, list)
		if (w->ops == ops && w->exclude == exclude &&
		    (!glob || (!strcmp(w->glob, glob) && !strcmp(w->mod, mod))))
			mod_word_free(w);
}

static int mod_word_add(struct ftrace_ops *ops, bool exclude, const char *glob,
			const char *mod)
{
	struct mod_word *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (w) {
		w->glob = kstrdup(glob, GFP_KERNEL);
		w->mod = kstrdup(mod, GFP_KERNEL);
	}
	if (!w || !w->glob || !w->mod) {
		if (w) {
			kfree(w->glob);
			kfree(w->mod);
		}
		kfree(w);
		return -ENOMEM;
	}
	w->ops = ops;
	w->exclude = exclude;
	list_add_tail(&w->list, &mod_words);
	return 0;
}

/*
 * The set of @ops made of the @n addresses @ips (sorted in place), in
 * place of the old one; without memory the old one stays.  ftrace_lock
 * held.
 */
static void set_replace(struct ftrace_ops *ops, bool exclude,
			unsigned long *ips, unsigned int n)
{
	struct ftrace_hash *h = ftrace_hash_build(ips, n);

	lockdep_assert_held(&ftrace_lock);
	if (!IS_ERR(h) && ftrace_ops_replace_hash(ops, exclude, h))
		kvfree(h);
}

/* Add the @n functions @ips (taken) to the set of @w. */
static void mod_word_merge(struct mod_word *w, unsigned long *ips,
			   unsigned int n)
{
	struct ftrace_hash *old;
	unsigned long *all;
	unsigned int i;

	old = rcu_dereference_protected(w->exclude ? w->ops->notrace_hash :
					w->ops->filter_hash, 1);
	all = kvrealloc(ips, (n + (old ? old->count : 0)) * sizeof(*ips),
			GFP_KERNEL);
	if (!all) {
		kvfree(ips);
		return;
	}
	for (i = 0; old && i < old->count; i++)
		all[n++] = old->ips[i];
	set_replace(w->ops, w->exclude, all, n);
	kvfree(all);
}

/**
 * ftrace_mod_words_apply() - a module's sites are ready: apply its words
 * @mod: the module
 *
 * A word is applied once, as upstream's: it goes from the list, and its
 * functions stay in the set (listed while the module is loaded).
 * Called with ftrace_lock held, before the sites are patched.
 */
void ftrace_mod_words_apply(struct module *mod)
{
	struct mod_word *w, *tmp;
	unsigned long *ips;
	unsigned int n;

	lockdep_assert_held(&ftrace_lock);
	list_for_each_entry_safe(w, tmp, &mod_words, list) {
		if (!glob_match(w->mod, mod->name))
			continue;
		if (!ftrace_match_glob(w->glob, w->mod, &ips, &n) && n)
			mod_word_merge(w, ips, n);
		mod_word_free(w);
	}
}

/* ---- set_ftrace_filter, set_ftrace_notrace --------------------------------- */

#define WORD_MAX	(KSYM_NAME_LEN + MODULE_NAME_LEN + 16)

/**
 * struct filter_file - an open set_ftrace_filter or set_ftrace_notrace
 * @fi: the instance's function tracing
 * @ops: the ops whose set it is
 * @exclude: the notrace set, else the filter
 * @ips: the set being written, unsorted
 * @n: its length
 * @cap: its capacity
 * @words: splits the writes into words
 * @word: the buffer of @words
 * @shown: for reading: the current set, copied at open
 *
 * Private to the open file; writes are serialised by the VFS (f_pos_lock).
 */
struct filter_file {
	struct ftrace_inst	*fi;
	struct ftrace_ops	*ops;
	bool			exclude;
	unsigned long		*ips;
	unsigned int		n;
	unsigned int		cap;
	struct trace_words	words;
	char			word[WORD_MAX];
	struct ftrace_hash	*shown;
};

static int filter_show(struct seq_file *m, void *v)
{
	struct filter_file *f = m->private;
	char name[KSYM_NAME_LEN];
	struct mod_word *w;
	const char *mod;
	unsigned int i;

	if (!f->shown || !f->shown->count)
		seq_puts(m, f->exclude ? "#### no functions disabled ####\n" :
			 "#### all functions enabled ####\n");
	for (i = 0; f->shown && i < f->shown->count; i++) {
		/* Functions of unloaded modules are left out. */
		if (!ftrace_site_name(f->shown->ips[i], name, &mod))
			continue;
		seq_puts(m, name);
		if (mod)
			seq_printf(m, " [%s]", mod);
		seq_putc(m, '\n');
	}
	mutex_lock(&ftrace_lock);
	list_for_each_entry(w, &mod_words, list)
		if (w->ops == f->ops && w->exclude == f->exclude)
			seq_printf(m, "%s:mod:%s\n", w->glob, w->mod);
	mutex_unlock(&ftrace_lock);
	if (!f->exclude && f->ops == &f->fi->ops)
		ftrace_func_cmd_show(m, f->fi);
	return 0;
}

static int filter_open(struct inode *inode, struct file *file)
{
	struct ftrace_inst_file *t = inode->i_private;
	struct ftrace_hash *cur;
	struct filter_file *f;
	unsigned int i;
	int ret = trace_array_get_file(file);	/* checks lockdown too */

	if (ret)
		return ret;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		trace_array_put(t->fi->tr);
		return -ENOMEM;
	}
	f->fi = t->fi;
	f->ops = t->ops ?: &t->fi->ops;
	f->exclude = t->which;
	f->words = (struct trace_words){ .buf = f->word, .size = sizeof(f->word) };
	mutex_lock(&ftrace_lock);
	cur = rcu_dereference_protected(f->exclude ? f->ops->notrace_hash :
					f->ops->filter_hash,
					lockdep_is_held(&ftrace_lock));
	if (file->f_mode & FMODE_READ && cur) {
		f->shown = kvmemdup(cur, struct_size(cur, ips, cur->count), GFP_KERNEL);
		ret = f->shown ? 0 : -ENOMEM;
	}
	if (!ret && (file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		mod_words_drop(f->ops, f->exclude, NULL, NULL);
	if (!ret && (file->f_mode & FMODE_WRITE) && !(file->f_flags & O_TRUNC))
		for (i = 0; cur && !ret && i < cur->count; i++)
			ret = add_ip(&f->ips, &f->n, &f->cap, cur->ips[i]);
	mutex_unlock(&ftrace_lock);
	if (!ret && (file->f_mode & FMODE_READ))
		ret = single_open(file, filter_show, f);
	if (ret) {
		trace_array_put(f->fi->tr);
		kvfree(f->ips);
		kvfree(f->shown);
		kfree(f);
		return ret;
	}
	if (!(file->f_mode & FMODE_READ))
		file->private_data = f;
	return 0;
}

static struct filter_file *filter_of(struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return ((struct seq_file *)file->private_data)->private;
	return file->private_data;
}

/* Apply one word to the set being written. */
static int filter_word(struct filter_file *f, char *word)
{
	unsigned long *ips;
	unsigned int n, i, k;
	bool remove = false;
	char *mod = NULL, *p;
	int ret;

	if (*word == '!') {
		remove = true;
		word++;
	}
	p = strstr(word, ":mod:");
	if (p) {
		*p = '\0';
		mod = p + 5;
		if (!*word)	/* ":mod:M": every function of M */
			word = "*";
	} else if (strchr(word, ':')) {
		char *cmd = strchr(word, ':'), *param;

		*cmd++ = '\0';
		param = strchr(cmd, ':');
		if (param)
			*param++ = '\0';
		if (f->exclude || !*word || f->ops != &f->fi->ops)
			return -EINVAL;
		return ftrace_func_cmd(f->fi, word, NULL, cmd, param, remove);
	}
	if (!*word)
		return -EINVAL;
	mutex_lock(&ftrace_lock);
	ret = ftrace_match_glob(word, mod, &ips, &n);
	if (!ret && !n && mod && *mod && *mod != '!' &&
	    !ftrace_module_known(mod)) {
		/* Not loaded: keep the word for when it is. */
		mod_words_drop(f->ops, f->exclude, word, mod);
		if (!remove)
			ret = mod_word_add(f->ops, f->exclude, word, mod);
		mutex_unlock(&ftrace_lock);
		return ret;
	}
	mutex_unlock(&ftrace_lock);
	if (ret)
		return ret;
	if (!n)
		return -EINVAL;
	if (remove) {
		struct ftrace_hash *gone = ftrace_hash_build(ips, n);

		if (IS_ERR(gone)) {
			kvfree(ips);
			return PTR_ERR(gone);
		}
		for (i = 0, k = 0; i < f->n; i++)
			if (!ftrace_hash_has(gone, f->ips[i]))
				f->ips[k++] = f->ips[i];
		f->n = k;
		kvfree(gone);
	} else {
		for (i = 0; !ret && i < n; i++)
			ret = add_ip(&f->ips, &f->n, &f->cap, ips[i]);
	}
	kvfree(ips);
	return ret;
}

static int filter_word_cb(void *ctx, char *word)
{
	return filter_word(ctx, word);
}

static ssize_t filter_write(struct file *file, const char __user *ubuf,
			    size_t cnt, loff_t *ppos)
{
	struct filter_file *f = filter_of(file);
	int ret = trace_words_write(&f->words, ubuf, cnt, filter_word_cb, f);

	if (ret)
		return ret;
	*ppos += cnt;
	return cnt;
}

static int filter_release(struct inode *inode, struct file *file)
{
	struct filter_file *f = filter_of(file);

	if (file->f_mode & FMODE_WRITE) {
		trace_words_flush(&f->words, filter_word_cb, f);
		mutex_lock(&ftrace_lock);
		set_replace(f->ops, f->exclude, f->ips, f->n);
		mutex_unlock(&ftrace_lock);
	}
	if (file->f_mode & FMODE_READ)
		single_release(inode, file);
	trace_array_put(f->fi->tr);
	kvfree(f->ips);
	kvfree(f->shown);
	kfree(f);
	return 0;
}

static loff_t filter_llseek(struct file *file, loff_t offset, int whence)
{
	if (file->f_mode & FMODE_READ)
		return seq_lseek(file, offset, whence);
	file->f_pos = 0;
	return 0;
}

static const struct file_operations filter_fops = {
	.open		= filter_open,
	.read		= seq_read,
	.write		= filter_write,
	.llseek		= filter_llseek,
	.release	= filter_release,
};

/* dyn_ftrace_total_info: "SITES pages:PAGES groups: GROUPS", as upstream. */
static int total_info_show(struct seq_file *m, void *v)
{
	unsigned int sites = 0, groups = 0;
	size_t bytes = 0;
	struct ftrace_group *g;

	mutex_lock(&ftrace_lock);
	list_for_each_entry(g, &ftrace_groups, list) {
		sites += g->nr;
		bytes += struct_size(g, sites, g->nr);
		groups++;
	}
	mutex_unlock(&ftrace_lock);
	seq_printf(m, "%u pages:%zu groups: %u\n", sites,
		   DIV_ROUND_UP(bytes, PAGE_SIZE), groups);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(total_info);

/**
 * ftrace_list_create_files() - the files that list call sites
 * @dir: the tracefs root
 */
void ftrace_list_create_files(struct dentry *dir)
{
	tracefs_create_file("available_filter_functions", 0440, dir,
			    (void *)LIST_AVAILABLE, &sites_fops);
	tracefs_create_file("available_filter_functions_addrs", 0440, dir,
			    (void *)LIST_ADDRS, &sites_fops);
	tracefs_create_file("dyn_ftrace_total_info", 0440, dir, NULL,
			    &total_info_fops);
	tracefs_create_file("enabled_functions", 0440, dir,
			    (void *)LIST_ENABLED, &sites_fops);
	tracefs_create_file("touched_functions", 0440, dir,
			    (void *)LIST_TOUCHED, &sites_fops);
}

/**
 * ftrace_filter_create_files() - set_ftrace_filter and set_ftrace_notrace
 * @dir: the instance's tracefs directory
 * @fi: the instance's function tracing, whose sets they are
 */
void ftrace_filter_create_files(struct dentry *dir, struct ftrace_inst *fi)
{
	tracefs_create_file("set_ftrace_filter", 0640, dir, &fi->files[0],
			    &filter_fops);
	tracefs_create_file("set_ftrace_notrace", 0640, dir, &fi->files[1],
			    &filter_fops);
}

/**
 * ftrace_sets_create_file() - a file like set_ftrace_filter for other sets
 * @name: its name
 * @dir: where
 * @file: the ops whose sets it edits (@file->ops), which of them, and the
 *	instance the file belongs to (@file->fi); static
 *
 * The file takes globs, "!" and ":mod:" words, but no commands.
 */
void ftrace_sets_create_file(const char *name, struct dentry *dir,
			     struct ftrace_inst_file *file)
{
	tracefs_create_file(name, 0640, dir, file, &filter_fops);
}

/**
 * ftrace_set_boot_globs() - add the globs of a boot parameter to a set
 * @ops: the ops whose set grows
 * @list: comma-separated globs (modified)
 * @exclude: the notrace set, else the filter
 * @param: the parameter's name, for the warning about a glob that matches
 *	no function
 */
void __init ftrace_set_boot_globs(struct ftrace_ops *ops, char *list,
				  bool exclude, const char *param)
{
	char *glob;
	int ret;

	while ((glob = strsep(&list, ",")) != NULL) {
		if (!*glob)
			continue;
		ret = (exclude ? ftrace_set_notrace : ftrace_set_filter)
			(ops, (unsigned char *)glob, strlen(glob), 0);
		if (ret)
			pr_warn("%s=: '%s': no such function\n", param, glob);
	}
}

/* Every instance's function tracing, for ftrace_filter_release_mod(). */
static LIST_HEAD(filter_insts);		/* [M] ftrace_lock */

/**
 * ftrace_filter_init() - an instance's sets start (empty)
 * @fi: the instance's function tracing
 */
void ftrace_filter_init(struct ftrace_inst *fi)
{
	mutex_lock(&ftrace_lock);
	list_add_tail(&fi->link, &filter_insts);
	mutex_unlock(&ftrace_lock);
}

/**
 * ftrace_filter_clear() - forget the sets of an instance going away
 * @fi: the instance's function tracing; its ops are unregistered
 */
void ftrace_filter_clear(struct ftrace_inst *fi)
{
	mutex_lock(&ftrace_lock);
	list_del(&fi->link);
	mod_words_drop(&fi->ops, false, NULL, NULL);
	mod_words_drop(&fi->ops, true, NULL, NULL);
	mutex_unlock(&ftrace_lock);
	ftrace_free_filter(&fi->ops);
}

#ifdef CONFIG_MODULES
/*
 * One set loses @mod's functions.  Address 0 (no call site has it) takes
 * their place, as upstream zeroes them: a filter of only those functions
 * stays one that matches nothing, not "all functions", and a module
 * loaded at the same addresses later is not in it.
 */
static void scrub_set(struct ftrace_ops *ops, bool exclude, struct module *mod)
{
	struct ftrace_hash *h;
	unsigned long *ips;
	unsigned int i;
	bool hit = false;

	h = rcu_dereference_protected(exclude ? ops->notrace_hash :
				      ops->filter_hash,
				      lockdep_is_held(&ftrace_lock));
	for (i = 0; h && i < h->count && !hit; i++)
		hit = within_module(h->ips[i], mod);
	if (!hit)
		return;
	ips = kvmalloc_array(h->count, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return;
	for (i = 0; i < h->count; i++)
		ips[i] = within_module(h->ips[i], mod) ? 0 : h->ips[i];
	set_replace(ops, exclude, ips, h->count);
	kvfree(ips);
}

/**
 * ftrace_filter_release_mod() - a module's functions leave the filters
 * @mod: the module; its call sites are gone from the groups already
 */
void ftrace_filter_release_mod(struct module *mod)
{
	struct ftrace_inst *fi;

	mutex_lock(&ftrace_lock);
	list_for_each_entry(fi, &filter_insts, link) {
		scrub_set(&fi->ops, false, mod);
		scrub_set(&fi->ops, true, mod);
	}
	mutex_unlock(&ftrace_lock);
}
#endif
