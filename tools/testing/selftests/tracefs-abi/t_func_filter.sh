# SPDX-License-Identifier: GPL-2.0
# set_ftrace_filter / set_ftrace_notrace: names, globs (*, ?, [...]),
# "!name", ">>" vs ">", multiple words, clearing, and EINVAL for no match.
. "$(dirname "$0")/lib.sh"
cleanup() {
	echo > set_ftrace_filter
	echo > set_ftrace_notrace
}
trap cleanup EXIT
echo nop > current_tracer
names=/tmp/t_func_filter.names
# Every pattern below matches only names containing one of these words;
# keeping just those lines makes the greps fast.
grep -E 'vfs_|ksys_|seq_read|_write_iter|schedule' available_filter_functions |
	sed 's/ .*//' > $names

# check_set FILE WORDS REGEX: after writing WORDS, FILE holds exactly the
# available functions matching the extended regex REGEX.
check_set() {
	echo "$2" > $1
	got=$(sort $1)
	want=$(grep -E "$3" $names | sort) || true
	[ -n "$want" ] || fail "test bug: no function matches $3"
	[ "$got" = "$want" ] || fail "$1 after '$2': got '$(echo $got)', expected '$(echo $want)'"
}
# expect_append_error FILE WORD: appending WORD fails with EINVAL and
# FILE is unchanged.
expect_append_error() {
	before=$(cat $1)
	if out=$( (echo "$2" >> $1) 2>&1); then
		fail "appending '$2' to $1 succeeded"
	fi
	case "$out" in
	*"Invalid argument"*) ;;
	*) fail "appending '$2' to $1: expected 'Invalid argument', got '$out'" ;;
	esac
	[ "$(cat $1)" = "$before" ] || fail "failed append of '$2' changed $1"
}

for f in set_ftrace_filter set_ftrace_notrace; do
	check_set $f 'vfs_read' '^vfs_read$'
	check_set $f 'vfs_read*' '^vfs_read'
	check_set $f '*_write_iter' '_write_iter$'
	check_set $f '*seq_read*' 'seq_read'
	check_set $f 'ksys_*64' '^ksys_.*64$'
	check_set $f 'vfs_????' '^vfs_....$'
	check_set $f 'ksys_[rw]*' '^ksys_[rw]'
	check_set $f 'vfs_[lor]?[ae][dkn]' '^vfs_[lor].[ae][dkn]$'
	check_set $f 'vfs_read ksys_read schedule' '^(vfs_read|ksys_read|schedule)$'
	printf 'vfs_read\nksys_write\n' > $f
	[ "$(sort $f | tr '\n' ' ')" = "ksys_write vfs_read " ] || fail "$f: two lines: $(cat $f)"

	# ">" replaces, ">>" appends, "!" removes.
	echo vfs_read > $f
	echo ksys_read >> $f
	echo schedule >> $f
	[ "$(sort $f | tr '\n' ' ')" = "ksys_read schedule vfs_read " ] || fail "$f: append: $(cat $f)"
	echo '!ksys_read' >> $f
	[ "$(sort $f | tr '\n' ' ')" = "schedule vfs_read " ] || fail "$f: !name: $(cat $f)"
	echo 'vfs_write*' >> $f
	echo '!vfs_*' >> $f
	expect_content $f schedule
	echo vfs_write > $f
	expect_content $f vfs_write

	# A name that matches nothing is refused.
	expect_append_error $f no_such_function_xyz
	expect_append_error $f 'no_such_*_xyz'
	expect_content $f vfs_write
	# With ">", the truncating open has already emptied the set.
	expect_write_error "Invalid argument" no_such_function_xyz $f
	[ -z "$(grep -v '^####' $f)" ] || fail "$f: '>' of a bad name kept $(cat $f)"
done

# Empty writes clear; the empty sets read as a comment.
echo vfs_read > set_ftrace_filter
echo vfs_read > set_ftrace_notrace
echo > set_ftrace_filter
expect_content set_ftrace_filter '#### all functions enabled ####'
expect_content set_ftrace_notrace vfs_read
echo > set_ftrace_notrace
expect_content set_ftrace_notrace '#### no functions disabled ####'
echo ksys_read > set_ftrace_filter
: > set_ftrace_filter
expect_content set_ftrace_filter '#### all functions enabled ####'
rm -f $names
