# SPDX-License-Identifier: GPL-2.0
# Uprobe events (x86-64), as upstream's 6.12 shows them.  The probe is on
# the ELF entry point of the guest's busybox (found from its ELF header
# with od: busybox has no symbols), where the stack holds argc and argv:
# uprobe_events read back (group added, the offset as 0x%016lx, a
# reference counter, %return as r), default names (p_FILE_0xOFFS, "p_"
# for return probes too) and groups; the format files of a probe and a
# return probe; the record of a hit with user stack, user memory, user
# strings, @+FILE_OFFSET, registers and $comm; uprobe_profile's columns
# and hits; removal with -: (with and without the place), EBUSY for an
# enabled probe, clearing; dynamic_events; an instance; the errnos and
# error_log messages (with caret) of bad definitions.  When a bash with
# its libc is in the guest (the test suite copies one in), a return probe
# on libc's getpid() records bash's pid as $retval.
. "$(dirname "$0")/lib.sh"
[ -f uprobe_events ] || skip "no uprobe_events"
BB=/bin/busybox
I=instances/up
U=events/uprobes
cleanup() {
	[ -f $I/$U/enable ] && echo 0 > $I/$U/enable
	[ -d $I ] && rmdir $I
	for g in uprobes mygroup; do
		[ -f events/$g/enable ] && echo 0 > events/$g/enable
	done
	echo > uprobe_events
	echo > error_log
	echo > trace
	true
}
trap cleanup EXIT
cleanup

# u FILE OFFSET BYTES: the little-endian unsigned number there.
u() { od -A n -t u"$3" -j "$2" -N "$3" "$1" | tr -d ' \n'; }
# foff FILE VADDR: the file offset of a virtual address of FILE (its
# PT_LOAD program header).
foff() {
	ph=$(u "$1" 32 8) n=$(u "$1" 56 2) sz=$(u "$1" 54 2) i=0
	while [ $i -lt "$n" ]; do
		h=$((ph + i * sz))
		if [ "$(u "$1" $h 4)" = 1 ]; then
			off=$(u "$1" $((h + 8)) 8) va=$(u "$1" $((h + 16)) 8)
			fsz=$(u "$1" $((h + 32)) 8)
			if [ "$2" -ge "$va" ] && [ "$2" -lt $((va + fsz)) ]; then
				echo $(($2 - va + off))
				return 0
			fi
		fi
		i=$((i + 1))
	done
	return 1
}
# dynsym FILE NAME: the value of a defined function of FILE's .dynsym.
# Its name is found in .dynstr with strings (it may be the tail of a
# longer one, as the linker merges them).
dynsym() {
	sh=$(u "$1" 40 8) n=$(u "$1" 60 2) sz=$(u "$1" 58 2)
	od -A n -v -t u4 -j "$sh" -N $((n * sz)) "$1" | tr -s ' ' '\n' | grep . |
		awk -v sz=$((sz / 4)) '{ w[NR - 1] = $1 }
		END { for (i = 0; i < NR / sz; i++) if (w[i * sz + 1] == 11) {
			b = i * sz; l = w[b + 10] * sz
			print w[b + 6] + w[b + 7] * 4294967296, w[b + 8],
			      w[l + 6] + w[l + 7] * 4294967296, w[l + 8]; exit } }' > /tmp/up_dyn
	read -r symoff symsize stroff strsize < /tmp/up_dyn
	strings -t d -n 4 "$1" |
		awk -v s="$stroff" -v e=$((stroff + strsize)) -v n="$2" '
		$1 >= s && $1 < e && length($2) >= length(n) &&
		substr($2, length($2) - length(n) + 1) == n {
			print $1 - s + length($2) - length(n) }' > /tmp/up_names
	od -A n -v -t u4 -j "$symoff" -N "$symsize" "$1" | tr -s ' ' '\n' | grep . |
		awk 'FILENAME == "/tmp/up_names" { want[$1] = 1; next }
		{ w[c++] = $1 }
		END { for (i = 0; i + 5 < c; i += 6)
			if ((w[i] in want) && w[i + 1] % 16 == 2 && int(w[i + 1] / 65536)) {
				print w[i + 2] + w[i + 3] * 4294967296; exit } }' \
		/tmp/up_names - | grep .
}

