// SPDX-License-Identifier: GPL-2.0
/*
 * The files that print the buffer: trace (non-consuming) and trace_pipe
 * (consuming), for all CPUs and per CPU.
 *
 * Both merge the CPUs by time stamp: the next line is always the oldest
 * record among the CPUs read.
 *
 * trace is a seq_file over per-CPU ring buffer iterators; opening it for
 * writing with O_TRUNC empties the buffer instead ("echo > trace").
 * snapshot is the same walk over the snapshot buffer (trace_snapshot.c
 * takes its writes); while that is empty its header is the command help.
 *
 * trace_pipe blocks until there is data (unless O_NONBLOCK), supports
 * poll, and prints "CPU:N [LOST M EVENTS]" where records were lost.  It
 * returns end-of-file once it has read something and tracing is off.
 */
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/seq_buf.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

#define LINE_MAX_LEN	(2 * PAGE_SIZE)	/* a full record plus its context */

static bool cpu_selected(struct trace_cpu_file *sel, int cpu)
{
	return sel->cpu == RING_BUFFER_ALL_CPUS || sel->cpu == cpu;
}

/* ---- Lines, and the print hooks of tracers ------------------------------- */

/*
 * Where the record being printed comes from: a walk's iterator of its
 * CPU (trace, snapshot) or the pipe's consuming reads (trace_pipe).  A
 * tracer's print_line may look at the CPU's next record, which consumes
 * the current one (@consumed tells the reader not to step past it again).
 */
struct trace_line_src {
	struct ring_buffer_iter	*it;
	struct trace_buffer	*buf;
	int			cpu;
	bool			consumed;
	struct ring_buffer_iter	**its;	/* the walk's, per CPU */
	struct trace_cpu_file	*sel;	/* the CPUs read */
	u64			start;	/* the buffer's time_start */
};

static void src_step(struct trace_line_src *src)
{
	if (src->it)
		ring_buffer_iter_advance(src->it);
	else
		ring_buffer_consume(src->buf, src->cpu, NULL, NULL);
}

/**
 * trace_line_peek_next() - the next record of the line's CPU
 * @line: the line being printed; its record is consumed (the caller
 *	must have copied what it still needs of @line->ent)
 * @len: gets the next record's length
 *
 * Return: the next record, valid until the reader moves on, or NULL
 * when the CPU has none (yet).
 */
struct trace_entry *trace_line_peek_next(struct trace_line *line,
					 unsigned int *len)
{
	struct trace_line_src *src = line->src;
	struct ring_buffer_event *e;

	if (!src)
		return NULL;
	if (!src->consumed) {
		src_step(src);
		src->consumed = true;
	}
	line->ent = NULL;
	e = src->it ? ring_buffer_iter_peek(src->it, NULL) :
		      ring_buffer_peek(src->buf, src->cpu, NULL, NULL);
	if (!e)
		return NULL;
	*len = ring_buffer_event_length(e);
	return ring_buffer_event_data(e);
}

/**
 * trace_line_take_next() - consume the record trace_line_peek_next() gave
 * @line: the line being printed
 *
 * That record is then part of this line and not printed on its own.
 */
void trace_line_take_next(struct trace_line *line)
{
	if (line->src && line->src->consumed)
		src_step(line->src);
}

/*
 * A reader's state of the current tracer's print hooks, switched when
 * the tracer changes.
 */
struct trace_printer {
	struct tracer	*t;
	void		*state;
};

static void printer_close(struct trace_printer *p)
{
	if (p->t && p->t->print_close && p->state)
		p->t->print_close(p->state);
	p->t = NULL;
	p->state = NULL;
}

static void *printer_state(struct trace_printer *p, struct trace_array *tr)
{
	struct tracer *t = READ_ONCE(tr->current_trace);

	if (p->t != t) {
		printer_close(p);
		p->t = t;
		p->state = t->print_open ? t->print_open(tr) : NULL;
	}
	return p->state;
}

/*
 * The time stamp of the record printed after the current one, among all
 * the CPUs read (the current one's own when there is none): consumes the
 * current record.
 */
static u64 src_next_ts(struct trace_line_src *src, u64 ts)
{
	struct ring_buffer_event *e;
	u64 best = U64_MAX, t;
	int cpu;

	if (!src->consumed) {
		src_step(src);
		src->consumed = true;
	}
	for_each_possible_cpu(cpu) {
		if (!cpu_selected(src->sel, cpu))
			continue;
		if (src->its)
			e = src->its[cpu] ? ring_buffer_iter_peek(src->its[cpu], &t) : NULL;
		else
			e = ring_buffer_peek(src->buf, cpu, &t, NULL);
		if (e && t < best)
			best = t;
	}
	return best == U64_MAX ? ts : best;
}

