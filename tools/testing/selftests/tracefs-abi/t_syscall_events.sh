# SPDX-License-Identifier: GPL-2.0
# Syscall events (events/syscalls/): one sys_enter_ and one sys_exit_ event
# per system call the 64-bit table reaches, upstream's format files and
# text, filters on their fields (.ustring reads a user string), a trigger
# on one, and instances tracing their own.
. "$(dirname "$0")/lib.sh"
D=events/syscalls
[ -d $D ] || skip "no syscall events"
cleanup() {
	echo 0 > $D/enable
	echo 0 > $D/sys_enter_openat/filter
	[ -d instances/sc ] && rmdir instances/sc
	echo > trace
	true
}
trap cleanup EXIT
cleanup

# Every event has its pair; the unimplemented slots have none.
n_enter=$(ls -d $D/sys_enter_* | wc -l)
n_exit=$(ls -d $D/sys_exit_* | wc -l)
[ "$n_enter" -gt 200 ] || fail "only $n_enter sys_enter events"
[ "$n_enter" = "$n_exit" ] || fail "$n_enter sys_enter events, $n_exit sys_exit"
[ -d $D/sys_enter_ni_syscall ] && fail "an event for sys_ni_syscall"
[ "$(grep -c '^syscalls:' available_events)" = $((n_enter + n_exit)) ] ||
	fail "available_events does not list every syscall event"

sed -n '/^format:/,$p' $D/sys_enter_openat/format > /tmp/sc_fmt
cat > /tmp/sc_want <<'EOT'
format:
	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
	field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
	field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
	field:int common_pid;	offset:4;	size:4;	signed:1;

	field:int __syscall_nr;	offset:8;	size:4;	signed:1;
	field:int dfd;	offset:16;	size:8;	signed:0;
	field:const char * filename;	offset:24;	size:8;	signed:0;
	field:int flags;	offset:32;	size:8;	signed:0;
	field:umode_t mode;	offset:40;	size:8;	signed:0;

print fmt: "dfd: 0x%08lx, filename: 0x%08lx, flags: 0x%08lx, mode: 0x%08lx", ((unsigned long)(REC->dfd)), ((unsigned long)(REC->filename)), ((unsigned long)(REC->flags)), ((unsigned long)(REC->mode))
EOT
cmp -s /tmp/sc_fmt /tmp/sc_want || fail "sys_enter_openat format: $(diff /tmp/sc_want /tmp/sc_fmt)"
tail -n 4 $D/sys_exit_openat/format > /tmp/sc_fmt
printf '\tfield:long ret;\toffset:16;\tsize:8;\tsigned:1;\n\nprint fmt: "0x%%lx", REC->ret\n' > /tmp/sc_want
tail -n 3 /tmp/sc_fmt | cmp -s - /tmp/sc_want || fail "sys_exit_openat format: $(cat /tmp/sc_fmt)"
[ "$(tail -n 1 $D/sys_enter_getpid/format)" = 'print fmt: ""' ] ||
	fail "a call without arguments: $(tail -n 1 $D/sys_enter_getpid/format)"

# Text: "sys_openat(dfd: ffffff9c, filename: ..., flags: 0, mode: 0)", "-> 0x3".
echo 1 > $D/sys_enter_openat/enable
echo 1 > $D/sys_exit_openat/enable
cat /proc/version > /dev/null
echo 0 > $D/enable
grep -qE ' sys_openat\(dfd: ffffff9c, filename: [0-9a-f]+, flags: [0-9a-f]+, mode: [0-9a-f]+\)$' trace ||
	fail "no sys_openat enter line: $(grep -m1 sys_openat trace)"
grep -qE ' sys_openat -> 0x[0-9a-f]+$' trace || fail "no sys_openat exit line"

# Filters: a user string through .ustring, numbers on the exit.
echo > trace
echo 'filename.ustring ~ "*version*"' > $D/sys_enter_openat/filter
echo 1 > $D/sys_enter_openat/enable
cat /proc/version > /dev/null
cat /proc/cmdline > /dev/null
echo 0 > $D/sys_enter_openat/enable
[ "$(grep -c ' sys_openat(' trace)" = 1 ] || fail "the .ustring filter let $(grep -c ' sys_openat(' trace) through"
expect_write_error "Invalid argument" 'dfd.ustring ~ "x"' $D/sys_enter_openat/filter
echo 0 > $D/sys_enter_openat/filter
echo > trace
echo 'ret < 0' > $D/sys_exit_openat/filter
echo 1 > $D/sys_exit_openat/enable
cat /nonexistent 2>/dev/null || true
cat /proc/version > /dev/null
echo 0 > $D/sys_exit_openat/enable
echo 0 > $D/sys_exit_openat/filter
grep -q ' sys_openat -> 0xfffffffffffffffe$' trace || fail "no ENOENT exit"
grep ' sys_openat -> ' trace | grep -vq 0xfffffffffffffffe && fail "the ret filter let a success through"

# A trigger on a syscall event.
echo 1 > tracing_on
echo traceoff > $D/sys_enter_getppid/trigger
sh -c 'echo $PPID' > /dev/null
expect_content tracing_on 0
echo '!traceoff' > $D/sys_enter_getppid/trigger
echo 1 > tracing_on

# An instance traces its own calls; the top one records none of them.
mkdir instances/sc
echo > trace
echo 1 > instances/sc/$D/sys_exit_getppid/enable
sh -c 'echo $PPID' > /dev/null
echo 0 > instances/sc/$D/sys_exit_getppid/enable
grep -q ' sys_getppid -> 0x' instances/sc/trace || fail "the instance recorded no getppid"
grep -q getppid trace && fail "the top instance recorded the instance's event"
rmdir instances/sc
exit 0
