# SPDX-License-Identifier: GPL-2.0
# A stack walk takes locks that the lock events see: with
# options/stacktrace (or a stacktrace trigger) on lock:lock_acquire, an
# event hit inside a walk must not walk again.  The fuzzer found the
# kernel stuck for good there (every frame of every walk started another
# one).  Both ways must finish, and record stacks.
. "$(dirname "$0")/lib.sh"
[ -d events/lock/lock_acquire ] || skip "no lock events (LOCKDEP off)"
# Upstream's 6.12 stays stuck here too, silently: not run on it.
case " $(cat /proc/cmdline) " in
*" ftk.kernel=ref"*) skip "upstream's bug: its kernel never comes back from this test" ;;
esac
cleanup() {
	echo 0 > events/lock/lock_acquire/enable
	echo '!stacktrace' > events/lock/lock_acquire/trigger
	echo 0 > options/stacktrace
	echo 1 > tracing_on
}
trap cleanup EXIT
echo > trace
echo 1 > options/stacktrace
echo 1 > events/lock/lock_acquire/enable
cat /proc/self/stat > /dev/null
echo 0 > events/lock/lock_acquire/enable
echo 0 > options/stacktrace
grep -q 'lock_acquire:' trace || fail "no lock_acquire records"
grep -q '<stack trace>' trace || fail "no stacks with options/stacktrace"

echo > trace
echo stacktrace > events/lock/lock_acquire/trigger
echo 1 > events/lock/lock_acquire/enable
cat /proc/self/stat > /dev/null
echo 0 > events/lock/lock_acquire/enable
echo '!stacktrace' > events/lock/lock_acquire/trigger
grep -q '<stack trace>' trace || fail "no stacks from the stacktrace trigger"
exit 0