/*
 * The latency format: the mark after the time column tells the gap to
 * the next record, which is looked at once the line is written (that
 * consumes the record the line prints).
 */
static void print_lat_line(struct seq_buf *s, struct trace_array *tr,
			   struct trace_line_src *src, u64 ts,
			   struct trace_entry *ent, unsigned int len,
			   struct trace_sym_cache *syms)
{
	int mark = trace_print_lat_record(s, tr, src->cpu, ts, ent, len, syms,
					  src->start);

	u64 next;

	if (mark < 0)
		return;
	next = src_next_ts(src, ts);
	s->buffer[mark] = trace_lat_mark(next > ts ? next - ts : 0);
}

/* One record as text: the tracer's way, or the default one. */
static void print_line(struct seq_buf *s, struct trace_array *tr,
		       struct trace_printer *p, struct trace_line_src *src,
		       u64 ts, struct ring_buffer_event *e,
		       struct trace_sym_cache *syms)
{
	struct trace_line line = {
		.s	= s,
		.tr	= tr,
		.cpu	= src->cpu,
		.ts	= ts,
		.ent	= ring_buffer_event_data(e),
		.len	= ring_buffer_event_length(e),
		.start	= src->start,
		.syms	= syms,
		.src	= src,
	};

	line.state = printer_state(p, tr);
	if (line.state && p->t->print_line && p->t->print_line(&line))
		return;
	if (READ_ONCE(tr->flags) & TRACE_OPT_LATENCY_FMT)
		print_lat_line(s, tr, src, ts, line.ent, line.len, syms);
	else
		trace_print_record(s, tr, src->cpu, ts, line.ent, line.len, syms);
}

/* ---- trace ---------------------------------------------------------------- */

struct trace_walk {
	struct trace_cpu_file		sel;
	bool				snap;	/* walks the snapshot buffer */
	bool				help;	/* "snapshot": help when empty */
	struct trace_buffer		*rb;	/* the buffer walked */
	u64				start;	/* its time_start */
	int				only;	/* its only CPU, or -1 */
	bool				section; /* nothing before start */
	bool				lapped;	/* it had overruns at open */
	loff_t				*first;	/* per CPU: its first line, or 0 */
	struct ring_buffer_iter		**it;	/* per CPU */
	loff_t				idx;	/* records shown (+1 for the header) */
	int				cpu;	/* CPU of the current record */
	u64				ts;
	struct ring_buffer_event	*e;
	char				*buf;
	loff_t				shown;	/* the line in @buf, or 0 */
	unsigned int			shown_len;
	bool				consumed; /* print_line took the record */
	struct trace_printer		printer;
	struct trace_sym_cache		*syms;
};

static void walk_stop_iters(struct trace_walk *w)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		if (w->it[cpu])
			ring_buffer_read_finish(w->it[cpu]);
		w->it[cpu] = NULL;
	}
}

static void walk_start_iters(struct trace_walk *w)
{
	struct trace_array *tr = w->sel.tr;
	int cpu;

	w->rb = w->snap ? READ_ONCE(tr->snap) : READ_ONCE(tr->buffer);
	w->start = w->snap ? READ_ONCE(tr->snap_start) : READ_ONCE(tr->time_start);
	/* A latency tracer's section: its CPU or all, from its start on. */
	w->only = w->snap ? READ_ONCE(tr->snap_cpu) : -1;
	w->section = w->snap && READ_ONCE(tr->snap_section);
	for_each_possible_cpu(cpu)
		if (w->rb && cpu_selected(&w->sel, cpu) &&
		    (w->only < 0 || w->only == cpu))
			w->it[cpu] = ring_buffer_read_start(w->rb, cpu, GFP_KERNEL);
	w->idx = 1;
	w->shown = 0;
	w->consumed = false;
}

/*
 * options/annotate: in a buffer that lost records, say where each CPU's
 * records start, except for those among the first two lines (as
 * upstream, whose count starts one lower).  Text form only.
 */
