// SPDX-License-Identifier: GPL-2.0
/*
 * The text form of records and of the trace header.
 *
 * A line is the context ("comm-pid [cpu] flags timestamp: ") followed by
 * the record's own text.  The formats are upstream's, byte for byte:
 * scripts and tools parse them.
 *
 * Readers print many lines, so the common columns are put together by
 * hand instead of through vsnprintf(), and a reader may pass a small
 * cache of the symbol names of core kernel text it printed last (a
 * trace_marker or function record needs one or two kallsyms lookups
 * otherwise, the most expensive part of a line).
 */
#include <linux/hash.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/sched.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/utsname.h>

#include "trace_priv.h"

/*
 * @v in decimal: right-aligned in @width characters padded with @pad, or
 * left-aligned (spaces after) when @width is negative.
 */
static void put_dec_pad(struct seq_buf *s, unsigned long long v, int width,
			char pad)
{
	char tmp[24];
	int n = 0, w = abs(width);

	do {
		tmp[sizeof(tmp) - ++n] = '0' + v % 10;
		v /= 10;
	} while (v);
	for (; width > 0 && w > n; w--)
		seq_buf_putc(s, pad);
	seq_buf_putmem(s, tmp + sizeof(tmp) - n, n);
	for (; width < 0 && w > n; w--)
		seq_buf_putc(s, ' ');
}

static char hex_digit(unsigned int v)
{
	return v < 10 ? '0' + v : 'a' + v - 10;
}

/**
 * trace_print_ctx_flags() - the flag columns of a record's context
 * @s: output
 * @ent: the record
 *
 * Five characters: irqs-off, need-resched, hard/softirq, preemption
 * depth, migrate-disable depth (upstream's latency flags).
 */
void trace_print_ctx_flags(struct seq_buf *s, struct trace_entry *ent)
{
	unsigned int f = ent->flags;
	bool bh_off = f & TRACE_FLAG_BH_OFF;
	char irqs, resched, ctx;

	if (f & TRACE_FLAG_IRQS_OFF)
		irqs = bh_off ? 'D' : 'd';
	else if (bh_off)
		irqs = 'b';
	else if (f & TRACE_FLAG_IRQS_NOSUPPORT)
		irqs = 'X';
	else
		irqs = '.';

	switch (f & (TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED)) {
	case TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED:
		resched = 'N';
		break;
	case TRACE_FLAG_NEED_RESCHED:
		resched = 'n';
		break;
	case TRACE_FLAG_PREEMPT_RESCHED:
		resched = 'p';
		break;
	default:
		resched = '.';
		break;
	}

	if (f & TRACE_FLAG_NMI)
		ctx = f & TRACE_FLAG_HARDIRQ ? 'Z' : 'z';
	else if (f & TRACE_FLAG_HARDIRQ)
		ctx = f & TRACE_FLAG_SOFTIRQ ? 'H' : 'h';
	else
		ctx = f & TRACE_FLAG_SOFTIRQ ? 's' : '.';

	seq_buf_putc(s, irqs);
	seq_buf_putc(s, resched);
	seq_buf_putc(s, ctx);
	seq_buf_putc(s, ent->preempt_count & 0xf ?
		     hex_digit(ent->preempt_count & 0xf) : '.');
	seq_buf_putc(s, ent->preempt_count >> 4 ?
		     hex_digit(ent->preempt_count >> 4) : '.');
}

static void print_time(struct seq_buf *s, struct trace_array *tr, u64 ts)
{
	unsigned long usec;

	if (!trace_clock_in_ns(tr)) {
		seq_buf_printf(s, " %12llu", ts);
		return;
	}
	ts = div_u64(ts, NSEC_PER_USEC);
	usec = do_div(ts, USEC_PER_SEC);
	/* " %5llu.%06lu" */
	seq_buf_putc(s, ' ');
	put_dec_pad(s, ts, 5, ' ');
	seq_buf_putc(s, '.');
	put_dec_pad(s, usec, 6, '0');
}

#define SYM_CACHE_BITS	6
#define SYM_NAME_MAX	56

