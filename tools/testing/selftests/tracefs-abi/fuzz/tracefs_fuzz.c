// SPDX-License-Identifier: GPL-2.0
/*
 * tracefs_fuzz: throw valid, almost-valid and hostile input at every
 * writable tracefs file while other processes read the buffers, load and
 * unload a module and take a CPU offline and online.
 *
 *   tracefs_fuzz [-s SEED] [-t SECONDS] [-n MAXWRITES] [-w WRITERS]
 *                [-m MODULE.ko] [-c CPU] [-v]
 *
 * Each writer knows the grammar of the files it writes (a table keyed by
 * file name, below): it builds a valid command from what the kernel lists
 * (tracers, events, functions, clocks, options, event fields), then maybe
 * mutates it (truncation, a flipped byte, an embedded NUL, a huge number,
 * a long string) and writes it whole, in two pieces or at an odd offset.
 * Files that do not exist on the running kernel are simply never chosen.
 *
 * Left out on purpose: the func_stack_trace and stacktrace options.  With
 * the function tracer on every function they make each traced call unwind
 * the stack, which under TCG emulation and lockdep stalls a CPU for longer
 * than RCU tolerates, on upstream's kernel as on ours.  So is a stacktrace
 * trigger without a count: on an event of the timer interrupt
 * (sched_stat_runtime, softirq_raise) while a function tracer traces the
 * unwinder, each tick took longer than a tick, and the test kernel made
 * no progress outside interrupts for good; on lockdep's lock events each
 * lock and unlock unwinds.
 *
 * The kernel's reports (oops, WARN, KASAN, lockdep, ...) are what the
 * harness looks for in the console; this program only prints how much it
 * did: "fuzz: N writes ..." and exits 0, or 1 when it could not run.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRACEFS "/sys/kernel/tracing"
#define UPROBE_TARGET "/tmp/ftk_fuzz_uprobe_target"
#define MAX_WRITERS 16
#define NR_ERRNO 140
#define NR_INST 3
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Where a writer's time went: the files (by name) its writes took longest on. */
#define NR_FTIME 64
struct ftime {
	char name[40];
	unsigned long n;
	unsigned long long ns;
};

/* Counters shared by all processes (one anonymous shared mapping). */
struct shared {
	int stop;		/* read with STOPPED() */
	unsigned long writes[MAX_WRITERS];
	unsigned long wr_ok[MAX_WRITERS];
	unsigned long wr_err[MAX_WRITERS][NR_ERRNO];
	unsigned long read_bytes, reads, splices;
	unsigned long hotplug, modloads, mkdirs, rmdirs, forks;
	struct ftime ft[MAX_WRITERS][NR_FTIME];	/* each writer its own */
};

static struct shared *sh;

/* Counters several processes bump. */
#define BUMP(x, n) __atomic_fetch_add(&(x), (n), __ATOMIC_RELAXED)
#define STOPPED() __atomic_load_n(&sh->stop, __ATOMIC_RELAXED)
static int verbose;

/* A list of words the kernel offered (tracers, events, functions, ...). */
struct words {
	char **w;
	int n, cap;
};

static struct words tracers, events, systems, functions, clocks, options;
static struct words files;	/* writable files, relative to TRACEFS */
static struct words evfiles;	/* writable files under events/ */
static struct words rfiles;	/* readable files */
static struct words modfuncs;	/* functions of the fuzz module */
static const char *modname = "ftk_fuzz";
static int ncpus;

static void add(struct words *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->w = realloc(l->w, l->cap * sizeof(*l->w));
		if (!l->w)
			exit(1);
	}
	l->w[l->n++] = strdup(s);
}

/* xorshift64*: each process has its own state, derived from the seed. */
static uint64_t rs;

static uint64_t rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return rs * 2685821657736338717ULL;
}

static unsigned int rn(unsigned int n)
{
	return n ? rnd() % n : 0;
}

static int chance(int percent)
{
	return rn(100) < (unsigned int)percent;
}

static const char *pick(const struct words *l, const char *dflt)
{
	return l->n ? l->w[rn(l->n)] : dflt;
}

static void load_words(struct words *l, const char *path, int strip_brackets)
{
	char buf[512], *tok, *save;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fgets(buf, sizeof(buf), f)) {
		for (tok = strtok_r(buf, " \t\n", &save); tok;
		     tok = strtok_r(NULL, " \t\n", &save)) {
			if (strip_brackets && tok[0] == '[') {
				tok++;
				tok[strcspn(tok, "]")] = 0;
			}
			if (*tok && *tok != '#')
				add(l, tok);
		}
	}
	fclose(f);
}

/* available_filter_functions: "name" or "name [module]" per line. */
static void load_functions(void)
{
	char buf[512];
	FILE *f = fopen(TRACEFS "/available_filter_functions", "r");
	int line = 0;

	if (!f)
		return;
	while (fgets(buf, sizeof(buf), f)) {
		/* keep every 7th function and every module function */
		if (strchr(buf, '[') && strstr(buf, modname)) {
			buf[strcspn(buf, " \n")] = 0;
			add(&modfuncs, buf);
		}
		if (line++ % 7)
			continue;
		buf[strcspn(buf, " \n")] = 0;
		add(&functions, buf);
	}
	fclose(f);
}

