#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest job: only the boot-parameter test (the kernel was booted with them).
cd /sys/kernel/tracing || exit 1
if sh -e /ftk/tests/t_boot_params.sh > /tmp/bp.log 2>&1; then
	echo "ok - t_boot_params"
else
	echo "not ok - t_boot_params"
	sed 's/^/#   /' /tmp/bp.log
	exit 1
fi
