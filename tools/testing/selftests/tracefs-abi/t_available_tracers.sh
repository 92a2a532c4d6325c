# SPDX-License-Identifier: GPL-2.0
# available_tracers: one line of space-separated names; nop is always there;
# no name appears twice; the file cannot be written.
. "$(dirname "$0")/lib.sh"
[ "$(wc -l < available_tracers)" -eq 1 ] || fail "not exactly one line"
names=$(cat available_tracers)
echo " $names " | grep -q ' nop ' || fail "nop missing from '$names'"
dups=$(echo "$names" | tr ' ' '\n' | sort | uniq -d)
[ -z "$dups" ] || fail "listed twice: $dups"
[ "$(stat -c %a available_tracers)" = 440 ] || fail "mode is not 0440"
