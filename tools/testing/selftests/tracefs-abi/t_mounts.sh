# SPDX-License-Identifier: GPL-2.0
# tracefs is at /sys/kernel/tracing and also reachable, by automount, as
# /sys/kernel/debug/tracing (when the kernel has debugfs).
. "$(dirname "$0")/lib.sh"
grep -q ' /sys/kernel/tracing tracefs ' /proc/mounts ||
	fail "tracefs is not mounted at /sys/kernel/tracing"
for f in available_tracers current_tracer tracing_on README; do
	[ -f "/sys/kernel/tracing/$f" ] || fail "no $f in tracefs"
done
grep -qw debugfs /proc/filesystems || exit 0	# CONFIG_DEBUG_FS=n
[ -f /sys/kernel/debug/tracing/current_tracer ] ||
	fail "/sys/kernel/debug/tracing is not reachable"
[ "$(cat /sys/kernel/debug/tracing/current_tracer)" = \
  "$(cat /sys/kernel/tracing/current_tracer)" ] ||
	fail "debugfs view differs from tracefs"
grep -q ' /sys/kernel/debug/tracing tracefs ' /proc/mounts ||
	fail "/sys/kernel/debug/tracing is not a tracefs mount"
