// SPDX-License-Identifier: GPL-2.0
/*
 * probe_pmu: perf_event_open() of perf's "kprobe" and "uprobe" PMUs, the
 * way BPF tools open them: the probe is made by the open itself, never
 * shows in tracefs, and goes with the perf event.
 *
 *   probe_pmu kprobe SYMBOL N	count SYMBOL's hits while calling getppid()
 *				N times (a probe on __x64_sys_getppid counts N)
 *   probe_pmu kretprobe SYMBOL N	the same with a return probe
 *   probe_pmu uprobe N		a probe on a function of this program,
 *				called N times
 *   probe_pmu uretprobe N	the same with a return probe
 *   probe_pmu kprobe-err SYMBOL	the errno of opening a probe on SYMBOL
 *				("" for no name and no address)
 *   probe_pmu tp ID count|raw	open trace event ID on this task, counting
 *				or sampling raw records: "ok" or the errno
 *
 * Prints the count (or the errno's name) on stdout; exits 1 when an open
 * that should work fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

static int pmu_type(const char *pmu)
{
	char path[128];
	FILE *f;
	int type;

	snprintf(path, sizeof(path), "/sys/bus/event_source/devices/%s/type", pmu);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%d", &type) != 1) {
		fprintf(stderr, "no %s PMU\n", pmu);
		exit(1);
	}
	fclose(f);
	return type;
}

/* Open a counting event of @pmu on this task; -errno on failure. */
static int open_probe(const char *pmu, int ret, const char *name,
		      uint64_t offset)
{
	struct perf_event_attr a;
	int fd;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = pmu_type(pmu);
	a.config = ret;			/* format "retprobe": config:0 */
	a.config1 = (uintptr_t)name;	/* kprobe_func / uprobe_path */
	a.config2 = offset;		/* probe_offset */
	a.disabled = 1;
	fd = syscall(__NR_perf_event_open, &a, 0, -1, -1, 0);
	return fd < 0 ? -errno : fd;
}

/* A tracepoint event of this task: counting, or sampling raw records. */
static int open_tp(unsigned long id, int raw)
{
	struct perf_event_attr a;
	int fd;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = PERF_TYPE_TRACEPOINT;
	a.config = id;
	a.disabled = 1;
	if (raw) {
		a.sample_period = 1;
		a.sample_type = PERF_SAMPLE_RAW;
	}
	fd = syscall(__NR_perf_event_open, &a, 0, -1, -1, 0);
	return fd < 0 ? -errno : fd;
}

static void __attribute__((noinline)) target(void)
{
	__asm__ volatile("" ::: "memory");
}

/* The offset of target() in this program's file, from /proc/self/maps. */
static uint64_t target_offset(char *path, size_t size)
{
	unsigned long lo, hi, off, t = (unsigned long)target;
	char line[512], file[400];
	FILE *f = fopen("/proc/self/maps", "r");

	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx-%lx %*s %lx %*s %*s %399s", &lo, &hi,
			   &off, file) == 4 && t >= lo && t < hi) {
			snprintf(path, size, "%s", file);
			fclose(f);
			return t - lo + off;
		}
	}
	fprintf(stderr, "target() is in no mapping\n");
	exit(1);
}

static long long count(int fd, int n, int user)
{
	long long c;
	int i;

	ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
	for (i = 0; i < n; i++) {
		if (user)
			target();
		else
			getppid();
	}
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
	if (read(fd, &c, sizeof(c)) != sizeof(c)) {
		perror("read");
		exit(1);
	}
	return c;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int ret = strstr(mode, "ret") != NULL, fd;
	char path[400];

	if (!strcmp(mode, "kprobe-err") && argc == 3) {
		fd = open_probe("kprobe", 0, argv[2], 0);
		printf("%s\n", fd >= 0 ? "ok" : strerrorname_np(-fd));
		return 0;
	}
	if (!strcmp(mode, "tp") && argc == 4) {
		fd = open_tp(strtoul(argv[2], NULL, 0), !strcmp(argv[3], "raw"));
		printf("%s\n", fd >= 0 ? "ok" : strerrorname_np(-fd));
		return 0;
	}
	if ((!strcmp(mode, "kprobe") || !strcmp(mode, "kretprobe")) && argc == 4) {
		fd = open_probe("kprobe", ret, argv[2], 0);
		if (fd < 0) {
			fprintf(stderr, "open: %s\n", strerror(-fd));
			return 1;
		}
		printf("%lld\n", count(fd, atoi(argv[3]), 0));
		return 0;
	}
	if ((!strcmp(mode, "uprobe") || !strcmp(mode, "uretprobe")) && argc == 3) {
		uint64_t off = target_offset(path, sizeof(path));

		fd = open_probe("uprobe", ret, path, off);
		if (fd < 0) {
			fprintf(stderr, "open %s+%#llx: %s\n", path,
				(unsigned long long)off, strerror(-fd));
			return 1;
		}
		printf("%lld\n", count(fd, atoi(argv[2]), 1));
		return 0;
	}
	fprintf(stderr, "usage: see the source\n");
	return 2;
}
