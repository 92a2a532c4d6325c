// SPDX-License-Identifier: GPL-2.0
/*
 * Instances and the parts they are made of.
 *
 * Every instance, the top one (the tracefs root) and each "mkdir
 * instances/NAME", is made of the same parts: the buffers, the options,
 * the read files, the events, the function tracer's state, and so on.
 * Each part is a struct trace_part that its own file registers; this file
 * only walks them, in the order of their TRACE_PART_* ids:
 *
 *	mkdir:  init[0] .. init[n]           (a failure frees what was set up,
 *	        create_files[0] .. [n]        in reverse, and mkdir fails)
 *	        per_cpu/cpuN: create_cpu_files[0] .. [n]
 *	rmdir:  remove_files[n] .. [0], the directory goes, free[n] .. free[0]
 *
 * so a part may use the parts before it, and each part of an instance is
 * set up and freed exactly once: trace_array.parts has a bit for each part
 * set up in the instance.  The top instance lives for ever; a part joins it
 * when it registers (most register before tracefs is up, and get their
 * files with the rest when it is).
 *
 * tracefs calls mkdir and rmdir without its directory lock held.
 * instance_lock serialises them against each other for their whole
 * length, so an rmdir or mkdir never sees an instance half removed (its
 * directory still there, itself gone from the list); trace_types_lock,
 * taken inside it, serialises them against everything that opens or
 * changes an instance.
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/security.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracefs.h>

#include "trace_priv.h"

static const struct trace_part *parts[TRACE_PART_NR];	/* [L] */
static LIST_HEAD(instances);		/* [L] */
static struct dentry *instances_dir;
static DEFINE_MUTEX(instance_lock);	/* one mkdir or rmdir at a time */
static bool top_files_made;		/* [L] the root's files exist */

/*
 * Set up part @p in @tr, which has every part before it; its option bits
 * take their first values before.
 */
static int part_init(const struct trace_part *p, struct trace_array *tr)
{
	unsigned int i;
	int ret;

	lockdep_assert_held(&trace_types_lock);
	for (i = 0; i < p->id; i++)
		if (parts[i] && !(tr->parts & BIT(i)))
			return -ENODEV;	/* a part it may use is missing */
	for (i = 0; i < p->nr_opts; i++) {
		const struct trace_option *o = &p->opts[i];
		bool on = tr == &trace_top || o->fresh ? o->on :
			  trace_top.flags & BIT(o->bit);

		if (on)
			WRITE_ONCE(tr->flags, tr->flags | BIT(o->bit));
	}
	ret = p->init ? p->init(tr) : 0;
	if (!ret)
		tr->parts |= BIT(p->id);
	return ret;
}

static void part_free(const struct trace_part *p, struct trace_array *tr)
{
	if (!(tr->parts & BIT(p->id)))
		return;
	if (p->free)
		p->free(tr);
	tr->parts &= ~BIT(p->id);
}

static void part_remove_files(const struct trace_part *p, struct trace_array *tr)
{
	if ((tr->parts & BIT(p->id)) && p->remove_files)
		p->remove_files(tr);
}

/* The files of part @p in @tr, whose directory is @dir. */
static void part_create_files(const struct trace_part *p,
			      struct trace_array *tr, struct dentry *dir)
{
	int cpu;

	if (!(tr->parts & BIT(p->id)))
		return;
	if (p->create_files)
		p->create_files(tr, dir);
	trace_options_create_part_files(tr, p);
	if (p->create_cpu_files)
		for_each_possible_cpu(cpu)
			p->create_cpu_files(tr, trace_cpu_file(tr, cpu)->dir, cpu);
}

/* per_cpu/cpuN of @tr, then the files of every part. */
static void instance_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct dentry *percpu;
	char name[16];
	int cpu, i;

	percpu = tracefs_create_dir("per_cpu", dir);
	for_each_possible_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%d", cpu);
		trace_cpu_file(tr, cpu)->dir = tracefs_create_dir(name, percpu);
	}
	for (i = 0; i < TRACE_PART_NR; i++)
		if (parts[i])
			part_create_files(parts[i], tr, dir);
}

/*
 * What every instance has before its parts: the on switch, nop, and what
 * its per-CPU files point to.
 */
