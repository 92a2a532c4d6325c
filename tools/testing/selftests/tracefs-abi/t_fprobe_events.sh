# SPDX-License-Identifier: GPL-2.0
# fprobe events and tracepoint probe events (f: and t: in dynamic_events),
# as upstream's 6.12 shows them: the listing (groups fprobes/tracepoints,
# default names SYM__entry, SYM__exit and the tracepoint's, f<maxactive>,
# a definition with $retval made an exit probe), the format files, the
# records of entry, exit (with an entry $argN) and tracepoint probes, the
# tracepoint's own arguments as $argN, per instance, removal (EBUSY while
# enabled, -: by each spelling), the errnos and error_log messages of bad
# definitions, and probes on a module's tracepoint across its loads.
. "$(dirname "$0")/lib.sh"
[ -f dynamic_events ] || skip "no dynamic_events"
grep -q 'f\[:\[<group>/\]\[<event>\]\] <func-name>' README || skip "no fprobe events"
I=instances/fp
cleanup() {
	[ -f $I/events/fprobes/enable ] && echo 0 > $I/events/fprobes/enable
	[ -d $I ] && rmdir $I
	for g in fprobes tracepoints; do
		[ -f events/$g/enable ] && echo 0 > events/$g/enable
	done
	echo > dynamic_events
	echo > error_log
	echo > trace
	true
}
trap cleanup EXIT
cleanup

