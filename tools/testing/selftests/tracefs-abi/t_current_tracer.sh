# SPDX-License-Identifier: GPL-2.0
# current_tracer: reads the current name; accepts every available tracer;
# an unknown, empty-looking or over-long name gives EINVAL and changes
# nothing.
. "$(dirname "$0")/lib.sh"
echo nop > current_tracer
expect_content current_tracer nop
expect_write_error "Invalid argument" no_such_tracer current_tracer
expect_write_error "Invalid argument" "nopx" current_tracer
expect_write_error "Invalid argument" \
	"$(printf '%0120d' 0)" current_tracer
expect_content current_tracer nop

# Surrounding blanks and the newline of echo are not part of the name.
printf '  nop  \n' > current_tracer
expect_content current_tracer nop
printf 'nop' > current_tracer
expect_content current_tracer nop

# Writing the current tracer again is accepted.
echo nop > current_tracer
echo nop > current_tracer
expect_content current_tracer nop
[ "$(stat -c %a current_tracer)" = 640 ] || fail "mode is not 0640"