static void walk(const char *rel, int depth)
{
	char path[1024], sub[512];
	struct dirent *de;
	struct stat st;
	DIR *d;

	snprintf(path, sizeof(path), TRACEFS "/%s", rel);
	d = opendir(path);
	if (!d)
		return;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "",
			 de->d_name);
		snprintf(path, sizeof(path), TRACEFS "/%s", sub);
		if (lstat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			/* instances are made and removed by the fuzz itself */
			if (!strcmp(sub, "instances") || depth > 4)
				continue;
			walk(sub, depth + 1);
			continue;
		}
		/* The stack options: see the comment at the top. */
		if ((st.st_mode & 0222) && strcmp(sub, "options/stacktrace") &&
		    strcmp(sub, "options/func_stack_trace"))
			add(strncmp(sub, "events/", 7) ? &files : &evfiles, sub);
		if (st.st_mode & 0444)
			add(&rfiles, sub);
	}
	closedir(d);
}

/* ---- building commands ------------------------------------------------ */

struct sbuf {
	char *p;
	size_t len, cap;
};

static void sadd(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && b->len + n < b->cap)
			break;
		b->cap = 2 * (b->cap + n + 64);
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			exit(1);
	}
	b->len += n;
}

static const char *const hostile_numbers[] = {
	"0", "1", "-1", "2", "4294967295", "4294967296",
	"18446744073709551615", "18446744073709551616",
	"99999999999999999999999999", "-9223372036854775808", "0x10", "010",
	"1e9", " 7", "7 ", "+5", "", " ", "\t3\n", "12abc", "0b11",
};

static void number(struct sbuf *b, unsigned int valid_max)
{
	if (chance(70))
		sadd(b, "%u", rn(valid_max + 1));
	else
		sadd(b, "%s", hostile_numbers[rn(ARRAY_SIZE(hostile_numbers))]);
}

static const char *event_name(void)
{
	return pick(&events, "sched:sched_switch");
}

/* "sys:event" -> "sys/event" in out */
static void event_path(const char *ev, char *out, size_t n)
{
	snprintf(out, n, "%s", ev);
	if (strchr(out, ':'))
		*strchr(out, ':') = '/';
}

/* A field name of EV (from its format file), or a common one. */
static void event_field(const char *ev, char *out, size_t n)
{
	char path[1024], line[512], *p, *q;
	int want, i = 0;
	FILE *f;

	snprintf(out, n, "common_pid");
	if (!ev || chance(20))
		return;
	event_path(ev, line, sizeof(line));
	snprintf(path, sizeof(path), TRACEFS "/events/%s/format", line);
	f = fopen(path, "r");
	if (!f)
		return;
	want = rn(12);
	while (fgets(line, sizeof(line), f)) {
		p = strstr(line, "field:");
		if (!p)
			continue;
		q = strchr(p, ';');
		if (!q)
			continue;
		*q = 0;
		/* the name is the last word before ';', less any [N] */
		p = strrchr(p, ' ');
		if (!p)
			continue;
		p++;
		p[strcspn(p, "[")] = 0;
		if (*p)
			snprintf(out, n, "%s", p);
		if (i++ == want)
			break;
	}
	fclose(f);
}

static void filter_expr(struct sbuf *b, const char *ev, int depth)
{
	static const char *const ops[] = {
		"==", "!=", "<", "<=", ">", ">=", "&", "~", "=", "<<", "!~",
	};
	static const char *const vals[] = {
		"0", "1", "42", "\"sh\"", "\"*sh*\"", "sh", "-5", "0xff",
		"\"\"", "CPU", "\"unterminated", "4294967296", "(1)",
		"vfs_read", "0xffffffff81000000", "no_such_function",
	};
	static const char *const mods[] = { ".function", ".ustring", "." };
	char field[128];

	if (depth < 3 && chance(30)) {
		if (chance(30))
			sadd(b, "!");
		sadd(b, "(");
		filter_expr(b, ev, depth + 1);
		sadd(b, chance(50) ? " && " : " || ");
		filter_expr(b, ev, depth + 1);
		sadd(b, ")");
		return;
	}
	event_field(ev, field, sizeof(field));
	if (chance(10))
		strncat(field, mods[rn(ARRAY_SIZE(mods))],
			sizeof(field) - strlen(field) - 1);
	sadd(b, "%s %s %s", field, ops[rn(ARRAY_SIZE(ops))],
	     vals[rn(ARRAY_SIZE(vals))]);
}

/* inject: FIELD=VALUE pairs, numbers and quoted text mixed up. */
static void inject_cmd(struct sbuf *b, const char *ev)
{
	static const char *const vals[] = {
		"0", "1", "-1", "0x7fffffff", "18446744073709551615",
		"99999999999999999999", "\"text\"", "'a b'", "\"unterminated",
		"\"\\\"\"", "", "=", "0x", "-",
	};
	char field[128];
	int i, n = 1 + rn(4);

	for (i = 0; i < n; i++) {
		event_field(ev, field, sizeof(field));
		sadd(b, "%s%s=%s", i ? " " : "", chance(5) ? "common_type" : field,
		     vals[rn(ARRAY_SIZE(vals))]);
	}
}

