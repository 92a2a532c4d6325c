# SPDX-License-Identifier: GPL-2.0
# Helpers for the tracefs-abi tests (sourced; the current directory is
# the tracefs mount).

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "$*"; exit 4; }

# expect_write_error ERRTEXT VALUE FILE: writing VALUE to FILE must fail
# with the errno whose strerror text is ERRTEXT.
expect_write_error() {
	if out=$( (echo "$2" > "$3") 2>&1); then
		fail "writing '$2' to $3 succeeded"
	fi
	case "$out" in
	*"$1"*) ;;
	*) fail "writing '$2' to $3: expected '$1', got '$out'" ;;
	esac
}

# expect_content FILE TEXT: FILE must read exactly TEXT.
expect_content() {
	got=$(cat "$1")
	[ "$got" = "$2" ] || fail "$1 reads '$got', expected '$2'"
}

# upstream_bug TEXT: a check that upstream's kernel is known to fail: on
# the reference kernel (ftk.kernel=ref* on the command line) print TEXT as
# a finding and go on; on any other kernel fail with it.
upstream_bug() {
	case " $(cat /proc/cmdline) " in
	*" ftk.kernel=ref"*) echo "# upstream's bug: $*" ;;
	*) fail "$*" ;;
	esac
}

# pids_of FILE: the pids a pid file lists, as " A B C" ("no pid" is not
# one), read without starting a program.
pids_of() {
	list=""
	while read -r p; do
		case "$p" in [0-9]*) list="$list $p" ;; esac
	done < "$1"
	echo "$list"
}

# expect_pid_leaves FILE PID: PID leaves the pid file FILE within 5 s (a
# task that is gone leaves the sets that followed it).
expect_pid_leaves() {
	i=0
	while case "$(pids_of "$1") " in *" $2 "*) true ;; *) false ;; esac &&
	      [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	case "$(pids_of "$1") " in
	*" $2 "*) fail "pid $2 still in $1:$(pids_of "$1")" ;;
	esac
}

# within20 GOT WANT: GOT is within 20% of WANT.
within20() {
	[ $(($1 * 10)) -ge $(($2 * 8)) ] && [ $(($1 * 10)) -le $(($2 * 12)) ]
}

# delay_test_us US: the length in us of the last section
# preemptirq_delay_test.ko logged (its line in the kernel log, which is
# not cleared here); US, the delay asked, on upstream's module, which does
# not log its sections.
delay_test_us() {
	ns=$(dmesg | sed -n 's/.*preemptirq_delay_test: .* section 0: \([0-9]*\) ns.*/\1/p' |
	     tail -n 1)
	if [ -z "$ns" ]; then
		echo "$1"
	else
		echo $((ns / 1000))
	fi
}
