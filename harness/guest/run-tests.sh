#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest job: run the tracefs-abi tests, plus the core's KUnit results when
# the kernel has them.
sh /ftk/tests/run.sh
rc=$?
# For the harness: how many call sites boot converted (our kernel).
dmesg | grep -o 'ftrace: converted [0-9]* call sites.*' | sed 's/^/# /'

# The harness promises an SMP guest: both vCPUs must be online.
if [ "$(grep -c '^processor' /proc/cpuinfo)" = 2 ]; then
	echo "ok - guest_has_2_cpus"
else
	echo "not ok - guest_has_2_cpus"
	rc=1
fi
if [ -d /sys/kernel/debug/kunit ]; then
	for r in /sys/kernel/debug/kunit/*/results; do
		[ -f "$r" ] && cat "$r" | sed -n 's/^[[:space:]]*\(not ok\|ok\) [0-9]* \([^ ]*\)\(.*\)$/kunit \1 - \2\3/p'
	done
fi
exit $rc
