#!/usr/bin/env bash
# Where the command line writes: never over the plan it reads, never over a
# device, a pipe or a read-only plan, and every refusal names the user's
# path. Big inputs are generated here, under limits set here, so that a
# regression fails instead of hanging.
set -u
bin="$(realpath "$1")"
unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" HOME="$tmp/home"
sample="$PWD/../data/sample-plan.json"
fails=0
n=0

check() {
  local what="$1"; shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what"
    fails=$((fails + 1))
  fi
}

contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
# Memory and time limits: what the app needs for a plan of this size,
# many times over, and far less than a runaway.
# AddressSanitizer reserves terabytes of address space, which ulimit -v
# would refuse: in that build its own limit on what is really used stands in.
if ldd "$bin" 2>/dev/null | grep -q libasan; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=1500"
  limit_memory() { :; }
else
  limit_memory() { ulimit -v "$1"; }
fi
run() { ( limit_memory 2000000; timeout 60 "$bin" "$@" ); }

# 1. An export onto its own input is refused, whatever the way there.
cp "$sample" "$tmp/p.json"
ln -s p.json "$tmp/link.json"
ln "$tmp/p.json" "$tmp/hard.json"
for how in "--export-json $tmp/p.json --section profile" \
           "--export-report -o $tmp/p.json" \
           "--export-csv $tmp/p.json" \
           "--export-markdown $tmp/p.json" \
           "--export-markdown $tmp/hard.json --section narratives" \
           "--export-chart time --format png -o $tmp/p.json" \
           "--export-chart time --format png -o $tmp/link.json" \
           "--export-report -o $tmp/hard.json"; do
  # shellcheck disable=SC2086
  run $how "$tmp/p.json" >"$tmp/out" 2>"$tmp/err"; status=$?
  check "refused: $how" [ $status -eq 1 ]
  check "the plan is as it was after $how" cmp -s "$tmp/p.json" "$sample"
  check "no backup was made by $how" [ ! -e "$tmp/p.json.bak" ]
done
check "the refusal names the path" contains "$tmp/err" "“$tmp/hard.json” is the plan itself"
check "the link stays a link" [ -L "$tmp/link.json" ]

# Nor onto the plan's backup, its previous version: the plan's own, or
# the one beside the file a link to the plan leads to.
cp "$sample" "$tmp/p.json.bak"
for plan in "$tmp/p.json" "$tmp/link.json"; do
  run --export-csv "$tmp/p.json.bak" "$plan" >"$tmp/out" 2>"$tmp/err"; status=$?
  check "an export onto the backup of $(basename "$plan") is refused" [ $status -eq 1 ]
  check "the backup is as it was" cmp -s "$tmp/p.json.bak" "$sample"
done
check "the refusal says it is the backup" contains "$tmp/err" "is the plan’s backup"
rm -f "$tmp/p.json.bak"

# A plan from a newer version is never saved over, by an export neither.
sed 's/"version": 1,/"version": 99,/' "$sample" >"$tmp/newer.json"
cp "$tmp/newer.json" "$tmp/newer-before.json"
run --export-csv "$tmp/newer.json" "$tmp/newer.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "an export onto a newer plan is refused" [ $status -eq 1 ]
check "the newer plan is as it was" cmp -s "$tmp/newer.json" "$tmp/newer-before.json"
run --export-json "$tmp/other.json" "$tmp/newer.json" >"$tmp/out" 2>&1; status=$?
check "an export of a newer plan elsewhere works" [ $status -eq 0 ]

# 2. Special files: written into, never replaced; the rest refused. The
# devices are nodes of our own, made beside the test (as root): a
# regression must not replace the machine's /dev/null.
if mknod "$tmp/null" c 1 3 2>/dev/null && mknod "$tmp/full" c 1 7 2>/dev/null; then
  null="$tmp/null" full="$tmp/full"
else
  null="" full=""
  echo "# not root: no device nodes of our own, the device cases are skipped"
fi
if [ -n "$null" ]; then
  run --export-csv "$null" "$sample" 2>"$tmp/err"; status=$?
  check "--export-csv into a null device succeeds" [ $status -eq 0 ]
  check "the null device is still a character device" [ -c "$null" ]
  run --export-report -o "$full" "$sample" 2>"$tmp/err"; status=$?
  check "-o a full device fails" [ $status -eq 1 ]
  check "the full device says there is no space" contains "$tmp/err" "No space left on “$full”"
  check "the full device is still a character device" [ -c "$full" ]
