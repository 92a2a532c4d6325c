# SPDX-License-Identifier: GPL-2.0
# Kprobe events (x86-64), as upstream's 6.12 shows them: kprobe_events
# read back in its normal form (group added, default names arg1.. of unnamed
# args, r<maxactive> of return probes, %return as r); the format files of a
# probe and a return probe (__probe_ip; __probe_func, __probe_ret_ip), their
# id; the records of probes and return probes; default event names and
# groups (p_SYM_OFFS, r_SYM_0, GROUP/); every fetch type (u/s/x 8..64, char,
# bitfield, string, ustring, symbol, symstr, arrays) and fetch arg ($comm,
# $stack, $stackN, $argN, $retval, @SYM[+offs], +[u]OFFS(), \imm, \"str")
# in the format file and in the record; removal with -:, clearing with a
# truncating write, EBUSY for an enabled probe, the errnos and error_log
# messages (with caret) of bad definitions; kprobe_profile's columns and
# hit counts; dynamic_events; probes enabled in an instance only; the
# stacktrace option.  Upstream's symstr stores no NUL (upstream_bug).
. "$(dirname "$0")/lib.sh"
[ -f kprobe_events ] || skip "no kprobe_events"
I=instances/kp
T=/tmp/kp_file
TAB=$(printf '\t')
cleanup() {
	echo 0 > options/stacktrace
	[ -f $I/events/kprobes/enable ] && echo 0 > $I/events/kprobes/enable
	[ -d $I ] && rmdir $I
	for g in kprobes mygroup; do
		[ -f events/$g/enable ] && echo 0 > events/$g/enable
	done
	echo > kprobe_events
	echo > error_log
	echo > trace
	true
}
trap cleanup EXIT
cleanup
echo hello > $T
# Return probes keep max(10, 2 * possible CPUs) instances by default.
p=$(cat /sys/devices/system/cpu/possible)
MA=$(( 2 * (${p##*-} + 1) ))
[ $MA -lt 10 ] && MA=10

add() {	# add FILE DEFINITION
	printf '%s\n' "$2" >> "$1" || fail "'$2' >> $1 refused: $(tail -n 3 error_log)"
}
# bad ERRTEXT MSG PREFIX REST [FILE]: appending PREFIX REST fails with the
# errno of ERRTEXT and (MSG not empty) error_log shows MSG with its caret
# under REST.
bad() {
	echo > error_log
	if out=$( (echo "$3$4" >> "${5:-kprobe_events}") 2>&1); then
		fail "'$3$4' accepted"
	fi
	case "$out" in
	*"$1"*) ;;
	*) fail "'$3$4': expected '$1', got '$out'" ;;
	esac
	[ -z "$2" ] && return 0
	log=$(cat error_log)
	[ "$(echo "$log" | sed -E '1s/^\[ *[0-9]+\.[0-9]{6}\]//')" = " trace_kprobe: error: $2
  Command: $3$4
$(printf "%$((11 + ${#3}))s^" "")" ] || fail "error_log for '$3$4': $log"
}
# hit ENABLE...: enable, open $T with cat, disable.
hit() {
	echo > trace
	for e; do echo 1 > $e; done
	cat $T > /dev/null
	for e; do echo 0 > $e; done
}
# rec [TRACE] EVENT REGEX: a record of EVENT matches REGEX after "EVENT: ".
# (Its task may show as "sh": the comm of a pid is saved lazily.)
rec() {
	f=trace
	[ $# = 3 ] && { f=$1; shift; }
	grep -qE "^ +[^ ].*-[0-9]+ +\[[0-9]{3}\] [^ ]{5} +[0-9]+\.[0-9]{6}: $1: $2\$" $f ||
		fail "no $1 record like '$2' in $f: $(grep " $1: " $f | head -n 3)"
}
# fields FORMAT WANT: the fields after common_* as "type name offset size
# signed;" are WANT (newlines in WANT count as ";").
fields() {
	got=$(sed -n '/__probe_/,$p' "$1" | sed -e '/^$/,$d' -e "s/^${TAB}field:\(.*\);${TAB}offset:\([0-9]*\);${TAB}size:\([0-9]*\);${TAB}signed:\([01]\);\$/\1 \2 \3 \4/" | tr '\n' ';')
	[ "$got" = "$(echo "$2" | tr '\n' ';')" ] || fail "fields of $1: $got"
}
profile_line() {	# profile_line EVENT HITS MISSES
	printf '  %-44s %15s %15s' "$1" "$2" "$3"
}
hits() { awk -v e="$1" '$1 == e { print $2 }' kprobe_profile; }
OPEN='\(do_sys_openat2\+0x0/0x[0-9a-f]+\)'
# do_sys_openat2's caller: do_sys_open, or the syscall where a compiler
# inlined do_sys_open into it (x86_64_defconfig)
RET='\((do_sys_open|__x64_sys_openat)\+0x[0-9a-f]+/0x[0-9a-f]+ <- do_sys_openat2\)'
K=events/kprobes

# A probe with two arguments: definition, format, id, record, profile.
echo 'p:myprobe do_sys_openat2 dfd=%di:s32 filename=+0(%si):string' > kprobe_events
expect_content kprobe_events 'p:kprobes/myprobe do_sys_openat2 dfd=%di:s32 filename=+0(%si):string'
expect_content dynamic_events "$(cat kprobe_events)"
# A probe's event has the files every event of the kernel has.
want=$(ls events/sched/sched_switch | tr '\n' ' ')
[ "$(ls $K/myprobe | tr '\n' ' ')" = "$want" ] ||
	fail "files of a probe: $(ls $K/myprobe), of sched_switch: $want"
id=$(cat $K/myprobe/id)
expect_content $K/myprobe/format "name: myprobe
ID: $id
format:
	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
	field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
	field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
	field:int common_pid;	offset:4;	size:4;	signed:1;

	field:unsigned long __probe_ip;	offset:8;	size:8;	signed:0;
	field:s32 dfd;	offset:16;	size:4;	signed:1;
	field:__data_loc char[] filename;	offset:20;	size:4;	signed:1;

print fmt: \"(%lx) dfd=%d filename=\\\"%s\\\"\", REC->__probe_ip, REC->dfd, __get_str(filename)"
grep -qx "kprobes:myprobe" available_events || fail "not in available_events"
expect_content $K/myprobe/enable 0
expect_content kprobe_profile "$(profile_line myprobe 0 0)"
hit $K/myprobe/enable
rec myprobe "$OPEN dfd=-100 filename=\"$T\""
h=$(hits myprobe)
[ "$h" -ge 1 ] || fail "no hits counted: $(cat kprobe_profile)"
expect_content kprobe_profile "$(profile_line myprobe "$h" 0)"
hit $K/myprobe/enable
[ "$(hits myprobe)" -gt "$h" ] || fail "hits did not grow: $(cat kprobe_profile)"

# Return probes: r and %return, $retval, default argN names, entry $argN.
add kprobe_events 'r:myretprobe do_sys_openat2 $retval'
add kprobe_events 'p:myret2 do_sys_openat2%return $retval arg=$arg1:s32 fn=+0($arg2):ustring'
expect_content kprobe_events "p:kprobes/myprobe do_sys_openat2 dfd=%di:s32 filename=+0(%si):string
r$MA:kprobes/myretprobe do_sys_openat2 arg1=\$retval
r$MA:kprobes/myret2 do_sys_openat2 arg1=\$retval arg=\$arg1:s32 fn=+0(\$arg2):ustring"
fields $K/myretprobe/format "unsigned long __probe_func 8 8 0;unsigned long __probe_ret_ip 16 8 0;u64 arg1 24 8 0"
grep -qxF 'print fmt: "(%lx <- %lx) arg1=0x%Lx", REC->__probe_func, REC->__probe_ret_ip, REC->arg1' \
	$K/myretprobe/format || fail "myretprobe print fmt: $(tail -n 1 $K/myretprobe/format)"
fields $K/myret2/format "unsigned long __probe_func 8 8 0;unsigned long __probe_ret_ip 16 8 0;u64 arg1 24 8 0;s32 arg 32 4 1;__data_loc char[] fn 36 4 1"
grep -qxF 'print fmt: "(%lx <- %lx) arg1=0x%Lx arg=%d fn=\"%s\"", REC->__probe_func, REC->__probe_ret_ip, REC->arg1, REC->arg, __get_str(fn)' \
	$K/myret2/format || fail "myret2 print fmt: $(tail -n 1 $K/myret2/format)"
# One return probe at a time: stacked ones show the trampoline.
hit $K/myretprobe/enable
rec myretprobe "$RET arg1=0x3"
hit $K/myret2/enable
rec myret2 "$RET arg1=0x3 arg=-100 fn=\"$T\""

# Default names and groups, maxactive, offsets.  The instruction after
# vfs_read's fentry call is at +5, or at +9 behind an endbr64 (IBT, as
# in Debian's config): there +4, the fentry call, takes a probe.
AFTER=5
if echo 'p:ibt_probe vfs_read+4' >> kprobe_events 2>/dev/null; then
	AFTER=9
	echo '-:ibt_probe' >> kprobe_events
fi
echo 'p do_sys_openat2' > kprobe_events
add kprobe_events 'r vfs_read'
add kprobe_events 'p:mygroup/myev vfs_read'
add kprobe_events 'p:mygroup/ vfs_write'
add kprobe_events 'r4:mx vfs_write'
add kprobe_events "p vfs_read+$AFTER"
add kprobe_events 'p:myev vfs_read+0'
expect_content kprobe_events "p:kprobes/p_do_sys_openat2_0 do_sys_openat2
r$MA:kprobes/r_vfs_read_0 vfs_read
p:mygroup/myev vfs_read
p:mygroup/p_vfs_write_0 vfs_write
r4:kprobes/mx vfs_write
p:kprobes/p_vfs_read_$AFTER vfs_read+$AFTER
p:kprobes/myev vfs_read"
for e in $K/p_do_sys_openat2_0 $K/r_vfs_read_0 events/mygroup/myev \
	 events/mygroup/p_vfs_write_0 $K/mx $K/p_vfs_read_$AFTER $K/myev; do
	[ -f $e/format ] || fail "no $e"
done
# -: without a group removes the name from every group.
add dynamic_events '-:myev'
[ -d $K/myev ] || [ -d events/mygroup/myev ] && fail "-:myev left one"
add kprobe_events '-:mygroup/p_vfs_write_0'
[ -d events/mygroup ] && fail "empty group stays"
add kprobe_events '-:kprobes/mx'
add kprobe_events "-:p_vfs_read_$AFTER"
expect_content kprobe_events "p:kprobes/p_do_sys_openat2_0 do_sys_openat2
r$MA:kprobes/r_vfs_read_0 vfs_read"
echo > kprobe_events
expect_content kprobe_events ""
[ -d $K ] && fail "events/kprobes stays after clearing"

# Types: their field types, sizes and packed offsets, and their text.
add kprobe_events 'p:t1 do_sys_openat2 a=%di:u8 b=%di:u16 c=%di:u32 d=\-100:u64 e=%di:s8 f=%di:s16 g=%di:s32 h=\-100:s64 i=%di:x8 j=%di:x16 k=%di:x32 l=\-100:x64 m=+u0(%si):char n=%di:b4@2/8'
add kprobe_events 'p:t2 do_sys_openat2 fn=+0(%si):ustring sym=%ip:symbol s0s=$stack0:symbol arr=+0(%sp):x8[4] u4=+0(%si):u8[4] ss=%ip:symstr cm=$comm st=$stack s0=$stack0 a1=$arg1 j=@jiffies j8=@jiffies+8 im=\1 is=\"str" $arg1:s32 $comm'
grep -qxF 'p:kprobes/t2 do_sys_openat2 fn=+0(%si):ustring sym=%ip:symbol s0s=$stack0:symbol arr=+0(%sp):x8[4] u4=+0(%si):u8[4] ss=%ip:symstr cm=$comm st=$stack s0=$stack0 a1=$arg1 j=@jiffies j8=@jiffies+8 im=\1 is=\"str" arg15=$arg1:s32 arg16=$comm' \
	kprobe_events || fail "t2 read back: $(grep t2 kprobe_events)"
fields $K/t1/format "unsigned long __probe_ip 8 8 0;u8 a 16 1 0;u16 b 17 2 0
u32 c 19 4 0;u64 d 23 8 0;s8 e 31 1 1;s16 f 32 2 1;s32 g 34 4 1;s64 h 38 8 1
u8 i 46 1 0;u16 j 47 2 0;u32 k 49 4 0;u64 l 53 8 0;u8 m 61 1 0;u8 n 62 1 0"
grep -qxF "print fmt: \"(%lx) a=%u b=%u c=%u d=%Lu e=%d f=%d g=%d h=%Ld i=0x%x j=0x%x k=0x%x l=0x%Lx m='%c' n=%u\", REC->__probe_ip, REC->a, REC->b, REC->c, REC->d, REC->e, REC->f, REC->g, REC->h, REC->i, REC->j, REC->k, REC->l, REC->m, REC->n" \
	$K/t1/format || fail "t1 print fmt: $(tail -n 1 $K/t1/format)"
fields $K/t2/format "unsigned long __probe_ip 8 8 0;__data_loc char[] fn 16 4 1
u64 sym 20 8 0;u64 s0s 28 8 0;u8 arr[] 36 4 0;u8 u4[] 40 4 0
__data_loc char[] ss 44 4 1;__data_loc char[] cm 48 4 1;u64 st 52 8 0
u64 s0 60 8 0;u64 a1 68 8 0;u64 j 76 8 0;u64 j8 84 8 0;u64 im 92 8 0
__data_loc char[] is 100 4 1;s32 arg15 104 4 1;__data_loc char[] arg16 108 4 1"
grep -qxF 'print fmt: "(%lx) fn=\"%s\" sym=%pS s0s=%pS arr={0x%x,0x%x,0x%x,0x%x} u4={%u,%u,%u,%u} ss=\"%s\" cm=\"%s\" st=0x%Lx s0=0x%Lx a1=0x%Lx j=0x%Lx j8=0x%Lx im=0x%Lx is=\"%s\" arg15=%d arg16=\"%s\"", REC->__probe_ip, __get_str(fn), REC->sym, REC->s0s, REC->arr[0], REC->arr[1], REC->arr[2], REC->arr[3], REC->u4[0], REC->u4[1], REC->u4[2], REC->u4[3], __get_str(ss), __get_str(cm), REC->st, REC->s0, REC->a1, REC->j, REC->j8, REC->im, __get_str(is), REC->arg15, __get_str(arg16)' \
	$K/t2/format || fail "t2 print fmt: $(tail -n 1 $K/t2/format)"
hit $K/t1/enable $K/t2/enable
rec t1 "$OPEN a=156 b=65436 c=4294967196 d=18446744073709551516 e=-100 f=-100 g=-100 h=-100 i=0x9c j=0xff9c k=0xffffff9c l=0xffffffffffffff9c m='/' n=7"
X='0x[0-9a-f]+'
S='\+0x[0-9a-f]+/0x[0-9a-f]+'
rec t2 "$OPEN fn=\"$T\" sym=do_sys_openat2$S s0s=(do_sys_open|__x64_sys_openat)$S arr=\{$X,$X,$X,$X\} u4=\{47,116,109,112\} ss=\"do_sys_openat2$S(cat)?\" cm=\"cat\" st=0xff[0-9a-f]{14} s0=0xffffffff[0-9a-f]{8} a1=0x[0-9a-f]*ffffff9c j=$X j8=$X im=0x1 is=\"str\" arg15=-100 arg16=\"cat\""
grep -qE " t2: .* ss=\"do_sys_openat2$S\" cm=" trace ||
	upstream_bug "symstr stores no NUL: the next string runs on: $(grep " t2: .* fn=\"$T\"" trace | grep -o ' ss="[^"]*"')"

# Bad definitions: errno, error_log message and caret.
echo 'p:myprobe do_sys_openat2 dfd=%di:s32' > kprobe_events
bad "Invalid argument" "Invalid probed address or symbol" "p:bad " "no_such_function_xyz"
bad "Invalid argument" "Invalid probed address suffix" "p:bad do_sys_openat2" "%foo"
bad "Invalid or incomplete multibyte or wide character" \
	"Probe point is not an instruction boundary" "p:bad " "vfs_read+1"
bad "Invalid argument" "Retprobe address must be an function entry" "r:bad " "vfs_read+5"
bad "Invalid argument" "Invalid register name" "p:bad do_sys_openat2 x=" "%foo"
bad "Invalid argument" "Unknown type is specified" "p:bad do_sys_openat2 x=%di:" "u128"
bad "Invalid argument" '$retval is not available on probe' "p:bad do_sys_openat2 " '$retval'
bad "Invalid argument" "String accepts only memory argument" 'p:bad do_sys_openat2 $arg2:' string
bad "Invalid argument" '$comm and immediate-string only accepts string type' \
	'p:bad do_sys_openat2 $comm:' u32
bad "Invalid argument" "Event name must follow the same rules as C identifiers" "p:" "1bad vfs_read"
bad "Invalid argument" "Maxactive is only for function exit" "p" "1:bad vfs_read"
bad "Invalid argument" "" "x:bad vfs_read"
bad "File exists" "There is already the exact same probe event" "" "p:myprobe do_sys_openat2 dfd=%di:s32"
bad "File exists" "Probe type is different from existing probe" "" "r:myprobe vfs_read"
bad "File exists" "Argument type or name is different from existing probe" "p:myprobe vfs_read " "dfd=%di:u32"
# The same name, place and arguments on another symbol: one event, two probes.
add kprobe_events 'p:myprobe vfs_read dfd=%di:s32'
expect_content kprobe_events "p:kprobes/myprobe do_sys_openat2 dfd=%di:s32
p:kprobes/myprobe vfs_read dfd=%di:s32"
expect_content kprobe_profile "$(profile_line myprobe 0 0)
$(profile_line myprobe 0 0)"
add kprobe_events '-:myprobe'
expect_content kprobe_events ""
bad "No such file or directory" "" "-:myprobe"

# An enabled probe is busy: not removed, not cleared.
add kprobe_events 'p:myprobe do_sys_openat2 dfd=%di:s32 filename=+0(%si):string'
echo 1 > $K/myprobe/enable
bad "Device or resource busy" "" "-:myprobe"
bad "Device or resource busy" "" "-:kprobes/myprobe" "" dynamic_events
expect_write_error "Device or resource busy" "" kprobe_events
echo 0 > $K/myprobe/enable
[ -f $K/myprobe/format ] || fail "busy probe went"

# dynamic_events: the same definitions, matched on removal with arguments.
add dynamic_events 'p:dyn do_sys_openat2 x=%di'
expect_content kprobe_events "p:kprobes/myprobe do_sys_openat2 dfd=%di:s32 filename=+0(%si):string
p:kprobes/dyn do_sys_openat2 x=%di"
expect_content dynamic_events "$(cat kprobe_events)"
bad "No such file or directory" "" "-:dyn do_sys_openat2 x=%si" "" dynamic_events
add dynamic_events '-:kprobes/dyn do_sys_openat2 x=%di'
[ -d $K/dyn ] && fail "-: in dynamic_events left dyn"

# An instance records the probe it enables; the top buffer does not.
mkdir $I
hit $I/$K/myprobe/enable
grep -q ' myprobe: ' trace && fail "top buffer has the instance's probe"
rec $I/trace myprobe "$OPEN dfd=-100 filename=\"$T\""
echo 1 > $I/$K/myprobe/enable
expect_content $K/myprobe/enable 0
bad "Device or resource busy" "" "-:myprobe"
echo 0 > $I/$K/myprobe/enable
rmdir $I

# options/stacktrace: a <stack trace> record after each hit.
echo 1 > options/stacktrace
hit $K/myprobe/enable
echo 0 > options/stacktrace
awk -v t="$T" 'n == 1 { ok = ($0 ~ /-[0-9]+ +\[[0-9]+\] [^ ]+ +[0-9.]+: <stack trace>$/); n = 2; next }
	n == 2 { if (ok && $0 == " => do_sys_openat2") found = 1; n = 0 }
	/ myprobe: / && index($0, "filename=\"" t "\"") { n = 1 }
	END { exit !found }' trace || fail "no stack trace after the hit: $(head -n 20 trace | tail -n 8)"
grep -qxE ' => (do_sys_open|__x64_sys_openat)' trace ||
	fail "stack trace without do_sys_openat2's caller"
exit 0