/**
 * struct trace_sym_cache - names of core kernel text addresses, as %ps
 * @slot: the cache, indexed by a hash of the address: each slot holds
 *	the name (@slot.len bytes, no NUL) of the address @slot.ip
 * @iter: scratch for the output functions of trace events
 *
 * Owned by one reader (no locking).  Core kernel symbols never change,
 * so entries never go stale; module text is not cached.
 */
struct trace_sym_cache {
	struct {
		unsigned long	ip;
		unsigned char	len;
		char		name[SYM_NAME_MAX];
	} slot[1 << SYM_CACHE_BITS];
	struct trace_iterator	iter;	/* scratch of event output functions */
};

/* ftrace_dump()'s, which passes no cache; dump_running serialises it. */
static struct trace_sym_cache dump_cache;

/**
 * trace_sym_cache_alloc() - a symbol cache for one reader
 *
 * Return: the cache, or NULL (printing works without one).
 */
struct trace_sym_cache *trace_sym_cache_alloc(void)
{
	return kvzalloc(sizeof(struct trace_sym_cache), GFP_KERNEL);
}

/**
 * trace_sym_cache_free() - free a cache from trace_sym_cache_alloc()
 * @c: the cache, or NULL
 */
void trace_sym_cache_free(struct trace_sym_cache *c)
{
	kvfree(c);
}

/*
 * Fill slot @i with @ip's name; false when the name does not fit.  Its
 * own frame: a hit does not clear (INIT_STACK_ALL_*) the name buffer.
 */
static noinline bool fill_sym_slot(struct trace_sym_cache *c, unsigned int i,
				   unsigned long ip)
{
	char name[KSYM_SYMBOL_LEN];
	unsigned int len = sprint_symbol_no_offset(name, ip);

	if (len >= SYM_NAME_MAX)
		return false;
	memcpy(c->slot[i].name, name, len);
	c->slot[i].len = len;
	c->slot[i].ip = ip;
	return true;
}

/* "%ps" of @ip through the cache; false when it cannot serve @ip. */
static bool put_cached_sym(struct seq_buf *s, struct trace_sym_cache *c,
			   unsigned long ip)
{
	unsigned int i;

	if (!c || !core_kernel_text(ip))
		return false;
	i = hash_long(ip, SYM_CACHE_BITS);
	if (c->slot[i].ip != ip && !fill_sym_slot(c, i, ip))
		return false;
	seq_buf_putmem(s, c->slot[i].name, c->slot[i].len);
	return true;
}

/* The bare name of @ip, uncached (a frame of its own, as above). */
static noinline void put_sym_name(struct seq_buf *s, unsigned long ip)
{
	char name[KSYM_SYMBOL_LEN];

	if (kallsyms_lookup(ip, NULL, NULL, NULL, name))
		seq_buf_puts(s, name);
	else
		seq_buf_printf(s, "0x%08lx", ip);
}

/*
 * An address as a symbol, with the sym-offset and sym-addr options: the
 * bare name (no "[module]"; with sym-offset, "name+off/size [module]"),
 * "[unknown/kretprobe'd]" for the kretprobe trampoline, the address in
 * hex when no symbol covers it.
 */
static void print_sym(struct seq_buf *s, unsigned long ip, unsigned long flags,
		      struct trace_sym_cache *c)
{
	if (!ip) {
		seq_buf_putc(s, '0');
		return;
	}
	if (is_kretprobe_trampoline(ip))
		seq_buf_puts(s, "[unknown/kretprobe'd]");
	else if (flags & TRACE_OPT_SYM_OFFSET)
		seq_buf_printf(s, "%pS", (void *)ip);
	else if (!put_cached_sym(s, c, ip))
		put_sym_name(s, ip);
	if (flags & TRACE_OPT_SYM_ADDR)
		seq_buf_printf(s, " <%016lx>", ip);
}

/*
 * The text of a trace_printk() or trace_marker record alone (the
 * printk-msg-only form, and the part after "function: ").  Return: false
 * for other records, or one too short to be whole.
 */
