#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run-guest passes the script's output and exit status through, copies
# extra files in, and fails (125) on a kernel problem in the log or a hang.
# Needs our kernel built; skipped otherwise.
set -u
. "$(dirname "$0")/../lib.sh"
set +e
ver_dirs
[ -f "$V/out-ours/arch/x86/boot/bzImage" ] || { echo "our kernel is not built"; exit 4; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "payload-$$" > "$tmp/data.txt"
cat > "$tmp/job.sh" <<'EOS'
cat /ftk/files/sub/data.txt
echo "args: $(cat /proc/cmdline | grep -o 'ftk_test_arg=[a-z]*')"
exit 3
EOS
out=$("$H/run-guest" --append ftk_test_arg=yes --file "$tmp/data.txt:sub/data.txt" "$tmp/job.sh" 2>/dev/null)
rc=$?
[ "$rc" = 3 ] || fail "exit status $rc, expected 3"
echo "$out" | grep -qx "payload-$$" || fail "extra file missing: $out"
echo "$out" | grep -qx "args: ftk_test_arg=yes" || fail "--append lost: $out"

# A kernel warning in the log fails the run even when the script passes.
echo 'echo "WARNING: CPU: 0 PID: 1 at fake/test.c:1 injected" > /dev/kmsg' > "$tmp/warn.sh"
"$H/run-guest" "$tmp/warn.sh" >/dev/null 2>&1
rc=$?
[ "$rc" = 125 ] || fail "a WARN in the log gave exit $rc, expected 125"

# A hang is cut off by the timeout.
echo 'sleep 1000' > "$tmp/hang.sh"
"$H/run-guest" --timeout 20 "$tmp/hang.sh" >/dev/null 2>&1
rc=$?
[ "$rc" = 125 ] || fail "a hang gave exit $rc, expected 125"
exit 0
