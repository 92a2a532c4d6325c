# SPDX-License-Identifier: GPL-2.0
# A module's events and functions come and go with it: loading the fuzz
# module (/ftk/files/ftk_fuzz.ko: event ftk_fuzz:ftk_fuzz_tick, functions
# ftk_fuzz_step and ftk_fuzz_leaf) adds its event directory and its
# functions, both trace, and unloading it while they are enabled takes
# them away cleanly; a second load works the same, and a ":mod:" word
# waiting for the module is applied once when it loads.  (The first fuzz run
# found our kernel crashing on any module with events, reading the
# kernel's enum maps after boot had freed them, and set_ftrace_filter
# commands outliving their module, listed by address.)
. "$(dirname "$0")/lib.sh"
KO=/ftk/files/ftk_fuzz.ko
[ -f $KO ] || skip "no fuzz module"
cleanup() {
	echo 0 > tracing_on
	echo nop > current_tracer
	echo > set_ftrace_filter 2>/dev/null
	echo > set_event
	rmmod ftk_fuzz 2>/dev/null || true
	echo 1 > tracing_on
	true
}
trap cleanup EXIT
for round in 1 2; do
	insmod $KO
	[ -d events/ftk_fuzz/ftk_fuzz_tick ] || fail "round $round: no event directory"
	grep -q '^name: ftk_fuzz_tick$' events/ftk_fuzz/ftk_fuzz_tick/format ||
		fail "round $round: format"
	grep -q 'field:unsigned long count;' events/ftk_fuzz/ftk_fuzz_tick/format ||
		fail "round $round: no count field"
	grep -qx 'ftk_fuzz:ftk_fuzz_tick' available_events || fail "not in available_events"
	echo > trace
	echo 1 > events/ftk_fuzz/enable
	echo 'count > 1' > events/ftk_fuzz/ftk_fuzz_tick/filter
	if [ -f set_ftrace_filter ]; then
		echo ':mod:ftk_fuzz' > set_ftrace_filter
		grep -qx 'ftk_fuzz_step \[ftk_fuzz\]' set_ftrace_filter ||
			fail "round $round: :mod: did not select ftk_fuzz_step: $(cat set_ftrace_filter)"
		echo 'ftk_fuzz_leaf:traceon' >> set_ftrace_filter
		grep -qx 'ftk_fuzz_leaf \[ftk_fuzz\]:traceon:unlimited' set_ftrace_filter ||
			fail "round $round: command not listed: $(cat set_ftrace_filter)"
		echo function > current_tracer
	fi
	sleep 1
	grep -q 'ftk_fuzz_tick: count=[0-9]* what=\(odd\|even\)' trace ||
		fail "round $round: no event records"
	grep -q 'ftk_fuzz_tick: count=[01] ' trace && fail "round $round: filter let count<=1 through"
	if [ -f set_ftrace_filter ]; then
		grep -q ' ftk_fuzz_leaf <-' trace ||
			fail "round $round: module function not traced"
	fi
	# unloaded while its event and functions are traced
	rmmod ftk_fuzz
	[ -d events/ftk_fuzz ] && fail "round $round: event directory outlived the module"
	grep -q ftk_fuzz available_events && fail "round $round: event still listed"
	if [ -f set_ftrace_filter ]; then
		# upstream keeps it, listed by address (0xffffffffa0012041:traceon)
		if grep -q ':traceon' set_ftrace_filter; then
			upstream_bug "round $round: command outlived its module: $(cat set_ftrace_filter)"
			# its stale entry then refuses the second round's
			break
		fi
	fi
	cat trace > /dev/null
	echo nop > current_tracer
	echo > set_ftrace_filter 2>/dev/null || true
done

# A :mod: word for a module not loaded yet is applied once, when it loads
# (the word leaves the listing, the functions join it), and the set stays
# one of the module's functions when it goes: empty, not "all functions",
# and without the module when it is loaded again.
if [ -f set_ftrace_filter ]; then
	echo '*:mod:ftk_fuzz' > set_ftrace_filter
	grep -qx '\*:mod:ftk_fuzz' set_ftrace_filter || fail "pending word: $(cat set_ftrace_filter)"
	insmod $KO
	grep -qx 'ftk_fuzz_step \[ftk_fuzz\]' set_ftrace_filter ||
		fail "the word did not select ftk_fuzz_step: $(cat set_ftrace_filter)"
	grep -q ':mod:' set_ftrace_filter && fail "the word stayed: $(cat set_ftrace_filter)"
	rmmod ftk_fuzz
	# (Upstream's stale command of the first round, if any, stays.)
	grep -q 'ftk_fuzz\|all functions enabled' set_ftrace_filter &&
		fail "the module went, the filter lists: $(cat set_ftrace_filter)"
	# Loaded again (likely at the same addresses): not in the set.
	# (Upstream's stale command, if any, finds its function again.)
	insmod $KO
	grep -v ':traceon' set_ftrace_filter | grep -q 'ftk_fuzz\|all functions enabled' &&
		fail "the module came back into the filter: $(cat set_ftrace_filter)"
	rmmod ftk_fuzz
	echo > set_ftrace_filter
fi