/* A stacktrace always gets a count, for the reason given at the top. */
static void trigger_cmd(struct sbuf *b, const char *ev)
{
	static const char *const cmds[] = {
		"traceon", "traceoff", "snapshot", "stacktrace",
		"enable_event", "disable_event", "hist:keys=common_pid",
		"enable_hist", "bogus",
	};
	const char *c = cmds[rn(ARRAY_SIZE(cmds))];

	if (chance(20))
		sadd(b, "!");
	sadd(b, "%s", c);
	if (!strcmp(c, "enable_event") || !strcmp(c, "disable_event") ||
	    !strcmp(c, "enable_hist")) {
		char p[256];

		snprintf(p, sizeof(p), "%s", event_name());
		sadd(b, ":%s", p);
	}
	if (chance(40) || !strcmp(c, "stacktrace"))
		sadd(b, ":%u", rn(5));
	if (chance(40)) {
		sadd(b, " if ");
		filter_expr(b, ev, 0);
	}
}

static const char *function_name(void)
{
	static const char *const globs[] = {
		"*", "sched*", "*lock*", "vfs_?ead", "[ab]*", "*_idle",
		"schedule", "do_sys_open*", "__x64_sys_getppid", "",
	};

	if (modfuncs.n && chance(15))
		return pick(&modfuncs, "");
	if (chance(20))
		return globs[rn(ARRAY_SIZE(globs))];
	return pick(&functions, "schedule");
}

/* set_ftrace_filter / set_ftrace_notrace: globs, :mod:, commands */
static void ftrace_filter(struct sbuf *b, int cmds)
{
	static const char *const fcmds[] = {
		"traceon", "traceoff", "snapshot", "enable_event",
		"disable_event", "dump", "cpudump", "stacktrace", "bogus",
	};
	int n = 1 + (chance(20) ? rn(4) : 0);

	while (n--) {
		if (chance(15))
			sadd(b, "!");
		if (chance(10)) {
			sadd(b, "*:mod:%s", chance(50) ? modname : "nosuchmod");
		} else if (cmds && chance(30)) {
			const char *c = fcmds[rn(ARRAY_SIZE(fcmds))];

			/* a command on a rarely called function only */
			sadd(b, "%s:%s", modfuncs.n && chance(50) ?
			     pick(&modfuncs, "") : "__x64_sys_getppid", c);
			if (strstr(c, "able_event")) {
				char p[256];

				snprintf(p, sizeof(p), "%s", event_name());
				sadd(b, ":%s", p);
			}
			/*
			 * An uncounted dump on a function the module's timer
			 * calls printed 136,052 dumps and stalled the CPU in
			 * printk under emulation (see the top).
			 */
			if (chance(50) || strstr(c, "dump") ||
			    !strcmp(c, "stacktrace"))
				sadd(b, ":%u", rn(4));
		} else {
			sadd(b, "%s", function_name());
		}
		sadd(b, "%s", chance(50) ? "\n" : " ");
	}
}

static void probe_def(struct sbuf *b, int kind)
{
	static const char *const args[] = {
		"%di", "%ax", "$stack", "$stack3", "$retval", "$comm", "$arg1",
		"+0(%di):u32", "+8(+0(%si)):string", "@jiffies", "x=%cx:x64",
		"y=$arg2:s8", "b=%dx:b4@2/32", "a=%di:u8[4]", "%nosuchreg",
		"+(%di)", "$argX", "s=%si:symbol", "u=+0(%sp):ustring",
	};
	static const char *const syms[] = {
		"vfs_read", "__x64_sys_getppid", "do_sys_openat2+4",
		"schedule%return", "nosuchsymbol", "0xffffffff81000000",
		"vfs_write+1",
	};
	int n = rn(4);

	if (kind == 'u') {
		sadd(b, "%c:fuzzu/u%u " UPROBE_TARGET ":0x%x",
		     chance(50) ? 'p' : 'r', rn(4), rn(0x4000));
	} else if (kind == 'f') {
		sadd(b, "f:fuzzf/f%u %s%s", rn(4), pick(&functions, "vfs_read"),
		     chance(30) ? "%return" : "");
	} else if (kind == 't') {
		/* the tracepoint behind an event, mostly */
		const char *e = event_name(), *c = strchr(e, ':');

		sadd(b, "t:fuzzt/t%u %s", rn(4), chance(90) && c ? c + 1 : e);
	} else if (kind == 'e') {
		char p[256];

		snprintf(p, sizeof(p), "%s", event_name());
		if (strchr(p, ':'))
			*strchr(p, ':') = '.';
		sadd(b, "e:fuzze/e%u %s", rn(4), p);
	} else {
		sadd(b, "%c%s:fuzzk/k%u %s", chance(60) ? 'p' : 'r',
		     chance(10) ? "5" : "", rn(4),
		     syms[rn(ARRAY_SIZE(syms))]);
	}
	while (n--)
		sadd(b, " %s", args[rn(ARRAY_SIZE(args))]);
	if (chance(15)) {
		b->len = 0;
		sadd(b, "-:fuzz%c/%c%u", kind, kind, rn(4));
	}
}

