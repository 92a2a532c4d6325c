# SPDX-License-Identifier: GPL-2.0
# buffer_size_kb (global and per CPU) and buffer_total_size_kb.  Sizes are
# rounded up to whole buffer pages (4080 data bytes each).
. "$(dirname "$0")/lib.sh"
ncpu=$(ls -d per_cpu/cpu* | wc -l)
kb() { echo $(( ($1 * 1024 + 4079) / 4080 * 4080 / 1024 )); }
echo 100 > buffer_size_kb
expect_content buffer_size_kb "$(kb 100)"
expect_content per_cpu/cpu0/buffer_size_kb "$(kb 100)"
expect_content buffer_total_size_kb $(($(kb 100) * ncpu))
if [ "$ncpu" -gt 1 ]; then
	echo 60 > per_cpu/cpu1/buffer_size_kb
	expect_content per_cpu/cpu1/buffer_size_kb "$(kb 60)"
	expect_content buffer_size_kb X
	expect_content buffer_total_size_kb $(($(kb 100) * (ncpu - 1) + $(kb 60)))
fi
expect_write_error "Invalid argument" 0 buffer_size_kb
expect_write_error "Invalid argument" abc buffer_size_kb
expect_write_error "Invalid argument" abc per_cpu/cpu0/buffer_size_kb
echo 1408 > buffer_size_kb
expect_content buffer_size_kb "$(kb 1408)"
