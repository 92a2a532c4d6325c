// SPDX-License-Identifier: GPL-2.0
/*
 * The call-site records of function tracing and their life cycle.
 *
 * The build lists every "call __fentry__" in the __mcount_loc section
 * (scripts/recordmcount).  At boot ftrace_init() copies the list of
 * vmlinux into one group of compact records (8 bytes a site), sorted by
 * address, and turns every site into a NOP, checking each one's bytes
 * first.  A module gets its own group when it is loaded (ftrace_module_init,
 * before its code can run), becomes patchable once it is formed
 * (ftrace_module_enable) and loses the group when it is unloaded.  Sites in
 * init code are marked dead before that code is freed.
 *
 * A site whose bytes are not what they must be stops everything: function
 * tracing is disabled for good (ftrace_bug()), since patching code we do
 * not understand is how a tracer crashes the kernel.
 */
#include <linux/glob.h>
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/module.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <asm/sections.h>

#include "ftrace_internal.h"

/* Serialises registration, filters and all patching of call sites. */
DEFINE_MUTEX(ftrace_lock);
LIST_HEAD(ftrace_groups);
/* Changes whenever a group comes or goes (for listings that resume). [M] */
unsigned long ftrace_groups_gen;
bool ftrace_disabled;

/**
 * ftrace_bug() - a site could not be patched: stop function tracing
 * @ip: the site
 * @err: the error from the patching back end
 *
 * Nothing is patched any more; sites already calling the trampoline stay
 * so, and the trampoline calls nothing.
 */
void ftrace_bug(unsigned long ip, int err)
{
	pr_warn("ftrace: cannot patch %pS: error %d; function tracing is disabled\n",
		(void *)ip, err);
	ftrace_kill();
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/*
 * Build a group from @n recorded addresses (sorted in place) and turn the
 * sites into NOPs.  Return: the group, or NULL (and ftrace disabled when a
 * site is not what it must be).
 */
static struct ftrace_group *group_create(unsigned long *ips, unsigned int n,
					 struct module *mod)
{
	struct ftrace_group *g;
	unsigned int i, nr = 0;
	int ret;

	/* The linker keeps most objects' tables in order: sort only if needed. */
	for (i = 1; i < n && ips[i - 1] <= ips[i]; i++)
		;
	if (i < n)
		sort(ips, n, sizeof(*ips), cmp_ulong, NULL);
	g = kvzalloc(struct_size(g, sites, n), GFP_KERNEL);
	if (!g)
		return NULL;
	g->mod = mod;
	/* Zeroed entries (code the linker dropped) sort first. */
	for (i = 0; i < n - 1 && !ips[i]; i++)
		;
	g->base = ips[i];
	for (i = 0; i < n; i++) {
		/* Zeroed or duplicate entries (discarded weak code) are skipped. */
		if (!ips[i] || (nr && site_ip(g, &g->sites[nr - 1]) == ips[i]))
			continue;
		if (ips[i] - g->base > U32_MAX)
			ret = -ERANGE;
		else
			ret = ftrace_arch_site_init(ips[i]);
		if (ret) {
			ftrace_arch_sites_init_done();
			ftrace_bug(ips[i], ret);
			kvfree(g);
			return NULL;
		}
		g->sites[nr++].off = ips[i] - g->base;
	}
	ftrace_arch_sites_init_done();
	g->nr = nr;
	g->end = nr ? site_ip(g, &g->sites[nr - 1]) + 1 : g->base;
	return g;
}

/**
 * ftrace_init() - record the call sites of vmlinux and NOP them
 *
 * Called from start_kernel() with one CPU running and interrupts off.
 */
void __init ftrace_init(void)
{
	unsigned int n = __stop_mcount_loc - __start_mcount_loc;
	struct ftrace_group *g;
	u64 t0 = local_clock();
	unsigned long *ip;

	if (!n) {
		pr_info("ftrace: no call sites recorded\n");
		return;
	}
	/*
	 * scripts/sorttable empties the slots of calls outside any function
	 * symbol (the copy of a weak function that lost to a strong one),
	 * but a relocatable kernel's boot relocation still moved them by
	 * the load offset: any slot outside the kernel's text is empty.
	 * They sort first either way.
	 */
	for (ip = __start_mcount_loc; ip < __stop_mcount_loc; ip++)
		if (!is_kernel_text(*ip) && !is_kernel_inittext(*ip))
			*ip = 0;
	/* __mcount_loc is init data, writable until it is freed: sort it there. */
	g = group_create(__start_mcount_loc, n, NULL);
	if (!g)
		goto fail;
	g->live = true;
	list_add_rcu(&g->list, &ftrace_groups);
	pr_info("ftrace: converted %u call sites to NOPs in %llu us, %zu bytes of records (%zu per site)\n",
		g->nr, div_u64(local_clock() - t0, NSEC_PER_USEC),
		struct_size(g, sites, g->nr), sizeof(struct ftrace_site));
	return;
fail:
	ftrace_disabled = true;
	pr_warn("ftrace: function tracing is disabled\n");
}

/**
 * ftrace_find_site() - the record of a site
 * @ip: the site's address
 * @gp: if not NULL, gets the site's group
 *
 * Callers hold ftrace_lock or an RCU read lock (the record's flags are
 * stable only under ftrace_lock).
 *
 * Return: the record, or NULL if @ip is not a recorded site.
 */
struct ftrace_site *ftrace_find_site(unsigned long ip, struct ftrace_group **gp)
{
	struct ftrace_group *g;
	unsigned int lo, hi, mid;
	u32 off;

	list_for_each_entry_rcu(g, &ftrace_groups, list,
				lockdep_is_held(&ftrace_lock)) {
		if (ip < g->base || ip >= g->end)
			continue;
		off = ip - g->base;
		lo = 0;
		hi = g->nr;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (g->sites[mid].off < off)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < g->nr && g->sites[lo].off == off) {
			if (gp)
				*gp = g;
			return &g->sites[lo];
		}
		/* Groups may interleave (a module in another's freed init gap). */
	}
	return NULL;
}