static void pid_list(struct sbuf *b)
{
	int n = 1 + rn(3);

	while (n--) {
		if (chance(80))
			sadd(b, "%d ", chance(50) ? getpid() : 1 + (int)rn(200));
		else
			number(b, 100000);
	}
}

static void cpumask(struct sbuf *b)
{
	static const char *const masks[] = {
		"0", "1", "2", "3", "f", "ffffffff", "ffffffff,ffffffff",
		"zz", "1,", ",1", "0x3",
	};

	sadd(b, "%s", masks[rn(ARRAY_SIZE(masks))]);
}

/*
 * A file of a probe event the fuzz defines itself ("fuzzK/KN", see
 * probe_def()): not there at start, and there only now and then.
 */
static void dyn_event_file(char *out, size_t n)
{
	static const char *const names[] = { "enable", "filter", "trigger" };
	char k = "kufet"[rn(5)];

	snprintf(out, n, "events/fuzz%c/%c%u/%s", k, k, rn(4), names[rn(3)]);
}

/* The grammar: what a valid write to a file named NAME (in DIR) looks like. */
static void build(struct sbuf *b, const char *rel)
{
	const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	char ev[256];

	if (!strcmp(name, "current_tracer")) {
		sadd(b, "%s", chance(50) ? "nop" : pick(&tracers, "nop"));
	} else if (!strcmp(name, "set_ftrace_filter") ||
		   !strcmp(name, "set_graph_function")) {
		ftrace_filter(b, name[4] == 'f');
	} else if (!strcmp(name, "set_ftrace_notrace") ||
		   !strcmp(name, "set_graph_notrace")) {
		ftrace_filter(b, 0);
	} else if (!strcmp(name, "set_event")) {
		if (chance(15))
			sadd(b, "!");
		if (chance(20))
			sadd(b, "%s:*", pick(&systems, "sched"));
		else if (chance(10))
			sadd(b, ":mod:%s", modname);
		else
			sadd(b, "%s", event_name());
	} else if (!strcmp(name, "filter") || !strcmp(name, "inject")) {
		/* events/SYS/EVENT/FILE or events/SYS/filter */
		const char *p = strstr(rel, "events/");

		ev[0] = 0;
		if (p && sscanf(p, "events/%127[^/]/%127[^/]", ev, ev + 128) == 2 &&
		    strcmp(ev + 128, name)) {
			char *e = ev + strlen(ev);

			*e = ':';
			memmove(e + 1, ev + 128, strlen(ev + 128) + 1);
		}
		if (name[0] == 'i')
			inject_cmd(b, ev[0] ? ev : NULL);
		else if (chance(10))
			sadd(b, "0");
		else
			filter_expr(b, ev[0] ? ev : NULL, 0);
	} else if (!strcmp(name, "trigger")) {
		trigger_cmd(b, NULL);
	} else if (!strcmp(name, "kprobe_events")) {
		probe_def(b, 'k');
	} else if (!strcmp(name, "uprobe_events")) {
		probe_def(b, 'u');
	} else if (!strcmp(name, "dynamic_events")) {
		probe_def(b, "kufet"[rn(5)]);
	} else if (!strcmp(name, "buffer_size_kb")) {
		number(b, 2048);
	} else if (!strcmp(name, "buffer_subbuf_size_kb")) {
		number(b, 64);
	} else if (!strcmp(name, "buffer_percent")) {
		number(b, 100);
	} else if (!strcmp(name, "trace_clock")) {
		sadd(b, "%s", pick(&clocks, "local"));
	} else if (!strcmp(name, "trace_options")) {
		const char *o = pick(&options, "print-parent");

		if (!strncmp(o, "no", 2))
			o += 2;
		if (!strcmp(o, "func_stack_trace") || !strcmp(o, "stacktrace"))
			o = "print-parent";
		sadd(b, "%s%s", chance(50) ? "no" : "", o);
	} else if (strstr(rel, "options/")) {
		number(b, 1);
	} else if (!strcmp(name, "tracing_cpumask")) {
		cpumask(b);
	} else if (strstr(name, "_pid")) {
		pid_list(b);
	} else if (!strcmp(name, "snapshot")) {
		number(b, 2);
	} else if (!strcmp(name, "trace_marker")) {
		if (chance(5)) {
			int n = 1 + rn(8192);

			while (n--)
				sadd(b, "%c", 'a' + (int)rn(26));
		} else {
			sadd(b, "fuzz marker %lu", (unsigned long)rnd());
		}
	} else if (!strcmp(name, "trace_marker_raw")) {
		int n = rn(64);

		while (n--)
			sadd(b, "%c", (char)rnd());
	} else if (!strcmp(name, "saved_cmdlines_size")) {
		number(b, 4096);
	} else if (!strcmp(name, "enable")) {
		number(b, 1);
	} else {
		/* tracing_on, tracing_thresh, max_graph_depth, error_log,
		 * trace (clear), free_buffer, ...: numbers
		 */
		number(b, 3);
	}
}

