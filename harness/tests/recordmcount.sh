#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/recordmcount records exactly the __fentry__ call sites that gcc's
# own -mrecord-mcount records, except in sections ftrace must not patch,
# where it turns the calls into NOPs; its entries resolve to those calls in
# linked programs, also through weak-function overriding and ld -r; a second
# run changes nothing; it refuses what is not an x86-64 relocatable object
# and then leaves the file untouched.
#
# Exit: 0 pass, 1 fail, 4 skip.
set -u
H=$(cd "$(dirname "$0")/.." && pwd)
TOP=$H/..
D=$H/tests/recordmcount
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 4; }

for c in gcc ld readelf objdump objcopy nm od cmp; do
	command -v $c >/dev/null || skip "$c is not installed"
done
[ -f /usr/include/libelf.h ] || skip "no libelf headers (libelf-dev)"
cd "$tmp" || exit 1
echo 'int f(void) { return 0; }' > probe.c
gcc -pg -mfentry -mrecord-mcount -fno-pie -c probe.c 2>/dev/null ||
	skip "gcc cannot -pg -mfentry -mrecord-mcount"

RMC=$tmp/recordmcount
out=$(gcc -O2 -Wall -Werror -o "$RMC" "$TOP/scripts/recordmcount.c" -lelf 2>&1) ||
	fail "recordmcount.c does not build cleanly: $out"

CF="-O2 -fno-pie -fno-asynchronous-unwind-tables -pg -mfentry -I$D"
export UNTRACED='\.noinstr\.text|\.text\.\.special|\.exit\.text|\.text\.exit|\.entry\.text|\.head\.text'

# sites OBJ: "section + addend" of each __mcount_loc entry, sorted
sites() {
	readelf -rW "$1" | awk '/^Relocation section/ { on = /rela__mcount_loc/; next }
		on && $3 == "R_X86_64_64" { print ($4 ~ /^0+$/ ? "" : $4 ":") $5, $6, $7 }' |
		sort
}
# fentry_secs OBJ: the section of each relocation against __fentry__
fentry_secs() {
	readelf -rW "$1" | awk '/^Relocation section/ { s = substr($3, 7, length($3) - 7); next }
		$5 == "__fentry__" { print s }'
}
# shdrs OBJ: section headers, "[ 6]" written "[6]" to keep the fields aligned
shdrs() { readelf -SW "$1" | sed "s/^ *\\[ */[/"; }
# nops OBJ: how many 5-byte NOPs OBJ has
nops() { objdump -d "$1" | grep -c "0f 1f 44 00 00 *	nopl"; }
# same OBJ1 OBJ2: everything but __mcount_loc and the untraced sections
same() {
	local f
	for f in "$1" "$2"; do
		{ objdump -dr "$f"; objdump -r "$f"; objdump -s "$f"; } | grep -v "file format" |
			awk '/^(Disassembly of section|RELOCATION RECORDS FOR|Contents of section)/ {
				s = $NF; gsub(/[\[\]:]/, "", s)
				skip = s ~ ("^(__mcount_loc|" ENVIRON["UNTRACED"] ")$") }
				NF && !skip' > "$f.dump" && nm "$f" >> "$f.dump" &&
			grep -q "^Disassembly of section" "$f.dump" || return 1
	done
	cmp -s "$1.dump" "$2.dump"
}

