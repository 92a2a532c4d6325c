// SPDX-License-Identifier: GPL-2.0
/*
 * rethook: run a handler when a hooked function returns.
 *
 * At function entry a user (kretprobes) takes a node from its rethook's
 * pool and calls rethook_hook(): the arch code saves the real return
 * address in the node and replaces it with arch_rethook_trampoline.  The
 * node goes on the task's own list, newest first, so the list mirrors the
 * call stack:
 *
 *	current->rethooks: [node f3] -> [node f2] -> [node f1]
 *	                    frame 3      frame 2      frame 1
 *
 * When f3 returns into the trampoline, rethook_trampoline_handler() finds
 * the nodes of that frame at the head of the list (several rethooks may
 * hook the same call), runs their handlers, hands back the real return
 * address and recycles the nodes.  Only the task itself touches its list,
 * except when it is dead (rethook_flush_task()) or stopped (unwinding).
 *
 * Lifetime: a rethook's handler pointer is RCU-protected.  rethook_free()
 * clears it and, after a grace period, finalises the object pool; nodes
 * still out on some task's list are dropped one by one as they come back,
 * and the pool's release callback frees the rethook with the last one.
 */
#include <linux/kprobes.h>
#include <linux/preempt.h>
#include <linux/rethook.h>
#include <linux/sched.h>
#include <linux/slab.h>

static int rethook_node_init(void *obj, void *context)
{
	struct rethook_node *node = obj;

	node->rethook = context;
	return 0;
}

/* The pool's last object is gone: nothing refers to the rethook any more. */
static int rethook_pool_release(struct objpool_head *pool, void *context)
{
	kfree(context);
	return 0;
}

/**
 * rethook_alloc() - allocate a rethook and its pool of nodes
 * @data: user data passed to @handler
 * @handler: called when a hooked function returns
 * @size: size of a node, at least sizeof(struct rethook_node)
 * @num: number of nodes, the most returns that can be pending at once
 *
 * Return: the rethook, or an ERR_PTR() on bad arguments or no memory.
 */
struct rethook *rethook_alloc(void *data, rethook_handler_t handler, int size,
			      int num)
{
	struct rethook *rh;
	int ret;

	if (!handler || num <= 0 || size < (int)sizeof(struct rethook_node))
		return ERR_PTR(-EINVAL);

	rh = kzalloc(sizeof(*rh), GFP_KERNEL);
	if (!rh)
		return ERR_PTR(-ENOMEM);
	rh->data = data;
	rcu_assign_pointer(rh->handler, handler);

	ret = objpool_init(&rh->pool, num, size, GFP_KERNEL, rh,
			   rethook_node_init, rethook_pool_release);
	if (ret) {
		kfree(rh);
		return ERR_PTR(ret);
	}
	return rh;
}
EXPORT_SYMBOL_GPL(rethook_alloc);

/**
 * rethook_stop() - stop calling the handler
 * @rh: the rethook
 *
 * Returns already hooked still go through the trampoline and get their
 * real address back, but the handler is no longer called.
 */
void rethook_stop(struct rethook *rh)
{
	rcu_assign_pointer(rh->handler, NULL);
}
EXPORT_SYMBOL_GPL(rethook_stop);

static void rethook_free_rcu(struct rcu_head *head)
{
	struct rethook *rh = container_of(head, struct rethook, rcu);

	/* Frees @rh now, or when the last node out on a task comes back. */
	objpool_fini(&rh->pool);
}

/**
 * rethook_free() - stop a rethook and free it once no node is in use
 * @rh: the rethook
 */
void rethook_free(struct rethook *rh)
{
	rethook_stop(rh);
	call_rcu(&rh->rcu, rethook_free_rcu);
}
EXPORT_SYMBOL_GPL(rethook_free);

static void rethook_node_drop_rcu(struct rcu_head *head)
{
	struct rethook_node *node = container_of(head, struct rethook_node, rcu);

	objpool_drop(node, &node->rethook->pool);
}

/**
 * rethook_recycle() - give a node back to its pool
 * @node: a node that is on no task's list
 *
 * Called with preemption disabled.  A node of a stopped rethook is not
 * reused but dropped, after a grace period since a handler may still be
 * looking at it.
 */
void rethook_recycle(struct rethook_node *node)
{
	if (likely(rcu_access_pointer(node->rethook->handler)))
		objpool_push(node, &node->rethook->pool);
	else
		call_rcu(&node->rcu, rethook_node_drop_rcu);
}
EXPORT_SYMBOL_GPL(rethook_recycle);
NOKPROBE_SYMBOL(rethook_recycle);

