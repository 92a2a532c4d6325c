# SPDX-License-Identifier: GPL-2.0
# perf probe (Debian's linux-perf, copied into the guest by the harness):
# without debug info it writes kprobe_events definitions against _text
# ("p:probe/vfs_read _text+OFFS"), a return probe with $retval and one
# with a register argument; lists them, records their hits with perf
# record (with dd: busybox's cat would use sendfile) and prints them
# with perf script, and deletes them.
. "$(dirname "$0")/lib.sh"
P=$(command -v perf) || skip "perf is not in the guest"
[ -f kprobe_events ] || skip "no kprobe_events"
T=$PWD
cleanup() {
	$P --no-pager probe -q -d 'probe:*' > /dev/null 2>&1 || true
	echo > "$T/kprobe_events"
}
trap cleanup EXIT
cd /tmp

# pprobe ARGS...: perf probe ARGS; on failure its output and FAIL.
pprobe() {
	$P --no-pager probe -q "$@" > /tmp/pp.out 2>&1 ||
		{ cat /tmp/pp.out; fail "perf probe $*"; }
}

pprobe -a vfs_read
pprobe -a 'vfs_read%return $retval'
pprobe -a 'myopen=do_sys_openat2 dfd=%di:s32'
grep -q '^p:probe/vfs_read _text+[0-9]*$' "$T/kprobe_events" ||
	fail "kprobe_events: $(cat "$T/kprobe_events")"
grep -q '^r[0-9]*:probe/vfs_read__return _text+[0-9]* arg1=\$retval$' "$T/kprobe_events" ||
	fail "return probe: $(cat "$T/kprobe_events")"
[ -d "$T/events/probe/myopen" ] || fail "no events/probe/myopen"

$P --no-pager probe -l > /tmp/pp.list 2>&1 || { cat /tmp/pp.list; fail "perf probe -l"; }
for e in 'probe:vfs_read  *(on vfs_read)' 'probe:vfs_read__return (on vfs_read%return with arg1)' \
	 'probe:myopen  *(on do_sys_openat2 with dfd)'; do
	grep -q "^ *$e\$" /tmp/pp.list || fail "perf probe -l lacks '$e': $(cat /tmp/pp.list)"
done

$P record -q -e probe:vfs_read -e probe:vfs_read__return -e probe:myopen \
	-o /tmp/pp.data -- dd if=/proc/version of=/dev/null 2> /tmp/pp.out ||
	{ cat /tmp/pp.out; fail "perf record -e probe:..."; }
$P script -i /tmp/pp.data > /tmp/pp.txt 2> /tmp/pp.out ||
	{ cat /tmp/pp.out; fail "perf script"; }
grep -q ' dd .* probe:vfs_read: (ffffffff[0-9a-f]*)$' /tmp/pp.txt ||
	fail "no vfs_read hit: $(head -n 5 /tmp/pp.txt)"
grep -q ' dd .* probe:vfs_read__return: (ffffffff[0-9a-f]* <- ffffffff[0-9a-f]*) arg1=0x[0-9a-f]*$' /tmp/pp.txt ||
	fail "no vfs_read return: $(grep return /tmp/pp.txt | head -n 3)"
grep -q ' dd .* probe:myopen: (ffffffff[0-9a-f]*) dfd=-100$' /tmp/pp.txt ||
	fail "no do_sys_openat2 hit with dfd=-100: $(grep myopen /tmp/pp.txt | head -n 3)"

pprobe -d 'probe:*'
[ -z "$(cat "$T/kprobe_events")" ] || fail "left after -d: $(cat "$T/kprobe_events")"
[ -d "$T/events/probe" ] && fail "events/probe left after -d"
exit 0