/* Almost-valid and hostile versions of a valid command. */
static void mutate(struct sbuf *b)
{
	switch (rn(9)) {
	case 0:		/* cut short */
		b->len = rn(b->len + 1);
		break;
	case 1:		/* one byte changed */
		if (b->len)
			b->p[rn(b->len)] = (char)rnd();
		break;
	case 2:		/* an embedded NUL */
		if (b->len)
			b->p[rn(b->len)] = 0;
		break;
	case 3:		/* a long run of one character */
	{
		int n = 256 << rn(7);

		while (n--)
			sadd(b, "%c", "a*:!( \n"[rn(7)]);
		break;
	}
	case 4:		/* doubled */
	{
		size_t l = b->len;

		sadd(b, " ");
		if (b->cap < 2 * l + 2)
			sadd(b, "%*s", (int)l, "");
		memcpy(b->p + l + 1, b->p, l);
		b->len = 2 * l + 1;
		break;
	}
	case 5:
		sadd(b, " %s", hostile_numbers[rn(ARRAY_SIZE(hostile_numbers))]);
		break;
	case 6:		/* white space and newlines around it */
	{
		char *o = strndup(b->p, b->len);

		b->len = 0;
		sadd(b, "%s%s%s", chance(50) ? "  \t" : "\n", o,
		     chance(50) ? "\n\n" : " \t ");
		free(o);
		break;
	}
	default:	/* only a newline added */
		sadd(b, "\n");
		break;
	}
}

/* ---- processes -------------------------------------------------------- */

static void inst_path(char *out, size_t n, const char *rel)
{
	if (chance(25))
		snprintf(out, n, TRACEFS "/instances/fuzz%u/%s", rn(NR_INST),
			 rel);
	else
		snprintf(out, n, TRACEFS "/%s", rel);
}

static void count(int id, int err)
{
	sh->writes[id]++;
	if (!err)
		sh->wr_ok[id]++;
	else if (err < NR_ERRNO)
		sh->wr_err[id][err]++;
}

static unsigned long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

/* Charge @ns to the file @path names (its last component). */
static void charge(int id, const char *path, unsigned long long ns)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct ftime *f = sh->ft[id];
	int i;

	for (i = 0; i < NR_FTIME && f[i].n; i++)
		if (!strncmp(f[i].name, name, sizeof(f[i].name) - 1))
			break;
	if (i == NR_FTIME)
		i = NR_FTIME - 1;	/* full: the last slot is "others" */
	if (!f[i].n)
		snprintf(f[i].name, sizeof(f[i].name), "%s",
			 i == NR_FTIME - 1 ? "(others)" : name);
	f[i].n++;
	f[i].ns += ns;
}

/* The files the writers spent most time on, summed over the writers. */
static void print_ftime(int nw)
{
	struct ftime all[NR_FTIME * MAX_WRITERS], t;
	int n = 0, i, j, k;

	for (i = 0; i < nw; i++) {
		for (j = 0; j < NR_FTIME && sh->ft[i][j].n; j++) {
			for (k = 0; k < n; k++)
				if (!strcmp(all[k].name, sh->ft[i][j].name))
					break;
			if (k == n) {
				all[n++] = sh->ft[i][j];
			} else {
				all[k].n += sh->ft[i][j].n;
				all[k].ns += sh->ft[i][j].ns;
			}
		}
	}
	for (i = 0; i < n; i++)		/* selection sort: n is small */
		for (j = i + 1; j < n; j++)
			if (all[j].ns > all[i].ns) {
				t = all[i];
				all[i] = all[j];
				all[j] = t;
			}
	printf("fuzz: writer time by file:");
	for (i = 0; i < n && i < 12; i++)
		printf(" %s %lu in %.1fs,", all[i].name, all[i].n,
		       all[i].ns / 1e9);
	printf("\n");
}

static void do_write(int id, const char *path, struct sbuf *b)
{
	unsigned long long t = now_ns();

	int flags = O_WRONLY;
	ssize_t r = 0;
	int fd, err = 0;

	if (chance(50))
		flags |= O_TRUNC;
	else if (chance(30))
		flags |= O_APPEND;
	fd = open(path, flags);
	if (fd < 0) {
		if (errno != ENOENT)
			count(id, errno);
		return;
	}
	if (verbose) {
		int k = open("/dev/kmsg", O_WRONLY);

		if (k >= 0) {
			dprintf(k, "fuzz%d: %s <- %.*s\n", id, path,
				(int)(b->len > 200 ? 200 : b->len), b->p);
			close(k);
		}
	}
	if (chance(10) && b->len > 1) {	/* in two pieces */
		size_t cut = 1 + rn(b->len - 1);

		r = write(fd, b->p, cut);
		if (r >= 0)
			r = write(fd, b->p + cut, b->len - cut);
	} else if (chance(5)) {		/* at an odd offset */
		r = pwrite(fd, b->p, b->len, 1 + rn(4096));
	} else {
		r = write(fd, b->p, b->len);
	}
	if (r < 0)
		err = errno;
	if (close(fd) && !err)
		err = errno;
	count(id, err);
	charge(id, path, now_ns() - t);
}

