/* SPDX-License-Identifier: GPL-2.0 */
/* Tracepoints of the fuzz module (ftk_fuzz.c). */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ftk_fuzz

#if !defined(_FTK_FUZZ_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _FTK_FUZZ_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(ftk_fuzz_tick,
	TP_PROTO(unsigned long count, const char *what),
	TP_ARGS(count, what),
	TP_STRUCT__entry(
		__field(unsigned long, count)
		__string(what, what)
		__array(u8, bytes, 6)
	),
	TP_fast_assign(
		__entry->count = count;
		__assign_str(what);
		memset(__entry->bytes, count & 0xff, sizeof(__entry->bytes));
	),
	TP_printk("count=%lu what=%s", __entry->count, __get_str(what))
);

#endif /* _FTK_FUZZ_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE ftk_fuzz_trace
#include <trace/define_trace.h>
