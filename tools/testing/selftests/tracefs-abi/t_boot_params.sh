# SPDX-License-Identifier: GPL-2.0
# Boot parameters, checked when the harness booted with them:
#   ftrace=NAME          NAME is current if it exists, else a warning
#   traceoff_on_warning  shows in /proc/sys/kernel/traceoff_on_warning
#   ftrace_dump_on_oops  shows in /proc/sys/kernel/ftrace_dump_on_oops
. "$(dirname "$0")/lib.sh"
cmdline=$(cat /proc/cmdline)
tested=0
for arg in $cmdline; do
	case "$arg" in
	ftrace=*)
		name=${arg#ftrace=}
		tested=1
		if grep -qw "$name" available_tracers; then
			expect_content current_tracer "$name"
		else
			dmesg | grep -q "ftrace bootup tracer '$name' not registered" ||
				fail "no warning for unknown boot tracer $name"
		fi
		;;
	traceoff_on_warning)
		tested=1
		expect_content /proc/sys/kernel/traceoff_on_warning 1 ;;
	ftrace_dump_on_oops=*)
		tested=1
		expect_content /proc/sys/kernel/ftrace_dump_on_oops "${arg#*=}" ;;
	esac
done
[ "$tested" = 1 ] || skip "booted without tracing parameters"
