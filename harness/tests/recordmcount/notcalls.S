/* SPDX-License-Identifier: GPL-2.0 */
/* One call to __fentry__ and three references to it that are not calls. */
	.text
	.globl	traced
traced:
	call	__fentry__
	jmp	__fentry__		/* e9, not a call */
	.globl	not_code
not_code:
	.byte	0xe8
	.long	__fentry__ - .		/* addend 0, not -4 */
	.byte	0xe8
	.reloc	., R_X86_64_32, __fentry__ - 4	/* not pc-relative */
	.long	0
	.section .note.GNU-stack, "", @progbits
