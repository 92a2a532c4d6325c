// SPDX-License-Identifier: GPL-2.0
/*
 * The nop tracer: current when no other tracer is, it records nothing of
 * its own.  Every tracer switch passes through it, so it has no init or
 * reset work and nothing that a selftest could check.
 */
#include "trace_priv.h"

struct tracer nop_trace = {
	.name		= "nop",
	.allow_instances = true,
};
