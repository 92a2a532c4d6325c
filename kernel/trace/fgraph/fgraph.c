// SPDX-License-Identifier: GPL-2.0
/*
 * fgraph: callbacks at function entry and at function return.
 *
 * A user (struct fgraph_ops) registers an entry and a return callback.
 * fgraph registers the user's ftrace_ops with fgraph_entry() as its
 * callback; at the entry of a wanted function that pushes a frame on the
 * task's shadow stack, calls the entry callback and, when the callback
 * wants the return, replaces the function's return address on the stack
 * by return_to_handler (arch code).  The function's ret then lands there;
 * ftrace_return_to_handler() pops the frame, calls the return callback
 * and hands back the real address.
 *
 * Shadow stack: one page per task (current->ret_stack), as words:
 *
 *	[0, FGRAPH_ARRAY_SIZE)		one word per user (fgraph_task_var())
 *	[FGRAPH_ARRAY_SIZE, top)	frames, oldest first
 *
 * A frame is the data its entry callback reserved (0 to 4 words) followed
 * by its header (struct fgraph_frame); current->curr_ret_stack is the
 * word index just past the newest header.  Each user has its own frame:
 * when two users hook the same call, the second saves return_to_handler
 * as the return address and the call comes back through the handler twice.
 * Frames of one call share the stack slot (@retp) and the function, which
 * is how the depth of a call is found; the oldest frame of a slot holds
 * the real return address for unwinders (a tail call shares its caller's
 * slot too).
 *
 * Only the task itself pushes and pops, interrupts included: a frame is
 * claimed (the top moved over it) before it is filled, and popped only
 * after its last use (compiler barriers), so an interrupt that pushes on
 * the same stack never writes over a frame in use.  Unwinders of other
 * tasks read a blocked task's stack.
 *
 * Shadow stacks are allocated for every task, and every idle task, when
 * the first user registers, and for every new task while any is; they are
 * freed with the task (a task may still return through the handler long
 * after the last user has gone).
 */
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/static_key.h>
#include <trace/events/sched.h>

#include "fgraph_priv.h"

/*
 * A frame's header; the frame's reserved data lies right below it.
 * @ret: the return address the function had (possibly return_to_handler
 *	or a kretprobe trampoline, when another hook was there first)
 * @retp: the stack slot @ret was in
 * @func: the traced function (its call site)
 * @calltime: trace_clock_local() at entry
 * @depth: calls on the stack below this one (frames of the same call
 *	count once; a tail call shares its caller's slot but not its @func)
 * @slot: the user's index in fgraph_slots
 * @data_words: words of reserved data below this header
 * @gen: the slot's generation when the frame was pushed: a frame left by
 *	a user that has gone is not handed to the next user of the slot
 */
struct fgraph_frame {
	unsigned long	ret;
	unsigned long	*retp;
	unsigned long	func;
	u64		calltime;
	u32		depth;
	u8		slot;
	u8		data_words;
	u16		gen;
};

#define FRAME_WORDS	(sizeof(struct fgraph_frame) / sizeof(long))
#define DATA_WORDS_MAX	(FGRAPH_MAX_DATA_SIZE / sizeof(long))

/**
 * struct fgraph_slot - a registered user
 * @gops: the user, NULL when the slot is free
 * @gen: bumped every time the slot is given out
 *
 * Legend: written under fgraph_lock; the entry and return paths read
 * them with READ_ONCE(), and unregistering waits for those (ftrace_sync())
 * before the user may go.
 */
struct fgraph_slot {
	struct fgraph_ops	*gops;
	u16			gen;
};

static DEFINE_MUTEX(fgraph_lock);
static struct fgraph_slot fgraph_slots[FGRAPH_ARRAY_SIZE];	/* [fgraph_lock] */
static unsigned int fgraph_users;				/* [fgraph_lock] */
/* New tasks get a shadow stack: set with the first user, never cleared. */
static bool fgraph_stacks_wanted;				/* [fgraph_lock] */