static void walk_annotate(struct trace_walk *w, struct seq_buf *s)
{
	unsigned long flags = READ_ONCE(w->sel.tr->flags);
	struct trace_entry *ent = ring_buffer_event_data(w->e);

	if (!w->lapped || !(flags & TRACE_OPT_ANNOTATE) ||
	    (flags & (TRACE_OPT_RAW | TRACE_OPT_HEX | TRACE_OPT_BIN)) ||
	    ((ent->type == TRACE_PRINT || ent->type == TRACE_BPRINT ||
	      ent->type == TRACE_BPUTS) && (flags & TRACE_OPT_MSG_ONLY)))
		return;
	/* Remembered by line: seq_file may show the same line again. */
	if (!w->first[w->cpu])
		w->first[w->cpu] = w->idx;
	if (w->first[w->cpu] == w->idx && w->idx > 2)
		seq_buf_printf(s, "##### CPU %u buffer started ####\n", w->cpu);
}

static bool walk_empty(struct trace_walk *w)
{
	int cpu;

	for_each_possible_cpu(cpu)
		if (w->it[cpu] && ring_buffer_iter_peek(w->it[cpu], NULL))
			return false;
	return true;
}

/* Point @w at the oldest record among the CPUs; false at the end. */
static bool walk_find(struct trace_walk *w)
{
	struct ring_buffer_event *e;
	int cpu;
	u64 ts;

	w->e = NULL;
	for_each_possible_cpu(cpu) {
		if (!w->it[cpu])
			continue;
		e = ring_buffer_iter_peek(w->it[cpu], &ts);
		/* Before a kept section: earlier ones, not shown. */
		while (e && w->section && ts < w->start) {
			ring_buffer_iter_advance(w->it[cpu]);
			e = ring_buffer_iter_peek(w->it[cpu], &ts);
		}
		if (e && (!w->e || ts < w->ts)) {
			w->e = e;
			w->ts = ts;
			w->cpu = cpu;
		}
	}
	return w->e;
}

static void *trace_seq_start(struct seq_file *m, loff_t *pos)
{
	struct trace_walk *w = m->private;

	if (*pos == 0)
		return SEQ_START_TOKEN;
	if (*pos < w->idx) {
		walk_stop_iters(w);
		walk_start_iters(w);
	}
	while (walk_find(w)) {
		if (w->idx == *pos)
			return w;
		ring_buffer_iter_advance(w->it[w->cpu]);
		w->idx++;
	}
	return NULL;
}

static void *trace_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct trace_walk *w = m->private;

	(*pos)++;
	if (v != SEQ_START_TOKEN) {
		if (!w->consumed)
			ring_buffer_iter_advance(w->it[w->cpu]);
		w->consumed = false;
		w->idx++;
	}
	return walk_find(w) ? w : NULL;
}

static void trace_seq_stop(struct seq_file *m, void *v)
{
}

/*
 * A line is formatted once: seq_file shows a line again when it did not
 * fit, and a tracer's print_line may have consumed records for it.
 */
static int trace_seq_show(struct seq_file *m, void *v)
{
	struct trace_walk *w = m->private;
	struct trace_line_src src;
	struct seq_buf s;

	if (v != SEQ_START_TOKEN && w->shown == w->idx) {
		seq_write(m, w->buf, w->shown_len);
		return 0;
	}
	seq_buf_init(&s, w->buf, LINE_MAX_LEN);
	w->shown = 0;
	if (v == SEQ_START_TOKEN) {
		mutex_lock(&trace_types_lock);
		if (w->help && walk_empty(w))
			trace_snapshot_help(&s, w->sel.tr, w->sel.cpu);
		else if (w->rb)
			trace_print_header(&s, w->sel.tr, w->rb,
					   printer_state(&w->printer, w->sel.tr));
		mutex_unlock(&trace_types_lock);
	} else {
		src = (struct trace_line_src){
			.it = w->it[w->cpu], .cpu = w->cpu, .its = w->it,
			.sel = &w->sel, .start = w->start,
		};
		walk_annotate(w, &s);
		print_line(&s, w->sel.tr, &w->printer, &src, w->ts, w->e, w->syms);
		w->consumed = src.consumed;
		w->shown = w->idx;
		w->shown_len = seq_buf_used(&s);
	}
	seq_write(m, s.buffer, seq_buf_used(&s));
	return 0;
}

static const struct seq_operations trace_seq_ops = {
	.start	= trace_seq_start,
	.next	= trace_seq_next,
	.stop	= trace_seq_stop,
	.show	= trace_seq_show,
};

