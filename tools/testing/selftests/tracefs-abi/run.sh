#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every test of this directory; print "ok - NAME", "not ok - NAME" or
# "skip - NAME" for each, then "time - NAME SECONDS".  Exit status: 0 when
# none failed.
#
# Tests check the tracefs ABI, so they pass on upstream's implementation
# as well as ours.  A test exits 0 (pass), 4 (skip) or anything else (fail).
dir=$(cd "$(dirname "$0")" && pwd)
TRACING=${TRACING:-/sys/kernel/tracing}
export TRACING
failed=0
for t in "$dir"/t_*.sh; do
	name=$(basename "$t" .sh)
	log=/tmp/$name.log
	start=$(date +%s)
	(cd "$TRACING" && sh -e "$t") > "$log" 2>&1
	rc=$?
	echo "time - $name $(($(date +%s) - start))"
	case $rc in
	0) echo "ok - $name" ;;
	4) echo "skip - $name: $(tail -n 1 "$log")" ;;
	*) echo "not ok - $name (exit $rc)"; sed 's/^/#   /' "$log"; failed=1 ;;
	esac
done
exit $failed
