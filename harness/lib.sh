# SPDX-License-Identifier: GPL-2.0
# Common settings for the harness scripts.  Sourced, never run.
#
# Layout of the (ignored) build directory:
#   build/base/linux-VER/      pristine Debian tree, a git repo; commit 1 = pristine
#   build/VER/src-ours/        git worktree of it (branch "ours"): our files in place
#   build/VER/out-ours/        O= output of our kernel  (bzImage: arch/x86/boot/bzImage)
#   build/VER/out-ref/         O= output of the reference kernel, built from the
#                              pristine tree with the same config fragment
#   build/VER/initramfs-*.cpio.gz, build/logs/   guest images and console logs
#   build/series/              the git format-patch series

set -eu
set -o pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
H=$TOP/harness
B=${FTK_BUILD:-$TOP/build}
SRC_TARBALL=/usr/src/linux-source-6.12.tar.xz
JOBS=${FTK_JOBS:-$(nproc)}

msg() { printf '[ftk] %s\n' "$*" >&2; }
die() { printf '[ftk] error: %s\n' "$*" >&2; exit 1; }

# Packages the harness needs, as "command:package" pairs.
FTK_DEPS="qemu-system-x86_64:qemu-system-x86 busybox:busybox-static
gcc:gcc make:make flex:flex bison:bison bc:bc cpio:cpio xz:xz-utils
rsync:rsync perl:perl git:git depmod:kmod trace-cmd:trace-cmd
funcgraph-perf:perf-tools-unstable gdb:gdb perf:linux-perf
cyclictest:rt-tests chrt:util-linux objdump:binutils file:file"
FTK_LIBS="/usr/include/libelf.h:libelf-dev /usr/include/openssl/ssl.h:libssl-dev
/usr/include/stdio.h:libc6-dev
$SRC_TARBALL:linux-source-6.12"

