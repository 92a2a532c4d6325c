# SPDX-License-Identifier: GPL-2.0
# trace_clock lists the clocks with the current one in brackets.
. "$(dirname "$0")/lib.sh"
for c in local global counter uptime perf mono mono_raw boot; do
	grep -qw "$c" trace_clock || fail "clock $c missing"
	echo $c > trace_clock
	grep -q "\[$c\]" trace_clock || fail "clock $c not selected"
	echo "$c" > trace_marker
	grep -q "tracing_mark_write: $c\$" trace || fail "no record with clock $c"
done
expect_write_error "Invalid argument" no_such_clock trace_clock
echo local > trace_clock
expect_content trace_clock \
	"$(sed 's/\[local\]/local/; s/^local /[local] /' trace_clock)"
