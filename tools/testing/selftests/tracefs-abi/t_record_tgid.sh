# SPDX-License-Identifier: GPL-2.0
# options/record-tgid: saved_tgids maps the pids of writers to their
# thread groups, and trace gains the TGID column, header included.
. "$(dirname "$0")/lib.sh"
expect_content options/record-tgid 0
grep -qx norecord-tgid trace_options || fail "record-tgid not off by default"
echo 1 > tracing_on
echo > trace
echo 1 > options/record-tgid
# Upstream saves tgids from scheduler events; ours from the writes too.
ev=events/sched/sched_switch/enable
[ -f $ev ] && echo 1 > $ev
sh -c 'echo $$ > /tmp/tgid.pid; echo tgid-mark > trace_marker; sleep 0.1'
[ -f $ev ] && echo 0 > $ev
pid=$(cat /tmp/tgid.pid)
grep -qx "$pid $pid" saved_tgids || fail "saved_tgids lacks '$pid $pid'"
# Every line of saved_tgids is "pid tgid".
bad=$(grep -cvE '^[0-9]+ [0-9]+$' saved_tgids || true)
[ "$bad" = 0 ] || fail "$bad malformed saved_tgids lines"
grep -q "^#           TASK-PID       TGID    CPU#  |||||  TIMESTAMP  FUNCTION\$" trace ||
	fail "no TGID column in the header: $(grep TASK-PID trace)"
grep -q "^#                                          _-----=> irqs-off/BH-disabled\$" trace ||
	fail "irq-info legend not shifted for TGID"
grep -qE -- "-$pid +\( *$pid\) \[[0-9]{3}\] .*tracing_mark_write: tgid-mark" trace ||
	fail "marker line has no tgid: $(grep tgid-mark trace)"
echo 0 > options/irq-info
grep -q "^#           TASK-PID       TGID    CPU#     TIMESTAMP  FUNCTION\$" trace ||
	fail "no TGID column without irq-info: $(grep TASK-PID trace)"
echo 1 > options/irq-info
echo 0 > options/record-tgid
grep -q TGID trace && fail "TGID column with record-tgid off"
grep -q "tgid-mark" trace || fail "marker gone"
# The map stays: saved_tgids still answers.
grep -qx "$pid $pid" saved_tgids || fail "saved_tgids emptied by clearing the option"