add() {	# add FILE DEFINITION
	printf '%s\n' "$2" >> "$1" || fail "'$2' >> $1 refused: $(tail -n 3 error_log)"
}
# bad ERRTEXT MSG PREFIX REST [FILE]: appending PREFIX REST fails with the
# errno of ERRTEXT and (MSG not empty) error_log shows MSG with its caret
# under REST.
bad() {
	echo > error_log
	if out=$( (echo "$3$4" >> "${5:-uprobe_events}") 2>&1); then
		fail "'$3$4' accepted"
	fi
	case "$out" in
	*"$1"*) ;;
	*) fail "'$3$4': expected '$1', got '$out'" ;;
	esac
	[ -z "$2" ] && return 0
	log=$(cat error_log)
	[ "$(echo "$log" | sed -E '1s/^\[ *[0-9]+\.[0-9]{6}\]//')" = " trace_uprobe: error: $2
  Command: $3$4
$(printf "%$((11 + ${#3}))s^" "")" ] || fail "error_log for '$3$4': $log"
}
# rec [TRACE] EVENT REGEX: a record of EVENT matches REGEX after "EVENT: ".
rec() {
	f=trace
	[ $# = 3 ] && { f=$1; shift; }
	grep -qE "^ +[^ ].*-[0-9]+ +\[[0-9]{3}\] [^ ]{5} +[0-9]+\.[0-9]{6}: $1: $2\$" $f ||
		fail "no $1 record like '$2' in $f: $(grep " $1: " $f | head -n 3)"
}
# fields FORMAT WANT: the fields after common_* as "type name offset size
# signed;" are WANT.
TAB=$(printf '\t')
fields() {
	got=$(sed -n '/__probe_/,$p' "$1" | sed -e '/^$/,$d' -e "s/^${TAB}field:\(.*\);${TAB}offset:\([0-9]*\);${TAB}size:\([0-9]*\);${TAB}signed:\([01]\);\$/\1 \2 \3 \4/" | tr '\n' ';')
	[ "$got" = "$(echo "$2" | tr '\n' ';')" ] || fail "fields of $1: $got"
}
hits() { awk -v e="$1" '$2 == e { print $3 }' uprobe_profile; }

# busybox's entry point: its address, its file offset, the code after it.
[ "$(u $BB 0 4)" = 1179403647 ] || skip "$BB is not an ELF file"
V=$(u $BB 24 8)
E=$(foff $BB "$V") || fail "no PT_LOAD holds the entry point $V"
[ $((E % 4096)) -le 4088 ] || skip "entry point at the end of a page"
EX=$(printf '0x%x' "$E")
E16=$(printf '0x%016x' "$E")
CODE=$(printf '0x%x' "$((0x$(od -A n -t x4 -j $((E + 4)) -N 4 $BB | tr -d ' ')))")
case "$(u $BB 16 2)" in
2) IP=$(printf '0x%x' "$V") ;;				# ET_EXEC
*) IP="0x[0-9a-f]*$(printf '%03x' $((V % 4096)))" ;;	# PIE: somewhere
esac

# A probe with user-space arguments: definition, format, record, profile.
echo "p:myprobe $BB:$EX argc=\$stack0:s32 argv0=+0(\$stack1):string cm=\$comm sp=\$stack code=@+$((E + 4)):x32 ip=%ip u=+u0(\$stack2):ustring" > uprobe_events
expect_content uprobe_events "p:uprobes/myprobe $BB:$E16 argc=\$stack0:s32 argv0=+0(\$stack1):string cm=\$comm sp=\$stack code=@+$((E + 4)):x32 ip=%ip u=+u0(\$stack2):ustring"
expect_content dynamic_events "$(cat uprobe_events)"
! grep -q myprobe kprobe_events 2>/dev/null || fail "kprobe_events shows uprobes"
want=$(ls events/sched/sched_switch | tr '\n' ' ')
[ "$(ls $U/myprobe | tr '\n' ' ')" = "$want" ] ||
	fail "files of a probe: $(ls $U/myprobe), of sched_switch: $want"