DEFINE_STATIC_KEY_FALSE(kill_ftrace_graph);
EXPORT_SYMBOL_GPL(kill_ftrace_graph);

/* options/sleep-time: count the time a task slept in its calls. */
static bool fgraph_sleep_time = true;				/* [fgraph_lock] */

static struct fgraph_frame *frame_at(unsigned long *stack, int top)
{
	return (struct fgraph_frame *)(stack + top - FRAME_WORDS);
}

/* @top if a frame's header ends there, else -1. */
static int frame_top(int top)
{
	return top >= FGRAPH_FRAME_BASE + (int)FRAME_WORDS &&
	       top <= FGRAPH_STACK_WORDS ? top : -1;
}

/* The frame below the one whose header ends at @top, or -1. */
static int frame_below(unsigned long *stack, int top)
{
	struct fgraph_frame *f = frame_at(stack, top);

	if (f->data_words > DATA_WORDS_MAX)
		return -1;
	return frame_top(top - FRAME_WORDS - f->data_words);
}

/* ---- Entry and return: the fast paths ------------------------------------- */

static void fgraph_entry(unsigned long ip, unsigned long parent_ip,
			 struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct fgraph_ops *gops = container_of(op, struct fgraph_ops, ops);
	unsigned long *retp = fgraph_entry_slot(fregs);
	struct task_struct *t = current;
	struct ftrace_graph_ent ent;
	struct fgraph_frame *f, *prev;
	unsigned long *stack;
	int bit, top, idx;
	u32 depth = 0;

	/* Acquire: pairs with the store-release in give_stack(). */
	stack = smp_load_acquire(&t->ret_stack);
	if (unlikely(!stack || ftrace_graph_is_dead() ||
		     atomic_read(&t->tracing_graph_pause)))
		return;
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;
	/*
	 * The guard lets one call through in the same context, for an
	 * interrupt that has not yet raised the preempt count.  That is
	 * also how a callback's own callees (irq_work_queue() of a commit)
	 * would be graphed as children of the traced function: not here.
	 * Only the start of such an interrupt (irq_enter_rcu()) is lost, and
	 * only when it interrupts a callback.
	 */
	if (unlikely(bit == TRACE_FTRACE_START + TRACE_CTX_TRANSITION))
		goto out;
	idx = gops->idx;
	top = t->curr_ret_stack;
	if (unlikely(top + FRAME_WORDS + DATA_WORDS_MAX > FGRAPH_STACK_WORDS)) {
		atomic_inc(&t->trace_overrun);
		goto out;
	}
	if (top > FGRAPH_FRAME_BASE) {
		prev = frame_at(stack, top);
		/* Another user's frame of this very call has its depth. */
		depth = prev->depth + (prev->retp != retp || prev->func != ip);
	}
	/*
	 * Claim the frame before filling it: an interrupt pushes above it.
	 * One that comes before the frame is filled computes its depth from
	 * what the words held before, and may be off by one; nothing else
	 * of the frame is read before its call returns.
	 */
	t->curr_ret_stack = top + FRAME_WORDS;
	barrier();
	f = (struct fgraph_frame *)(stack + top);
	f->ret = *retp;
	f->retp = retp;
	f->func = ip;
	f->calltime = trace_clock_local();
	f->depth = depth;
	f->slot = idx;
	f->data_words = 0;
	f->gen = READ_ONCE(fgraph_slots[idx].gen);
	barrier();

	ent.func = ip;
	ent.depth = depth;
	if (gops->entryfunc(&ent, gops)) {
		*retp = (unsigned long)return_to_handler;
	} else {
		barrier();
		t->curr_ret_stack = top;
	}
out:
	ftrace_test_recursion_unlock(bit);
}

NOKPROBE_SYMBOL(fgraph_entry);

