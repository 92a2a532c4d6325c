# SPDX-License-Identifier: GPL-2.0
# README is a mini-HOWTO that names the core files.
. "$(dirname "$0")/lib.sh"
[ "$(head -n 1 README)" = "tracing mini-HOWTO:" ] || fail "bad first line"
for f in available_tracers current_tracer tracing_on; do
	grep -qw "$f" README || fail "README does not describe $f"
done
[ "$(stat -c %a README)" = 440 ] || fail "mode is not 0440"