static void writer(int id)
{
	struct sbuf b = { 0 };
	char path[600], name[64];

	while (!STOPPED()) {
		unsigned int what = rn(100);

		if (what < 3) {		/* make or remove an instance */
			unsigned long long t = now_ns();

			snprintf(name, sizeof(name), TRACEFS "/instances/fuzz%u",
				 rn(NR_INST));
			if (chance(50)) {
				if (!mkdir(name, 0755))
					BUMP(sh->mkdirs, 1);
			} else {
				if (!rmdir(name))
					BUMP(sh->rmdirs, 1);
			}
			count(id, 0);
			charge(id, "mkdir-rmdir(instances)", now_ns() - t);
			continue;
		}
		if (what < 4) {		/* hostile instance names */
			static const char *const bad[] = {
				"", ".", "..", "a/b", "fuzz0/x", "\x01\x02",
			};
			snprintf(name, sizeof(name), TRACEFS "/instances/%s",
				 bad[rn(ARRAY_SIZE(bad))]);
			count(id, mkdir(name, 0755) ? errno : 0);
			continue;
		}
		if (!files.n || !evfiles.n)
			break;
		b.len = 0;
		{
			/* the few hundred event files get as many writes
			 * as all the others together
			 */
			const char *rel = chance(50) ? evfiles.w[rn(evfiles.n)] :
						       files.w[rn(files.n)];
			char dyn[64];

			if (chance(4)) {
				dyn_event_file(dyn, sizeof(dyn));
				rel = dyn;
			}

			/* few writes to current_tracer: each one patches */
			if (!strcmp(rel, "current_tracer") && chance(70))
				continue;
			build(&b, rel);
			if (chance(35))
				mutate(&b);
			inst_path(path, sizeof(path), rel);
		}
		do_write(id, path, &b);
	}
	free(b.p);
}

static void reader_trace(void)
{
	static char buf[65536];
	char path[600];

	while (!STOPPED()) {
		ssize_t r;
		int fd;

		inst_path(path, sizeof(path), chance(80) ? "trace" :
			  "per_cpu/cpu0/trace");
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			usleep(10000);
			continue;
		}
		if (chance(10))
			lseek(fd, rn(100000), SEEK_SET);
		while (!STOPPED() && (r = read(fd, buf, 1 + rn(sizeof(buf)))) > 0) {
			BUMP(sh->read_bytes, r);
			BUMP(sh->reads, 1);
		}
		close(fd);
		usleep(rn(200000));
	}
}

static void reader_pipe(void)
{
	static char buf[16384];
	char path[600];

	while (!STOPPED()) {
		struct pollfd p;
		int fd, i;

		inst_path(path, sizeof(path), "trace_pipe");
		fd = open(path, O_RDONLY | O_NONBLOCK);
		if (fd < 0) {
			usleep(10000);
			continue;
		}
		for (i = 0; i < 50 && !STOPPED(); i++) {
			ssize_t r;

			p.fd = fd;
			p.events = POLLIN;
			poll(&p, 1, 20);
			r = read(fd, buf, 1 + rn(sizeof(buf)));
			if (r > 0) {
				BUMP(sh->read_bytes, r);
				BUMP(sh->reads, 1);
			}
		}
		close(fd);
	}
}

static void reader_raw(void)
{
	static char buf[8192];
	char path[600], rel[64];
	int pfd[2];

	if (pipe(pfd))
		return;
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	fcntl(pfd[1], F_SETFL, O_NONBLOCK);
	while (!STOPPED()) {
		int fd, i;

		snprintf(rel, sizeof(rel), "per_cpu/cpu%u/trace_pipe_raw",
			 rn(ncpus));
		inst_path(path, sizeof(path), rel);
		fd = open(path, O_RDONLY | O_NONBLOCK);
		if (fd < 0) {
			usleep(10000);
			continue;
		}
		for (i = 0; i < 20 && !STOPPED(); i++) {
			ssize_t r;

			if (chance(50)) {
				r = splice(fd, NULL, pfd[1], NULL,
					   chance(80) ? 4096 : 1 + rn(20000),
					   SPLICE_F_NONBLOCK);
				if (r > 0) {
					BUMP(sh->splices, 1);
					while (read(pfd[0], buf, sizeof(buf)) > 0)
						;
				}
			} else {
				r = read(fd, buf, chance(80) ? 4096 :
					 1 + rn(sizeof(buf)));
			}
			if (r > 0)
				BUMP(sh->read_bytes, r);
			else
				usleep(5000);
		}
		close(fd);
	}
}

