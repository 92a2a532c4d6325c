# SPDX-License-Identifier: GPL-2.0
# The function_graph tracer: upstream's header for each column option, the
# lines of calls ("func() {"), leaves ("func();") and returns ("}"), the
# duration column and its marks, set_graph_function and set_graph_notrace,
# max_graph_depth, tracing_thresh, funcgraph-tail, the proc and abstime
# columns, context-info off, trace_marker comments, the context-switch
# separator, trace_pipe, funcgraph-retval and funcgraph-retval-hex, and the
# format files of its records.
. "$(dirname "$0")/lib.sh"
cleanup() {
	echo nop > current_tracer
	echo 1 > tracing_on
	echo > set_graph_function
	echo > set_graph_notrace
	echo 0 > max_graph_depth
	echo 0 > tracing_thresh
	for o in funcgraph-cpu funcgraph-duration funcgraph-overhead \
		 funcgraph-irqs context-info; do
		echo 1 > options/$o
	done
	for o in funcgraph-proc funcgraph-abstime funcgraph-tail funcgraph-overrun \
		 funcgraph-retval funcgraph-retval-hex; do
		if [ -f options/$o ]; then echo 0 > options/$o; fi
	done
}
trap cleanup EXIT
grep -qw function_graph available_tracers || skip "no function_graph tracer"
cleanup
F=do_sys_openat2
dur='([ +!#*@$] [0-9.]{1,8} us +)'
fill='              '
cpu='^ [0-9]\) '