/**
 * ftrace_location() - the call site of a function
 * @ip: a call site, or the start of a function
 *
 * Return: @ip if it is a site; the site inside the function that starts at
 * @ip, if any; else 0.
 */
unsigned long ftrace_location(unsigned long ip)
{
	unsigned long size, offset, a, ret = 0;

	rcu_read_lock();
	if (ftrace_find_site(ip, NULL)) {
		ret = ip;
	} else if (kallsyms_lookup_size_offset(ip, &size, &offset) && !offset) {
		for (a = ip; a < ip + size && a < ip + 16; a++) {
			if (ftrace_find_site(a, NULL)) {
				ret = a;
				break;
			}
		}
	}
	rcu_read_unlock();
	return ret;
}

/**
 * ftrace_location_range() - the first call site in a range of text
 * @start: first byte
 * @end: last byte
 *
 * Return: the address of the lowest site whose instruction overlaps
 * [@start, @end], or 0 if there is none.
 */
unsigned long ftrace_location_range(unsigned long start, unsigned long end)
{
	unsigned long first = start >= MCOUNT_INSN_SIZE ?
			      start - MCOUNT_INSN_SIZE + 1 : 0;
	unsigned long ip, ret = 0;
	struct ftrace_group *g;
	unsigned int lo, hi, mid;

	rcu_read_lock();
	list_for_each_entry_rcu(g, &ftrace_groups, list) {
		if (end < g->base || first >= g->end)
			continue;
		/* The first site at or after @first. */
		lo = 0;
		hi = g->nr;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (site_ip(g, &g->sites[mid]) < first)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == g->nr)
			continue;
		/* Groups may interleave: keep the lowest of all. */
		ip = site_ip(g, &g->sites[lo]);
		if (ip <= end && (!ret || ip < ret))
			ret = ip;
	}
	rcu_read_unlock();
	return ret;
}
EXPORT_SYMBOL_GPL(ftrace_location_range);

/**
 * ftrace_text_reserved() - does a range of text hold a call site?
 * @start: first byte
 * @end: last byte
 *
 * Other code patchers (kprobes, jump labels, static calls) must leave the
 * sites alone.
 *
 * Return: 1 if some site's instruction overlaps [@start, @end], else 0.
 */
int ftrace_text_reserved(const void *start, const void *end)
{
	unsigned long s = (unsigned long)start, e = (unsigned long)end;
	unsigned long tramp[] = { (unsigned long)ftrace_caller_call,
				  (unsigned long)ftrace_regs_caller_call };
	unsigned int i;

	/* The trampolines' patched calls belong to us too. */
	for (i = 0; i < ARRAY_SIZE(tramp); i++)
		if (tramp[i] + MCOUNT_INSN_SIZE > s && tramp[i] <= e)
			return 1;
	return ftrace_location_range(s, e) != 0;
}

