// SPDX-License-Identifier: GPL-2.0
/*
 * tbench: micro-benchmarks of the tracing buffer, run in the guest.
 *
 *   tbench marker N     cost of one trace_marker write, in guest
 *                       nanoseconds: beyond a write to a tracefs file that
 *                       does nothing ("trace" opened without O_TRUNC, a
 *                       no-op on both kernels), which is the tracing work;
 *                       and beyond a /dev/null write, which adds the VFS
 *                       cost of writing to a regular file
 *   tbench pipe N       fill the buffer with N markers, then time reading
 *                       them back through trace_pipe and trace_pipe_raw
 *   tbench func N       N getppid() calls untraced, with the function
 *                       tracer on every function (cost per traced call:
 *                       extra time over the records written) and with a
 *                       one-function filter (extra time per syscall)
 *   tbench graph N      the same with the function_graph tracer: on every
 *                       function (cost per graphed call, entry and return
 *                       records) and with set_graph_function on the
 *                       syscall (extra time per syscall)
 *   tbench kprobe N     N getppid() calls with a kprobe event on
 *                       __x64_sys_getppid enabled: at entry, a return probe
 *                       with $retval, and a probe with four fetch args one
 *                       of which is a string (extra time per hit)
 *   tbench uprobe N     N calls of a function of tbench itself with a
 *                       uprobe event on it (extra time per hit)
 *   tbench event N      N getppid() calls with raw_syscalls:sys_enter and
 *                       sys_exit enabled (extra time per record), then
 *                       with a filter on both that rejects every record
 *                       (extra time per rejected record); each the
 *                       fastest of five runs
 *   tbench sysfilter    a write to events/syscalls/filter that replaces
 *                       the filter of each syscall event, and one that
 *                       removes them (time per write: mostly waiting for
 *                       the probes to be done with the old filters)
 *   tbench rmdir        rmdir of an instance with 400 triggers (two on
 *                       each of 200 syscall events): mostly waiting for
 *                       the hits to be done with them
 *   tbench perf N       N getppid() calls with a perf event (sampling
 *                       every hit, raw record, into an mmap'd perf
 *                       buffer) on raw_syscalls:sys_enter of this task
 *                       (extra time per hit)
 *   tbench irqsoff N    N getppid() calls with the irqsoff tracer current
 *                       (extra time per syscall), without and with
 *                       options/function-trace
 *   tbench wakeup N     N passes of a byte between two tasks of CPU 0
 *                       through pipes, each a wakeup and a context switch,
 *                       with the wakeup_rt tracer current (extra time per
 *                       pass), without and with options/function-trace
 *   tbench syscall N    N getppid() calls, nothing traced (for a kernel
 *                       without function tracing as well)
 *
 * Prints "key value" lines.  Under QEMU's -icount shift=0 a guest
 * nanosecond is one instruction, so the same numbers are instruction
 * counts there.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define noinline __attribute__((noinline))

#define T "/sys/kernel/tracing/"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void put(const char *file, const char *val)
{
	int fd = open(file, O_WRONLY | O_TRUNC);

	if (fd < 0 || write(fd, val, strlen(val)) < 0) {
		perror(file);
		exit(1);
	}
	close(fd);
}

static double time_writes(const char *file, long n)
{
	static const char msg[] = "benchmark marker 0123456789abcdef\n";
	int fd = open(file, O_WRONLY);
	double t0;
	long i;

	if (fd < 0) {
		perror(file);
		exit(1);
	}
	t0 = now();
	for (i = 0; i < n; i++)
		if (write(fd, msg, sizeof(msg) - 1) < 0) {
			perror("write");
			exit(1);
		}
	t0 = now() - t0;
	close(fd);
	return t0 / n;
}

/* Read FILE without blocking until it is empty; bytes per second. */
static double drain(const char *file, long *bytes)
{
	static char buf[65536];
	int fd = open(file, O_RDONLY | O_NONBLOCK);
	double t0;
	ssize_t n;

	if (fd < 0) {
		perror(file);
		exit(1);
	}
	*bytes = 0;
	t0 = now();
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		*bytes += n;
	t0 = now() - t0;
	close(fd);
	return *bytes / (t0 / 1e9);
}

