#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Platform files we carry (harness/manifest) differ from upstream by
# exactly the lines listed here, and nothing else.
set -u
. "$(dirname "$0")/../lib.sh"
set +e
ver_dirs
bad=0
check() {	# check FILE ADDED-LINE...
	local f=$1 got want
	shift
	got=$(diff "$BASE/$f" "$TOP/$f" | grep '^[<>]')
	want=$(printf '> %s\n' "$@")
	[ "$got" = "$want" ] || { echo "$f: differs from upstream by:"; echo "$got"; bad=1; }
}
check scripts/Makefile 'HOSTLDLIBS_recordmcount = -lelf'
exit $bad
