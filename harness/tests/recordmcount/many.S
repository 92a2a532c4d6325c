/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 33000 traced functions, each in its own section: more than 65280
 * sections with their relocation sections, so the object uses extended
 * section numbering and SHT_SYMTAB_SHNDX, and section symbols beyond
 * SHN_LORESERVE, half of them made by the assembler, half by recordmcount.
 */
	.altmacro
	.macro	fn n
	.section .text.many\n, "ax", @progbits
	.globl	many\n
many\n:
.Lm\n:
	call	__fentry__
	ret
	.if	\n / 2 * 2 == \n	/* gas emits a section symbol: */
	.pushsection .data.many, "aw"
	.quad	.Lm\n		/* half have one, half get one */
	.popsection
	.endif
	.endm

	.set	i, 0
	.rept	33000
	fn	%i
	.set	i, i + 1
	.endr
	.section .note.GNU-stack, "", @progbits
