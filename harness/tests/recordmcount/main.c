// SPDX-License-Identifier: GPL-2.0
/*
 * Linked with objects processed by recordmcount, an expect.c written by
 * recordmcount.sh and fentry.S.  Walks __mcount_loc and checks that every
 * entry is a call to __fentry__ at the start of an expected function (or
 * one of expect_extra others: copies of overridden weak functions), that
 * every expected function is covered exactly once, and that the functions
 * expected to have been made NOPs start with a 5-byte NOP and do not call
 * __fentry__.  Prints what is wrong and exits 1 on any mismatch.
 */
#include <stdio.h>
#include <string.h>
#include "defs.h"

#define MAX_FNS	64

extern const unsigned long __start___mcount_loc[], __stop___mcount_loc[];
extern long fentry_calls;
void __fentry__(void);

/* From expect.c: fill NULL-terminated lists, return expected extras */
int expect(fn_t **traced, fn_t **nops);

static const unsigned char endbr64[] = { 0xf3, 0x0f, 0x1e, 0xfa };
static const unsigned char nop5[] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

/* Where a function's __fentry__ call is: its start, after any endbr64 */
static const unsigned char *entry(fn_t *f)
{
	const unsigned char *p = (const unsigned char *)f;

	return memcmp(p, endbr64, sizeof(endbr64)) ? p : p + sizeof(endbr64);
}

int main(void)
{
	fn_t *traced[MAX_FNS], *nops[MAX_FNS];
	int covered[MAX_FNS] = { 0 };
	size_t n = __stop___mcount_loc - __start___mcount_loc, i, j;
	int extra = 0, bad = 0, want_extra = expect(traced, nops);
	long calls;

	for (i = 0; i < n; i++) {
		const unsigned char *site = (const void *)__start___mcount_loc[i];
		int rel;
		int found = 0;

		memcpy(&rel, site + 1, sizeof(rel));
		if (site[0] != 0xe8 || site + 5 + rel != (const void *)__fentry__) {
			printf("entry %zu (%p) is not a call to __fentry__\n", i, site);
			bad = 1;
			continue;
		}
		for (j = i + 1; j < n; j++) {
			if (__start___mcount_loc[j] == __start___mcount_loc[i]) {
				printf("entry %zu (%p) is duplicated\n", i, site);
				bad = 1;
			}
		}
		for (j = 0; traced[j]; j++) {
			if (entry(traced[j]) == site) {
				covered[j]++;
				found = 1;
			}
		}
		extra += !found;
	}
	for (j = 0; traced[j]; j++) {
		if (covered[j] != 1) {
			printf("expected function %zu (%p) is recorded %d times\n",
			       j, (void *)traced[j], covered[j]);
			bad = 1;
		}
	}
	if (extra != want_extra) {
		printf("%d entries outside the expected functions, want %d\n",
		       extra, want_extra);
		bad = 1;
	}
	for (j = 0; nops[j]; j++) {
		calls = fentry_calls;
		nops[j](1);
		if (memcmp(entry(nops[j]), nop5, sizeof(nop5)) ||
		    fentry_calls != calls) {
			printf("function %p does not start with a NOP\n", (void *)nops[j]);
			bad = 1;
		}
	}
	for (j = 0; traced[j]; j++) {
		calls = fentry_calls;
		traced[j](1);
		if (fentry_calls == calls) {
			printf("function %p did not call __fentry__\n", (void *)traced[j]);
			bad = 1;
		}
	}
	printf("%zu entries, %d extra: %s\n", n, extra, bad ? "FAILED" : "ok");
	return bad;
}