# A graph of two opens: every line is a call, a leaf or a return.
echo $F > set_graph_function
expect_content set_graph_function $F
echo function_graph > current_tracer
cat /dev/null
echo 0 > tracing_on
out=$(cat trace)
[ "$(echo "$out" | sed -n 1,4p)" = "# tracer: function_graph
#
# CPU  DURATION                  FUNCTION CALLS
# |     |   |                     |   |   |   |" ] || fail "bad header: $(echo "$out" | head -n 4)"
body=$(echo "$out" | grep -v '^#') || true
bad=$(echo "$body" | grep -vE "${cpu}(${fill}\|  ( {2})*[^ ].*\(\) \{|${dur}\|  ( {2})*[^ ].*\(\);|${dur}\|  ( {2})*\}( /\* .* \*/)?)\$" |
      grep -vE '^ -{42}$|^ [0-9]\) .* => .*$|^$' | head -n 3) || true
[ -z "$bad" ] || fail "malformed lines: $bad"
echo "$body" | grep -qE "${cpu}${fill}\|  $F\(\) \{\$" || fail "no '$F() {' at depth 0"
echo "$body" | grep -qE "${cpu}${dur}\|  \}\$" || fail "no return at depth 0"
echo "$body" | grep -qE "${cpu}${dur}\|    ( {2})*[^ ]+\(\);\$" || fail "no leaf below $F"
# Calls and returns pair up at each depth within the graph of $F: a
# whole graph at least, and never a return below depth 0.  Per CPU:
# another task may open a file on the other CPU meanwhile, and a graph
# that moves to the other CPU or is still open when tracing stops is left
# out.
echo "$body" | awk -v f="$F" '
	/\|  [a-z_].*\(\) \{$/ && $0 ~ "\\|  " f "\\(" { on[$1] = 1; d[$1] = 0 }
	!on[$1] { next }
	/\(\) \{$/ { d[$1]++ }
	/\|  *\}/ { if (--d[$1] == 0) { on[$1] = 0; calls++ } }
	d[$1] < 0 { bad = 1 }
	END { if (calls < 1 || bad) exit 1 }' ||
	fail "calls and returns of $F do not pair up"
# The durations: up to 8 characters, and the mark of their size.
echo "$body" | grep -E "$dur" | sed -E 's/^ [0-9]\) (.) ([0-9.]+) us.*/\1|\2/' |
	awk -F'|' '{ d = $2 + 0; want = " ";
		if (d > 1000000) want = "$"; else if (d > 100000) want = "@";
		else if (d > 10000) want = "*"; else if (d > 1000) want = "#";
		else if (d > 100) want = "!"; else if (d > 10) want = "+";
		if ($1 != want || length($2) > 8) { print; bad = 1 } }
		END { exit bad }' > /tmp/graph_marks ||
	fail "wrong marks: $(head -n 3 /tmp/graph_marks)"

# max_graph_depth 1: only the leaf of $F itself.
echo nop > current_tracer
echo 1 > tracing_on
echo 1 > max_graph_depth
expect_content max_graph_depth 1
echo function_graph > current_tracer
cat /dev/null
echo 0 > tracing_on
body=$(grep -v '^#' trace) || true
[ -n "$body" ] || fail "max_graph_depth=1 recorded nothing"
bad=$(echo "$body" | grep -vE "${cpu}${dur}\|  $F\(\);\$" |
      grep -vE '^ -{42}$|^ [0-9]\) .* => .*$|^$' | head -n 3) || true
# Upstream delivers the return of a call entered under an earlier graph
# tracer (a task asleep in schedule() since then) to the new tracer when
# it takes the same fgraph_array slot: a lone "} /* func */" line.
stale=$(echo "$bad" | grep -E "${cpu}${dur}\|  \} /\* [a-z_0-9.]+ \*/\$") || true
if [ -n "$stale" ] && [ "$stale" = "$bad" ]; then
	upstream_bug "max_graph_depth=1: a stale return of an earlier tracer: $bad"
else
	[ -z "$bad" ] || fail "max_graph_depth=1: $bad"
fi

# Column options change the header and the lines as upstream's.
echo 1 > options/funcgraph-proc
echo 1 > options/funcgraph-abstime
out=$(cat trace)
[ "$(echo "$out" | sed -n 3,4p)" = "#     TIME        CPU  TASK/PID         DURATION                  FUNCTION CALLS
#      |          |     |    |           |   |                     |   |   |   |" ] ||
	fail "abstime+proc header: $(echo "$out" | sed -n 3,4p)"
echo "$out" | grep -qE "^ +[0-9]+\.[0-9]{6} \|   [0-9]\) +cat-[0-9]+ +\| ${dur}\|  $F\(\);\$" ||
	fail "abstime+proc line: $(echo "$out" | sed -n 5p)"
# (cat's lines: a comm-pid longer than 14 characters widens the column,
# on both kernels, as upstream does not cut it)
echo "$out" | grep -E '\) +cat-[0-9]+ ' | grep -v '=>' |
	grep -qvE '^.{16}.{4}.{14} \| ' && fail "proc column not 14 wide"
echo 0 > options/funcgraph-cpu
echo 0 > options/funcgraph-duration
out=$(cat trace)
[ "$(echo "$out" | sed -n 3,4p)" = "#     TIME         TASK/PID                      FUNCTION CALLS
#      |            |    |                       |   |   |   |" ] ||
	fail "noduration nocpu header: $(echo "$out" | sed -n 3,4p)"
echo 0 > options/funcgraph-proc
echo 0 > options/funcgraph-abstime
out=$(cat trace)
[ "$(echo "$out" | sed -n 3,4p)" = "#               FUNCTION CALLS
#               |   |   |   |" ] || fail "bare header: $(echo "$out" | sed -n 3,4p)"
echo "$out" | grep -v '^#' | grep -qvx "$F();" && fail "bare lines: $(echo "$out" | sed -n 5p)"
echo 0 > options/context-info
out=$(cat trace)
[ "$(echo "$out" | sed -n 3p)" = "$F();" ] || fail "context-info=0: $(echo "$out" | sed -n 1,4p)"
cleanup

# funcgraph-tail names every return; set_graph_notrace leaves out a
# function and what it calls.
echo $F > set_graph_function
echo getname > set_graph_notrace
expect_content set_graph_notrace getname
echo 1 > options/funcgraph-tail
echo function_graph > current_tracer
cat /dev/null
echo 0 > tracing_on
body=$(grep -v '^#' trace) || true
echo "$body" | grep -qE "\|  \} /\* $F \*/\$" || fail "funcgraph-tail: no '} /* $F */'"
echo "$body" | grep -qE '\|  +\}$' && fail "funcgraph-tail: a return without its name"
echo "$body" | grep -qE ' getname(_flags)?\(' && fail "set_graph_notrace: getname traced"
echo "$body" | grep -qE "\|    [a-z_]+" || fail "set_graph_notrace: nothing else traced"
cleanup

# tracing_thresh: only returns of calls that took longer, named.
echo $F > set_graph_function
echo 100 > tracing_thresh
expect_content tracing_thresh 100
echo function_graph > current_tracer
cat /dev/null
echo 0 > tracing_on
body=$(grep -v '^#' trace) || true
bad=$(echo "$body" | grep -vE "${cpu}[!#*@$] [0-9.]+ us +\|  +\} /\* [^ ]+ \*/\$" | head -n 3) || true
[ -z "$bad" ] || fail "tracing_thresh: $bad"
cleanup

# trace_marker shows as a comment; a context switch as a separator.
echo schedule > set_graph_function
echo function_graph > current_tracer
echo hello > trace_marker
sleep 0.1 &
sleep 0.1
wait
echo 0 > tracing_on
out=$(cat trace)
echo "$out" | grep -qE "${cpu}${fill}\|  /\* hello \*/\$" || fail "no marker comment"
echo "$out" | grep -qxE ' -{42}' || fail "no context-switch separator"
echo "$out" | grep -qE "^ [0-9]\) .{14} => .{14}\$" || fail "no 'prev => next' line"

# trace_pipe prints the same lines, and consumes them.
echo 1 > tracing_on
cat /dev/null
echo 0 > tracing_on
pipe=$(timeout 5 cat trace_pipe) || true
echo "$pipe" | grep -qE "${cpu}${fill}\|  schedule\(\) \{\$" || fail "trace_pipe: no 'schedule() {'"
[ -z "$(grep -v '^#' trace)" ] || fail "trace_pipe did not consume"
cleanup

# funcgraph-retval (FUNCTION_GRAPH_RETVAL): a return or a leaf shows the
# value returned, an error code in decimal unless funcgraph-retval-hex.
# Writing /proc/interrupts fails in proc_reg_write() with -EIO.
if [ -f options/funcgraph-retval ]; then
	[ -f options/funcgraph-retval-hex ] || fail "no options/funcgraph-retval-hex"
	echo proc_reg_write > set_graph_function
	echo 1 > options/funcgraph-retval
	echo function_graph > current_tracer
	(echo > /proc/interrupts) 2> /dev/null && fail "writing /proc/interrupts succeeded"
	echo 0 > tracing_on
	ret='(\} /\* proc_reg_write|proc_reg_write\(\); /\*)'
	grep -qE "$ret = -5 \*/\$" trace ||
		fail "funcgraph-retval: no -5 from proc_reg_write: $(grep proc_reg_write trace)"
	bad=$(grep -E '\|    +([a-z_.0-9]+\(\);|\})' trace |
	      grep -vE '= (0x[0-9a-f]+|-[0-9]+) \*/$' | head -n 2) || true
	[ -z "$bad" ] || fail "funcgraph-retval: a leaf or return without its value: $bad"
	echo 1 > options/funcgraph-retval-hex
	grep -qE "$ret = 0x(ffffffff)?fffffffb \*/\$" trace ||
		fail "funcgraph-retval-hex: $(grep proc_reg_write trace)"
	cleanup
fi

# The records' format files are upstream's.
for e in funcgraph_entry funcgraph_exit; do
	[ -f events/ftrace/$e/format ] || fail "no events/ftrace/$e/format"
done
grep -qx 'ID: 11' events/ftrace/funcgraph_entry/format || fail "funcgraph_entry id"
grep -qx 'ID: 10' events/ftrace/funcgraph_exit/format || fail "funcgraph_exit id"
grep -qxF '	field:int depth;	offset:16;	size:4;	signed:1;' events/ftrace/funcgraph_entry/format ||
	fail "funcgraph_entry depth field"
grep -qF 'print fmt: "--> %ps (%d)", (void *)REC->func, REC->depth' events/ftrace/funcgraph_entry/format ||
	fail "funcgraph_entry print fmt"
grep -qF 'field:unsigned long long rettime;' events/ftrace/funcgraph_exit/format ||
	fail "funcgraph_exit rettime field"
exit 0
