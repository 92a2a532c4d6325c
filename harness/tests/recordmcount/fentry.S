/* SPDX-License-Identifier: GPL-2.0 */
/* A __fentry__ that counts its calls. */
	.text
	.globl	__fentry__
	.type	__fentry__, @function
__fentry__:
	incq	fentry_calls(%rip)
	ret
	.size	__fentry__, . - __fentry__

	.bss
	.globl	fentry_calls
	.balign	8
fentry_calls:
	.quad	0
	.section .note.GNU-stack, "", @progbits