static int walk_open(struct inode *inode, struct file *file, bool snap)
{
	struct trace_cpu_file *sel = inode->i_private;
	struct trace_walk *w;
	bool max;
	int ret;

	ret = trace_array_get_file(file);
	if (ret)
		return ret;
	/* A latency tracer's "trace" is its worst section (tracer.use_max). */
	max = !snap && READ_ONCE(sel->tr->current_trace)->use_max;
	if (!snap && (file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC)) {
		struct trace_buffer *snap = READ_ONCE(sel->tr->snap);

		if (!max || !snap)
			trace_reset_buffer(sel->tr, sel->cpu);
		else if (sel->cpu == RING_BUFFER_ALL_CPUS)
			ring_buffer_reset(snap);
		else
			ring_buffer_reset_cpu(snap, sel->cpu);
	}
	if (!(file->f_mode & FMODE_READ))
		return 0;

	w = __seq_open_private(file, &trace_seq_ops, sizeof(*w));
	if (!w) {
		trace_array_put(sel->tr);
		return -ENOMEM;
	}
	w->sel = *sel;
	w->snap = snap || max;
	w->help = snap;
	w->it = kcalloc(nr_cpu_ids, sizeof(*w->it), GFP_KERNEL);
	w->buf = kmalloc(LINE_MAX_LEN, GFP_KERNEL);
	w->syms = trace_sym_cache_alloc();
	w->first = kcalloc(nr_cpu_ids, sizeof(*w->first), GFP_KERNEL);
	if (!w->it || !w->buf || !w->syms || !w->first) {
		kfree(w->first);
		kfree(w->it);
		kfree(w->buf);
		trace_sym_cache_free(w->syms);
		seq_release_private(inode, file);
		trace_array_put(sel->tr);
		return -ENOMEM;
	}
	walk_start_iters(w);
	w->lapped = w->rb && ring_buffer_overruns(w->rb);
	return 0;
}

static int trace_open(struct inode *inode, struct file *file)
{
	return walk_open(inode, file, false);
}

static int trace_release(struct inode *inode, struct file *file)
{
	struct trace_cpu_file *sel = inode->i_private;
	struct seq_file *m;
	struct trace_walk *w;

	trace_array_put(sel->tr);
	if (!(file->f_mode & FMODE_READ))
		return 0;
	m = file->private_data;
	w = m->private;
	printer_close(&w->printer);
	walk_stop_iters(w);
	kfree(w->first);
	kfree(w->it);
	kfree(w->buf);
	trace_sym_cache_free(w->syms);
	return seq_release_private(inode, file);
}

/* Writing to trace only serves "echo > trace" (O_TRUNC at open). */
static ssize_t trace_write(struct file *file, const char __user *ubuf,
			   size_t cnt, loff_t *ppos)
{
	return cnt;
}

/* A file opened only for writing has no seq_file. */
static loff_t trace_lseek(struct file *file, loff_t offset, int whence)
{
	if (file->f_mode & FMODE_READ)
		return seq_lseek(file, offset, whence);
	file->f_pos = 0;
	return 0;
}

static const struct file_operations trace_fops = {
	.open		= trace_open,
	.read		= seq_read,
	.write		= trace_write,
	.llseek		= trace_lseek,
	.release	= trace_release,
};

/* snapshot: trace over the snapshot buffer; writes act on it. */
static int snapshot_open(struct inode *inode, struct file *file)
{
	return walk_open(inode, file, true);
}

static const struct file_operations snapshot_fops = {
	.open		= snapshot_open,
	.read		= seq_read,
	.write		= trace_snapshot_write,
	.llseek		= trace_lseek,
	.release	= trace_release,
};

/* ---- trace_pipe ----------------------------------------------------------- */

struct pipe_reader {
	struct trace_cpu_file	sel;
	struct mutex		lock;	/* one read() at a time */
	struct seq_buf		s;	/* text not yet copied to the user */
	unsigned int		done;	/* bytes of @s already copied */
	bool			read_any;
	char			*line;
	unsigned int		pending; /* bytes of @line not yet in @s */
	struct trace_printer	printer;
	struct trace_sym_cache	*syms;
};

static bool pipe_empty(struct pipe_reader *p)
{
	int cpu;

	if (p->pending)
		return false;
	for_each_possible_cpu(cpu)
		if (cpu_selected(&p->sel, cpu) &&
		    !ring_buffer_empty_cpu(p->sel.tr->buffer, cpu))
			return false;
	return true;
}