static double time_syscalls(long n)
{
	double t0 = now();
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return (now() - t0) / n;
}

/* Records written on CPU 0 since the last clear: in buffer plus overrun. */
static long written_cpu0(void)
{
	FILE *f = fopen(T "per_cpu/cpu0/stats", "r");
	char line[128];
	long v, sum = 0;

	if (!f) {
		perror("stats");
		exit(1);
	}
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "entries: %ld", &v) == 1 ||
		    sscanf(line, "overrun: %ld", &v) == 1)
			sum += v;
	fclose(f);
	return sum;
}

static void func_bench(long n)
{
	double base, all, one;
	long w;

	put(T "current_tracer", "nop");
	put(T "set_ftrace_filter", "");
	time_syscalls(n / 10);
	base = time_syscalls(n);
	put(T "trace", "");
	put(T "current_tracer", "function");
	all = time_syscalls(n);
	put(T "tracing_on", "0");
	w = written_cpu0();	/* before nop: a tracer switch clears */
	put(T "current_tracer", "nop");
	put(T "tracing_on", "1");
	printf("func_all_per_call_ns %.1f\n", w ? (all - base) * n / w : 0);
	printf("func_all_calls_per_syscall %.1f\n", (double)w / n);
	put(T "set_ftrace_filter", "*sys_getppid\n");
	put(T "trace", "");
	put(T "current_tracer", "function");
	one = time_syscalls(n);
	put(T "tracing_on", "0");
	w = written_cpu0();
	put(T "current_tracer", "nop");
	put(T "tracing_on", "1");
	put(T "set_ftrace_filter", "");
	printf("func_one_per_call_ns %.1f\n", one - base);
	printf("func_one_calls_per_syscall %.2f\n", (double)w / n);
	printf("syscall_untraced_ns %.1f\n", base);
}

static void graph_bench(long n)
{
	double base, all, one;
	long w;

	put(T "current_tracer", "nop");
	put(T "set_ftrace_filter", "");
	put(T "set_graph_function", "");
	time_syscalls(n / 10);
	base = time_syscalls(n);
	put(T "current_tracer", "function_graph");
	/* Upstream graphs its own patching: not the loop's records. */
	put(T "trace", "");
	all = time_syscalls(n);
	put(T "tracing_on", "0");
	w = written_cpu0();
	put(T "current_tracer", "nop");
	put(T "tracing_on", "1");
	/* A call writes two records. */
	printf("graph_all_per_call_ns %.1f\n", w ? (all - base) * n / (w / 2.0) : 0);
	printf("graph_all_calls_per_syscall %.1f\n", w / 2.0 / n);
	put(T "set_graph_function", "*sys_getppid\n");
	put(T "current_tracer", "function_graph");
	put(T "trace", "");
	one = time_syscalls(n);
	put(T "tracing_on", "0");
	w = written_cpu0();
	put(T "current_tracer", "nop");
	put(T "tracing_on", "1");
	put(T "set_graph_function", "");
	printf("graph_one_per_syscall_ns %.1f\n", one - base);
	printf("graph_one_calls_per_syscall %.2f\n", w / 2.0 / n);
}

/* Extra time per getppid() with the probe DEF enabled; NAME its event. */
static double probe_cost(const char *def, const char *name, long n,
			 double base)
{
	char path[256];
	double t;

	put(T "kprobe_events", def);
	snprintf(path, sizeof(path), T "events/kprobes/%s/enable", name);
	put(path, "1");
	put(T "trace", "");
	time_syscalls(n / 10);
	t = time_syscalls(n);
	put(path, "0");
	put(T "kprobe_events", "");
	return t - base;
}

