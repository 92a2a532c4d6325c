# SPDX-License-Identifier: GPL-2.0
# The files of an event's directory can still reach ->open() after the
# event went (its module unloaded, its probe event deleted): a bind mount
# (or an open that raced with the removal) holds the dentry and the inode,
# whose i_private is the event's struct.  Each open must fail with ENODEV,
# also once new events exist: a new event's struct must not be at the
# address a stale inode holds, or the stale file would open the new event
# (the allocator hands out the objects it freed last first: forty probe
# events deleted and forty made again reuse some of them).
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/ftk_fuzz.ko
nums=$(i=0; while [ $i -lt 40 ]; do i=$((i + 1)); echo $i; done)
mkdir -p /tmp/evstale || fail "no /tmp"
mounted=""
cleanup() {
	for m in $mounted; do umount /tmp/evstale/${m%%:*} || true; done
	rmmod ftk_fuzz 2>/dev/null || true
	for i in $nums; do
		echo "-:kstale/s$i" >> kprobe_events 2>/dev/null || true
		echo "-:kstale/n$i" >> kprobe_events 2>/dev/null || true
	done
	rm -rf /tmp/evstale
}
trap cleanup EXIT
n=0

# bind DIR FILES...: bind-mount the FILES of the event directory DIR.
bind() {
	dir=$1
	shift
	for f in "$@"; do
		[ -e $dir/$f ] || continue
		n=$((n + 1))
		: > /tmp/evstale/$n
		mount -o bind $dir/$f /tmp/evstale/$n || fail "cannot bind-mount $dir/$f"
		mounted="$mounted $n:$dir/$f"
	done
}

# stale_open WHEN: open each stale file for reading and for writing.
stale_open() {
	for m in $mounted; do
		f=${m#*:}
		for mode in '<' '>>'; do
			case $mode$f in '>>'*/format | '>>'*/id) continue ;; esac
			err=$(eval "exec 3$mode /tmp/evstale/${m%%:*}" 2>&1) &&
				upstream_bug "$1: open($mode) of the removed $f worked"
			case "$err" in
			*"No such device"* | *"No such file"* | "") ;;
			*) fail "$1: open($mode) of the removed $f: $err" ;;
			esac
		done
	done
}

if [ -f $KO ]; then
	d=events/ftk_fuzz/ftk_fuzz_tick
	insmod $KO || fail "insmod failed"
	bind $d enable filter trigger format id
	[ $n -ge 4 ] || fail "only $n files of the module's event"
	rmmod ftk_fuzz || fail "rmmod with bind-mounted event files failed"
	stale_open "after rmmod"
	insmod $KO || fail "insmod again failed"
	stale_open "with the module loaded again"
	# The new event works, and the stale opens pinned nothing.
	echo 1 > $d/enable || fail "cannot enable the new event"
	sleep 1
	grep -q 'ftk_fuzz_tick: count=' trace || fail "the new event does not record"
	echo 0 > $d/enable
	echo > trace
	rmmod ftk_fuzz || fail "the stale opens pinned the module"
fi

if [ -w kprobe_events ]; then
	for i in $nums; do
		echo "p:kstale/s$i vfs_read" >> kprobe_events ||
			fail "cannot add kprobe event s$i"
		bind events/kstale/s$i enable
	done
	for i in $nums; do
		echo "-:kstale/s$i" >> kprobe_events ||
			fail "cannot delete kprobe event s$i with a bind-mounted file"
	done
	for i in $nums; do
		echo "p:kstale/n$i vfs_read" >> kprobe_events ||
			fail "cannot add kprobe event n$i"
	done
	stale_open "with new probe events"
	echo 1 > events/kstale/n1/enable || fail "cannot enable a new probe event"
	read -r _ < /proc/version	# read(2): busybox cat may use sendfile
	echo 0 > events/kstale/n1/enable
	grep -q 'n1: (vfs_read' trace || fail "the new probe event does not record"
	echo > trace
fi
[ $n -gt 0 ] || skip "no module and no kprobe_events"