fi
mkfifo "$tmp/fifo"
( timeout 60 cat "$tmp/fifo" >"$tmp/from-fifo" ) &
reader=$!
run --export-csv "$tmp/fifo" "$sample" 2>"$tmp/err"; status=$?
wait $reader
check "--export-csv into a FIFO succeeds" [ $status -eq 0 ]
check "the FIFO is still a FIFO" [ -p "$tmp/fifo" ]
check "the FIFO's reader got the weeks" contains "$tmp/from-fifo" "2026-W46,2026-11-09,"
# A pipe nobody reads, or nobody writes into: given up after a while, with
# a message, not waited on for ever (both at once: each waits 30 s).
mkfifo "$tmp/unread" "$tmp/unwritten"
( timeout 120 "$bin" --export-csv "$tmp/unread" "$sample" >/dev/null 2>"$tmp/unread.err"; echo $? >"$tmp/unread.status" ) &
unread=$!
( timeout 120 "$bin" --validate "$tmp/unwritten" >/dev/null 2>"$tmp/unwritten.err"; echo $? >"$tmp/unwritten.status" ) &
unwritten=$!
wait $unread $unwritten
check "an export into a pipe nobody reads gives up" [ "$(cat "$tmp/unread.status")" = 1 ]
check "and says so" contains "$tmp/unread.err" "Nothing read from the pipe"
check "a pipe nobody writes into is given up" [ "$(cat "$tmp/unwritten.status")" = 1 ]
check "and says so" contains "$tmp/unwritten.err" "Nothing came through the pipe"
# In a folder of our own, where a regression's file named "-" would show.
mkdir "$tmp/cwd"
( cd "$tmp/cwd" && run --export-csv - "$sample" ) >"$tmp/stdout.csv" 2>"$tmp/err"
check "--export-csv - writes to standard output" contains "$tmp/stdout.csv" "2026-W46,2026-11-09,"
( cd "$tmp/cwd" && run --export-chart time -o - --format svg "$sample" ) >"$tmp/stdout.svg" 2>"$tmp/err"
check "-o - writes the chart to standard output" [ "$(head -c 5 "$tmp/stdout.svg")" = "<?xml" ]
check "no file named - was made" [ ! -e "$tmp/cwd/-" ]
# /dev/stdout is a link to /proc/self/fd/1: one of our own, for the same reason.
ln -s /proc/self/fd/1 "$tmp/stdout"
run --export-csv "$tmp/stdout" "$sample" 2>"$tmp/err" | cat >"$tmp/pipe.csv"
check "--export-csv /dev/stdout into a pipe gets the weeks" contains "$tmp/pipe.csv" "2026-W46,2026-11-09,"
check "/dev/stdout is still a link" [ -L "$tmp/stdout" ]
echo "a line before" >"$tmp/appended.csv"
run --export-csv "$tmp/stdout" "$sample" >>"$tmp/appended.csv" 2>"$tmp/err"
check "/dev/stdout appended to a file keeps what was there" [ "$(head -n1 "$tmp/appended.csv")" = "a line before" ]
check "/dev/stdout appended to a file gets the weeks" contains "$tmp/appended.csv" "2026-W46,2026-11-09,"

mkdir "$tmp/adir"
run --export-report -o "$tmp/adir" "$sample" 2>"$tmp/err"; status=$?
check "-o a folder is refused" [ $status -eq 1 ]
check "the folder is named and said to be one" contains "$tmp/err" "“$tmp/adir” is a folder"
check "GLib's temporary name is not shown" lacks "$tmp/err" "adir."
check "the folder is still a folder" [ -d "$tmp/adir" ]
# A name ending in a slash names a folder: refused, and none is made.
run --export-json "$tmp/newdir/" "$sample" 2>"$tmp/err"; status=$?
check "-o a name ending in / is refused" [ $status -eq 1 ]
check "and said to be a folder" contains "$tmp/err" "“$tmp/newdir/” is a folder"
check "and no folder is made for it" [ ! -e "$tmp/newdir" ]
run --export-report -o "" "$sample" 2>"$tmp/err"; status=$?
check "-o \"\" is refused" [ $status -eq 1 ]
check "-o \"\" says no file name was given" contains "$tmp/err" "No file name was given"
if command -v python3 >/dev/null; then
  python3 -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$tmp/sock"
  run --export-csv "$tmp/sock" "$sample" 2>"$tmp/err"; status=$?
  check "a socket is refused" [ $status -eq 1 ]
  check "the socket is named" contains "$tmp/err" "“$tmp/sock” is neither a file"
  check "the socket is still a socket" [ -S "$tmp/sock" ]
  run --export-markdown "$tmp/sock" "$sample" 2>"$tmp/err"; status=$?
  check "--export-markdown into a socket is refused" [ $status -eq 1 ]
fi

