// SPDX-License-Identifier: GPL-2.0
/*
 * Whitespace-separated words written to a tracefs file, in as many
 * write() calls as the user likes: a word cut by the end of one write is
 * kept and completed by the next, or handed on when the file is closed.
 * The filter files of the function tracer and the pid files use it.
 */
#include <linux/ctype.h>
#include <linux/uaccess.h>

#include "trace_priv.h"

/**
 * trace_words_flush() - hand on the word kept from earlier writes
 * @w: the words of an open file
 * @fn: called with the word, NUL-terminated
 * @ctx: for @fn
 *
 * Return: 0, or what @fn returned.
 */
int trace_words_flush(struct trace_words *w, int (*fn)(void *ctx, char *word),
		      void *ctx)
{
	if (!w->len)
		return 0;
	w->buf[w->len] = '\0';
	w->len = 0;
	return fn(ctx, w->buf);
}

/**
 * trace_words_write() - split a write into whitespace-separated words
 * @w: the words of an open file; a word cut by the end of the write is
 *	kept for the next write (or trace_words_flush() at close)
 * @ubuf: the user's buffer
 * @cnt: its length
 * @fn: called with each complete word, NUL-terminated
 * @ctx: for @fn
 *
 * Return: 0; -EFAULT; -EINVAL for a word longer than the buffer; or the
 * first error of @fn.
 */
int trace_words_write(struct trace_words *w, const char __user *ubuf,
		      size_t cnt, int (*fn)(void *ctx, char *word), void *ctx)
{
	size_t i;
	char c;
	int ret;

	for (i = 0; i < cnt; i++) {
		if (get_user(c, ubuf + i))
			return -EFAULT;
		if (isspace(c)) {
			ret = trace_words_flush(w, fn, ctx);
			if (ret)
				return ret;
		} else if (w->len < w->size - 1) {
			w->buf[w->len++] = c;
		} else {
			return -EINVAL;
		}
	}
	return 0;
}