static void kprobe_bench(long n)
{
	double base;

	if (access(T "kprobe_events", F_OK))
		return;
	put(T "kprobe_events", "");
	time_syscalls(n / 10);
	base = time_syscalls(n);
	printf("kprobe_per_hit_ns %.1f\n",
	       probe_cost("p:kb __x64_sys_getppid\n", "kb", n, base));
	printf("kretprobe_retval_per_hit_ns %.1f\n",
	       probe_cost("r:kb __x64_sys_getppid $retval\n", "kb", n, base));
	printf("kprobe_4args_per_hit_ns %.1f\n",
	       probe_cost("p:kb __x64_sys_getppid a=%di b=$stack0 c=+0(%di):u32 d=$comm\n",
			  "kb", n, base));
}

/* The fastest of @runs runs of time_syscalls(@n). */
static double fastest_syscalls(long n, int runs)
{
	double t, best = 0;

	while (runs--) {
		t = time_syscalls(n);
		if (!best || t < best)
			best = t;
	}
	return best;
}

/*
 * Each figure is the fastest of five runs: a timer tick or a kworker that
 * lands in one run moves it by several instructions per record.
 */
static void event_bench(long n)
{
	static const char *const filt[] = {
		T "events/raw_syscalls/sys_enter/filter",
		T "events/raw_syscalls/sys_exit/filter",
	};
	double base, on, off, t;
	long w;
	int i;

	if (access(filt[0], F_OK))
		return;
	put(T "trace", "");
	time_syscalls(n / 10);
	base = fastest_syscalls(n, 5);
	put(T "events/raw_syscalls/enable", "1");
	time_syscalls(n / 10);
	put(T "trace", "");
	on = time_syscalls(n);
	w = written_cpu0();
	t = fastest_syscalls(n, 4);	/* the first run counted records */
	on = on < t ? on : t;
	for (i = 0; i < 2; i++)
		put(filt[i], "id == 99999");
	time_syscalls(n / 10);
	off = fastest_syscalls(n, 5);
	put(T "events/raw_syscalls/enable", "0");
	for (i = 0; i < 2; i++)
		put(filt[i], "0");
	/* Two records per getppid(), and a few of other tasks on CPU 0. */
	printf("event_per_record_ns %.1f\n", (on - base) * n / w);
	printf("event_records_per_syscall %.2f\n", (double)w / n);
	printf("event_filtered_per_record_ns %.1f\n", (off - base) / 2);
}

static void sysfilter_bench(void)
{
	static const char file[] = T "events/syscalls/filter";
	double t;

	if (access(file, F_OK))
		return;
	put(file, "common_pid == 1");
	t = now();
	put(file, "common_pid == 2");
	put(file, "0");
	printf("system_filter_write_ns %.0f\n", (now() - t) / 2);
}

static void rmdir_bench(void)
{
	static const char dir[] = T "instances/tbench";
	char path[512];
	struct dirent *d;
	double t;
	DIR *sys;
	int n = 0;

	if (access(T "events/syscalls", F_OK) || mkdir(dir, 0755))
		return;
	sys = opendir(T "instances/tbench/events/syscalls");
	while (sys && n < 400 && (d = readdir(sys))) {
		if (strncmp(d->d_name, "sys_", 4))
			continue;
		snprintf(path, sizeof(path), "%s/events/syscalls/%s/trigger", dir,
			 d->d_name);
		put(path, "traceoff:5");
		put(path, "stacktrace:5 if common_pid == 1");
		n += 2;
	}
	if (sys)
		closedir(sys);
	t = now();
	if (rmdir(dir)) {
		perror(dir);
		exit(1);
	}
	t = now() - t;
	if (n == 400)	/* a kernel with fewer syscall events has no figure */
		printf("rmdir_400_triggers_ns %.0f\n", t);
}

/*
 * getppid() with the irqsoff tracer current, none of its sections kept
 * (tracing_max_latency set far above any): the cost its hooks add to a
 * syscall, whose entry and exit turn interrupts off and on.  Without and
 * with options/function-trace.
 */