static bool print_msg(struct seq_buf *s, struct trace_entry *ent,
		      unsigned int len)
{
	struct bprint_entry *bp;
	struct bputs_entry *bs;
	struct print_entry *p;

	switch (ent->type) {
	case TRACE_PRINT:
		p = (struct print_entry *)ent;
		if (len <= sizeof(*p))
			return false;
		seq_buf_putmem(s, p->buf, strnlen(p->buf, len - sizeof(*p)));
		return true;
	case TRACE_BPRINT:
		bp = (struct bprint_entry *)ent;
		if (len < sizeof(*bp))
			return false;
		seq_buf_bprintf(s, bp->fmt, bp->buf);
		return true;
	case TRACE_BPUTS:
		bs = (struct bputs_entry *)ent;
		if (len < sizeof(*bs))
			return false;
		seq_buf_puts(s, bs->str);
		return true;
	}
	return false;
}

static void print_body(struct seq_buf *s, struct trace_array *tr, int cpu,
		       u64 ts, struct trace_entry *ent, unsigned int len,
		       unsigned long flags, struct trace_sym_cache *c)
{
	struct raw_data_entry *raw;
	struct ftrace_entry *fn;
	struct bputs_entry *bs;
	struct stack_entry *st;
	struct print_entry *p;
	unsigned int i;

	switch (ent->type) {
	case TRACE_FN:
		fn = (struct ftrace_entry *)ent;
		if (len < sizeof(*fn))
			break;
		if (flags & TRACE_OPT_RAW) {
			seq_buf_printf(s, "%lx %lx\n", fn->ip, fn->parent_ip);
			return;
		}
		print_sym(s, fn->ip, flags, c);
		if ((flags & TRACE_OPT_PRINT_PARENT) && fn->parent_ip) {
			seq_buf_puts(s, " <-");
			print_sym(s, fn->parent_ip, flags, c);
		}
		seq_buf_putc(s, '\n');
		return;
	case TRACE_STACK:
		st = (struct stack_entry *)ent;
		if (len < sizeof(*st) || st->size < 0 ||
		    st->size > len - sizeof(*st))
			break;
		if (flags & TRACE_OPT_RAW) {
			seq_buf_printf(s, "type: %d\n", ent->type);
			return;
		}
		seq_buf_puts(s, "<stack trace>\n");
		for (i = 0; i < st->size / sizeof(long); i++) {
			seq_buf_puts(s, " => ");
			print_sym(s, st->caller[i], flags, c);
			seq_buf_putc(s, '\n');
		}
		return;
	case TRACE_PRINT:
		p = (struct print_entry *)ent;
		if (len <= sizeof(*p))
			break;
		if (flags & TRACE_OPT_RAW) {
			seq_buf_printf(s, "# %lx %.*s", p->ip,
				       (int)(len - sizeof(*p)), p->buf);
			return;
		}
		print_sym(s, p->ip, flags, c);
		seq_buf_puts(s, ": ");
		print_msg(s, ent, len);
		return;
	case TRACE_BPRINT:
	case TRACE_BPUTS:
		/* Both start with the caller's address after the header. */
		bs = (struct bputs_entry *)ent;
		if (len < sizeof(*bs))
			break;
		if (flags & TRACE_OPT_RAW) {
			seq_buf_printf(s, ": %lx : ", bs->ip);
		} else {
			print_sym(s, bs->ip, flags, c);
			seq_buf_puts(s, ": ");
		}
		print_msg(s, ent, len);
		return;
	case TRACE_RAW_DATA:
		raw = (struct raw_data_entry *)ent;
		if (len < sizeof(*raw))
			break;
		seq_buf_printf(s, "# %x buf:", raw->id);
		for (i = 0; i < len - sizeof(*raw); i++)
			seq_buf_printf(s, " %02x", (unsigned char)raw->buf[i]);
		seq_buf_putc(s, '\n');
		return;
	}
	if (trace_event_print(s, &c->iter, tr, cpu, ts, ent, len,
			      flags & TRACE_OPT_RAW ? TRACE_FORM_RAW :
			      TRACE_FORM_TEXT))
		return;
	if (flags & TRACE_OPT_RAW)
		seq_buf_printf(s, "%d ?\n", ent->type);
	else
		seq_buf_printf(s, "Unknown type %d\n", ent->type);
}

