// SPDX-License-Identifier: GPL-2.0
/*
 * Only a weak function: the assembler emits no .text section symbol, so
 * recordmcount has to add one.
 */
#include "defs.h"

int __noipa __weak weak_only(int x)
{
	return x - 9;
}