/* Something freed or moved the frames: nothing is safe to return to. */
static noinline unsigned long fgraph_corrupt(struct fgraph_frame *f,
					     unsigned long *slot)
{
	ftrace_graph_stop();
	pr_emerg("fgraph: a return through slot %p does not match the newest frame (%ps at %p)\n",
		 slot, f ? (void *)f->func : NULL, f ? f->retp : NULL);
	return (unsigned long)panic;
}

/**
 * ftrace_return_to_handler() - a hooked function returns
 * @regs: its return value registers, right below the slot it returned from
 *
 * Called by return_to_handler only.  Pops the newest frame of current
 * and runs the return callback of the frame's user.
 *
 * Return: the address the function really returns to.
 */
unsigned long ftrace_return_to_handler(struct fgraph_ret_regs *regs)
{
	unsigned long *slot = fgraph_ret_slot(regs);
	struct task_struct *t = current;
	unsigned long *stack = t->ret_stack;
	struct ftrace_graph_ret trace;
	struct fgraph_frame *f;
	struct fgraph_ops *gops;
	int top = t->curr_ret_stack;
	unsigned long ret;
	int bit;

	if (unlikely(!stack || frame_top(top) < 0))
		return fgraph_corrupt(NULL, slot);
	f = frame_at(stack, top);
	if (unlikely(f->retp != slot))
		return fgraph_corrupt(f, slot);
	ret = f->ret;

	trace.func = f->func;
	trace.depth = f->depth;
	trace.calltime = f->calltime;
	trace.overrun = atomic_read(&t->trace_overrun);
#ifdef CONFIG_FUNCTION_GRAPH_RETVAL
	trace.retval = fgraph_ret_value(regs);
#endif
	/*
	 * The lock disables preemption once, as on entry: the callback sees
	 * the same context, and the user stays while it runs.
	 */
	bit = ftrace_test_recursion_trylock(f->func, ret);
	if (bit >= 0) {
		gops = READ_ONCE(fgraph_slots[f->slot].gops);
		if (gops && READ_ONCE(fgraph_slots[f->slot].gen) == f->gen) {
			trace.rettime = trace_clock_local();
			gops->retfunc(&trace, gops);
		}
		ftrace_test_recursion_unlock(bit);
	}
	/* The callback may have read the frame's data: pop it only now. */
	barrier();
	t->curr_ret_stack = top - FRAME_WORDS - f->data_words;
	return ret;
}

NOKPROBE_SYMBOL(ftrace_return_to_handler);

/**
 * fgraph_reserve_data() - keep data on the shadow stack for the return
 * @idx: the user's fgraph_ops.idx
 * @size_bytes: 1 to FGRAPH_MAX_DATA_SIZE
 *
 * Called from the user's entry callback, at most once per call.
 *
 * Return: the space, word aligned, or NULL when @size_bytes is out of
 * range, the stack is full, or not called from @idx's entry callback.
 */
void *fgraph_reserve_data(int idx, int size_bytes)
{
	struct task_struct *t = current;
	unsigned long *stack = t->ret_stack;
	int top = t->curr_ret_stack, words;
	struct fgraph_frame *f;

	words = DIV_ROUND_UP(size_bytes, sizeof(long));
	if (!stack || size_bytes <= 0 || words > DATA_WORDS_MAX ||
	    frame_top(top) < 0)
		return NULL;
	f = frame_at(stack, top);
	if (f->slot != idx || f->data_words)
		return NULL;
	/* Room was checked at entry.  Claim the words, then move the header up. */
	t->curr_ret_stack = top + words;
	barrier();
	memmove(stack + top + words - FRAME_WORDS, f, sizeof(*f));
	f = frame_at(stack, top + words);
	f->data_words = words;
	return stack + top - FRAME_WORDS;
}
EXPORT_SYMBOL_GPL(fgraph_reserve_data);

/**
 * fgraph_retrieve_data() - the data an entry callback reserved
 * @idx: the user's fgraph_ops.idx
 * @size_bytes: if not NULL, gets the reserved size rounded up to words
 *
 * Called from the user's return callback.
 *
 * Return: the data, or NULL when the entry callback reserved none.
 */