/**
 * rethook_try_get() - take a free node
 * @rh: the rethook
 *
 * Called with preemption disabled, in the context of the function entry.
 *
 * Return: a node, or NULL when the rethook is stopped, the pool is empty
 * or RCU is not watching (the handler could not be called safely).
 */
struct rethook_node *rethook_try_get(struct rethook *rh)
{
	if (!rcu_is_watching())
		return NULL;
	if (unlikely(!rcu_access_pointer(rh->handler)))
		return NULL;
	return objpool_pop(&rh->pool);
}
EXPORT_SYMBOL_GPL(rethook_try_get);
NOKPROBE_SYMBOL(rethook_try_get);

/**
 * rethook_hook() - divert the current function's return to the trampoline
 * @node: a node from rethook_try_get()
 * @regs: registers at function entry
 * @mcount: true when called from the fentry hook rather than a breakpoint
 */
void rethook_hook(struct rethook_node *node, struct pt_regs *regs, bool mcount)
{
	arch_rethook_prepare(node, regs, mcount);
	__llist_add(&node->llist, &current->rethooks);
}
EXPORT_SYMBOL_GPL(rethook_hook);
NOKPROBE_SYMBOL(rethook_hook);

/**
 * rethook_flush_task() - recycle the nodes of a dead task
 * @tk: the task, which no longer runs
 */
void rethook_flush_task(struct task_struct *tk)
{
	struct llist_node *n = __llist_del_all(&tk->rethooks);
	struct rethook_node *node;

	while (n) {
		node = container_of(n, struct rethook_node, llist);
		n = n->next;
		preempt_disable();
		rethook_recycle(node);
		preempt_enable();
	}
}

NOKPROBE_SYMBOL(rethook_flush_task);

/**
 * rethook_find_ret_addr() - the real return address behind a trampoline
 * @tsk: the task being unwound: current, or one that is not running
 * @frame: the frame whose return address was replaced
 * @cur: cursor into @tsk's list; NULL on the first call of an unwind
 *
 * Return: the saved return address of the node for @frame, or 0 when
 * there is none (or @tsk is running elsewhere, so its list may change).
 */
unsigned long rethook_find_ret_addr(struct task_struct *tsk,
				    unsigned long frame,
				    struct llist_node **cur)
{
	struct rethook_node *node;
	struct llist_node *n;

	if (WARN_ON_ONCE(!cur))
		return 0;
	if (tsk != current && task_is_running(tsk))
		return 0;

	for (n = *cur ? (*cur)->next : tsk->rethooks.first; n; n = n->next) {
		node = container_of(n, struct rethook_node, llist);
		if (node->frame == frame) {
			*cur = n;
			return node->ret_addr;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(rethook_find_ret_addr);
NOKPROBE_SYMBOL(rethook_find_ret_addr);

/**
 * rethook_trampoline_handler() - handle a return through the trampoline
 * @regs: registers at the return
 * @frame: the frame that is returning
 *
 * Runs the handlers of every node hooked on @frame, fixes up the return
 * address in @regs and recycles the nodes.
 *
 * Return: the real return address.
 */
unsigned long rethook_trampoline_handler(struct pt_regs *regs,
					 unsigned long frame)
{
	struct llist_node *first = current->rethooks.first;
	struct llist_node *start = NULL, *last = NULL, *n, *next;
	struct rethook_node *node;
	rethook_handler_t handler;
	unsigned long ret_addr = 0;

	/*
	 * The nodes of @frame form a run, normally at the head of the list.
	 * Nodes before it belong to frames that were left without returning
	 * (their handlers are not run); they are recycled with the run.
	 */
	for (n = first; n; n = n->next) {
		node = container_of(n, struct rethook_node, llist);
		if (node->frame == frame) {
			if (!start)
				start = n;
			ret_addr = node->ret_addr;
			last = n;
		} else if (start) {
			break;
		}
	}
	if (!last)
		panic("rethook: return address of frame %lx not found\n", frame);

	instruction_pointer_set(regs, ret_addr);
	arch_rethook_fixup_return(regs, ret_addr);

	preempt_disable_notrace();
	for (n = start; ; n = n->next) {
		node = container_of(n, struct rethook_node, llist);
		handler = rcu_dereference_raw(node->rethook->handler);
		if (handler)
			handler(node, node->rethook->data, ret_addr, regs);
		if (n == last)
			break;
	}

	/* Unlink before recycling: a recycled node may be reused at once. */
	current->rethooks.first = last->next;
	last->next = NULL;
	for (n = first; n; n = next) {
		next = n->next;
		rethook_recycle(container_of(n, struct rethook_node, llist));
	}
	preempt_enable_notrace();
	return ret_addr;
}

NOKPROBE_SYMBOL(rethook_trampoline_handler);