/* Format as many records as fit into @p->s, consuming them. */
static void pipe_fill(struct pipe_reader *p)
{
	struct trace_array *tr = p->sel.tr;
	struct trace_buffer *buf = READ_ONCE(tr->buffer);
	struct ring_buffer_event *e, *best;
	unsigned long lost, best_lost = 0;
	struct trace_line_src src;
	struct seq_buf line;
	int cpu, best_cpu;
	u64 ts, best_ts;

	/* A line that did not fit last time: @s is empty now. */
	if (p->pending) {
		if (p->pending > p->s.size - seq_buf_used(&p->s))
			return;
		seq_buf_putmem(&p->s, p->line, p->pending);
		p->pending = 0;
	}
	for (;;) {
		best = NULL;
		for_each_possible_cpu(cpu) {
			if (!cpu_selected(&p->sel, cpu))
				continue;
			e = ring_buffer_peek(buf, cpu, &ts, &lost);
			if (e && (!best || ts < best_ts)) {
				best = e;
				best_ts = ts;
				best_cpu = cpu;
				best_lost = lost;
			}
		}
		if (!best)
			return;

		seq_buf_init(&line, p->line, LINE_MAX_LEN);
		if (best_lost)
			seq_buf_printf(&line, "CPU:%d [LOST %lu EVENTS]\n",
				       best_cpu, best_lost);
		src = (struct trace_line_src){
			.buf = buf, .cpu = best_cpu, .sel = &p->sel,
			.start = READ_ONCE(tr->time_start),
		};
		print_line(&line, tr, &p->printer, &src, best_ts, best,
			   p->syms);
		if (!src.consumed)
			ring_buffer_consume(buf, best_cpu, NULL, NULL);
		p->read_any = true;
		if (seq_buf_used(&line) > p->s.size - seq_buf_used(&p->s)) {
			p->pending = seq_buf_used(&line);	/* next time */
			return;
		}
		seq_buf_putmem(&p->s, line.buffer, seq_buf_used(&line));
	}
}

static ssize_t trace_pipe_read(struct file *file, char __user *ubuf,
			       size_t cnt, loff_t *ppos)
{
	struct pipe_reader *p = file->private_data;
	struct trace_array *tr = p->sel.tr;
	size_t n, copied = 0;
	ssize_t ret;

	mutex_lock(&p->lock);
	while (p->done >= seq_buf_used(&p->s)) {
		seq_buf_clear(&p->s);
		p->done = 0;
		pipe_fill(p);
		if (seq_buf_used(&p->s))
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		if (p->read_any && !tracer_tracing_is_on(tr)) {
			ret = 0;
			goto out;
		}
		/*
		 * The writers test @waiting without a barrier, so a wake-up
		 * can be missed; the timeout bounds the delay that causes.
		 */
		WRITE_ONCE(tr->waiting, true);
		mutex_unlock(&p->lock);
		ret = wait_event_interruptible_timeout(tr->wait, !pipe_empty(p),
						       HZ / 10);
		mutex_lock(&p->lock);
		if (ret < 0)
			goto out;
	}
	/* Then as much more as is there and the caller has room for. */
	ret = -EFAULT;
	while (copied < cnt) {
		if (p->done >= seq_buf_used(&p->s)) {
			seq_buf_clear(&p->s);
			p->done = 0;
			pipe_fill(p);
			if (!seq_buf_used(&p->s))
				break;
		}
		n = min(cnt - copied, (size_t)(seq_buf_used(&p->s) - p->done));
		if (copy_to_user(ubuf + copied, p->s.buffer + p->done, n))
			break;
		p->done += n;
		copied += n;
		cond_resched();	/* a large read formats a lot of text */
	}
	if (copied)
		ret = copied;
out:
	mutex_unlock(&p->lock);
	return ret;
}

static __poll_t trace_pipe_poll(struct file *file, struct poll_table_struct *pt)
{
	struct pipe_reader *p = file->private_data;

	/* With the block option a poller always finds it readable. */
	if (p->done < seq_buf_used(&p->s) || !pipe_empty(p) ||
	    (READ_ONCE(p->sel.tr->flags) & TRACE_OPT_BLOCK))
		return EPOLLIN | EPOLLRDNORM;
	/*
	 * On the wait queue before asking writers for a wake-up: the wake-up
	 * work clears @waiting (trace_wake_readers()), and one that ran in
	 * between would leave a poller, which has no timeout, asleep for
	 * good.
	 */
	poll_wait(file, &p->sel.tr->wait, pt);
	WRITE_ONCE(p->sel.tr->waiting, true);
	/*
	 * Full barrier: @waiting is set before we look at the buffer again.
	 * Writers read @waiting without one (trace_commit()), so a record
	 * committed right now may not wake us; the next one does.
	 */
	smp_mb();
	return pipe_empty(p) ? 0 : EPOLLIN | EPOLLRDNORM;
}