void *fgraph_retrieve_data(int idx, int *size_bytes)
{
	struct task_struct *t = current;
	unsigned long *stack = t->ret_stack;
	int top = t->curr_ret_stack;
	struct fgraph_frame *f;

	if (!stack || frame_top(top) < 0)
		return NULL;
	f = frame_at(stack, top);
	if (f->slot != idx || !f->data_words)
		return NULL;
	if (size_bytes)
		*size_bytes = f->data_words * sizeof(long);
	return (unsigned long *)f - f->data_words;
}
EXPORT_SYMBOL_GPL(fgraph_retrieve_data);

/**
 * fgraph_task_var() - the word of a user in current's shadow stack
 * @gops: the user
 *
 * For per-task state of the user's callbacks; zero when the stack is
 * allocated.  Only current uses it.
 *
 * Return: the word, or NULL when current has no shadow stack.
 */
unsigned long *fgraph_task_var(struct fgraph_ops *gops)
{
	unsigned long *stack = current->ret_stack;

	return stack ? stack + gops->idx : NULL;
}

/**
 * ftrace_graph_ret_addr() - the real return address behind return_to_handler
 * @task: the task whose stack is unwound
 * @idx: unwinder state (unused: the slot alone identifies the call)
 * @ret: the return address found on the stack
 * @retp: where it was found
 *
 * Return: @ret, or the address the call returns to when @ret is
 * return_to_handler and a frame of @task has @retp.
 */
unsigned long ftrace_graph_ret_addr(struct task_struct *task, int *idx,
				    unsigned long ret, unsigned long *retp)
{
	unsigned long *stack = READ_ONCE(task->ret_stack);
	struct fgraph_frame *f;
	int top;

	if (ret != (unsigned long)return_to_handler || !stack || !retp)
		return ret;
	/* The oldest frame of the call holds the real address. */
	for (top = frame_top(READ_ONCE(task->curr_ret_stack)); top > 0;
	     top = frame_below(stack, top)) {
		f = frame_at(stack, top);
		if (f->retp == retp && f->ret != (unsigned long)return_to_handler)
			return f->ret;
	}
	return ret;
}

NOKPROBE_SYMBOL(ftrace_graph_ret_addr);

/**
 * fgraph_frame_at() - a frame of a task's shadow stack, newest first
 * @task: the task (current, or one that is not running)
 * @n: 0 for the newest frame
 * @func: gets the frame's function
 * @depth: gets its depth
 *
 * Return: true when the frame exists.
 */
bool fgraph_frame_at(struct task_struct *task, int n, unsigned long *func,
		     int *depth)
{
	unsigned long *stack = READ_ONCE(task->ret_stack);
	struct fgraph_frame *f;
	int top;

	if (!stack)
		return false;
	top = frame_top(READ_ONCE(task->curr_ret_stack));
	for (; n > 0 && top > 0; n--)
		top = frame_below(stack, top);
	if (top <= 0)
		return false;
	f = frame_at(stack, top);
	*func = f->func;
	*depth = f->depth;
	return true;
}

/**
 * ftrace_graph_stop() - stop function graph tracing for good
 *
 * Entries are no longer hooked; calls hooked already still return
 * through the handler.
 */
void ftrace_graph_stop(void)
{
	static_branch_enable(&kill_ftrace_graph);
}

/**
 * ftrace_graph_entry_stub() - an entry callback that wants no return
 * @trace: the entry
 * @gops: the user
 *
 * Return: 0.
 */
int ftrace_graph_entry_stub(struct ftrace_graph_ent *trace,
			    struct fgraph_ops *gops)
{
	return 0;
}

/* ---- Shadow stacks ---------------------------------------------------------- */

static unsigned long *alloc_stack(gfp_t gfp)
{
	return kzalloc(FGRAPH_STACK_WORDS * sizeof(long), gfp);
}

