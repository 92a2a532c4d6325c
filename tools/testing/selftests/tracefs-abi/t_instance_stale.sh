# SPDX-License-Identifier: GPL-2.0
# A file of an instance that rmdir removed can still reach ->open(): the
# path lookup pins its dentry and inode, not what i_private points to.
# The fuzzer hit it as a race (KASAN: use-after-free in the open of
# "trace"); a bind mount of each file holds the stale dentry for good,
# so here it is every time.  Each open must fail with ENODEV, also once
# a new instance of the same name exists, and must not take a reference
# that would keep the new one from going.
. "$(dirname "$0")/lib.sh"
[ -d instances ] || skip "no instances/"
mkdir -p /tmp/stale || fail "no /tmp"
files="trace trace_pipe trace_marker tracing_on buffer_size_kb buffer_percent
	trace_options options/markers error_log snapshot set_ftrace_filter
	set_ftrace_pid set_event_pid set_event per_cpu/cpu0/trace
	per_cpu/cpu0/trace_pipe_raw per_cpu/cpu0/buffer_size_kb
	events/enable events/sched/enable events/sched/sched_switch/enable
	events/sched/sched_switch/filter events/sched/sched_switch/trigger"

mkdir instances/stale || fail "mkdir failed"
n=0
mounted=""
for f in $files; do
	[ -e instances/stale/$f ] || continue
	n=$((n + 1))
	: > /tmp/stale/$n
	mount -o bind instances/stale/$f /tmp/stale/$n ||
		fail "cannot bind-mount $f"
	mounted="$mounted $n:$f"
done
[ $n -gt 10 ] || fail "only $n files to test"
# The bind mounts hold no open file: the instance goes.
rmdir instances/stale || fail "rmdir with bind-mounted files failed"

# stale_open WHEN: open each stale file for reading and for writing.
stale_open() {
	for m in $mounted; do
		f=${m#*:}
		for mode in '<' '>>'; do
			err=$(eval "exec 3$mode /tmp/stale/${m%%:*}" 2>&1) &&
				upstream_bug "$1: open($mode) of removed $f worked"
			case "$err" in
			*"No such device"* | *"No such file"* | "") ;;
			*) fail "$1: open($mode) of removed $f: $err" ;;
			esac
		done
	done
}
stale_open "after rmdir"

# A new instance of the same name is not the old one.
mkdir instances/stale || fail "mkdir of the name again failed"
stale_open "with a new instance of that name"
echo fresh > instances/stale/trace_marker
grep -q 'tracing_mark_write: fresh$' instances/stale/trace ||
	fail "the new instance does not record"
rmdir instances/stale || fail "the stale opens pinned the new instance"

for m in $mounted; do
	umount /tmp/stale/${m%%:*} || fail "cannot unmount ${m#*:}"
done
rm -rf /tmp/stale
echo x > trace_marker || fail "tracing broken after the stale opens"