static void irqsoff_bench(long n)
{
	double base, t, tf;

	if (access(T "tracing_max_latency", F_OK))
		return;
	time_syscalls(n / 10);
	base = time_syscalls(n);
	put(T "options/function-trace", "0");
	put(T "current_tracer", "irqsoff");
	put(T "tracing_max_latency", "10000000");
	time_syscalls(n / 10);
	t = time_syscalls(n);
	put(T "current_tracer", "nop");
	put(T "options/function-trace", "1");
	put(T "current_tracer", "irqsoff");
	put(T "tracing_max_latency", "10000000");
	time_syscalls(n / 10);
	tf = time_syscalls(n);
	put(T "current_tracer", "nop");
	printf("irqsoff_per_syscall_ns %.1f\n", t - base);
	printf("irqsoff_functrace_per_syscall_ns %.1f\n", tf - base);
}

/*
 * Two tasks of CPU 0 (main() pins it; the child inherits that) passing a
 * byte back and forth through two pipes: each pass wakes the other and
 * switches to it.  Return: guest ns per pass.
 */
static double time_switches(long n)
{
	int ab[2], ba[2];
	double t0, t;
	pid_t pid;
	char c = 0;
	long i;

	if (pipe(ab) || pipe(ba))
		return -1;
	pid = fork();
	if (!pid) {
		close(ab[1]);
		while (read(ab[0], &c, 1) == 1)
			if (write(ba[1], &c, 1) != 1)
				break;
		_exit(0);
	}
	close(ab[0]);
	close(ba[1]);
	t0 = now();
	for (i = 0; i < n; i++)
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			break;
	t = now() - t0;
	close(ab[1]);
	close(ba[0]);
	waitpid(pid, NULL, 0);
	return t / n / 2;
}

/* The fastest of five runs of time_switches() with @tracer current. */
static double min_switches(const char *tracer, long n)
{
	double t, best = 0;
	int r;

	for (r = 0; r < 5; r++) {
		put(T "current_tracer", tracer);
		time_switches(n / 10);
		t = time_switches(n);
		if (!r || t < best)
			best = t;
		put(T "current_tracer", "nop");
	}
	return best;
}

/*
 * Context switches among tasks of no real-time class with the wakeup_rt
 * tracer current: the cost its hooks add to a wakeup and the switch that
 * follows it, a few tens of instructions in some ten thousand, so each
 * figure is the fastest of five runs.  Without and with
 * options/function-trace.
 */
static void wakeup_bench(long n)
{
	double base, t, tf;

	if (access(T "tracing_max_latency", F_OK))
		return;
	put(T "options/function-trace", "0");
	base = min_switches("nop", n);
	t = min_switches("wakeup_rt", n);
	put(T "options/function-trace", "1");
	tf = min_switches("wakeup_rt", n / 4);
	printf("wakeup_rt_per_switch_ns %.1f\n", t - base);
	printf("wakeup_rt_functrace_per_switch_ns %.1f\n", tf - base);
}