static int instance_setup(struct trace_array *tr)
{
	long cpu;

	tr->on = true;
	tr->current_trace = &nop_trace;
	INIT_LIST_HEAD(&tr->list);
	tr->cpu_files = kcalloc(nr_cpu_ids + 1, sizeof(*tr->cpu_files),
				GFP_KERNEL);
	if (!tr->cpu_files)
		return -ENOMEM;
	for (cpu = RING_BUFFER_ALL_CPUS; cpu < (long)nr_cpu_ids; cpu++) {
		trace_cpu_file(tr, cpu)->tr = tr;
		trace_cpu_file(tr, cpu)->cpu = cpu;
	}
	return 0;
}

/* Free every part of @tr, the last first, then the instance. */
static void instance_free(struct trace_array *tr)
{
	int i;

	for (i = TRACE_PART_NR - 1; i >= 0; i--)
		if (parts[i])
			part_free(parts[i], tr);
	kfree(tr->cpu_files);
	kfree(tr->name);
	kfree(tr);
}

static struct trace_array *instance_find(const char *name)
{
	struct trace_array *tr;

	lockdep_assert_held(&trace_types_lock);
	list_for_each_entry(tr, &instances, list)
		if (!strcmp(tr->name, name))
			return tr;
	return NULL;
}

/**
 * trace_array_of_file() - the live instance a file being opened belongs to
 * @file: a file of an instance (of its directory, options/, per_cpu/,
 *	events/...)
 *
 * An open can reach ->open() after rmdir has removed the file's instance
 * and freed everything its i_private points to: the path lookup pinned
 * the dentry and inode, nothing more (a bind mount of the file pins them
 * for good).  Worse, a new instance may have the old one's memory by
 * then.  So the instance is found from the file's place in tracefs: its
 * dentry's ancestors, compared with the directories of the live
 * instances.  tracefs renames nothing, so a dentry's parent never
 * changes, and the removed directory stays pinned by its children: no
 * new directory can have its address.
 *
 * Context: trace_types_lock held.
 * Return: the instance, or NULL when it is gone or going.
 */
struct trace_array *trace_array_of_file(struct file *file)
{
	struct dentry *d = file->f_path.dentry, *up = d->d_parent;
	struct trace_array *tr;

	lockdep_assert_held(&trace_types_lock);
	for (; up != d && up != instances_dir; d = up, up = d->d_parent)
		;
	if (up != instances_dir)
		return &trace_top;
	list_for_each_entry(tr, &instances, list)
		if (tr->dir == d)
			return tr->dead ? NULL : tr;
	return NULL;
}

/**
 * trace_array_get_file() - pin the instance of a file being opened
 * @file: a file of an instance, as for trace_array_of_file()
 *
 * What the file's i_private points to is safe to use only once this
 * returned 0.
 *
 * Return: 0 with the instance pinned (trace_array_put() drops it), -EPERM
 * under tracefs lockdown, or -ENODEV when the instance is gone or going.
 */
int trace_array_get_file(struct file *file)
{
	struct trace_array *tr;
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	if (ret)
		return ret;
	mutex_lock(&trace_types_lock);
	tr = trace_array_of_file(file);
	if (tr)
		tr->ref++;
	mutex_unlock(&trace_types_lock);
	return tr ? 0 : -ENODEV;
}

/**
 * trace_instance_new() - create instances/@name with all its parts
 * @name: the instance's name
 *
 * Return: 0; -EEXIST when it exists; -ENOMEM or the error of a part's
 * init, and then nothing of it is left.
 */
int trace_instance_new(const char *name)
{
	struct trace_array *tr;
	int i, ret = -EEXIST;

	mutex_lock(&instance_lock);
	mutex_lock(&trace_types_lock);
	if (instance_find(name))
		goto out;
	ret = -ENOMEM;
	tr = kzalloc(sizeof(*tr), GFP_KERNEL);
	if (!tr)
		goto out;
	tr->name = kstrdup(name, GFP_KERNEL);
	ret = tr->name ? instance_setup(tr) : -ENOMEM;
	for (i = 0; !ret && i < TRACE_PART_NR; i++)
		if (parts[i])
			ret = part_init(parts[i], tr);
	if (!ret) {
		tr->dir = tracefs_create_dir(name, instances_dir);
		if (IS_ERR_OR_NULL(tr->dir))
			ret = -ENOMEM;
	}
	if (ret) {
		instance_free(tr);
		goto out;
	}
	instance_create_files(tr, tr->dir);
	list_add(&tr->list, &instances);
out:
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&instance_lock);
	return ret;
}