/* Reads any readable file, of the top instance or of a fuzz instance. */
static void reader_misc(void)
{
	static char buf[16384];
	char path[600];

	while (!STOPPED() && rfiles.n) {
		const char *rel = rfiles.w[rn(rfiles.n)];
		int fd;

		if (strstr(rel, "trace_pipe") ||
		    !strcmp(rel, "available_filter_functions_addrs"))
			continue;
		inst_path(path, sizeof(path), rel);
		fd = open(path, O_RDONLY | O_NONBLOCK);
		if (fd < 0)
			continue;
		while (!STOPPED() && read(fd, buf, 1 + rn(sizeof(buf))) > 0)
			BUMP(sh->reads, 1);
		close(fd);
	}
}

static void set_online(int cpu, int on)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online",
		 cpu);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return;
	if (write(fd, on ? "1" : "0", 1) == 1 && !on)
		sh->hotplug++;
	close(fd);
}

static void hotplugger(int cpu)
{
	while (!STOPPED()) {
		usleep(200000 + rn(800000));
		set_online(cpu, 0);
		usleep(100000 + rn(500000));
		set_online(cpu, 1);
	}
	set_online(cpu, 1);
}

static void module_cycler(const char *ko)
{
	while (!STOPPED()) {
		int fd = open(ko, O_RDONLY);

		if (fd < 0)
			return;
		if (!syscall(SYS_finit_module, fd, "", 0))
			sh->modloads++;
		close(fd);
		usleep(100000 + rn(900000));
		syscall(SYS_delete_module, modname, O_NONBLOCK);
		usleep(50000 + rn(200000));
	}
}

/*
 * The function tracer on every function slows everything under emulation
 * tenfold: now and then put the top instance back to nop, so that the run
 * spends most of its time writing rather than tracing.
 */
static void governor(void)
{
	char path[128];

	while (!STOPPED()) {
		int fd, i;

		usleep(200000 + rn(800000));
		for (i = -1; i < NR_INST; i++) {
			if (i < 0)
				snprintf(path, sizeof(path), TRACEFS "/current_tracer");
			else
				snprintf(path, sizeof(path),
					 TRACEFS "/instances/fuzz%d/current_tracer", i);
			fd = open(path, O_WRONLY | O_TRUNC);
			if (fd < 0)
				continue;
			if (write(fd, "nop", 3) < 0)
				;	/* a refusal is fine: it is fuzzing too */
			close(fd);
		}
	}
}

/*
 * Load that makes events: fork, exec-less exits, syscalls; now and then
 * the uprobe target runs (and may die of a probe inside an instruction).
 */
static void loader(void)
{
	while (!STOPPED()) {
		pid_t p = fork();

		if (p == 0) {
			int i;

			if (chance(10))
				execl(UPROBE_TARGET, "true", (char *)NULL);
			for (i = 0; i < 200; i++)
				getppid();
			_exit(0);
		}
		if (p > 0) {
			waitpid(p, NULL, 0);
			sh->forks++;
		}
		usleep(rn(20000));
	}
}

static pid_t spawn(void (*fn)(void), int seed_off, uint64_t seed)
{
	pid_t p = fork();

	if (p == 0) {
		rs = seed * 0x9e3779b97f4a7c15ULL + seed_off + 1;
		fn();
		_exit(0);
	}
	return p;
}

/* Wait up to @secs (0: for ever) for @pids; the number still running. */
static int reap(pid_t *pids, int np, int secs)
{
	int i, left, t;

	for (t = 0; ; t++) {
		for (left = 0, i = 0; i < np; i++) {
			if (pids[i] <= 0)
				continue;
			if (waitpid(pids[i], NULL, secs ? WNOHANG : 0) == pids[i])
				pids[i] = 0;
			else
				left++;
		}
		if (!left || (secs && t >= secs * 10))
			return left;
		usleep(100000);
	}
}

