# SPDX-License-Identifier: GPL-2.0
# tracing_on: 0 or 1; any other number counts as 1; text is EINVAL.
. "$(dirname "$0")/lib.sh"
echo 0 > tracing_on
expect_content tracing_on 0
echo 1 > tracing_on
expect_content tracing_on 1
echo 0 > tracing_on
echo 5 > tracing_on
expect_content tracing_on 1
expect_write_error "Invalid argument" abc tracing_on
expect_write_error "Invalid argument" -1 tracing_on
expect_content tracing_on 1
# Repeated writes keep the state.
echo 1 > tracing_on
expect_content tracing_on 1