id=$(cat $U/myprobe/id)
expect_content $U/myprobe/format "name: myprobe
ID: $id
format:
	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
	field:unsigned char common_flags;	offset:2;	size:1;	signed:0;
	field:unsigned char common_preempt_count;	offset:3;	size:1;	signed:0;
	field:int common_pid;	offset:4;	size:4;	signed:1;

	field:unsigned long __probe_ip;	offset:8;	size:8;	signed:0;
	field:s32 argc;	offset:16;	size:4;	signed:1;
	field:__data_loc char[] argv0;	offset:20;	size:4;	signed:1;
	field:__data_loc char[] cm;	offset:24;	size:4;	signed:1;
	field:u64 sp;	offset:28;	size:8;	signed:0;
	field:u32 code;	offset:36;	size:4;	signed:0;
	field:u64 ip;	offset:40;	size:8;	signed:0;
	field:__data_loc char[] u;	offset:48;	size:4;	signed:1;

print fmt: \"(%lx) argc=%d argv0=\\\"%s\\\" cm=\\\"%s\\\" sp=0x%Lx code=0x%x ip=0x%Lx u=\\\"%s\\\"\", REC->__probe_ip, REC->argc, __get_str(argv0), __get_str(cm), REC->sp, REC->code, REC->ip, __get_str(u)"
grep -qx "uprobes:myprobe" available_events || fail "not in available_events"
line() { printf '  %s %-44s %15s' "$1" "$2" "$3"; }
expect_content uprobe_profile "$(line $BB myprobe 0)"
echo > trace
echo 1 > $U/myprobe/enable
$BB echo one two > /dev/null
echo 0 > $U/myprobe/enable
# argv[1] is at $stack2: "echo".
rec myprobe "\($IP\) argc=4 argv0=\"$BB\" cm=\"busybox\" sp=0x7ff[0-9a-f]+ code=$CODE ip=$IP u=\"echo\""
h=$(hits myprobe)
[ "$h" -ge 1 ] || fail "no hits counted: $(cat uprobe_profile)"
expect_content uprobe_profile "$(line $BB myprobe "$h")"
# Disabled, the breakpoint is gone: no more hits.
$BB true
[ "$(hits myprobe)" = "$h" ] || fail "hits grew while disabled: $(cat uprobe_profile)"

# Return probes: the format (not enabled: the entry point never returns).
add uprobe_events "r:myret $BB:$EX rv=\$retval:s32"
add uprobe_events "p:myret2 $BB:$EX%return \$retval"
fields $U/myret/format "unsigned long __probe_func 8 8 0;unsigned long __probe_ret_ip 16 8 0;s32 rv 24 4 1"
grep -qxF 'print fmt: "(%lx <- %lx) rv=%d", REC->__probe_func, REC->__probe_ret_ip, REC->rv' \
	$U/myret/format || fail "myret print fmt: $(tail -n 1 $U/myret/format)"
fields $U/myret2/format "unsigned long __probe_func 8 8 0;unsigned long __probe_ret_ip 16 8 0;u64 arg1 24 8 0"

# Default names and groups, reference counters, removal.
echo "p $BB:0x10" > uprobe_events
add uprobe_events "r $BB:32"
add uprobe_events "p:mygroup/ $BB:0x30"
add uprobe_events "p /bin/sh:0x40"
add uprobe_events "p:refc $BB:0x50(0x8)"
add uprobe_events "p:refr $BB:0x60%return(16)"
expect_content uprobe_events "p:uprobes/p_busybox_0x10 $BB:0x0000000000000010
r:uprobes/p_busybox_0x20 $BB:0x0000000000000020
p:mygroup/p_busybox_0x30 $BB:0x0000000000000030
p:uprobes/p_sh_0x40 /bin/sh:0x0000000000000040
p:uprobes/refc $BB:0x0000000000000050(0x8)
r:uprobes/refr $BB:0x0000000000000060(0x10)"
expect_content uprobe_profile "$(line $BB p_busybox_0x10 0)
$(line $BB p_busybox_0x20 0)
$(line $BB p_busybox_0x30 0)
$(line /bin/sh p_sh_0x40 0)
$(line $BB refc 0)
$(line $BB refr 0)"
# One reference counter per probe point (no error_log message).
bad "Invalid argument" "" "p:refc2 $BB:0x50(0x10)"
bad "No such file or directory" "" "-:refc $BB:0x0000000000000050"
add uprobe_events "-:refc $BB:0x0000000000000050(0x8)"
add uprobe_events "-:mygroup/p_busybox_0x30"
[ -d events/mygroup ] && fail "empty group stays"
add dynamic_events "-:p_busybox_0x10"
add uprobe_events "-:uprobes/p_sh_0x40 /bin/sh:0x0000000000000040"
expect_content uprobe_events "r:uprobes/p_busybox_0x20 $BB:0x0000000000000020
r:uprobes/refr $BB:0x0000000000000060(0x10)"
echo > uprobe_events
expect_content uprobe_events ""
[ -d $U ] && fail "events/uprobes stays after clearing"