/**
 * trace_print_event_text() - a record's own text, without the context columns
 * @s: output
 * @tr: the instance (its options)
 * @cpu: the record's CPU
 * @ts: its time stamp
 * @ent: the record
 * @len: its length
 * @cache: the reader's symbol cache
 *
 * For tracers that show other records inside their own lines.
 */
void trace_print_event_text(struct seq_buf *s, struct trace_array *tr,
			    int cpu, u64 ts, struct trace_entry *ent,
			    unsigned int len, struct trace_sym_cache *cache)
{
	print_body(s, tr, cpu, ts, ent, len, READ_ONCE(tr->flags) & ~TRACE_OPT_RAW,
		   cache ?: &dump_cache);
}

/*
 * The hex and bin forms: the context (pid, CPU, time stamp) and then the
 * record's fields, each as its bytes (bin) or their hex digits, most
 * significant first, and a space (hex).  Function records are the
 * core's; a type with an event (the wakeup tracers' records) prints with
 * its hex or binary function; the rest say "type: N", as upstream's.
 */
static void put_field(struct seq_buf *s, const void *p, unsigned int n,
		      bool bin)
{
	if (bin)
		seq_buf_putmem(s, p, n);
	else
		seq_buf_putmem_hex(s, p, n);
}

static void print_fields(struct seq_buf *s, struct trace_array *tr, int cpu,
			 u64 ts, struct trace_entry *ent, unsigned int len,
			 unsigned long flags, struct trace_sym_cache *c)
{
	bool bin = flags & TRACE_OPT_BIN;
	struct ftrace_entry *fn;

	if (flags & TRACE_OPT_CONTEXT_INFO) {
		put_field(s, &ent->pid, sizeof(ent->pid), bin);
		put_field(s, &cpu, sizeof(cpu), bin);
		put_field(s, &ts, sizeof(ts), bin);
	}
	switch (ent->type) {
	case TRACE_FN:
		fn = (struct ftrace_entry *)ent;
		if (len < sizeof(*fn))
			break;
		put_field(s, &fn->ip, sizeof(fn->ip), bin);
		put_field(s, &fn->parent_ip, sizeof(fn->parent_ip), bin);
		break;
	default:
		if (!trace_event_print(s, &c->iter, tr, cpu, ts, ent, len,
				       bin ? TRACE_FORM_BIN : TRACE_FORM_HEX))
			seq_buf_printf(s, "type: %d\n", ent->type);
		break;
	}
	if (!bin)
		seq_buf_putc(s, '\n');
}

static void print_tgid(struct seq_buf *s, int pid)
{
	int tgid = trace_find_tgid(pid);

	if (tgid)
		seq_buf_printf(s, "(%7d) ", tgid);
	else
		seq_buf_puts(s, "(-------) ");
}

/**
 * trace_print_record() - print one record as a line of text
 * @s: output
 * @tr: the instance (its options decide the columns)
 * @cpu: the CPU the record came from
 * @ts: its time stamp
 * @ent: the record
 * @len: its length in bytes
 * @cache: the reader's symbol cache, or NULL in ftrace_dump() only
 */
void trace_print_record(struct seq_buf *s, struct trace_array *tr, int cpu,
			u64 ts, struct trace_entry *ent, unsigned int len,
			struct trace_sym_cache *cache)
{
	unsigned long flags = READ_ONCE(tr->flags);
	char comm[TASK_COMM_LEN];
	unsigned int i, n;

