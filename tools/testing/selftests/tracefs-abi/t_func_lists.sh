# SPDX-License-Identifier: GPL-2.0
# available_filter_functions(_addrs) list the traceable functions with
# kallsyms addresses; enabled_functions lists exactly what the function
# tracer has attached to; touched_functions remembers it.
. "$(dirname "$0")/lib.sh"
cleanup() {
	echo nop > current_tracer
	echo > set_ftrace_filter
}
trap cleanup EXIT
echo nop > current_tracer
# Work on copies: these files are long.
aff=/tmp/t_func_lists.aff
addrs=/tmp/t_func_lists.addrs
cat available_filter_functions > $aff
cat available_filter_functions_addrs > $addrs
n=$(wc -l < $aff)
[ "$n" -gt 1000 ] || fail "only $n available_filter_functions"
bad=$(grep -vE '^[^][ ]+( \[[^] ]+\])?$' $aff | head -n 3) || true
[ -z "$bad" ] || fail "bad available_filter_functions lines: $bad"
for f in schedule vfs_read ksys_read; do
	grep -qx $f $aff || fail "$f not in available_filter_functions"
done
bad=$(grep -vE '^[0-9a-f]{8,16} [^][ ]+( \[[^] ]+\])?$' $addrs | head -n 3) || true
[ -z "$bad" ] || fail "bad available_filter_functions_addrs lines: $bad"
sed 's/^[0-9a-f]* //' $addrs > $addrs.names
cmp -s $addrs.names $aff ||
	fail "available_filter_functions_addrs names differ: $(diff $addrs.names $aff | head -n 5)"
# The address is the one of the function (at most a few bytes into it).
for f in schedule vfs_read; do
	a=$(grep -E " $f\$" $addrs | head -n 1 | cut -d' ' -f1)
	k=$(grep -E " [tT] $f\$" /proc/kallsyms | head -n 1 | cut -d' ' -f1)
	[ -n "$a" ] && [ -n "$k" ] || fail "$f: no address ('$a', '$k')"
	d=$((0x$a - 0x$k))
	[ $d -ge 0 ] && [ $d -lt 16 ] || fail "$f at $a, kallsyms says $k"
done
rm -f $aff $addrs $addrs.names

[ -z "$(cat enabled_functions)" ] || fail "enabled_functions not empty: $(head -n 3 enabled_functions)"
echo schedule > set_ftrace_filter
[ -z "$(cat enabled_functions)" ] || fail "a filter alone enables functions"
echo function > current_tracer
grep -q '^schedule (1)' enabled_functions || fail "enabled_functions: $(cat enabled_functions)"
[ "$(wc -l < enabled_functions)" = 1 ] || fail "enabled_functions: $(cat enabled_functions)"
# A filter change while the tracer runs updates the list.
echo 'vfs_read ksys_read' > set_ftrace_filter
[ "$(sed 's/ .*//' enabled_functions | sort | tr '\n' ' ')" = "ksys_read vfs_read " ] ||
	fail "enabled_functions after filter change: $(cat enabled_functions)"
grep -q '^vfs_read (1)' enabled_functions || fail "enabled_functions: $(cat enabled_functions)"
echo schedule > set_ftrace_filter
echo nop > current_tracer
[ -z "$(cat enabled_functions)" ] || fail "enabled_functions after nop: $(cat enabled_functions)"
if [ -f touched_functions ]; then
	grep -q '^schedule (' touched_functions || fail "schedule not in touched_functions"
fi
