// SPDX-License-Identifier: GPL-2.0
/*
 * The "rwbs" text of the block layer's trace events (block_rq_issue,
 * block_bio_queue, ...): a request's operation and flags, a letter each.
 * blktrace's own tracer is not offered; its helper is, since the events
 * print with it whenever the kernel has a block layer and trace events.
 */
#include <linux/blk_types.h>
#include <linux/blktrace_api.h>
#include <linux/export.h>

/**
 * blk_fill_rwbs() - a request's operation and flags as letters
 * @rwbs: room for RWBS_LEN bytes
 * @opf: the REQ_OP_* operation and REQ_* flags
 *
 * "F" for a preflush, then the operation ("W", "D", "DE" for a secure
 * erase, "F", "R", "N" for any other), then "F" for FUA, "A" for
 * readahead, "S" for sync and "M" for metadata, NUL-terminated.
 */
void blk_fill_rwbs(char *rwbs, blk_opf_t opf)
{
	static const struct {
		blk_opf_t	flag;
		char		c;
	} flags[] = {
		{ REQ_FUA, 'F' }, { REQ_RAHEAD, 'A' }, { REQ_SYNC, 'S' },
		{ REQ_META, 'M' },
	};
	const char *op;
	unsigned int i;

	if (opf & REQ_PREFLUSH)
		*rwbs++ = 'F';
	switch (opf & REQ_OP_MASK) {
	case REQ_OP_WRITE:
		op = "W";
		break;
	case REQ_OP_DISCARD:
		op = "D";
		break;
	case REQ_OP_SECURE_ERASE:
		op = "DE";
		break;
	case REQ_OP_FLUSH:
		op = "F";
		break;
	case REQ_OP_READ:
		op = "R";
		break;
	default:
		op = "N";
		break;
	}
	while (*op)
		*rwbs++ = *op++;
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (opf & flags[i].flag)
			*rwbs++ = flags[i].c;
	*rwbs = '\0';
}
EXPORT_SYMBOL_GPL(blk_fill_rwbs);