# ensure_deps: install whatever is missing (as root), or say how.
ensure_deps() {
	local missing="" p c pkg
	for p in $FTK_DEPS; do
		c=${p%%:*}; pkg=${p#*:}
		command -v "$c" >/dev/null 2>&1 || missing="$missing $pkg"
	done
	[ -x /bin/busybox ] || missing="$missing busybox-static"
	for p in $FTK_LIBS; do
		c=${p%%:*}; pkg=${p#*:}
		[ -e "$c" ] || missing="$missing $pkg"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" = 0 ]; then
		msg "installing:$missing"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends $missing >&2 ||
			{ apt-get update -q >&2 &&
			  DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
				--no-install-recommends $missing >&2; } ||
			die "apt-get install failed"
	else
		die "missing packages; run as root: apt-get install -y$missing"
	fi
}

# base_version: the 6.12.y version that the source package holds.
base_version() {
	dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null |
		sed 's/-.*//'
}

ver_dirs() {
	VER=$(base_version)
	[ -n "$VER" ] || die "linux-source-6.12 is not installed"
	BASE=$B/base/linux-$VER
	V=$B/$VER
	OURS=$V/src-ours
}

now() { date +%s.%N; }
elapsed() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }

# Top-level directories of a kernel tree: a repository file under one of
# these is a kernel file of ours and goes into the tree.
KTREE_DIRS="arch block certs crypto Documentation drivers fs include init
io_uring ipc kernel lib mm net rust samples scripts security sound tools usr virt"

# ftk_our_files REPO: our kernel-tree files, committed or not (deleted ones
# excluded), one per line, sorted.
ftk_our_files() {
	(cd "$1" && git ls-files --cached --others --exclude-standard -- $KTREE_DIRS |
		while read -r f; do [ -f "$f" ] && echo "$f"; done | sort -u)
}

# apply_ours SRCDIR FILES MANIFEST TREE: make TREE = its pristine self minus
# every path under a MANIFEST line, plus FILES (relative to SRCDIR).
# Files whose content is unchanged keep their mtime, so builds stay
# incremental.
apply_ours() {
	local src=$1 files=$2 manifest=$3 tree=$4 e p f rel
	local entries
	entries=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$manifest")
	while read -r e; do
		p=${e#+}
		[ -e "$tree/$p" ] || continue
		find "$tree/$p" -type f | while read -r f; do
			rel=${f#"$tree"/}
			grep -qxF "$rel" <<< "$files" || rm -f "$f"
		done
		find "$tree/$p" -depth -type d -empty -delete 2>/dev/null || true
	done <<< "$entries"
	(cd "$src" && printf '%s\n' "$files" | rsync -rc --files-from=- . "$tree/")
}

# ftk_lock: one harness run at a time per build directory (2 cores; two
# builds in one output tree corrupt it).  Nested harness commands inherit
# the lock.
ftk_lock() {
	[ "${FTK_LOCKED:-0}" = 1 ] && return 0
	mkdir -p "$B"
	exec 9> "$B/.lock"
	if ! flock -n 9; then
		msg "waiting for another harness run to finish"
		flock 9
	fi
	export FTK_LOCKED=1
}

# ftk_trace_symbols KERNEL: the functions defined by that kernel's kernel/trace
# and x86 ftrace objects (for telling its leaks from the rest).
ftk_trace_symbols() {
	local out=$V/out-$1
	nm --defined-only "$out"/kernel/trace/*.o "$out"/arch/x86/kernel/ftrace*.o \
		2>/dev/null | awk 'NF == 3 && $2 ~ /[tT]/ { print $3 }' | sort -u
}

# ftk_leaks_in SYMS LOG: the kmemleak blocks of LOG whose backtrace has a
# function of SYMS; prints them, one block per paragraph.
ftk_leaks_in() {
	awk -v syms="$1" '
	BEGIN { while ((getline s < syms) > 0) mine[s] = 1 }
	function flush() { if (blk != "" && hit) print blk "\n"; blk = ""; hit = 0 }
	/^# kmemleak: unreferenced object/ { flush() }
	/^# kmemleak: / {
		line = substr($0, 13); blk = blk line "\n"
		if (match(line, /[A-Za-z_][A-Za-z0-9_.]*\+0x/)) {
			f = substr(line, RSTART, RLENGTH - 3)
			if (f in mine) hit = 1
		}
	}
	END { flush() }' "$2"
}

# ftk_latency_module KERNEL DIR: build preemptirq_delay_test.ko (the latency
# tracers' test module) out of tree from KERNEL's own source against its
# build; prints its path.  The test config does not build modules.
ftk_latency_module() {
	local k=$1 d=$2 src=$OURS
	case $k in ref*) src=$BASE ;; esac
	mkdir -p "$d"
	cp "$src/kernel/trace/preemptirq_delay_test.c" "$d/"
	echo "obj-m := preemptirq_delay_test.o" > "$d/Kbuild"
	make -s -C "$src" O="$V/out-$k" ARCH=x86_64 M="$d" modules > "$d/log" 2>&1 ||
		{ cat "$d/log" >&2; return 1; }
	echo "$d/preemptirq_delay_test.ko"
}

# ftk_sample_module KERNEL DIR SAMPLE: build the base tree's
# samples/SAMPLE/SAMPLE-with-dashes.ko (trace_events: the module
# tracepoints ftracetest probes; trace_printk: the module functions it
# kprobes) out of tree against KERNEL's build; prints its path.
ftk_sample_module() {
	local k=$1 d=$2 s=$3 m=${3//_/-} src=$OURS
	case $k in ref*) src=$BASE ;; esac
	[ "$s" = trace_events ] && m=trace-events-sample
	mkdir -p "$d"
	cp "$BASE/samples/$s/$m".[ch] "$d/"
	printf '%s\n' "obj-m := $m.o" "CFLAGS_$m.o := -I\$(src)" > "$d/Kbuild"
	make -s -C "$src" O="$V/out-$k" ARCH=x86_64 M="$d" modules > "$d/log" 2>&1 ||
		{ cat "$d/log" >&2; return 1; }
	echo "$d/$m.ko"
}

# ftk_fuzz_module KERNEL DIR: build the fuzz module
# (tools/testing/selftests/tracefs-abi/fuzz/ftk_fuzz.c: a tracepoint and
# traced functions), ftk_printk.ko (the trace_printk() family) and
# ftk_preemptoff.ko (preemption-off sections on demand) out of
# tree against KERNEL's build; prints the path of ftk_fuzz.ko, which the
# others are next to.
ftk_fuzz_module() {
	local k=$1 d=$2 src=$OURS fz=$TOP/tools/testing/selftests/tracefs-abi/fuzz
	case $k in ref*) src=$BASE ;; esac
	mkdir -p "$d"
	cp "$fz/Kbuild" "$fz/ftk_fuzz.c" "$fz/ftk_fuzz_trace.h" "$fz/ftk_printk.c" \
	   "$fz/ftk_preemptoff.c" "$fz/ftk_export.c" "$d/"
	make -s -C "$src" O="$V/out-$k" ARCH=x86_64 M="$d" modules > "$d/log" 2>&1 ||
		{ cat "$d/log" >&2; return 1; }
	echo "$d/ftk_fuzz.ko"
}
