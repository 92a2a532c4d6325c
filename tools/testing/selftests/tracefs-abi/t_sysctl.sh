# SPDX-License-Identifier: GPL-2.0
# The tracing sysctls exist, read back what is written, and
# traceoff_on_warning is visible.
. "$(dirname "$0")/lib.sh"
k=/proc/sys/kernel
for f in ftrace_dump_on_oops traceoff_on_warning tracepoint_printk; do
	[ -f $k/$f ] || fail "no $k/$f"
done
old=$(cat $k/ftrace_dump_on_oops)
echo 1 > $k/ftrace_dump_on_oops
expect_content $k/ftrace_dump_on_oops 1
echo "$old" > $k/ftrace_dump_on_oops
old=$(cat $k/traceoff_on_warning)
echo 1 > $k/traceoff_on_warning
expect_content $k/traceoff_on_warning 1
echo "$old" > $k/traceoff_on_warning
expect_write_error "Invalid argument" xyz $k/tracepoint_printk
# Only a kernel booted with tp_printk can print events to the console.
case " $(cat /proc/cmdline) " in
*" tp_printk "*) ;;
*)
	echo 1 > $k/tracepoint_printk
	expect_content $k/tracepoint_printk 0
	;;
esac