/**
 * trace_instance_remove() - remove instances/@name and free its parts
 * @name: the instance's name
 *
 * Return: 0; -ENODEV when there is no such instance; -EBUSY while one of
 * its files is open.
 */
int trace_instance_remove(const char *name)
{
	struct trace_array *tr;
	int i, ret = -ENODEV;

	mutex_lock(&instance_lock);
	mutex_lock(&trace_types_lock);
	tr = instance_find(name);
	if (!tr)
		goto out;
	ret = -EBUSY;
	if (tr->ref || tr->pipe_readers)
		goto out;
	tr->dead = true;
	if (tr->current_trace->reset)
		tr->current_trace->reset(tr);
	tr->current_trace = &nop_trace;
	list_del(&tr->list);
	ret = 0;
out:
	mutex_unlock(&trace_types_lock);
	if (!ret) {
		for (i = TRACE_PART_NR - 1; i >= 0; i--)
			if (parts[i])
				part_remove_files(parts[i], tr);
		tracefs_remove(tr->dir);
		instance_free(tr);
	}
	mutex_unlock(&instance_lock);
	return ret;
}

/**
 * trace_part_register() - add a part to every instance
 * @p: the part, static; its id is not taken
 *
 * The top instance gets the part at once (and its files, once tracefs is
 * up); so does every instance that exists.  An instance whose @p->init
 * fails goes on without the part.
 *
 * Return: 0; -EBUSY when @p->id is taken; -EINVAL when an option bit of
 * @p is owned by another part.
 */
int trace_part_register(const struct trace_part *p)
{
	struct trace_array *tr;
	int ret;

	if (WARN_ON_ONCE(p->id >= TRACE_PART_NR))
		return -EINVAL;
	mutex_lock(&instance_lock);
	mutex_lock(&trace_types_lock);
	ret = -EBUSY;
	if (parts[p->id])
		goto out;
	ret = trace_options_add(p);
	if (ret)
		goto out;
	parts[p->id] = p;
	if (!trace_top.cpu_files || part_init(p, &trace_top))
		pr_warn("the top instance has no %s\n", p->name);
	else if (top_files_made)
		part_create_files(p, &trace_top, NULL);
	if (top_files_made && p->create_root_files)
		p->create_root_files(NULL);
	list_for_each_entry(tr, &instances, list) {
		if (part_init(p, tr))
			pr_warn("instance %s has no %s\n", tr->name, p->name);
		else
			part_create_files(p, tr, tr->dir);
	}
out:
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&instance_lock);
	return ret;
}

/**
 * trace_part_unregister() - take a part out of every instance
 * @p: a part registered with trace_part_register()
 *
 * Frees its state in every instance, live ones included.  Only parts
 * without tracefs files may go (the KUnit tests' part): files would be
 * left pointing at the freed state.
 */
void trace_part_unregister(const struct trace_part *p)
{
	struct trace_array *tr;

	mutex_lock(&instance_lock);
	mutex_lock(&trace_types_lock);
	if (parts[p->id] == p) {
		list_for_each_entry(tr, &instances, list)
			part_free(p, tr);
		part_free(p, &trace_top);
		parts[p->id] = NULL;
		trace_options_remove(p);
	}
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&instance_lock);
}

/**
 * trace_part_create_top_files() - the files of the top instance
 *
 * Called once, when tracefs is up: the root gets the files of every part
 * registered so far, the root-only ones, and instances/.
 */
void __init trace_part_create_top_files(void)
{
	int i;

	if (!trace_top.cpu_files)
		return;		/* early_trace_init() had no memory */
	mutex_lock(&trace_types_lock);
	instance_create_files(&trace_top, NULL);
	for (i = 0; i < TRACE_PART_NR; i++)
		if (parts[i] && parts[i]->create_root_files)
			parts[i]->create_root_files(NULL);
	top_files_made = true;
	mutex_unlock(&trace_types_lock);
	instances_dir = tracefs_create_instance_dir("instances", NULL,
						    trace_instance_new,
						    trace_instance_remove);
	if (IS_ERR_OR_NULL(instances_dir))
		pr_warn("could not create instances/\n");
}

/**
 * trace_top_setup() - what the top instance has before any part
 *
 * Return: 0 or -ENOMEM.
 */
int __init trace_top_setup(void)
{
	return instance_setup(&trace_top);
}