/* The kernel stacks of the processes that did not stop. */
static void show_stuck(pid_t *pids, int np)
{
	char path[64], buf[4096];
	ssize_t n;
	int i, fd;

	for (i = 0; i < np; i++) {
		if (pids[i] <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/stack", pids[i]);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		printf("fuzz: process %d (role %d) stuck at:\n%s", pids[i], i, buf);
	}
	fd = open("/proc/sysrq-trigger", O_WRONLY);
	if (fd >= 0) {
		if (write(fd, "w", 1) < 0)
			;	/* no sysrq: the stacks above are all */
		close(fd);
	}
}

static int writer_id;
static void writer_entry(void) { writer(writer_id); }
static const char *ko_path;
static void module_entry(void) { module_cycler(ko_path); }

/*
 * Uprobes go on a private copy of busybox: at a random offset a probe
 * lands inside an instruction more often than not, and would corrupt
 * every program of the guest (init included) if it were /bin/busybox.
 */
static void make_uprobe_target(void)
{
	int in = open("/bin/busybox", O_RDONLY);
	int out = open(UPROBE_TARGET, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	char buf[65536];
	ssize_t n = 0;

	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			break;
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
}
static int hp_cpu = 1;
static void hotplug_entry(void) { hotplugger(hp_cpu); }

int main(int argc, char **argv)
{
	unsigned long seed = 1, secs = 60, maxw = 0, total = 0, ok = 0;
	pid_t pids[64];
	int np = 0, nw = 4, hotplug = 1, c, i, e;
	long last = 0;
	time_t t0;

	while ((c = getopt(argc, argv, "s:t:n:w:m:c:Hv")) != -1) {
		switch (c) {
		case 's':
			seed = strtoul(optarg, NULL, 0);
			break;
		case 't':
			secs = strtoul(optarg, NULL, 0);
			break;
		case 'n':
			maxw = strtoul(optarg, NULL, 0);
			break;
		case 'w':
			nw = atoi(optarg);
			break;
		case 'm':
			ko_path = optarg;
			break;
		case 'c':
			hp_cpu = atoi(optarg);
			break;
		case 'H':
			hotplug = 0;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fprintf(stderr, "usage: %s [-s SEED] [-t SECS] [-n MAXWRITES] [-w WRITERS] [-m MODULE.ko] [-c CPU] [-H] [-v]\n",
				argv[0]);
			return 1;
		}
	}
	if (nw < 1 || nw > MAX_WRITERS)
		nw = 4;
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || access(TRACEFS "/trace", F_OK)) {
		fprintf(stderr, "fuzz: no tracefs at " TRACEFS "\n");
		return 1;
	}
	ncpus = sysconf(_SC_NPROCESSORS_CONF);
	rs = seed * 0x9e3779b97f4a7c15ULL;

	/* The vocabulary, with the module loaded so its names are in it. */
	if (ko_path) {
		int fd = open(ko_path, O_RDONLY);

		if (fd >= 0) {
			syscall(SYS_finit_module, fd, "", 0);
			close(fd);
		}
	}
	make_uprobe_target();
	load_words(&tracers, TRACEFS "/available_tracers", 0);
	load_words(&events, TRACEFS "/available_events", 0);
	for (i = 0; i < events.n; i++) {
		char s[128];

		snprintf(s, sizeof(s), "%s", events.w[i]);
		s[strcspn(s, ":")] = 0;
		if (!systems.n || strcmp(systems.w[systems.n - 1], s))
			add(&systems, s);
	}
	load_words(&clocks, TRACEFS "/trace_clock", 1);
	load_words(&options, TRACEFS "/trace_options", 0);
	load_functions();
	walk("", 0);
	if (ko_path)
		syscall(SYS_delete_module, modname, O_NONBLOCK);
	printf("fuzz: seed %lu, %d writers, %d files, %d tracers, %d events, %d functions, %d module functions\n",
	       seed, nw, files.n + evfiles.n, tracers.n, events.n, functions.n, modfuncs.n);
	fflush(stdout);

	t0 = time(NULL);
	for (i = 0; i < nw; i++) {
		writer_id = i;
		pids[np++] = spawn(writer_entry, i, seed);
	}
	pids[np++] = spawn(reader_trace, 100, seed);
	pids[np++] = spawn(reader_pipe, 101, seed);
	pids[np++] = spawn(reader_raw, 102, seed);
	pids[np++] = spawn(reader_misc, 103, seed);
	pids[np++] = spawn(loader, 104, seed);
	pids[np++] = spawn(governor, 107, seed);
	if (ko_path)
		pids[np++] = spawn(module_entry, 105, seed);
	if (hotplug && ncpus > 1)
		pids[np++] = spawn(hotplug_entry, 106, seed);

	for (;;) {
		long el;

		sleep(1);
		for (total = 0, i = 0; i < nw; i++)
			total += sh->writes[i];
		el = time(NULL) - t0;
		if ((unsigned long)el >= secs || (maxw && total >= maxw))
			break;
		/* a long run says how far it is every ten minutes */
		if (el / 600 != last / 600) {
			printf("fuzz: %lu writes after %lds\n", total, el);
			fflush(stdout);
		}
		last = el;
	}
	__atomic_store_n(&sh->stop, 1, __ATOMIC_RELAXED);
	if (reap(pids, np, 120)) {
		/* stuck in the kernel: show where, then wait for ever */
		show_stuck(pids, np);
		printf("fuzz: processes stuck in the kernel after the run\n");
		fflush(stdout);
		reap(pids, np, 0);
	}

	for (total = 0, i = 0; i < nw; i++) {
		total += sh->writes[i];
		ok += sh->wr_ok[i];
	}
	printf("fuzz: %lu writes in %lds (%lu accepted), %lu reads (%lu bytes, %lu splices), %lu mkdir, %lu rmdir, %lu module loads, %lu CPU offline cycles, %lu forks\n",
	       total, (long)(time(NULL) - t0), ok, sh->reads, sh->read_bytes,
	       sh->splices, sh->mkdirs, sh->rmdirs, sh->modloads, sh->hotplug,
	       sh->forks);
	print_ftime(nw);
	printf("fuzz: refused:");
	for (e = 1; e < NR_ERRNO; e++) {
		unsigned long n = 0;

		for (i = 0; i < nw; i++)
			n += sh->wr_err[i][e];
		if (n)
			printf(" %s %lu,", strerrorname_np(e) ?: "?", n);
	}
	printf("\n");
	return 0;
}
