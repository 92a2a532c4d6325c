#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Our kernel sources pass the base tree's scripts/checkpatch.pl --strict,
# run inside the synced tree so that documented boot parameters are found.
set -u
. "$(dirname "$0")/../lib.sh"
set +e
"$H/sync-tree" > /dev/null || { echo "sync-tree failed"; exit 1; }
ver_dirs
cd "$OURS" || exit 1
bad=0
for f in $(ftk_our_files "$TOP" | grep -E '\.(c|h|S)$' | grep -v '^tools/'); do
	out=$(perl scripts/checkpatch.pl --strict --terse -f "$f" 2>&1 |
		grep -E ':[0-9]+: (ERROR|WARNING|CHECK):')
	[ -z "$out" ] || { echo "$out"; bad=1; }
done
exit $bad
