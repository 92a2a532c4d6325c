# SPDX-License-Identifier: GPL-2.0
# The function tracer writes "COMM-PID [CPU] FLAGS TIMESTAMP: FUNC <-PARENT"
# lines for the set_ftrace_filter functions only, minus set_ftrace_notrace;
# print-parent=0 drops " <-PARENT"; a renamed task shows its new comm;
# switching to nop stops it.
. "$(dirname "$0")/lib.sh"
cleanup() {
	echo 1 > tracing_on
	echo nop > current_tracer
	echo > set_ftrace_filter
	echo > set_ftrace_notrace
	echo 1 > options/print-parent
}
trap cleanup EXIT
grep -qw function available_tracers || fail "function not in available_tracers"
[ -f options/print-parent ] || fail "no options/print-parent"
ctx='^ {0,15}[^ ].{0,15}-[0-9]+ +\[[0-9]{3}\] [.dDbXnNph HszZ0-9a-f]{5} +[0-9]+\.[0-9]{6}: '

echo nop > current_tracer
echo 1 > tracing_on
echo 1 > options/print-parent
echo 'vfs_read ksys_read schedule' > set_ftrace_filter
echo function > current_tracer
expect_content current_tracer function
head -n 1 /proc/version > /dev/null
sleep 0.1
# Reading trace runs vfs_read as well: stop recording before reading.
echo 0 > tracing_on
out=$(cat trace)
echo "$out" | head -n 1 | grep -qx '# tracer: function' || fail "bad first line: $(echo "$out" | head -n 1)"
body=$(echo "$out" | grep -v '^#') || true
[ -n "$body" ] || fail "function tracer recorded nothing"
n=$(echo "$body" | wc -l)
echo "$out" | grep -qE "^# entries-in-buffer/entries-written: $n/$n " ||
	fail "$n lines but $(echo "$out" | grep entries-in)"
bad=$(echo "$body" | grep -vE "${ctx}[^ ]+ <-[^ ]+\$" | head -n 3) || true
[ -z "$bad" ] || fail "malformed function lines: $bad"
for f in $(echo "$body" | sed -E 's/^.*[0-9]\.[0-9]{6}: ([^ ]+) <-.*$/\1/' | sort -u); do
	case $f in
	vfs_read|ksys_read|schedule) ;;
	*) fail "$f traced but not in the filter" ;;
	esac
done
echo "$body" | grep -qE '^ *head-[0-9]+ .*: vfs_read <-ksys_read$' || fail "no vfs_read <-ksys_read by head"
echo "$body" | grep -qE '^ *head-[0-9]+ .*: ksys_read <-[^ ]+$' || fail "no ksys_read by head"
echo "$body" | grep -qE ': schedule <-[^ ]+$' || fail "no schedule"

# print-parent=0: same records, without the parent.
echo 0 > options/print-parent
body2=$(grep -v '^#' trace) || true
[ "$(echo "$body2" | wc -l)" = "$n" ] || fail "print-parent=0 changed the record count"
bad=$(echo "$body2" | grep -vE "${ctx}(vfs_read|ksys_read|schedule)\$" | head -n 3) || true
[ -z "$bad" ] || fail "print-parent=0: $bad"
echo 1 > options/print-parent
echo "$(grep -v '^#' trace)" | grep -qE ': vfs_read <-ksys_read$' || fail "print-parent=1 not restored"

# set_ftrace_notrace wins over set_ftrace_filter, also when changed while
# the tracer runs.
echo 'vfs_r*' > set_ftrace_notrace
echo > trace
echo 1 > tracing_on
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
grep -qE '^ *head-[0-9]+ .*: ksys_read <-' trace || fail "notrace: ksys_read lost"
grep -q ': vfs_read <-' trace && fail "notrace: vfs_read still traced"
echo > set_ftrace_notrace
echo > trace
echo 1 > tracing_on
head -n 1 /proc/version > /dev/null
echo 0 > tracing_on
grep -qE '^ *head-[0-9]+ .*: vfs_read <-ksys_read$' trace || fail "vfs_read not back after clearing notrace"

# A task renamed in place (here by writing /proc/self/comm, as busybox's
# applets rename a forked shell) is shown by its new name, also when it
# recorded under the old one on the same CPU just before.
echo ksys_read > set_ftrace_filter
echo > trace
echo 1 > tracing_on
taskset 1 sh -c 'read x < /proc/version; printf ftk_renamed > /proc/self/comm; read x < /proc/version'
echo 0 > tracing_on
grep -qE '^ *ftk_renamed-[0-9]+ .*: ksys_read <-' trace ||
	fail "renamed task not shown by its new name: $(grep -v '^#' trace | tail -n 3)"

# Switching to nop empties the buffer and stops the function records.
echo nop > current_tracer
expect_content current_tracer nop
n=$(grep -c ' <-' trace) || true
[ "$n" = 0 ] || fail "switching to nop kept $n function records"
grep -qE '^# entries-in-buffer/entries-written: 0/0 ' trace || fail "switching to nop: $(grep entries-in trace)"
echo 1 > tracing_on
head -n 1 /proc/version > /dev/null
sleep 0.1
echo 0 > tracing_on
n=$(grep -c ' <-' trace) || true
[ "$n" = 0 ] || fail "$n function records after switching to nop"
grep -qx '# tracer: nop' trace || fail "trace header not nop"
