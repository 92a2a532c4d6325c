# SPDX-License-Identifier: GPL-2.0
# Every tracefs file and directory has upstream's mode: the listing of the
# running kernel (top instance and a new instance; per_cpu/cpuN folded to
# cpuN, events/SYSTEM/EVENT to events/S/E) against golden/tracefs_modes.txt,
# which upstream's kernel wrote with "MODES_PRINT=1 sh t_modes.sh".  A line
# upstream has and this kernel not yet is counted, not failed; a mode or a
# path upstream does not have fails.
. "$(dirname "$0")/lib.sh"
G=$(dirname "$0")/golden/tracefs_modes.txt
I=instances/modes
mkdir $I
trap 'rmdir $I' EXIT
find . -exec stat -c '%a %F %n' {} + |
	sed -e 's|^\([0-7]*\) regular empty file |\1 regular file |' \
	    -e 's|/cpu[0-9][0-9]*|/cpuN|' \
	    -e 's|/events/[^/]*/[^/]*/|/events/S/E/|' \
	    -e 's|^\([0-7]* directory .*/events/\)[^/]*/[^/]*$|\1S/E|' \
	    -e 's|^\([0-7]* regular file .*/events/\)[^/]*/\([^/]*\)$|\1S/\2|' \
	    -e 's|^\([0-7]* directory .*/events/\)[^/]*$|\1S|' | sort -u > /tmp/modes.now
if [ "${MODES_PRINT:-0}" = 1 ]; then
	cat /tmp/modes.now
	exit 0
fi
[ -f "$G" ] || skip "no golden listing"
missing=$(grep -cvxFf /tmp/modes.now "$G" || true)
bad=$(grep -vxFf "$G" /tmp/modes.now || true)
echo "$(wc -l < /tmp/modes.now) lines, $missing of upstream's not here yet"
[ -z "$bad" ] || fail "modes or paths upstream does not have:
$bad"
