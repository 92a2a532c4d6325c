# SPDX-License-Identifier: GPL-2.0
# Kprobe events on a module's functions: a probe on MOD:SYM defined before
# the module is loaded waits for it, and hits once it is; the event stays
# when the module goes (enabled, it just stops hitting) and hits again when
# the module comes back, also if it was enabled while the module was gone;
# a return probe with $retval on a module function
# records the function's result (ftk_fuzz_leaf(n) = 3n + 1, called with
# n = 0, 1, 4, 13, ...).
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/ftk_fuzz.ko
[ -f kprobe_events ] || skip "no kprobe_events"
[ -f $KO ] || skip "no fuzz module"
cleanup() {
	[ -f events/kprobes/enable ] && echo 0 > events/kprobes/enable
	echo > kprobe_events
	rmmod ftk_fuzz 2>/dev/null || true
	echo > trace
	true
}
trap cleanup EXIT
cleanup

# Defined before the module exists: accepted, listed, waiting.
echo 'p:kprobes/modstep ftk_fuzz:ftk_fuzz_step n=%di:u64' > kprobe_events ||
	fail "a probe on a module not loaded yet was refused"
echo 'r:kprobes/modleaf ftk_fuzz:ftk_fuzz_leaf ret=$retval:u64 n=$arg1:u64' >> kprobe_events ||
	fail "a return probe on a module not loaded yet was refused"
expect_content kprobe_events "p:kprobes/modstep ftk_fuzz:ftk_fuzz_step n=%di:u64
r:kprobes/modleaf ftk_fuzz:ftk_fuzz_leaf ret=\$retval:u64 n=\$arg1:u64"
echo 1 > events/kprobes/enable

hits() {	# hits EVENT: its records in trace
	grep -c " $1: " trace || true
}
for round in 1 2; do
	echo > trace
	insmod $KO
	sleep 1
	[ "$(hits modstep)" -gt 0 ] || fail "round $round: no hit of ftk_fuzz_step"
	[ "$(hits modleaf)" -gt 0 ] || fail "round $round: no hit of ftk_fuzz_leaf's return"
	grep -qE ' modstep: \(ftk_fuzz_step\+0x0/0x[0-9a-f]+ \[ftk_fuzz\]\) n=[0-9]+$' trace ||
		fail "round $round: modstep record: $(grep -m1 modstep: trace)"
	# Every return: ret = 3n + 1.
	bad=$(grep ' modleaf: ' trace |
	      sed -n 's/.* ret=\([0-9]*\) n=\([0-9]*\)$/\1 \2/p' |
	      awk '$2 < 1000000000000 && $1 != 3 * $2 + 1' | head -n 1)
	[ -z "$bad" ] || fail "round $round: leaf: ret n = $bad"
	grep -q ' modleaf: .* ret=[0-9]* n=[0-9]*$' trace ||
		fail "round $round: modleaf record: $(grep -m1 modleaf: trace)"
	rmmod ftk_fuzz
	# The module went; the probes stay, enabled.
	[ "$(grep -c ftk_fuzz kprobe_events)" = 2 ] || fail "round $round: probes went with the module"
	expect_content events/kprobes/modstep/enable 1
	echo > trace
	sleep 0.3
	[ "$(hits modstep)" = 0 ] || fail "round $round: hits without the module"
done
# Enabled while its module is gone (the probe was registered on it
# before): taken, and it hits when the module comes back.
echo 0 > events/kprobes/enable
echo 1 > events/kprobes/modstep/enable ||
	fail "enabling a probe whose module went was refused"
insmod $KO
sleep 1
[ "$(hits modstep)" -gt 0 ] || fail "no hit of a probe enabled while its module was gone"
rmmod ftk_fuzz
echo 0 > events/kprobes/enable
echo > kprobe_events
[ -z "$(cat kprobe_events)" ] || fail "kprobe_events not empty"
exit 0
