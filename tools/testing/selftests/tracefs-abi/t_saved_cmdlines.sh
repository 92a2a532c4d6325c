# SPDX-License-Identifier: GPL-2.0
# saved_cmdlines and saved_cmdlines_size: the size is at least what was
# written (upstream rounds it up to its allocation: 3 reads 6552; 0 is
# refused), the list holds at most that many "PID COMM" lines of traced
# tasks, and reading it to the end, whole or in pieces, is clean: with
# every slot used, our first .next left the position alone at the end
# and seq_file logged "did not update position index" (found by the
# fuzzer).
. "$(dirname "$0")/lib.sh"
[ -f saved_cmdlines ] || skip "no saved_cmdlines"
old=$(cat saved_cmdlines_size)
cleanup() {
	echo 0 > events/sched/sched_switch/enable
	echo "$old" > saved_cmdlines_size
	echo > trace
}
trap cleanup EXIT

expect_write_error "Invalid argument" 0 saved_cmdlines_size
echo 3 > saved_cmdlines_size
size=$(cat saved_cmdlines_size)
[ "$size" -ge 3 ] || fail "saved_cmdlines_size 3 reads $size"
# Several tasks switch in and out: more than three comms to save.
echo 1 > events/sched/sched_switch/enable
for i in 1 2 3 4 5 6; do
	sleep 0.01 &
	sh -c 'true'
done
wait
echo 0 > events/sched/sched_switch/enable
n=$(wc -l < saved_cmdlines)
[ "$n" -ge 1 ] && [ "$n" -le "$size" ] || fail "$n lines for $size slots: $(cat saved_cmdlines)"
grep -qvE '^[0-9]+ [^ ]+$' saved_cmdlines && fail "not PID COMM: $(cat saved_cmdlines)"
for i in 1 2 3; do
	cat saved_cmdlines > /dev/null
	dd if=saved_cmdlines bs=5 2> /dev/null > /dev/null
done
dmesg | grep 'did not update position index' | grep -q cmdlines &&
	fail "$(dmesg | grep 'did not update position index' | tail -n 1)"
exit 0
