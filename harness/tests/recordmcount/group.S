/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A COMDAT group whose signature is a global symbol: the section symbol
 * recordmcount adds for .text.grp moves it, and the group must follow.
 */
	.section .text.grp, "axG", @progbits, grp_fn, comdat
	.weak	grp_fn
	.type	grp_fn, @function
grp_fn:
	call	__fentry__
	ret
	.section .note.GNU-stack, "", @progbits
