# SPDX-License-Identifier: GPL-2.0
# buffer_percent: 0 to 100, default 50, per instance.
. "$(dirname "$0")/lib.sh"
expect_content buffer_percent 50
for v in 0 1 100 50; do
	echo $v > buffer_percent
	expect_content buffer_percent $v
done
expect_write_error "Invalid argument" 101 buffer_percent
expect_write_error "Invalid argument" abc buffer_percent
expect_write_error "Invalid argument" -1 buffer_percent
expect_content buffer_percent 50
mkdir instances/bp
echo 7 > instances/bp/buffer_percent
expect_content instances/bp/buffer_percent 7
expect_content buffer_percent 50
rmdir instances/bp