# A dangling symbolic link: the file it names is created, the link stays.
ln -s made.csv "$tmp/dangling.csv"
run --export-csv "$tmp/dangling.csv" "$sample" 2>"$tmp/err"; status=$?
check "-o a dangling link succeeds" [ $status -eq 0 ]
check "the dangling link stays a link" [ -L "$tmp/dangling.csv" ]
check "the file it names was written" contains "$tmp/made.csv" "2026-W46,2026-11-09,"
ln -s loop1 "$tmp/loop2"; ln -s loop2 "$tmp/loop1"
run --export-csv "$tmp/loop1" "$sample" 2>"$tmp/err"; status=$?
check "a loop of links is refused" [ $status -eq 1 ]
check "the loop is named" contains "$tmp/err" "“$tmp/loop1” is a symbolic link that leads in a loop"

# 3. A read-only plan is not replaced by an import.
cp data/import/plan.json "$tmp/ro.json"
chmod 0444 "$tmp/ro.json"
TZ=Europe/Berlin run --import-ics data/import/recurrences.ics --today 2026-11-22 "$tmp/ro.json" \
  >"$tmp/out" 2>"$tmp/err"; status=$?
check "an import into a read-only plan fails" [ $status -eq 1 ]
check "it says the plan is read-only" contains "$tmp/err" "“$tmp/ro.json” is read-only"
check "the read-only plan keeps its mode" [ "$(stat -c %a "$tmp/ro.json")" = "444" ]
check "the read-only plan keeps its content" cmp -s "$tmp/ro.json" data/import/plan.json
check "no backup of it was made" [ ! -e "$tmp/ro.json.bak" ]
cp "$sample" "$tmp/ro-out.csv"; chmod 0444 "$tmp/ro-out.csv"
run --export-csv "$tmp/ro-out.csv" "$sample" 2>"$tmp/err"; status=$?
check "an export over a read-only file is refused" [ $status -eq 1 ]
check "the read-only file is unchanged" cmp -s "$tmp/ro-out.csv" "$sample"
run --export-markdown "$tmp/ro-out.csv" "$sample" 2>"$tmp/err"; status=$?
check "--export-markdown over a read-only file is refused" [ $status -eq 1 ]
check "the read-only file is unchanged by it" cmp -s "$tmp/ro-out.csv" "$sample"

# 4. An event the file format cannot hold is refused with its name.
cp data/import/plan.json "$tmp/y1.json"
run --import-ics data/import/year-one.ics --today 2026-11-22 "$tmp/y1.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "an event in the year 1 is refused" [ $status -eq 1 ]
check "the refusal names the event" contains "$tmp/err" "the event “Roadmap review in the year one” is before the year 2"
check "the plan is unchanged by it" cmp -s "$tmp/y1.json" data/import/plan.json
run --validate "$tmp/y1.json" >"$tmp/out" 2>&1; status=$?
check "the plan still loads" [ $status -eq 0 ]

# 11. Dates the app cannot handle are refused, without a CRITICAL.
for day in 9999-12-31 0001-01-01; do
  run --import-ics data/import/recurrences.ics --dry-run --today "$day" data/import/plan.json \
    >"$tmp/out" 2>"$tmp/err"; status=$?
  check "--today $day is refused" [ $status -eq 2 ]
  check "--today $day says the range" contains "$tmp/err" "--today: the date must be from 0002-01-01 to 9998-12-31"
  check "--today $day prints no CRITICAL" lacks "$tmp/err" "CRITICAL"
done

for day in 9998-12-31 0002-01-01; do
  G_DEBUG=fatal-criticals run --import-ics data/import/recurrences.ics --dry-run --today "$day" \
    data/import/plan.json >"$tmp/out" 2>"$tmp/err"; status=$?
  check "--today $day, at the edge of the range, imports without a CRITICAL" [ $status -eq 0 ]
  G_DEBUG=fatal-criticals run --export-report -o "$tmp/edge.pdf" --today "$day" "$sample" 2>"$tmp/err"; status=$?
  check "--today $day draws the report without a CRITICAL" [ $status -eq 0 ]
done

