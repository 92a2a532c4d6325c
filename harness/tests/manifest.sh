#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The manifest check fails loudly on an unlisted file of ours and on an
# upstream file that survives under an owned path; it passes on our tree.
set -u
H=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$H/check-manifest" || fail "our repository fails its own manifest"

# A fake repository and pristine tree.
mkdir -p "$tmp/repo/harness" "$tmp/repo/kernel/trace" "$tmp/pristine/kernel/trace" "$tmp/tree"
cd "$tmp/repo" && git init -q .
printf 'kernel/trace/\n+include/linux/new.h\n' > "$tmp/repo/harness/manifest"
echo a > kernel/trace/a.c
touch "$tmp/pristine/kernel/trace/old.c"
run() { FTK_REPO=$tmp/repo FTK_MANIFEST=$tmp/repo/harness/manifest "$H/check-manifest" "$@" 2>&1; }

run --pristine "$tmp/pristine" >/dev/null || fail "clean fake repo rejected"

mkdir -p include/linux lib
echo x > lib/stray.c
out=$(run) && fail "unlisted file accepted"
echo "$out" | grep -q "lib/stray.c has no place" || fail "unclear message: $out"
rm lib/stray.c

mkdir -p "$tmp/pristine/include/linux"; touch "$tmp/pristine/include/linux/new.h"
out=$(run --pristine "$tmp/pristine") && fail "+path that exists upstream accepted"
echo "$out" | grep -q "exists upstream" || fail "unclear message: $out"
rm "$tmp/pristine/include/linux/new.h"
printf 'kernel/trace/\ninclude/linux/gone.h\n' > "$tmp/repo/harness/manifest"
out=$(run --pristine "$tmp/pristine") && fail "owned path missing upstream accepted"
printf 'kernel/trace/\n' > "$tmp/repo/harness/manifest"

mkdir -p "$tmp/tree/kernel/trace"
cp kernel/trace/a.c "$tmp/tree/kernel/trace/"
run --tree "$tmp/tree" >/dev/null || fail "clean tree rejected"
touch "$tmp/tree/kernel/trace/old.c"
out=$(run --tree "$tmp/tree") && fail "surviving upstream file accepted"
echo "$out" | grep -q "kernel/trace/old.c survives" || fail "unclear message: $out"
exit 0