	if (!cache)
		cache = &dump_cache;
	/* printk-msg-only: the text of trace_printk()s and markers alone. */
	if ((flags & (TRACE_OPT_MSG_ONLY | TRACE_OPT_PRINTK)) ==
	    (TRACE_OPT_MSG_ONLY | TRACE_OPT_PRINTK) && print_msg(s, ent, len))
		return;
	if (flags & (TRACE_OPT_BIN | TRACE_OPT_HEX)) {
		print_fields(s, tr, cpu, ts, ent, len, flags, cache);
		return;
	}
	if ((flags & (TRACE_OPT_CONTEXT_INFO | TRACE_OPT_RAW)) ==
	    (TRACE_OPT_CONTEXT_INFO | TRACE_OPT_RAW)) {
		seq_buf_printf(s, "%d %d %llu ", ent->pid, cpu, ts);
	} else if (flags & TRACE_OPT_CONTEXT_INFO) {
		/* "%16s-%-7d " */
		trace_find_cmdline(ent->pid, comm);
		n = strnlen(comm, TASK_COMM_LEN);
		for (i = n; i < 16; i++)
			seq_buf_putc(s, ' ');
		seq_buf_putmem(s, comm, n);
		seq_buf_putc(s, '-');
		put_dec_pad(s, ent->pid, -7, ' ');
		seq_buf_putc(s, ' ');
		if (flags & TRACE_OPT_RECORD_TGID)
			print_tgid(s, ent->pid);
		/* "[%03d] " */
		seq_buf_putc(s, '[');
		put_dec_pad(s, cpu, 3, '0');
		seq_buf_puts(s, "] ");
		if (flags & TRACE_OPT_IRQ_INFO)
			trace_print_ctx_flags(s, ent);
		print_time(s, tr, ts);
		seq_buf_puts(s, ": ");
	}
	print_body(s, tr, cpu, ts, ent, len, flags, cache);
}

/* Upstream's marks of a long gap to the next record (ns, longest first). */
static const struct {
	u64	ns;
	char	mark;
} lat_marks[] = {
	{ 1000000000ULL, '$' }, { 100000000ULL, '@' }, { 10000000ULL, '*' },
	{ 1000000ULL, '#' }, { 100000ULL, '!' }, { 10000ULL, '+' },
};

/**
 * trace_lat_mark() - the latency format's mark of a gap between records
 * @gap: ns to the next record
 *
 * Return: '$', '@', '*', '#', '!' or '+' for a gap over 1 s, 100 ms,
 * 10 ms, 1 ms, 100 us or 10 us, else ' '.
 */
char trace_lat_mark(u64 gap)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(lat_marks); i++)
		if (gap > lat_marks[i].ns)
			return lat_marks[i].mark;
	return ' ';
}

/**
 * trace_print_lat_record() - print one record in the latency format
 * @s: output
 * @tr: the instance
 * @cpu: the CPU the record came from
 * @ts: its time stamp
 * @ent: the record
 * @len: its length in bytes
 * @cache: the reader's symbol cache
 * @start: where the time column counts from (the buffer's time_start)
 *
 * "comm-pid cpu flags time(us)M: text", the time counted from the start
 * of the buffer (of the section, for a latency tracer).  M marks a long
 * gap to the next record, which the caller knows only later: it is
 * printed as ' ' and its offset returned.  The raw, hex and bin options
 * win over the format, as upstream.
 *
 * Return: the offset in @s of the mark, or -1 when there is none.
 */
int trace_print_lat_record(struct seq_buf *s, struct trace_array *tr,
			   int cpu, u64 ts, struct trace_entry *ent,
			   unsigned int len, struct trace_sym_cache *cache,
			   u64 start)
{
	unsigned long flags = READ_ONCE(tr->flags);
	char comm[TASK_COMM_LEN];
	int mark = -1;
	u64 rel;

	if (flags & (TRACE_OPT_RAW | TRACE_OPT_HEX | TRACE_OPT_BIN) ||
	    !(flags & TRACE_OPT_CONTEXT_INFO)) {
		trace_print_record(s, tr, cpu, ts, ent, len, cache);
		return -1;
	}
	trace_find_cmdline(ent->pid, comm);
	seq_buf_printf(s, "%8.8s-%-7d %3d", comm, ent->pid, cpu);
	trace_print_ctx_flags(s, ent);
	rel = ts > start ? ts - start : 0;
	if (trace_clock_in_ns(tr)) {
		seq_buf_printf(s, " %4lluus", div_u64(rel, NSEC_PER_USEC));
		mark = seq_buf_used(s);
		seq_buf_puts(s, " : ");
	} else {
		seq_buf_printf(s, " %4llu: ", rel);
	}
	print_body(s, tr, cpu, ts, ent, len, flags, cache ?: &dump_cache);
	return mark < seq_buf_used(s) ? mark : -1;
}