# 9 and 12. A 20 MB name and 10,000 combining marks draw in bounded time
# and memory; the file keeps the whole name.
python3 - "$sample" "$tmp/big.json" "$tmp/marks.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
big = dict(plan); big["profile"] = dict(plan["profile"], name="N" * (20 * 1024 * 1024))
json.dump(big, open(sys.argv[2], "w"))
marks = dict(plan); marks["profile"] = dict(plan["profile"], name="a" + "\u0301" * 10000)
marks["relationships"] = [dict(r, name="b" + "\u0301" * 10000) for r in plan["relationships"]]
json.dump(marks, open(sys.argv[3], "w"))
PY
( limit_memory 1500000; timeout 60 "$bin" --export-report -o "$tmp/big.pdf" --today 2026-11-22 "$tmp/big.json" ) 2>"$tmp/err"; status=$?
check "a 20 MB name: the report is written within 60 s and 1.5 GB" [ $status -eq 0 ]
check "the report of a 20 MB name is a PDF" [ "$(head -c 5 "$tmp/big.pdf")" = "%PDF-" ]
( limit_memory 1500000; timeout 60 "$bin" --export-json "$tmp/big-again.json" "$tmp/big.json" ) 2>"$tmp/err"
check "the file keeps the whole name" [ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['profile']['name']))" "$tmp/big-again.json")" = "20971520" ]
( limit_memory 1500000; timeout 60 "$bin" --export-report -o "$tmp/marks.pdf" --today 2026-11-22 "$tmp/marks.json" ) 2>"$tmp/err"; status=$?
check "10,000 combining marks: the report is written" [ $status -eq 0 ]

# 13. Many small values: 2 million empty objects in 6 MB, well under the
# 128 MiB limit, are refused by their count within 500 MB (they took
# 1.5 GB before).
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": [')
    f.write(','.join(['{}'] * 2000000))
    f.write(']}')
" "$tmp/empties.json"
( limit_memory 500000; timeout 60 "$bin" --validate "$tmp/empties.json" ) >"$tmp/out" 2>"$tmp/err"; status=$?
check "2 million empty objects are refused" [ $status -eq 1 ]
check "the refusal says there are too many" contains "$tmp/err" "the file holds more than 1000000 objects and lists"

# 14. A pipe or a device has no size: it is read up to the limit, not on.
( limit_memory 1000000; timeout 60 "$bin" --validate /dev/zero ) >"$tmp/out" 2>"$tmp/err"; status=$?
check "--validate /dev/zero is refused within 1 GB" [ $status -eq 1 ]
check "--validate /dev/zero says the limit" contains "$tmp/err" "more than the 128 MiB a plan may have"
cp data/import/plan.json "$tmp/pipe.json"
( limit_memory 1000000; timeout 60 "$bin" --import-ics <(yes BEGIN:VCALENDAR) "$tmp/pipe.json" ) >"$tmp/out" 2>"$tmp/err"; status=$?
check "--import-ics from an endless pipe is refused within 1 GB" [ $status -eq 1 ]
check "the endless pipe's refusal says the limit" contains "$tmp/err" "the file is larger than 64 MiB"
check "the plan is unchanged by the endless pipe" cmp -s "$tmp/pipe.json" data/import/plan.json

# 15. An export is a plan --validate accepts: a compact plan that
# pretty-printed would pass the 128 MiB limit (1.2 million numbers 60
# levels deep: 3 MB compact, some 150 MB indented) is not exported.
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": ' + '[' * 60)
    f.write(','.join(['1'] * 1200000))
    f.write(']' * 60 + '}')
" "$tmp/deep.json"
( limit_memory 2000000; timeout 120 "$bin" --validate "$tmp/deep.json" ) >"$tmp/out" 2>"$tmp/err"; status=$?
check "the compact deep plan loads" [ $status -eq 0 ]
( limit_memory 2000000; timeout 120 "$bin" --export-json "$tmp/deep-out.json" "$tmp/deep.json" ) >"$tmp/out" 2>"$tmp/err"; status=$?
check "its export, over 128 MiB, is refused" [ $status -eq 1 ]
check "the refusal says the limit" contains "$tmp/err" "more than the 128 MiB a plan may have: nothing was written"
check "no export is left behind" [ ! -e "$tmp/deep-out.json" ]

# 16. A member name of 5 MB with escape sequences makes one short line,
# with no control character in it.
python3 -c "
import sys
key = '\\u001b[2J' + 'k' * (5 * 1024 * 1024)
with open(sys.argv[1], 'w') as f:
    f.write('{\"format\": \"breakthrough-plan\", \"version\": 1, \"categories\": [], '
            '\"weeks\": [{\"week\": \"2026-W10\", \"hours\": {\"' + key + '\": 4}}]}')
" "$tmp/longkey.json"
run --validate "$tmp/longkey.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "a plan with a 5 MB unknown category is refused" [ $status -eq 1 ]
check "its message is one line" [ "$(wc -l <"$tmp/err")" -eq 1 ]
check "its message is short" [ "$(wc -c <"$tmp/err")" -lt 500 ]
check "its message holds no escape character" lacks "$tmp/err" "$(printf '\033')"
check "its message shows the escape" contains "$tmp/err" 'weeks[0].hours."\u001b[2Jkkk'

echo "1..$n"
[ $fails -eq 0 ]