add() {	# add DEFINITION
	printf '%s\n' "$1" >> dynamic_events ||
		fail "'$1' refused: $(tail -n 3 error_log)"
}
# bad ERRTEXT MSG PREFIX REST: appending PREFIX REST fails with the errno
# of ERRTEXT and error_log shows MSG with its caret under REST.
bad() {
	echo > error_log
	if out=$( (echo "$3$4" >> dynamic_events) 2>&1); then
		fail "'$3$4' accepted"
	fi
	case "$out" in *"$1"*) ;; *) fail "'$3$4': expected '$1', got '$out'" ;; esac
	grep -q "trace_fprobe: error: $2\$" error_log ||
		fail "'$3$4': error_log: $(cat error_log)"
	caret=$(tail -n 1 error_log)
	want=$(printf '%*s^' $((${#3} + 11)) '')
	[ "$caret" = "$want" ] || fail "'$3$4': caret '$caret'"
}

# ---- definitions and their listing ---------------------------------------
add 'f:rd vfs_read count=$arg3:u64'
add 'f:rdx vfs_read%return ret=$retval:s64 count=$arg3:u64'
add 'f vfs_write'
add 'f vfs_write $retval'
add 'f7:fx/wx vfs_write%return'
add 't:se sys_enter id=$arg2:s64'
add 't sched_process_exit'
cat > /tmp/fp_want <<'EOF'
f:fprobes/rd vfs_read count=$arg3:u64
f:fprobes/rdx vfs_read%return ret=$retval:s64 count=$arg3:u64
f:fprobes/vfs_write__entry vfs_write
f:fprobes/vfs_write__exit vfs_write%return arg1=$retval
f7:fx/wx vfs_write%return
t:tracepoints/se sys_enter id=$arg2:s64
t:tracepoints/sched_process_exit sched_process_exit
EOF
cat dynamic_events > /tmp/fp_got
cmp -s /tmp/fp_got /tmp/fp_want || fail "dynamic_events: $(cat /tmp/fp_got)"
for e in fprobes/rd fprobes/rdx fprobes/vfs_write__entry \
	 fprobes/vfs_write__exit fx/wx tracepoints/se \
	 tracepoints/sched_process_exit; do
	[ -f events/$e/enable ] || fail "no events/$e"
done

# The format files: an entry probe's __probe_ip, an exit probe's
# __probe_func and __probe_ret_ip, then the arguments.
sed -n '/^$/,$p' events/fprobes/rdx/format > /tmp/fp_fmt
printf '\n\tfield:unsigned long __probe_func;\toffset:8;\tsize:8;\tsigned:0;\n\tfield:unsigned long __probe_ret_ip;\toffset:16;\tsize:8;\tsigned:0;\n\tfield:s64 ret;\toffset:24;\tsize:8;\tsigned:1;\n\tfield:u64 count;\toffset:32;\tsize:8;\tsigned:0;\n\nprint fmt: "(%%lx <- %%lx) ret=%%Ld count=%%Lu", REC->__probe_func, REC->__probe_ret_ip, REC->ret, REC->count\n' > /tmp/fp_want
cmp -s /tmp/fp_fmt /tmp/fp_want || fail "rdx format: $(cat /tmp/fp_fmt)"
grep -q 'field:unsigned long __probe_ip;.offset:8;.size:8;' events/fprobes/rd/format ||
	fail "rd format: $(cat events/fprobes/rd/format)"

# ---- records -----------------------------------------------------------------
echo 1 > events/fprobes/rd/enable
echo 1 > events/fprobes/rdx/enable
echo 1 > events/tracepoints/se/enable
dd if=/dev/zero of=/dev/null bs=4321 count=1 2> /dev/null
echo 0 > events/fprobes/enable
echo 0 > events/tracepoints/enable
grep -qE ' rd: \(vfs_read\+0x[0-9a-f]+/0x[0-9a-f]+\) count=4321$' trace ||
	fail "no entry record: $(grep -m 3 ' rd: ' trace)"
grep -qE ' rdx: \([a-z_0-9.]+\+0x[0-9a-f]+/0x[0-9a-f]+ <- vfs_read\) ret=4321 count=4321$' trace ||
	fail "no exit record: $(grep -m 3 ' rdx: ' trace)"
# sys_enter's arguments are (regs, id): write(2) is system call 1.
grep -qE ' se: \(__probestub_sys_enter\+0x[0-9a-f]+/0x[0-9a-f]+\) id=1$' trace ||
	fail "no tracepoint record with id=1: $(grep -m 3 ' se: ' trace)"
grep -qE ' se: .* id=([2-9][0-9]{3}|[0-9]{5,}|-)' trace &&
	fail "a tracepoint argument is not a system call number: $(grep -m 1 -E ' se: .* id=([2-9][0-9]{3}|[0-9]{5,}|-)' trace)"

# Per instance: enabled there, it writes there only.
mkdir $I
echo > trace
echo 1 > $I/events/fprobes/rd/enable
dd if=/dev/zero of=/dev/null bs=1234 count=1 2> /dev/null
echo 0 > $I/events/fprobes/rd/enable
grep -q ' rd: .* count=1234$' $I/trace || fail "no record in the instance"
grep -q ' rd: ' trace && fail "a record in the top instance"
rmdir $I

# Two tracepoint probes on one tracepoint share its stub: either goes on
# recording when the other is disabled.  Upstream registers the stub for
# each definition and refuses the second with EEXIST, silently.
if ! printf '%s\n' 't:se2 sys_enter id=$arg2:s64' >> dynamic_events 2> /dev/null; then
	upstream_bug "a second tracepoint probe on sys_enter is refused"
else
	add 't:tracepoints/se sys_enter id=\1:s64'
	echo 1 > events/tracepoints/se/enable
	echo 1 > events/tracepoints/se2/enable
	echo 0 > events/tracepoints/se/enable
	echo > trace
	dd if=/dev/zero of=/dev/null bs=1 count=1 2> /dev/null
	grep -qE ' se2: .* id=1$' trace || fail "se2 stopped with se"
	echo 1 > events/tracepoints/se/enable
	echo 0 > events/tracepoints/se2/enable
	echo > trace
	dd if=/dev/zero of=/dev/null bs=1 count=1 2> /dev/null
	grep -qE ' se: .* id=1$' trace || fail "se stopped with se2"
	echo 0 > events/tracepoints/enable
	add '-:tracepoints/se2'
	add '-:tracepoints/se sys_enter id=\1:s64'
fi
# A probe joining an enabled event records at once.
echo 1 > events/fprobes/rd/enable
add 'f:fprobes/rd vfs_write count=$arg3:u64'
echo > trace
dd if=/dev/zero of=/dev/null bs=2345 count=1 2> /dev/null
grep -qE ' rd: \(vfs_write\+0x[0-9a-f]+/0x[0-9a-f]+\) count=2345$' trace ||
	fail "a probe added to an enabled event does not record"
echo 0 > events/fprobes/rd/enable
add '-:fprobes/rd vfs_write'

# ---- removal -------------------------------------------------------------------
# busy LINE: appending LINE fails with EBUSY.
busy() {
	if out=$( (echo "$1" >> dynamic_events) 2>&1); then
		fail "'$1' accepted while enabled"
	fi
	case "$out" in *"Device or resource busy"*) ;; *) fail "'$1': $out" ;; esac
}
echo 1 > events/fprobes/rd/enable
busy '-:fprobes/rd'
busy '-:rd'
echo 0 > events/fprobes/rd/enable
add '-:rd vfs_read count=$arg3:u64'
# An exit probe by its place: the bare name, as upstream.
add '-:fprobes/rdx vfs_read'
add '-:fx/wx'
add '-:tracepoints/sched_process_exit'
[ -d events/fprobes/rd ] && fail "events/fprobes/rd stayed"
[ -d events/fx ] && fail "events/fx stayed"
[ -d events/fprobes/rdx ] && fail "events/fprobes/rdx stayed"

# ---- errors, as upstream's -----------------------------------------------------
bad "Invalid argument" "Maxactive is only for function exit" 'f' '100 vfs_read'
bad "Invalid argument" "Invalid maxactive number" 'f' '1a111 vfs_read'
bad "Invalid argument" "Maxactive is too big" 'f' '100000 vfs_read'
bad "Invalid argument" 'Invalid $-variable specified' 'f vfs_read ' '%ax'
bad "Invalid argument" '$retval is not available on probe' 't sys_enter ' '$retval'
bad "Invalid argument" "Invalid character in tracepoint name" 't sys' '.enter'
bad "Invalid argument" "Invalid probed address suffix" 'f vfs_read' '%hoge'
bad "Invalid argument" "Invalid probed address suffix" 't sys_enter' '%return'
bad "Invalid argument" "Maxactive is only for function exit" 't' '100 sys_enter'
bad "Invalid argument" 'Invalid $-variable specified' 't sys_enter ' '$none_var'
bad "File exists" "Probe type is different from existing probe" '' 'f:tracepoints/se vfs_read'
bad "Invalid argument" "Failed to register probe event" 'f ' 'no_such_function_at_all'
bad "Invalid argument" "Maxactive is only for function exit" 'f' '100 nosuchfunc'
bad "Invalid argument" "Event name must follow the same rules as C identifiers" 't:foo/' 'bar.1 nosuchtp'
bad "Invalid argument" 'Invalid $-variable specified' 'f nosuchfunc ' '$none_var'
echo > dynamic_events

# ---- a module's tracepoint ------------------------------------------------------
# A probe on a loaded module's tracepoint, and one on a tracepoint that no
# module has yet (taken, as upstream's): that probe waits for a module
# that brings it, records while the module is in, waits again when it
# goes and records again when it comes back.  ftk_fuzz.ko's kthread fires
# its tracepoint every few milliseconds, from its first tick on.
KO=/ftk/files/ftk_fuzz.ko
[ -f $KO ] || exit 0
rmmod ftk_fuzz 2> /dev/null || true
ftk_re() {	# ftk_re EVENT: a record of EVENT as the module's
	echo " $1: \\(__probestub_ftk_fuzz_tick\\+0x[0-9a-f]+/0x[0-9a-f]+ \\[ftk_fuzz\\]\\)"
}
ftk_hits() {	# ftk_hits EVENT ARGS: EVENT recorded ARGS within half a second
	sleep 0.5
	# Read while the module is in: its symbols name the records.
	grep -qE "$(ftk_re "$1")$2\$" trace ||
		fail "$1: no record ending '$2': $(grep " $1: " trace | head -n 2)"
}

insmod $KO
add 't:tracepoints/ftk2 ftk_fuzz_tick'
echo 1 > events/tracepoints/ftk2/enable
ftk_hits ftk2 ''
echo 0 > events/tracepoints/ftk2/enable
add '-:tracepoints/ftk2'
rmmod ftk_fuzz

grep -q ftk_fuzz_tick available_events && fail "ftk_fuzz_tick with no module"
add 't:tracepoints/ftk ftk_fuzz_tick n=$arg1:u64 what=+0($arg2):string'
grep -qx 't:tracepoints/ftk ftk_fuzz_tick n=$arg1:u64 what=+0($arg2):string' dynamic_events ||
	fail "listing: $(cat dynamic_events)"
echo 1 > events/tracepoints/ftk/enable
echo > trace
insmod $KO
ftk_hits ftk ' n=[0-9]+ what="(odd|even)"'
grep -qE "$(ftk_re ftk) n=0 what=\"even\"\$" trace || fail "the module's first tick missed"
printf '%s\n' '-:tracepoints/ftk' >> dynamic_events 2> /dev/null &&
	fail "an enabled probe on a module's tracepoint removed"
# Upstream oopses at the removal of a probe whose module went once.
case " $(cat /proc/cmdline) " in
*" ftk.kernel=ref"*)
	echo "# upstream's bug: removing a probe after its module went oopses"
	echo 0 > events/tracepoints/ftk/enable
	add '-:tracepoints/ftk'
	rmmod ftk_fuzz
	exit 0 ;;
esac
rmmod ftk_fuzz
echo > trace
sleep 0.2
grep -q ' ftk: ' trace && fail "records with the module gone"
insmod $KO
ftk_hits ftk ' n=[0-9]+ what="(odd|even)"'
rmmod ftk_fuzz
echo 0 > events/tracepoints/ftk/enable
add '-:tracepoints/ftk'
[ -d events/tracepoints ] && fail "events/tracepoints stayed"
exit 0
