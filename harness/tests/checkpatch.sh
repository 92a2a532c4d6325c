#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Our kernel sources pass the base tree's scripts/checkpatch.pl --strict.
#
# One check is replaced: with -f, checkpatch flags every __setup() as
# undocumented (it only looks for documentation added by the same patch),
# so instead every __setup() name must appear in the tree's
# Documentation/admin-guide/kernel-parameters.txt.
set -u
. "$(dirname "$0")/../lib.sh"
set +e
"$H/sync-tree" > /dev/null || { echo "sync-tree failed"; exit 1; }
ver_dirs
cd "$OURS" || exit 1
bad=0
docs=Documentation/admin-guide/kernel-parameters.txt
for f in $(ftk_our_files "$TOP" | grep -E '\.(c|h|S)$' | grep -v '^tools/'); do
	out=$(perl scripts/checkpatch.pl --strict --terse --ignore UNDOCUMENTED_SETUP \
		-f "$f" 2>&1 | grep -E ':[0-9]+: (ERROR|WARNING|CHECK):')
	[ -z "$out" ] || { echo "$out"; bad=1; }
	for p in $(sed -n 's/.*__setup("\([^"=]*\)=\{0,1\}".*/\1/p' "$f"); do
		grep -qE "^[[:space:]]+$p(=|\[|[[:space:]]|$)" "$docs" ||
			{ echo "$f: boot parameter $p is not in $docs"; bad=1; }
	done
done
exit $bad
