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
# A clock whose values run behind the previous one's (counter and uptime
# count calls and jiffies, local nanoseconds): time goes on from the new
# clock's values, not stuck at the last stamp of the old one.
ts_of() {
	grep "tracing_mark_write: $1\$" trace | sed 's/.* \([0-9.]*\): tracing_mark_write.*/\1/'
}
for c in counter uptime; do
	echo local > trace_clock
	echo before > trace_marker
	echo $c > trace_clock
	echo first > trace_marker
	sleep 1
	echo second > trace_marker
	a=$(ts_of first) b=$(ts_of second)
	[ -n "$a" ] && [ -n "$b" ] || fail "$c: marker records missing"
	[ "$b" -gt "$a" ] || fail "$c: time stamps $a then $b"
done
expect_write_error "Invalid argument" no_such_clock trace_clock
echo local > trace_clock
expect_content trace_clock \
	"$(sed 's/\[local\]/local/; s/^local /[local] /' trace_clock)"