/* Give @t the stack @stack; false if it has one already. */
static bool give_stack(struct task_struct *t, unsigned long *stack)
{
	if (t->ret_stack)
		return false;
	t->curr_ret_stack = FGRAPH_FRAME_BASE;
	t->curr_ret_depth = -1;
	atomic_set(&t->trace_overrun, 0);
	t->ftrace_timestamp = 0;
	/* Release: pairs with the acquire in fgraph_entry(). */
	smp_store_release(&t->ret_stack, stack);
	return true;
}

#define STACK_BATCH	32

/* Every task, idle tasks included, gets a shadow stack. */
static int alloc_all_stacks(void)
{
	unsigned long *batch[STACK_BATCH];
	struct task_struct *g, *t;
	int i, n, cpu, ret = 0;
	bool more;

	for_each_online_cpu(cpu) {
		t = idle_task(cpu);
		if (!READ_ONCE(t->ret_stack)) {
			unsigned long *s = alloc_stack(GFP_KERNEL);

			if (!s)
				return -ENOMEM;
			if (!give_stack(t, s))
				kfree(s);
		}
	}
	do {
		for (n = 0; n < STACK_BATCH; n++) {
			batch[n] = alloc_stack(GFP_KERNEL);
			if (!batch[n]) {
				ret = -ENOMEM;
				break;
			}
		}
		i = 0;
		more = false;
		read_lock(&tasklist_lock);
		for_each_process_thread(g, t) {
			if (t->ret_stack)
				continue;
			if (i == n) {
				more = true;
				break;
			}
			if (give_stack(t, batch[i]))
				i++;
		}
		read_unlock(&tasklist_lock);
		while (n > i)
			kfree(batch[--n]);
	} while (more && !ret);
	return ret;
}

/**
 * ftrace_graph_init_task() - a new task's shadow stack
 * @t: the task, not yet running (its fields are a copy of its parent's)
 */
void ftrace_graph_init_task(struct task_struct *t)
{
	unsigned long *stack;

	t->ret_stack = NULL;
	t->curr_ret_stack = 0;
	t->curr_ret_depth = -1;
	atomic_set(&t->tracing_graph_pause, 0);
	atomic_set(&t->trace_overrun, 0);
	t->ftrace_timestamp = 0;
	if (!READ_ONCE(fgraph_stacks_wanted))
		return;
	stack = alloc_stack(GFP_KERNEL);
	if (stack)
		give_stack(t, stack);
}

/**
 * ftrace_graph_exit_task() - free a dead task's shadow stack
 * @t: the task
 */
void ftrace_graph_exit_task(struct task_struct *t)
{
	unsigned long *stack = t->ret_stack;

	t->ret_stack = NULL;
	kfree(stack);
}

/**
 * ftrace_graph_init_idle_task() - an idle task (re)starts on a CPU
 * @t: the idle task
 * @cpu: its CPU
 *
 * A CPU that went offline left its idle task's frames behind: start
 * empty.  The stack itself is kept.
 */
void ftrace_graph_init_idle_task(struct task_struct *t, int cpu)
{
	unsigned long *stack;

	t->curr_ret_stack = FGRAPH_FRAME_BASE;
	t->curr_ret_depth = -1;
	atomic_set(&t->tracing_graph_pause, 0);
	atomic_set(&t->trace_overrun, 0);
	if (t->ret_stack || !READ_ONCE(fgraph_stacks_wanted))
		return;
	stack = alloc_stack(GFP_ATOMIC);
	if (stack)
		give_stack(t, stack);
}

/* ---- sleep-time ------------------------------------------------------------- */

/*
 * With sleep-time off, a call's duration leaves out the time its task
 * was switched out: on the way back in, every frame's calltime moves
 * forward by that time.
 */
static void fgraph_sched_switch(void *ignore, bool preempt,
				struct task_struct *prev,
				struct task_struct *next,
				unsigned int prev_state)
{
	unsigned long *stack = next->ret_stack;
	u64 now = trace_clock_local(), delta;
	int top;

	prev->ftrace_timestamp = now;
	if (!stack || !next->ftrace_timestamp)
		return;
	delta = now - next->ftrace_timestamp;
	for (top = frame_top(next->curr_ret_stack); top > 0;
	     top = frame_below(stack, top))
		frame_at(stack, top)->calltime += delta;
}