# check NAME VARIANT [CFLAGS...]: compile, process and compare with gcc
check() {
	local name=$1 o=$1$2 want got n ino hdr
	shift 2
	gcc $CF "$@" -mno-record-mcount -c "$D/$name.c" -o $o.o || fail "cc $o"
	gcc $CF "$@" -mrecord-mcount -c "$D/$name.c" -o $o.ref.o || fail "cc $o.ref"
	cp $o.o $o.orig.o
	chmod 640 $o.o
	"$RMC" -w $o.o 2> $o.err || fail "$o: recordmcount failed: $(cat $o.err)"
	[ "$(stat -c %a $o.o)" = 640 ] || fail "$o: file mode not kept"

	same $o.orig.o $o.ref.o || fail "$o: -mrecord-mcount changed the code"
	want=$(sites $o.ref.o | grep -Ev "^[^ ]*($UNTRACED) ")
	got=$(sites $o.o)
	[ -n "$want" ] || fail "$o: gcc recorded nothing"
	[ "$got" = "$want" ] || fail "$o: recorded sites differ from gcc's:
$got
--- gcc -mrecord-mcount:
$want"
	same $o.orig.o $o.o || fail "$o: code, data or symbols changed: $(diff $o.orig.o.dump $o.o.dump | head)"

	# Type, entsize, flags, alignment; the relocations link the symbol
	# table and apply to __mcount_loc
	hdr=$(shdrs $o.o | awk '$3 == "SYMTAB" { s = substr($1, 2) + 0 }
		$2 == "__mcount_loc" { m = substr($1, 2) + 0; print $3, $7, $8, $11 }
		$2 == ".rela__mcount_loc" { print $3, $7, $8, $9 == s, $10 == m, $11 }')
	[ "$hdr" = "PROGBITS 08 A 8
RELA 18 I 1 1 8" ] || fail "$o: bad section headers: $(readelf -SW $o.o | grep mcount)"

	# Untraced sections: no __fentry__ relocation left, each call a NOP
	n=$(fentry_secs $o.orig.o | grep -cEx "$UNTRACED")
	[ "$(fentry_secs $o.o | grep -cEx "$UNTRACED")" = 0 ] ||
		fail "$o: __fentry__ relocations left in untraced sections"
	[ "$(readelf -rW $o.o | grep -c R_X86_64_NONE)" = "$n" ] ||
		fail "$o: not $n relocations neutralised"
	[ $(($(nops $o.o) - $(nops $o.orig.o))) = "$n" ] ||
		fail "$o: not $n calls made NOPs"
	if [ "$n" != 0 ]; then
		grep -q "warning: .* is not traced" $o.err || fail "$o: -w did not warn"
		cp $o.orig.o $o.quiet.o
		[ -z "$("$RMC" $o.quiet.o 2>&1)" ] || fail "$o: warnings without -w"
	fi

	# Objects from gcc -mrecord-mcount are already done
	cp $o.ref.o $o.ref2.o
	"$RMC" -w $o.ref.o && cmp -s $o.ref.o $o.ref2.o || fail "$o: gcc's __mcount_loc not left alone"

	cp $o.o $o.once.o
	ino=$(stat -c %i $o.o)
	"$RMC" -w $o.o || fail "$o: second run failed"
	cmp -s $o.o $o.once.o && [ "$(stat -c %i $o.o)" = "$ino" ] ||
		fail "$o: second run changed the object"
}

for v in "" -fs; do
	fs=${v:+-ffunction-sections}
	for f in funcs strong statics weakonly mixed; do
		check $f "$v" $fs
	done
	[ "$(fentry_secs funcs$v.orig.o | grep -c noinstr)" = 1 ] || fail "funcs$v has no noinstr call"
done
# References to __fentry__ that are not "call __fentry__" are left alone
gcc -c "$D/notcalls.S" -o notcalls.o && cp notcalls.o notcalls.orig.o || fail "as notcalls"
"$RMC" -w notcalls.o 2> notcalls.err || fail "notcalls.o: recordmcount failed"
[ "$(sites notcalls.o)" = ".text + 0" ] || fail "notcalls.o: recorded $(sites notcalls.o)"
[ "$(grep -c "not a call" notcalls.err)" = 3 ] || fail "notcalls.o: no warnings: $(cat notcalls.err)"
same notcalls.orig.o notcalls.o || fail "notcalls.o: code changed"

# A group signature symbol is renumbered with the other global symbols
gcc -c "$D/group.S" -o group.o && "$RMC" group.o || fail "group.o"
[ "$(sites group.o)" = ".text.grp + 0" ] || fail "group.o: recorded $(sites group.o)"
readelf -gW group.o | grep -q "group section .*\[grp_fn\]" ||
	fail "group.o: group signature lost: $(readelf -gW group.o)"

# Only untraced calls: NOPs, no __mcount_loc, one warning for the section
gcc $CF -c "$D/untraced.c" -o untraced.o && cp untraced.o untraced.orig.o || fail "cc untraced"
"$RMC" -w untraced.o 2> untraced.err || fail "untraced.o: recordmcount failed"
[ $(($(nops untraced.o) - $(nops untraced.orig.o))) = 2 ] || fail "untraced.o: not 2 NOPs"
[ -z "$(fentry_secs untraced.o)" ] || fail "untraced.o: __fentry__ relocations left"
readelf -SW untraced.o | grep -q mcount_loc && fail "untraced.o: empty __mcount_loc added"
[ "$(grep -c "not traced" untraced.err)" = 1 ] || fail "untraced.o: not one warning: $(cat untraced.err)"
cp untraced.o untraced.once.o
"$RMC" untraced.o && cmp -s untraced.o untraced.once.o || fail "untraced.o: second run changed it"

readelf -sW weakonly.orig.o | grep -q SECTION && fail "weakonly.o already has a section symbol"
readelf -sW weakonly.o | grep -q ' SECTION .* \.text$' || fail "weakonly.o: no section symbol added"

# An object without functions is left alone
gcc $CF -c "$D/empty.c" -o empty.o && cp empty.o empty.orig.o || fail "cc empty"
n=$(stat -c %i empty.o)
"$RMC" -w empty.o || fail "empty.o: recordmcount failed"
cmp -s empty.o empty.orig.o && [ "$(stat -c %i empty.o)" = "$n" ] || fail "empty.o changed"

# Bad input: an error naming the file, and the file unchanged
bad() {
	local f=$1 why=$2 rc ino
	cp $f $f.keep
	ino=$(stat -c %i $f)
	out=$("$RMC" $f 2>&1)
	rc=$?
	[ $rc != 0 ] || fail "$f accepted"
	echo "$out" | grep -q "$f.*$why" || fail "$f: unclear message: $out"
	cmp -s $f $f.keep && [ "$(stat -c %i $f)" = "$ino" ] || fail "$f modified"
}
echo "not an object" > text.o
bad text.o "not an ELF"
head -c 200 funcs.orig.o > trunc1.o
bad trunc1.o "truncated"
head -c $(($(stat -c %s funcs.orig.o) - 40)) funcs.orig.o > trunc2.o
bad trunc2.o "truncated"
# Section 1's sh_offset (at e_shoff + 64 + 24) moved 256 MiB away
cp funcs.orig.o secoff.o
shoff=$(od -An -tu8 -j40 -N8 secoff.o | tr -d " ")
printf "\000\000\000\020\000\000\000\000" | dd of=secoff.o bs=1 seek=$((shoff + 88)) conv=notrunc 2>/dev/null
bad secoff.o "section 1 beyond the end"
# ELF32 header, ET_REL, EM_386, no sections
{ printf "\177ELF\001\001\001"; head -c 9 /dev/zero; printf "\001\000\003\000\001\000\000\000"
  head -c 16 /dev/zero; printf "\064\000\000\000\000\000\050\000\000\000\000\000"; } > elf32.o
bad elf32.o "64-bit"
cp funcs.orig.o arm.o && printf '\267' | dd of=arm.o bs=1 seek=18 conv=notrunc 2>/dev/null
bad arm.o "x86-64"
echo "int main(void) { return 0; }" > prog.c
gcc -no-pie -o prog.o prog.c || fail "cc prog"
bad prog.o "relocatable"
out=$("$RMC" missing.o 2>&1) && fail "missing file accepted"
echo "$out" | grep -q "missing.o" || fail "missing file: unclear message: $out"
ls | grep -q "\.rmc" && fail "temporary files left: $(ls | grep "\.rmc")"

# Several files: each processed, failure reported at the end
cp funcs.orig.o multi1.o; cp statics.orig.o multi2.o
"$RMC" multi1.o text.o multi2.o 2>/dev/null && fail "a bad file among several accepted"
cmp -s multi1.o funcs.o && cmp -s multi2.o statics.o || fail "files around a bad one not processed"

# Usage errors
"$RMC" >/dev/null 2>&1; [ $? = 2 ] || fail "no file: exit status not 2"
out=$("$RMC" -x funcs.o 2>&1); [ $? = 2 ] || fail "-x: exit status not 2"
echo "$out" | grep -q usage || fail "-x: no usage message"

# Linked programs: main.c checks every entry against the functions
# expect.c lists (FN or TABLE[I] for static ones)
gcc -O2 -c -I"$D" "$D/main.c" "$D/fentry.S" || fail "cc main"
# link NAME EXTRA "TRACED..." "NOPS..." OBJ...
link() {
	local name=$1 extra=$2 traced=$3 nops=$4 f
	shift 4
	{
		echo '#include "defs.h"'
		for f in $traced $nops; do
			case $f in
			*\[*) echo "extern fn_t *const ${f%%\[*}[];" ;;
			*) echo "fn_t $f;" ;;
			esac
		done
		echo 'int expect(fn_t **t, fn_t **n) {'
		for f in $traced; do echo "*t++ = $f;"; done
		for f in $nops; do echo "*n++ = $f;"; done
		echo "*t = 0; *n = 0; return $extra; }"
	} > $name-expect.c
	gcc -no-pie -I"$D" -o $name main.o fentry.o $name-expect.c "$@" ||
		fail "$name: link failed"
	out=$(./$name) || fail "$name: $out"
}
FUNCS="plain_a plain_b funcs_statics[0] init_fn"
STATICS="statics_tbl[0] statics_tbl[1] statics_tbl[2]"
for v in "" -fs; do
	link weak$v 1 "$FUNCS weak_fn strong_other" noinstr_fn funcs$v.o strong$v.o
	link kept$v 0 "$FUNCS weak_fn weak_only" noinstr_fn funcs$v.o weakonly$v.o
	link statics$v 0 "$STATICS" "" statics$v.o
done
ld -r -o module.o funcs.o strong-fs.o statics.o weakonly-fs.o || fail "ld -r"
link module 1 "$FUNCS weak_fn strong_other $STATICS weak_only" noinstr_fn module.o
[ "$(sites module.o | wc -l)" = 11 ] || fail "ld -r: not 11 entries"

# Extended section numbering: every function of many.S is recorded
gcc -c "$D/many.S" -o many.o && cp many.o many.orig.o && "$RMC" many.o &&
	gcc -no-pie -o many main.o fentry.o -x c - -x none many.o <<< "int expect(void) { return 0; }" &&
	objcopy -O binary -j __mcount_loc many many.loc || fail "many.S"
n=$(readelf -h many.o | sed -n "s/ *Number of section headers: *0 (\([0-9]*\))/\1/p")
[ "${n:-0}" -gt 65280 ] || fail "many.o: no extended section numbering"
secsyms() { readelf -sW "$1" | grep -c " SECTION "; }
[ $(($(secsyms many.o) - $(secsyms many.orig.o))) = 16500 ] || fail "many.o: not 16500 section symbols added"
[ "$(od -An -v -tx8 -w8 many.loc | tr -d " " | sort)" = \
  "$(nm many | awk '$3 ~ /^many[0-9]+$/ { print $1 }' | sort)" ] || fail "many.o: wrong entries"

# main.c can fail: a strong weak_fn left unprocessed is not recorded
cp funcs.orig.o noweak.o
"$RMC" noweak.o && gcc -no-pie -I"$D" -o noweak main.o fentry.o weak-expect.c noweak.o strong.orig.o ||
	fail "cc noweak"
./noweak > /dev/null && fail "main.c missed the unrecorded strong weak_fn"
echo "recordmcount: all checks passed"
exit 0
