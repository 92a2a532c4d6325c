# SPDX-License-Identifier: GPL-2.0
# The trace_printk() family from a module (/ftk/files/ftk_printk.ko):
# constant and variable formats and strings, trace_dump_stack(), the
# debug-kernel banner, printk_formats (with the module's formats, which
# outlive it), the binary formats, options/trace_printk,
# options/trace_printk_dest and printk-msg-only.
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/ftk_printk.ko
[ -f printk_formats ] || skip "no printk_formats"
[ -f $KO ] || skip "no ftk_printk.ko in the guest"
[ -f options/trace_printk ] || fail "no options/trace_printk"
grep -qvE '^0x[0-9a-f]+ : ".*"$' printk_formats &&
	fail "printk_formats: $(grep -vE '^0x[0-9a-f]+ : ".*"$' printk_formats | head -n 2)"
for f in bprint bputs; do
	grep -q "^name: $f\$" events/ftrace/$f/format || fail "no ftrace/$f format"
done
grep -q 'field:const char \* fmt;	offset:16;	size:8;' events/ftrace/bprint/format ||
	fail "bprint format: $(cat events/ftrace/bprint/format)"
grep -q 'field:u32 buf\[\];	offset:24;	size:0;' events/ftrace/bprint/format ||
	fail "bprint format has no buf[]"

echo 1 > tracing_on
echo > trace
insmod $KO || fail "insmod ftk_printk.ko failed"
dmesg | grep -q 'trace_printk() being used. Allocating extra memory.' ||
	fail "no trace_printk() banner"
grep -q '^0x[0-9a-f]* : "ftk_printk: constant %d %s \\"q\\"\\n"$' printk_formats ||
	fail "the module's format is not in printk_formats"
grep -q '^0x[0-9a-f]* : "ftk_printk: constant puts\\n"$' printk_formats ||
	fail "the module's string is not in printk_formats"
# check_all FILE [FUNC]: one record of each kind in FILE, from FUNC (a
# regular expression; the caller's name, or its address once the module
# is gone).
check_all() {
	fn=${2:-ftk_printk_run}
	grep -q " $fn: ftk_printk: constant 42 str \"q\"\$" "$1" ||
		fail "no constant trace_printk() in $1: $(cat "$1")"
	grep -q " $fn: ftk_printk: variable 7\$" "$1" ||
		fail "no variable trace_printk() in $1"
	grep -q " $fn: ftk_printk: constant puts\$" "$1" ||
		fail "no constant trace_puts() in $1"
	# trace_puts() adds the newline a variable string lacks.
	grep -q " $fn: ftk_printk: variable puts\$" "$1" ||
		fail "no variable trace_puts() in $1"
	# The stack starts at trace_dump_stack()'s caller.
	grep -A1 '<stack trace>' "$1" | sed -n 2p | grep -qx " => $fn" ||
		fail "trace_dump_stack() in $1: $(grep -A2 '<stack trace>' "$1")"
}
cat trace > /tmp/tp1.txt
check_all /tmp/tp1.txt
rmmod ftk_printk
# The module is gone; its formats are the kernel's copies (its function
# names are gone: addresses show).
cat trace > /tmp/tp2.txt
check_all /tmp/tp2.txt '0xffffffff[0-9a-f]*'

# printk-msg-only: the message alone.
insmod $KO
echo 1 > options/printk-msg-only
grep -qx 'ftk_printk: constant 42 str "q"' trace ||
	fail "printk-msg-only: $(grep 'constant 42' trace)"
grep -qx 'ftk_printk: constant puts' trace || fail "printk-msg-only puts"
echo 0 > options/printk-msg-only

# options/trace_printk off: nothing is recorded.
echo 0 > options/trace_printk
echo > trace
echo 1 > /sys/module/ftk_printk/parameters/kick
grep -q 'ftk_printk:' trace && fail "recorded with trace_printk off"
echo 1 > options/trace_printk

# trace_printk_dest: one instance at a time; the top cannot clear it.
mkdir instances/tpx
[ ! -e instances/tpx/options/trace_printk ] ||
	fail "trace_printk is not an instance option"
expect_content options/trace_printk_dest 1
expect_content instances/tpx/options/trace_printk_dest 0
expect_write_error "Invalid argument" 0 options/trace_printk_dest
echo 1 > instances/tpx/options/trace_printk_dest
expect_content options/trace_printk_dest 0
echo > trace
echo 1 > /sys/module/ftk_printk/parameters/kick
cat instances/tpx/trace > /tmp/tp3.txt
check_all /tmp/tp3.txt
grep -q 'ftk_printk:' trace && fail "the top got trace_printk() records"
# Removing the destination hands it back to the top.
rmdir instances/tpx
expect_content options/trace_printk_dest 1
echo 1 > /sys/module/ftk_printk/parameters/kick
grep -q 'ftk_printk: constant 42' trace || fail "the top does not get them back"
# trace-cmd decodes the binary records with printk_formats.
if command -v trace-cmd > /dev/null; then
	trace-cmd record -q -p nop -o /tmp/tp.dat sh -c \
		'echo 1 > /sys/module/ftk_printk/parameters/kick' > /tmp/tp.rec 2>&1 ||
		{ cat /tmp/tp.rec; fail "trace-cmd record failed"; }
	trace-cmd report -i /tmp/tp.dat > /tmp/tp.rep 2>&1
	grep -q 'ftk_printk: constant 42 str "q"' /tmp/tp.rep ||
		fail "trace-cmd report: $(grep ftk_printk /tmp/tp.rep)"
	grep -q 'ftk_printk: constant puts' /tmp/tp.rep ||
		fail "trace-cmd report has no bputs record"
fi
rmmod ftk_printk
exit 0
