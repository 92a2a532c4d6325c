// SPDX-License-Identifier: GPL-2.0
/* No functions at all: recordmcount must leave the object alone. */
int empty_data = 42;