/*
 * The column legend of the latency format; upstream's lines end in the
 * spaces counted here.
 */
static const struct {
	const char	*text;
	int		pad;
} lat_columns[] = {
	{ "#                    _------=> CPU#", 12 },
	{ "#                   / _-----=> irqs-off/BH-disabled", 0 },
	{ "#                  | / _----=> need-resched", 4 },
	{ "#                  || / _---=> hardirq/softirq", 1 },
	{ "#                  ||| / _--=> preempt-depth", 3 },
	{ "#                  |||| / _-=> migrate-disable", 1 },
	{ "#                  ||||| /     delay", 11 },
	{ "#  cmd     pid     |||||| time  |   caller", 5 },
	{ "#     \\   /        ||||||  \\    |    /", 7 },
};

/* The records of @cpu (< 0: of every CPU) in @buf from @start on. */
static unsigned long section_entries(struct trace_buffer *buf, int cpu,
				     u64 start)
{
	struct ring_buffer_iter *it;
	unsigned long n = 0;
	int c;
	u64 ts;

	for_each_possible_cpu(c) {
		if (cpu >= 0 && c != cpu)
			continue;
		it = ring_buffer_read_start(buf, c, GFP_KERNEL);
		if (!it)
			continue;
		while (ring_buffer_iter_peek(it, &ts)) {
			if (ts >= start)
				n++;
			ring_buffer_iter_advance(it);
		}
		ring_buffer_read_finish(it);
	}
	return n;
}

static const char *preempt_model_name(void)
{
	if (preempt_model_none())
		return "server";
	if (preempt_model_voluntary())
		return "desktop";
	if (preempt_model_full())
		return "preempt";
	if (preempt_model_rt())
		return "preempt_rt";
	return "unknown";
}

/**
 * trace_print_lat_info() - the lines of the latency format about a buffer
 * @s: output
 * @tr: the instance
 * @buf: the buffer printed
 * @info: the section it holds (a latency tracer's), or NULL
 *
 * Upstream's text: the tracer and kernel release, the latency line, the
 * task, and where the section started and ended.  Nothing for an empty
 * buffer.
 *
 * Return: true when the lines were printed, false for an empty buffer.
 */
bool trace_print_lat_info(struct seq_buf *s, struct trace_array *tr,
			  struct trace_buffer *buf,
			  const struct trace_lat_info *info)
{
	static const struct trace_lat_info none = { .comm = "" };
	unsigned long entries = 0, total = 0, n;
	unsigned long sym = READ_ONCE(tr->flags) & TRACE_OPT_SYM_OFFSET;
	int cpu;

	if (info) {
		/* A kept section: its records from its start on. */
		entries = section_entries(buf, READ_ONCE(tr->snap_cpu),
					  READ_ONCE(tr->snap_start));
		total = entries;
	} else {
		info = &none;
		for_each_possible_cpu(cpu) {
			n = ring_buffer_entries_cpu(buf, cpu);
			entries += n;
			total += n + ring_buffer_overrun_cpu(buf, cpu);
		}
	}
	if (!entries)
		return false;
	seq_buf_printf(s, "# %s latency trace v1.1.5 on %s\n",
		       tr->current_trace->name, init_utsname()->release);
	seq_buf_puts(s, "# --------------------------------------------------------------------\n");
	seq_buf_printf(s, "# latency: %llu us, #%lu/%lu, CPU#%d | (M:%s VP:0, KP:0, SP:0 HP:0",
		       div_u64(info->latency, NSEC_PER_USEC), entries, total,
		       info->cpu, preempt_model_name());
	seq_buf_printf(s, " #P:%d)\n", num_online_cpus());
	seq_buf_puts(s, "#    -----------------\n");
	seq_buf_printf(s, "#    | task: %.16s-%d (uid:%d nice:%ld policy:%ld rt_prio:%ld)\n",
		       info->comm, info->pid,
		       from_kuid_munged(current_user_ns(), info->uid),
		       info->nice, info->policy, info->rt_priority);
	seq_buf_puts(s, "#    -----------------\n");
	if (info->start_ip) {
		seq_buf_printf(s, sym ? "#  => started at: %pS\n" :
			       "#  => started at: %ps\n", (void *)info->start_ip);
		seq_buf_printf(s, sym ? "#  => ended at:   %pS\n#\n" :
			       "#  => ended at:   %ps\n#\n", (void *)info->end_ip);
	}
	seq_buf_puts(s, "#\n");
	return true;
}