# Bad definitions: errno, error_log message and caret.
bad "No such file or directory" "Failed to find the given file" "p:bad " "/no/such/file:0x10"
bad "Invalid argument" "Not a regular file" "p:bad " "/sys:0x10"
bad "Invalid argument" "Invalid uprobe offset" "p:bad $BB:" "0x1g"
bad "Invalid argument" "Invalid probed address suffix" "p:bad $BB:0x10" "%ret"
bad "Invalid argument" "Invalid reference counter offset" "p:bad $BB:0x10(" "x)"
bad "Invalid argument" "Symbol is not available with uprobe" "p:bad $BB:0x10 " "@jiffies"
bad "Invalid argument" "Invalid file offset value" "p:bad $BB:0x10 " "@+0x1g"
bad "Invalid argument" "Unknown type is specified" "p:bad $BB:0x10 %ax:" "symbol"
bad "Invalid argument" '$arg* can be used only on function entry or exit' "r:bad $BB:0x10 " '$arg1'
bad "Invalid argument" "Event name must follow the same rules as C identifiers" "p:" "1bad $BB:0x10"
bad "Invalid argument" "" "p:bad vfs_read"
bad "Invalid argument" "" "p:bad $BB:0x10" "" kprobe_events
add uprobe_events "p:myprobe $BB:0x10 x=%ax"
bad "File exists" "There is already the exact same probe event" "" "p:myprobe $BB:0x10 x=%ax"
bad "File exists" "Probe type is different from existing probe" "" "r:myprobe $BB:0x20"
bad "File exists" "Argument type or name is different from existing probe" "p:myprobe $BB:0x20 " "x=%ax:u8"
# Another place of the same event: one event, two probes.
add uprobe_events "p:myprobe /bin/sh:0x20 x=%ax"
expect_content uprobe_events "p:uprobes/myprobe $BB:0x0000000000000010 x=%ax
p:uprobes/myprobe /bin/sh:0x0000000000000020 x=%ax"
echo > uprobe_events

# An enabled probe is busy; dynamic_events defines and lists uprobes.
add dynamic_events "p:myprobe $BB:$EX argc=\$stack0:s32"
expect_content uprobe_events "p:uprobes/myprobe $BB:$E16 argc=\$stack0:s32"
echo 1 > $U/myprobe/enable
bad "Device or resource busy" "" "-:myprobe"
bad "Device or resource busy" "" "-:uprobes/myprobe" "" dynamic_events
expect_write_error "Device or resource busy" "" uprobe_events
echo 0 > $U/myprobe/enable

# An instance records the probe it enables; the top buffer does not.
mkdir $I
echo > trace
echo 1 > $I/$U/myprobe/enable
$BB echo > /dev/null
echo 0 > $I/$U/myprobe/enable
grep -q ' myprobe: ' trace && fail "top buffer has the instance's probe"
rec $I/trace myprobe "\($IP\) argc=2"
rmdir $I
echo > uprobe_events

# A return probe on libc's getpid(): bash's pid is its $retval.
[ -x /bin/bash ] || { echo "# no /bin/bash: return probe records not checked"; exit 0; }
LIBC=$(/bin/bash -c 'cat /proc/$$/maps; true' | awk '$6 ~ /\/libc[.-]/ { print $6; exit }')
[ -n "$LIBC" ] || fail "no libc in bash's maps"
GV=$(dynsym "$LIBC" getpid) || fail "no getpid in $LIBC"
GO=$(foff "$LIBC" "$GV") || fail "no PT_LOAD holds getpid ($GV)"
add uprobe_events "r:getpid $LIBC:$GO rv=\$retval:s32 e=@+$((GO + 1)):u8"
echo > trace
echo 1 > $U/getpid/enable
pid=$(/bin/bash -c 'echo $$')
echo 0 > $U/getpid/enable
E1=$((0x$(od -A n -t x1 -j $((GO + 1)) -N 1 "$LIBC" | tr -d ' ')))
rec getpid "\(0x[0-9a-f]+ <- 0x[0-9a-f]*$(printf '%03x' $((GV % 4096)))\) rv=$pid e=$E1"
exit 0