/**
 * ftrace_site_name() - the function a site belongs to
 * @ip: the site
 * @name: gets the name, KSYM_NAME_LEN bytes
 * @modname: gets the module name or NULL
 *
 * Return: false when @ip is not at the start of a known symbol (for
 * example code of a weak function that another definition replaced); at
 * most FTRACE_MCOUNT_MAX_OFFSET bytes in, after an ENDBR64.
 */
bool ftrace_site_name(unsigned long ip, char *name, const char **modname)
{
	unsigned long size, offset;
	char *mod = NULL;

	if (!kallsyms_lookup(ip, &size, &offset, &mod, name) ||
	    offset > FTRACE_MCOUNT_MAX_OFFSET)
		return false;
	*modname = mod;
	return true;
}

/* Mark the sites of @g in [@start, @end) dead and unpatch them. */
static void kill_range(struct ftrace_group *g, unsigned long start,
		       unsigned long end)
{
	struct ftrace_site *s;

	for (s = g->sites; s < g->sites + g->nr; s++)
		if (site_ip(g, s) >= start && site_ip(g, s) < end)
			s->flags |= SITE_DEAD;
}

/**
 * ftrace_free_init_mem() - the init code of vmlinux is about to be freed
 */
void __init ftrace_free_init_mem(void)
{
	struct ftrace_group *g;

	mutex_lock(&ftrace_lock);
	list_for_each_entry(g, &ftrace_groups, list)
		if (!g->mod)
			kill_range(g, (unsigned long)__init_begin,
				   (unsigned long)__init_end);
	ftrace_update_sites();
	mutex_unlock(&ftrace_lock);
}

/**
 * ftrace_module_known() - has a loaded module with call sites this name?
 * @glob: a module-name glob
 *
 * Called with ftrace_lock held.
 *
 * Return: true if some module group's module matches @glob.
 */
bool ftrace_module_known(const char *glob)
{
	struct ftrace_group *g;

	lockdep_assert_held(&ftrace_lock);
	list_for_each_entry(g, &ftrace_groups, list)
		if (g->mod && glob_match(glob, g->mod->name))
			return true;
	return false;
}

#ifdef CONFIG_MODULES
static struct ftrace_group *group_of(struct module *mod)
{
	struct ftrace_group *g;

	list_for_each_entry(g, &ftrace_groups, list)
		if (g->mod == mod)
			return g;
	return NULL;
}

/**
 * ftrace_module_init() - record a module's sites and NOP them
 * @mod: the module, relocated but not yet running
 */
void ftrace_module_init(struct module *mod)
{
	struct ftrace_group *g;

	if (!mod->num_ftrace_callsites || READ_ONCE(ftrace_disabled))
		return;
	mutex_lock(&ftrace_lock);
	g = group_create(mod->ftrace_callsites, mod->num_ftrace_callsites, mod);
	if (g)
		list_add_tail_rcu(&g->list, &ftrace_groups);
	ftrace_groups_gen++;
	mutex_unlock(&ftrace_lock);
}

/**
 * ftrace_module_enable() - a module is formed: its sites may be traced
 * @mod: the module
 */
void ftrace_module_enable(struct module *mod)
{
	struct ftrace_group *g;

	mutex_lock(&ftrace_lock);
	g = group_of(mod);
	if (g) {
		g->live = true;
		ftrace_mod_words_apply(mod);
		ftrace_update_sites();
	}
	mutex_unlock(&ftrace_lock);
}

/**
 * ftrace_release_mod() - a module goes away: forget its sites
 * @mod: the module
 */
void ftrace_release_mod(struct module *mod)
{
	struct ftrace_group *g;

	ftrace_cmds_release_mod(mod);
	mutex_lock(&ftrace_lock);
	g = group_of(mod);
	if (g)
		list_del_rcu(&g->list);
	ftrace_groups_gen++;
	mutex_unlock(&ftrace_lock);
	if (g)
		kvfree_rcu_mightsleep(g);
	ftrace_filter_release_mod(mod);
}

/**
 * ftrace_free_mem() - a module's init code is about to be freed
 * @mod: the module
 * @start: first byte of the code
 * @end: one past its last byte
 */
void ftrace_free_mem(struct module *mod, void *start, void *end)
{
	struct ftrace_group *g;

	mutex_lock(&ftrace_lock);
	g = group_of(mod);
	if (g) {
		kill_range(g, (unsigned long)start, (unsigned long)end);
		ftrace_update_sites();
	}
	mutex_unlock(&ftrace_lock);
}
#endif /* CONFIG_MODULES */
