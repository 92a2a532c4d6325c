// SPDX-License-Identifier: GPL-2.0
/*
 * Instances: "mkdir instances/NAME" creates an independent tracing
 * instance, with its own buffer, tracer, options and files; "rmdir"
 * removes it, or fails with EBUSY while any of its files is open.
 *
 * tracefs calls the callbacks below without its directory lock held.
 * instance_lock serialises them against each other for their whole
 * length, so an rmdir or mkdir never sees an instance half removed (its
 * directory still there, itself gone from the list); trace_types_lock,
 * taken inside it, serialises them against everything that opens or
 * changes an instance.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracefs.h>

#include "trace_priv.h"

static LIST_HEAD(instances);		/* [L] */
static struct dentry *instances_dir;
static DEFINE_MUTEX(instance_lock);	/* one mkdir or rmdir at a time */

static struct trace_array *instance_find(const char *name)
{
	struct trace_array *tr;

	lockdep_assert_held(&trace_types_lock);
	list_for_each_entry(tr, &instances, list)
		if (!strcmp(tr->name, name))
			return tr;
	return NULL;
}

static void instance_free(struct trace_array *tr)
{
	trace_array_free(tr);
	kfree(tr->name);
	kfree(tr);
}

static int instance_mkdir(const char *name)
{
	struct trace_array *tr;
	int ret = -EEXIST;

	mutex_lock(&instance_lock);
	mutex_lock(&trace_types_lock);
	if (instance_find(name))
		goto out;
	ret = -ENOMEM;
	tr = kzalloc(sizeof(*tr), GFP_KERNEL);
	if (!tr)
		goto out;
	tr->name = kstrdup(name, GFP_KERNEL);
	if (!tr->name || trace_array_init(tr)) {
		instance_free(tr);
		goto out;
	}
	tr->dir = tracefs_create_dir(name, instances_dir);
	if (IS_ERR_OR_NULL(tr->dir)) {
		instance_free(tr);
		goto out;
	}
	trace_create_files(tr, tr->dir);
	list_add(&tr->list, &instances);
	ret = 0;
out:
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&instance_lock);
	return ret;
}

static int instance_rmdir(const char *name)
{
	struct trace_array *tr;
	int ret = -ENODEV;

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
		/*
		 * The filter commands first (enable_event holds events), then
		 * events/, which is eventfs: its own tree, removed before the
		 * instance's directory.
		 */
		trace_func_free(tr);
		trace_events_inst_free(tr);
		tracefs_remove(tr->dir);
		instance_free(tr);
	}
	mutex_unlock(&instance_lock);
	return ret;
}

/**
 * trace_instances_create() - the instances/ directory
 * @dir: the tracefs root
 */
void __init trace_instances_create(struct dentry *dir)
{
	instances_dir = tracefs_create_instance_dir("instances", dir,
						    instance_mkdir,
						    instance_rmdir);
	if (IS_ERR_OR_NULL(instances_dir))
		pr_warn("tracing: could not create instances/\n");
}