static int trace_pipe_open(struct inode *inode, struct file *file)
{
	struct trace_cpu_file *sel = inode->i_private;
	struct pipe_reader *p;
	char *buf;
	int ret;

	ret = trace_array_get_file(file);
	if (ret)
		return ret;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	buf = kmalloc(LINE_MAX_LEN, GFP_KERNEL);
	if (p) {
		p->line = kmalloc(LINE_MAX_LEN, GFP_KERNEL);
		p->syms = trace_sym_cache_alloc();
	}
	if (!p || !buf || !p->line || !p->syms) {
		if (p) {
			kfree(p->line);
			trace_sym_cache_free(p->syms);
		}
		kfree(p);
		kfree(buf);
		trace_array_put(sel->tr);
		return -ENOMEM;
	}
	p->sel = *sel;
	mutex_init(&p->lock);
	seq_buf_init(&p->s, buf, LINE_MAX_LEN);
	mutex_lock(&trace_types_lock);
	sel->tr->pipe_readers++;
	mutex_unlock(&trace_types_lock);
	file->private_data = p;
	return stream_open(inode, file);
}

static int trace_pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_reader *p = file->private_data;

	mutex_lock(&trace_types_lock);
	p->sel.tr->pipe_readers--;
	mutex_unlock(&trace_types_lock);
	trace_array_put(p->sel.tr);
	printer_close(&p->printer);
	kfree(p->s.buffer);
	kfree(p->line);
	trace_sym_cache_free(p->syms);
	kfree(p);
	return 0;
}

static const struct file_operations trace_pipe_fops = {
	.open		= trace_pipe_open,
	.read		= trace_pipe_read,
	.poll		= trace_pipe_poll,
	.release	= trace_pipe_release,
};

/* trace, trace_pipe and snapshot of an instance. */
static void read_create_files(struct trace_array *tr, struct dentry *dir)
{
	struct trace_cpu_file *sel = trace_cpu_file(tr, RING_BUFFER_ALL_CPUS);

	tracefs_create_file("trace", 0640, dir, sel, &trace_fops);
	tracefs_create_file("trace_pipe", 0440, dir, sel, &trace_pipe_fops);
	if (IS_ENABLED(CONFIG_TRACER_SNAPSHOT))
		tracefs_create_file("snapshot", 0640, dir, sel, &snapshot_fops);
}

/* The same three in per_cpu/cpuN. */
static void read_create_cpu_files(struct trace_array *tr, struct dentry *dir,
				  long cpu)
{
	struct trace_cpu_file *sel = trace_cpu_file(tr, cpu);

	tracefs_create_file("trace", 0640, dir, sel, &trace_fops);
	tracefs_create_file("trace_pipe", 0440, dir, sel, &trace_pipe_fops);
	if (IS_ENABLED(CONFIG_TRACER_SNAPSHOT))
		tracefs_create_file("snapshot", 0640, dir, sel, &snapshot_fops);
}

/* The options of how records read as text (trace_output.c follows them). */
static const struct trace_option read_opts[] = {
	{ "sym-offset",		TRACE_OPT_SYM_OFFSET_BIT },
	{ "sym-addr",		TRACE_OPT_SYM_ADDR_BIT },
	{ "raw",		TRACE_OPT_RAW_BIT },
	{ "hex",		TRACE_OPT_HEX_BIT },
	{ "bin",		TRACE_OPT_BIN_BIT },
	{ "block",		TRACE_OPT_BLOCK_BIT },
	{ "annotate",		TRACE_OPT_ANNOTATE_BIT, true },
	{ "printk-msg-only",	TRACE_OPT_MSG_ONLY_BIT, .top_only = true },
	{ "context-info",	TRACE_OPT_CONTEXT_INFO_BIT, true },
	{ "latency-format",	TRACE_OPT_LATENCY_FMT_BIT },
	{ "irq-info",		TRACE_OPT_IRQ_INFO_BIT, true },
};

const struct trace_part trace_read_part = {
	.name			= "read",
	.id			= TRACE_PART_READ,
	.create_files		= read_create_files,
	.create_cpu_files	= read_create_cpu_files,
	.opts			= read_opts,
	.nr_opts		= ARRAY_SIZE(read_opts),
};
