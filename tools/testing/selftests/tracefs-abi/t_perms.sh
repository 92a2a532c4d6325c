# SPDX-License-Identifier: GPL-2.0
# A user other than root gets EACCES from tracefs; with "gid=" (and a
# mode that lets the group in) a member of that group reads what upstream
# lets a group read and still may not write.
. "$(dirname "$0")/lib.sh"
command -v su > /dev/null || skip "no su"
M=$(pwd)
grep -q '^fz:' /etc/passwd 2>/dev/null || {
	echo 'root:x:0:0::/root:/bin/sh' >> /etc/passwd
	echo 'fz:x:1000:1000::/tmp:/bin/sh' >> /etc/passwd
	echo 'nogrp:x:1002:1002::/tmp:/bin/sh' >> /etc/passwd
	printf 'root:x:0:\nfz:x:1000:\nnogrp:x:1002:\ntracing:x:1001:fz\n' >> /etc/group
}
cleanup() { mount -o remount,gid=0,mode=0700 "$M"; }
trap cleanup EXIT
as() { su -s /bin/sh "$1" -c "$2" 2>&1; }
denied() {	# denied USER CMD: CMD run by USER fails with EACCES
	case "$(as "$1" "$2")" in
	*"Permission denied"*) ;;
	*) fail "$1: '$2' was not refused: $(as "$1" "$2")" ;;
	esac
}
denied fz "cat $M/trace"
denied fz "cat $M/available_tracers"
denied fz "echo 0 > $M/tracing_on"
denied fz "ls $M/events"
mount -o remount,gid=1001,mode=0750 "$M"
[ "$(stat -c %g trace)" = 1001 ] || fail "trace not in group 1001 after remount"
[ "$(stat -c %g events/sched/sched_switch/enable)" = 1001 ] ||
	fail "events not in group 1001 after remount"
as fz "cat $M/trace" > /dev/null || fail "group member cannot read trace"
as fz "cat $M/events/sched/sched_switch/format" | grep -q '^name: sched_switch' ||
	fail "group member cannot read an event format"
denied fz "echo 0 > $M/tracing_on"
denied fz "echo 1 > $M/events/sched/sched_switch/enable"
denied fz "mkdir $M/instances/fz"
denied nogrp "cat $M/trace"
expect_content tracing_on 1