static bool sleep_probe_on;				/* [fgraph_lock] */

/* The sched_switch probe is on exactly while users exist and sleep-time is off. */
static void update_sleep_probe(void)
{
	bool want = fgraph_users && !fgraph_sleep_time;

	lockdep_assert_held(&fgraph_lock);
	if (want == sleep_probe_on)
		return;
	if (want)
		want = !register_trace_sched_switch(fgraph_sched_switch, NULL);
	else
		unregister_trace_sched_switch(fgraph_sched_switch, NULL);
	sleep_probe_on = want;
}

/**
 * fgraph_set_sleep_time() - options/sleep-time
 * @on: count sleeping in the durations (the default)
 */
void fgraph_set_sleep_time(bool on)
{
	mutex_lock(&fgraph_lock);
	fgraph_sleep_time = on;
	update_sleep_probe();
	mutex_unlock(&fgraph_lock);
}

/* ---- Registration ------------------------------------------------------------ */

/**
 * register_ftrace_graph() - start calling a user's callbacks
 * @gops: the user: callbacks set, @gops->ops with the filters wanted
 *
 * Return: 0; -EBUSY if @gops is registered or FGRAPH_ARRAY_SIZE users
 * are; -ENOMEM without memory for the shadow stacks; -ENODEV after
 * ftrace_graph_stop(); or the error of register_ftrace_function().
 */
int register_ftrace_graph(struct fgraph_ops *gops)
{
	int i, ret;

	if (!gops->entryfunc || !gops->retfunc)
		return -EINVAL;
	if (ftrace_graph_is_dead())
		return -ENODEV;
	mutex_lock(&fgraph_lock);
	ret = -EBUSY;
	for (i = 0; i < FGRAPH_ARRAY_SIZE; i++)
		if (fgraph_slots[i].gops == gops)
			goto out;
	for (i = 0; i < FGRAPH_ARRAY_SIZE && fgraph_slots[i].gops; i++)
		;
	if (i == FGRAPH_ARRAY_SIZE)
		goto out;
	if (!fgraph_stacks_wanted) {
		WRITE_ONCE(fgraph_stacks_wanted, true);
		ret = alloc_all_stacks();
		if (ret)
			goto out;
	}
	gops->idx = i;
	WRITE_ONCE(fgraph_slots[i].gen, fgraph_slots[i].gen + 1);
	WRITE_ONCE(fgraph_slots[i].gops, gops);
	gops->ops.func = fgraph_entry;
	ret = register_ftrace_function(&gops->ops);
	if (ret) {
		WRITE_ONCE(fgraph_slots[i].gops, NULL);
		goto out;
	}
	fgraph_users++;
	update_sleep_probe();
out:
	mutex_unlock(&fgraph_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(register_ftrace_graph);

/**
 * unregister_ftrace_graph() - stop calling a user's callbacks
 * @gops: the user
 *
 * On return no callback of @gops runs or will run; calls it hooked that
 * have not returned yet return without it.
 */
void unregister_ftrace_graph(struct fgraph_ops *gops)
{
	int i = gops->idx;

	mutex_lock(&fgraph_lock);
	if (i < 0 || i >= FGRAPH_ARRAY_SIZE || fgraph_slots[i].gops != gops)
		goto out;
	/* Returns that load the slot from now on skip @gops... */
	WRITE_ONCE(fgraph_slots[i].gops, NULL);
	/* ...and this waits for entries and returns that loaded it before. */
	unregister_ftrace_function(&gops->ops);
	fgraph_users--;
	update_sleep_probe();
out:
	mutex_unlock(&fgraph_lock);
}
EXPORT_SYMBOL_GPL(unregister_ftrace_graph);