/* getppid() with a perf sampling event on sys_enter, consumed as it goes. */
static void perf_bench(long n)
{
	const long pages = 64, psz = sysconf(_SC_PAGESIZE);
	struct perf_event_attr attr = { .size = sizeof(attr) };
	struct perf_event_mmap_page *mp;
	double base, t0, t;
	FILE *f;
	long i;
	int fd, id;

	f = fopen(T "events/raw_syscalls/sys_enter/id", "r");
	if (!f || fscanf(f, "%d", &id) != 1)
		return;
	fclose(f);
	attr.type = PERF_TYPE_TRACEPOINT;
	attr.config = id;
	attr.sample_period = 1;
	attr.sample_type = PERF_SAMPLE_RAW | PERF_SAMPLE_TID | PERF_SAMPLE_TIME;
	attr.disabled = 1;
	fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
	if (fd < 0) {
		perror("perf_event_open");
		return;
	}
	mp = mmap(NULL, (pages + 1) * psz, PROT_READ | PROT_WRITE, MAP_SHARED,
		  fd, 0);
	if (mp == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	time_syscalls(n / 10);
	base = time_syscalls(n);
	ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
	t0 = now();
	for (i = 0; i < n; i++) {
		syscall(SYS_getppid);
		/* Consume: every record lands in the buffer, none is lost. */
		if (!(i % 64))
			__atomic_store_n(&mp->data_tail,
					 __atomic_load_n(&mp->data_head,
							 __ATOMIC_ACQUIRE),
					 __ATOMIC_RELEASE);
	}
	t = (now() - t0) / n;
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
	printf("perf_per_hit_ns %.1f\n", t - base);
	munmap(mp, (pages + 1) * psz);
	close(fd);
}

/* The function the uprobe event probes: a call that stays a call. */
noinline int uprobe_target(int x)
{
	__asm__ volatile("" : : : "memory");
	return x + 1;
}

static double time_calls(long n)
{
	double t0 = now();
	long i;

	for (i = 0; i < n; i++)
		uprobe_target(i);
	return (now() - t0) / n;
}

/* The file offset of uprobe_target in our own executable. */
static unsigned long self_offset(char *exe, size_t len)
{
	unsigned long a = (unsigned long)uprobe_target, lo, hi, off;
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	ssize_t n = readlink("/proc/self/exe", exe, len - 1);

	if (!f || n < 0) {
		perror("maps");
		exit(1);
	}
	exe[n] = '\0';
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx %*s %lx", &lo, &hi, &off) == 3 &&
		    a >= lo && a < hi) {
			fclose(f);
			return a - lo + off;
		}
	}
	fprintf(stderr, "uprobe_target not mapped\n");
	exit(1);
}

static void uprobe_bench(long n)
{
	char exe[256], def[512];
	double base, t;

	if (access(T "uprobe_events", F_OK))
		return;
	snprintf(def, sizeof(def), "p:ub %s:0x%lx\n", exe,
		 self_offset(exe, sizeof(exe)));
	time_calls(n / 10);
	base = time_calls(n);
	put(T "uprobe_events", def);
	put(T "events/uprobes/ub/enable", "1");
	time_calls(n / 10);
	t = time_calls(n);
	put(T "events/uprobes/ub/enable", "0");
	put(T "uprobe_events", "");
	printf("uprobe_per_hit_ns %.1f\n", t - base);
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 10000, bytes;
	cpu_set_t set;
	double w, null, noop;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	sched_setaffinity(0, sizeof(set), &set);
	put(T "tracing_on", "1");
	put(T "buffer_size_kb", "4096");

	if (argc > 1 && !strcmp(argv[1], "marker")) {
		time_writes(T "trace_marker", n / 10);	/* warm up */
		put(T "trace", "");
		null = time_writes("/dev/null", n);
		noop = time_writes(T "trace", n);
		put(T "trace", "");
		w = time_writes(T "trace_marker", n);
		printf("marker_write_ns %.0f\n", w - noop);
		printf("marker_write_total_ns %.0f\n", w - null);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "pipe")) {
		put(T "trace", "");
		time_writes(T "trace_marker", n);
		printf("pipe_MBps %.1f\n", drain(T "trace_pipe", &bytes) / 1e6);
		printf("pipe_bytes %ld\n", bytes);
		put(T "trace", "");
		time_writes(T "trace_marker", n);
		printf("raw_MBps %.1f\n",
		       drain(T "per_cpu/cpu0/trace_pipe_raw", &bytes) / 1e6);
		printf("raw_bytes %ld\n", bytes);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "func")) {
		func_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "graph")) {
		graph_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "kprobe")) {
		kprobe_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "uprobe")) {
		uprobe_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "event")) {
		event_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "sysfilter")) {
		sysfilter_bench();
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "rmdir")) {
		rmdir_bench();
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "perf")) {
		perf_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "irqsoff")) {
		irqsoff_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "wakeup")) {
		wakeup_bench(n);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "syscall")) {
		time_syscalls(n / 10);	/* warm up */
		printf("syscall_plain_ns %.1f\n", time_syscalls(n));
		return 0;
	}
	fprintf(stderr, "usage: tbench MODE [N] (modes: see the source)\n");
	return 2;
}