/**
 * trace_print_lat_header() - the header of the latency format
 * @s: output
 * @tr: the instance
 * @buf: the buffer printed
 * @info: the section it holds (a latency tracer's), or NULL
 *
 * trace_print_lat_info() and the legend of the columns.  Nothing for an
 * empty buffer.
 */
void trace_print_lat_header(struct seq_buf *s, struct trace_array *tr,
			    struct trace_buffer *buf,
			    const struct trace_lat_info *info)
{
	int i;

	if (!trace_print_lat_info(s, tr, buf, info))
		return;
	for (i = 0; i < ARRAY_SIZE(lat_columns); i++)
		seq_buf_printf(s, "%s%*s\n", lat_columns[i].text,
			       lat_columns[i].pad, "");
}

/* The legend of the irq-info columns, right-aligned over them. */
static const char * const irq_columns[] = {
	"  _-----=> irqs-off/BH-disabled",
	" / _----=> need-resched",
	"| / _---=> hardirq/softirq",
	"|| / _--=> preempt-depth",
	"||| / _-=> migrate-disable",
	"|||| /     delay",
};

/**
 * trace_print_header() - the comment lines at the top of "trace"
 * @s: output
 * @tr: the instance
 * @buf: the buffer printed (the instance's, or its snapshot buffer)
 * @state: the reader's state of the current tracer's print hooks
 *
 * Called with trace_types_lock held.
 */
void trace_print_header(struct seq_buf *s, struct trace_array *tr,
			struct trace_buffer *buf, void *state)
{
	unsigned long entries = 0, total = 0, n, flags = READ_ONCE(tr->flags);
	bool tgid = flags & TRACE_OPT_RECORD_TGID;
	struct tracer *t = tr->current_trace;
	int cpu, i;

	seq_buf_printf(s, "# tracer: %s\n#\n", t->name);
	if (t->print_header) {
		t->print_header(s, tr, buf, state);
		return;
	}
	if (!(flags & TRACE_OPT_CONTEXT_INFO))
		return;
	if (flags & TRACE_OPT_LATENCY_FMT) {
		trace_print_lat_header(s, tr, buf, NULL);
		return;
	}

	for_each_possible_cpu(cpu) {
		n = ring_buffer_entries_cpu(buf, cpu);
		entries += n;
		total += n + ring_buffer_overrun_cpu(buf, cpu);
	}
	seq_buf_printf(s, "# entries-in-buffer/entries-written: %lu/%lu   #P:%d\n#\n",
		       entries, total, num_online_cpus());

	if (!(flags & TRACE_OPT_IRQ_INFO)) {
		seq_buf_printf(s, "#           TASK-PID    %s CPU#     TIMESTAMP  FUNCTION\n"
			       "#              | |      %s   |         |         |\n",
			       tgid ? "   TGID   " : "", tgid ? "     |    " : "");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(irq_columns); i++)
		seq_buf_printf(s, "#                            %s%s\n",
			       tgid ? "            " : "  ", irq_columns[i]);
	seq_buf_printf(s, "#           TASK-PID  %s CPU#  |||||  TIMESTAMP  FUNCTION\n"
		       "#              | |    %s   |   |||||     |         |\n",
		       tgid ? "     TGID   " : "  ", tgid ? "       |    " : "  ");
}
