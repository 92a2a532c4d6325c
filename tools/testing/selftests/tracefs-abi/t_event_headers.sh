# SPDX-License-Identifier: GPL-2.0
# The self-describing files parsers rely on match upstream's byte for byte
# (golden/event_headers.txt was read from upstream's 6.12 on x86-64).
. "$(dirname "$0")/lib.sh"
cat events/header_page events/header_event events/ftrace/print/format \
    events/ftrace/raw_data/format events/ftrace/print/id > /tmp/headers.txt
cmp -s /tmp/headers.txt "$(dirname "$0")/golden/event_headers.txt" ||
	fail "differs: $(diff /tmp/headers.txt "$(dirname "$0")/golden/event_headers.txt")"
expect_content events/enable 0
echo 0 > events/enable
expect_write_error "Invalid argument" 2 events/enable
