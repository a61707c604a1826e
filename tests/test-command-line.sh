#!/usr/bin/env bash
# The command line, as a person or a script uses it: no display needed.
set -u
bin="$1"
unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" HOME="$tmp/home"
sample=../data/sample-plan.json
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

"$bin" --version >"$tmp/out" 2>&1; status=$?
check "--version exits 0" [ $status -eq 0 ]
check "--version prints the version" contains "$tmp/out" "breakthrough "

"$bin" --help >"$tmp/out" 2>&1
for option in --validate --export-json --section --version; do
  check "--help lists $option" contains "$tmp/out" "$option"
done

"$bin" --validate "$sample" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--validate accepts the sample" [ $status -eq 0 ]
check "--validate prints ok" [ "$(head -n1 "$tmp/out")" = "ok" ]
check "--validate summarises" contains "$tmp/out" "78 weeks, 12 relationships"

"$bin" --validate data/bad/13-strength-too-high.json >"$tmp/out" 2>"$tmp/err"; status=$?
check "--validate refuses a bad file with 1" [ $status -eq 1 ]
check "errors go to stderr, not stdout" [ ! -s "$tmp/out" ]
check "the error names the file and the JSON path" \
  contains "$tmp/err" "data/bad/13-strength-too-high.json: relationships[0].strength: expected a whole number from 1 to 5, got 6"

"$bin" --validate "$tmp/missing.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "a missing file fails" [ $status -eq 1 ]
check "a missing file is named" contains "$tmp/err" "missing.json"

"$bin" --export-json "$tmp/all.json" "$sample"; status=$?
check "--export-json writes the plan" [ $status -eq 0 ]
check "the export is the plan, unchanged" cmp -s "$tmp/all.json" "$sample"
check "the export is readable by the user alone" [ "$(stat -c %a "$tmp/all.json")" = "600" ]

for section in profile roadmap time relationships narratives check-ins; do
  "$bin" --export-json "$tmp/$section.json" --section "$section" "$sample"
  check "--section $section exports" contains "$tmp/$section.json" "\"section\": \"$section\""
  "$bin" --validate "$tmp/$section.json" >"$tmp/out" 2>&1; status=$?
  check "--section $section passes --validate" [ $status -eq 0 ]
done

# "people", as the window calls them, is the relationships' section.
"$bin" --export-json "$tmp/people.json" --section people "$sample"
check "--section people exports the relationships" contains "$tmp/people.json" "\"section\": \"relationships\""
"$bin" --export-json "$tmp/x.json" --section everything "$sample" 2>"$tmp/err"; status=$?
check "an unknown section is refused" [ $status -ne 0 ]
check "the unknown section is named" contains "$tmp/err" "everything"

"$bin" --section time 2>"$tmp/err"; status=$?
check "--section without --export-json is refused" [ $status -ne 0 ]

# Without FILE, the plan in the XDG data folder.
mkdir -p "$XDG_DATA_HOME/breakthrough"
cp "$sample" "$XDG_DATA_HOME/breakthrough/plan.json"
"$bin" --export-json "$tmp/default.json" --section relationships; status=$?
check "--export-json without FILE uses the default plan" [ $status -eq 0 ]
check "the default plan's relationships are exported" contains "$tmp/default.json" "Priya Raman"

# Charts and the report, without a display.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'; }

for chart in timeline time relationships narratives; do
  "$bin" --export-chart "$chart" -o "$tmp/$chart.png" --size 640x360 --today 2026-11-22 "$sample"; status=$?
  check "--export-chart $chart writes a PNG" [ $status -eq 0 ]
  check "the $chart PNG has the requested size" [ "$(png_size "$tmp/$chart.png")" = "640x360" ]
done
"$bin" --export-chart time -o "$tmp/time2x.png" --size 640x360 --scale 2 "$sample"
check "--scale 2 doubles the pixels" [ "$(png_size "$tmp/time2x.png")" = "1280x720" ]
check "chart exports are readable by the user alone" [ "$(stat -c %a "$tmp/time.png")" = "600" ]

"$bin" --export-chart relationships -o "$tmp/map.svg" --theme dark "$sample"; status=$?
check "--export-chart writes SVG, chosen by the extension" [ $status -eq 0 ]
check "the SVG is well-formed XML" xmllint --noout "$tmp/map.svg"
"$bin" --export-chart timeline -o "$tmp/timeline.out" --format pdf --theme print "$sample"
check "--format pdf writes a PDF" [ "$(head -c 5 "$tmp/timeline.out")" = "%PDF-" ]
"$bin" --export-chart time -o "$tmp/TIME.PNG" --size 64x64 "$sample"; status=$?
check "an extension in capitals says the format too" [ $status -eq 0 ]
check "and a PNG is written" [ "$(png_size "$tmp/TIME.PNG")" = "64x64" ]
"$bin" --export-chart time -o "$tmp/time.jpeg" "$sample" 2>"$tmp/err"; status=$?
check "an extension that is no chart format is refused" [ $status -eq 2 ]
check "naming the file, not a --format never given" contains "$tmp/err" "-o: expected a file ending in .png, .svg or .pdf"

"$bin" --export-report -o "$tmp/report.pdf" --today 2026-11-22 "$sample"; status=$?
check "--export-report writes a PDF" [ $status -eq 0 ]
check "the report of the sample has 11 pages (a page per narrative)" contains "$tmp/report.pdf" "/Count 11"
"$bin" --export-report -o "$tmp/letter.pdf" --paper letter --landscape "$sample"
check "--paper letter --landscape gives 792x612 pages" contains "$tmp/letter.pdf" "/MediaBox [ 0 0 792 612 ]"

"$bin" --export-chart pie -o "$tmp/x.png" "$sample" 2>"$tmp/err"; status=$?
check "an unknown chart is refused" [ $status -eq 2 ]
check "the unknown chart is named" contains "$tmp/err" "pie"
"$bin" --export-chart time -o "$tmp/x.png" --size 10x10 "$sample" 2>"$tmp/err"; status=$?
check "a size under 16 is refused" [ $status -eq 2 ]
"$bin" --export-chart time -o "$tmp/x.png" --size "+100x100" "$sample" 2>"$tmp/err"; status=$?
check "a size with a sign is refused" [ $status -eq 2 ]
# A PNG is drawn in memory: no more pixels than 8192 × 8192 (a quarter of
# a gigabyte), where a vector file may be as large as a side allows.
"$bin" --export-chart time -o "$tmp/x.png" --size 16384x16384 "$sample" 2>"$tmp/err"; status=$?
check "a PNG of 16384 x 16384 is refused" [ $status -eq 2 ]
check "and the limit is said" contains "$tmp/err" "at most as many pixels as 8192x8192"
check "and nothing is written" [ ! -e "$tmp/x.png" ]
"$bin" --export-chart time -o "$tmp/x.svg" --size 16384x16384 "$sample" 2>"$tmp/err"; status=$?
check "an SVG of 16384 x 16384 is written" [ $status -eq 0 ]
"$bin" --export-chart time -o "$tmp/x.png" --theme neon "$sample" 2>"$tmp/err"; status=$?
check "an unknown theme is refused" [ $status -eq 2 ]
"$bin" --export-chart time "$sample" 2>"$tmp/err"; status=$?
check "--export-chart without -o is refused" [ $status -eq 2 ]
"$bin" --export-report -o "$tmp/x.pdf" --today 2026-02-30 "$sample" 2>"$tmp/err"; status=$?
check "an impossible --today is refused" [ $status -eq 2 ]
check "and said to be no day, not in the wrong form" contains "$tmp/err" "“2026-02-30” is no day of the calendar"
# What GLib's own parser refuses is a usage error too, exit 2.
"$bin" --no-such-option "$sample" >/dev/null 2>"$tmp/err"; status=$?
check "an unknown option exits 2" [ $status -eq 2 ]
check "and is named" contains "$tmp/err" "--no-such-option"
"$bin" --export-chart time -o "$tmp/x.png" --scale abc "$sample" >/dev/null 2>"$tmp/err"; status=$?
check "a value not in its form exits 2" [ $status -eq 2 ]
"$bin" --export-report -o "$tmp/x.pdf" --today 30.02.2026 "$sample" 2>"$tmp/err"
check "a --today in another form is told the form" contains "$tmp/err" "expected a date as YYYY-MM-DD"
"$bin" --export-chart time -o "$tmp/x.png" data/bad/13-strength-too-high.json 2>"$tmp/err"; status=$?
check "a bad plan is not drawn" [ $status -eq 1 ]
check "a bad plan's error names the path" contains "$tmp/err" "relationships[0].strength"

# Imports: a dry run changes nothing; an import saves the plan once, and a
# second one leaves it byte for byte; a malformed file leaves it alone.
cp data/import/plan.json "$tmp/import.json"
TZ=Europe/Berlin "$bin" --import-ics data/import/recurrences.ics --dry-run --today 2026-11-22 \
  "$tmp/import.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--import-ics --dry-run exits 0" [ $status -eq 0 ]
check "--dry-run leaves the plan as it was" cmp -s "$tmp/import.json" data/import/plan.json
check "the preview names the calendar and the weeks" contains "$tmp/out" "“Work”: 10 events in 3 weeks, 2026-W41 to 2026-W43"
check "the preview lists events no rule matched" contains "$tmp/out" "“Lunch”: 1 time, 1.0 h"
check "the preview lists the touchpoints" contains "$tmp/out" "2026-10-06  Priya Raman — Roadmap planning with Priya"
check "the preview says what was left out" contains "$tmp/out" "Left out: 1 all-day event, 2 cancelled, 1 declined, 1 event after today."
TZ=Europe/Berlin "$bin" --import-ics data/import/recurrences.ics --existing replace --today 2026-11-22 "$tmp/import.json" >"$tmp/out" 2>&1; status=$?
check "--import-ics imports" [ $status -eq 0 ]
check "the preview says what happens to a week with typed hours" contains "$tmp/out" "1 week already has hours you typed: the calendar’s hours replace them (--existing replace)."
"$bin" --validate "$tmp/import.json" >"$tmp/out" 2>&1; status=$?
check "the imported plan passes --validate" [ $status -eq 0 ]
check "the imported hours are in the plan" contains "$tmp/import.json" '"c-road": 2'
cp "$tmp/import.json" "$tmp/import-once.json"
TZ=Europe/Berlin "$bin" --import-ics data/import/recurrences.ics --today 2026-11-22 "$tmp/import.json" >"$tmp/out" 2>&1
check "importing the same file again changes nothing" cmp -s "$tmp/import.json" "$tmp/import-once.json"
TZ=Europe/Berlin "$bin" --import-ics data/import/bad-tzid.ics "$tmp/import.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "a malformed calendar fails with 1" [ $status -eq 1 ]
check "its error names the file and the line" contains "$tmp/err" "data/import/bad-tzid.ics: line 8: the time zone"
check "and the plan is unchanged" cmp -s "$tmp/import.json" "$tmp/import-once.json"
# A week with 166 typed hours takes 2 of the calendar's 3: the preview's
# hours per category say what is really added.
sed 's/"c-rev": 30/"c-rev": 166/' data/import/sources-plan.json >"$tmp/full.json"
TZ=Europe/Berlin "$bin" --import-ics data/import/source-work.ics --existing add --dry-run --today 2026-11-22 "$tmp/full.json" >"$tmp/out" 2>&1; status=$?
check "a preview of a week near 168 hours exits 0" [ $status -eq 0 ]
check "its hours per category are those added" grep -qE 'Roadmap and product strategy +2\.0 h  of 3\.0 h in the file' "$tmp/out"
# A summary and a calendar name that would clear the terminal and set its
# title: the preview shows them escaped.
TZ=Europe/Berlin "$bin" --import-ics data/import/escape-summary.ics --dry-run --today 2026-11-22 "$tmp/import.json" >"$tmp/out" 2>&1; status=$?
check "a preview with control characters exits 0" [ $status -eq 0 ]
check "the preview prints no ESC or BEL" [ "$(tr -dc '\033\007' <"$tmp/out" | wc -c)" -eq 0 ]
check "the preview shows them escaped" contains "$tmp/out" '\x1B[2J\x1B]0;pwned\x07'
# A summary that turns the line around (U+202E) or breaks it (U+2028).
sed "s/^SUMMARY:.*/SUMMARY:in$(printf '\342\200\256')gnp.exe$(printf '\342\200\250')x\r/" data/import/escape-summary.ics >"$tmp/bidi.ics"
TZ=Europe/Berlin "$bin" --import-ics "$tmp/bidi.ics" --dry-run --today 2026-11-22 "$tmp/import.json" >"$tmp/out" 2>&1; status=$?
check "a preview with bidirectional controls exits 0" [ $status -eq 0 ]
check "the preview prints no U+202E nor U+2028" lacks "$tmp/out" "$(printf '\342\200\256')"
check "and no U+2028" lacks "$tmp/out" "$(printf '\342\200\250')"
check "the preview shows them escaped" contains "$tmp/out" 'in\u202Egnp.exe\u2028x'
TZ=Europe/Berlin "$bin" --import-csv data/import/toggl.csv --dry-run "$tmp/import.json" >"$tmp/out" 2>&1; status=$?
check "--import-csv reads a Toggl Track report" [ $status -eq 0 ]
"$bin" --export-csv "$tmp/weeks.csv" "$tmp/import.json"; status=$?
check "--export-csv writes the weeks" [ $status -eq 0 ]
check "the CSV has a row per week, numbers with a dot" contains "$tmp/weeks.csv" "2026-W41,2026-10-05,0.00,1.00,0.00,2.00,0.50,1.00,2.50,0.7143,"
check "the CSV is readable by the user alone" [ "$(stat -c %a "$tmp/weeks.csv")" = "600" ]
"$bin" --dry-run "$tmp/import.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--dry-run alone is refused" [ $status -eq 2 ]

# A week checked in by hand (52 h) and a calendar with 5 h of meetings in it:
# kept by default; --existing replace or add when asked; add twice counts
# the meetings once. The CSV columns: fire, ops, reviews, roadmap,
# partnership, tactical, strategic, share.
"$bin" --help >"$tmp/out" 2>&1
check "--help shows --existing" contains "$tmp/out" "--existing=keep|replace|add"
check "--help says which plan FILE defaults to" contains "$tmp/out" "Without FILE, the plan is $XDG_DATA_HOME/breakthrough/plan.json"
check "--help says the exit statuses" contains "$tmp/out" "Exit status: 0 when done"
cp data/import/typed-week.json "$tmp/typed.json"
import_typed() {
  TZ=Europe/Berlin "$bin" --import-ics data/import/meetings.ics --today 2026-11-22 "$@" "$tmp/typed.json" >"$tmp/out" 2>"$tmp/err"
}
week41() { "$bin" --export-csv "$tmp/typed.csv" "$tmp/typed.json" && contains "$tmp/typed.csv" "2026-W41,2026-10-05,$1,"; }
import_typed; status=$?
check "an import into a typed week exits 0" [ $status -eq 0 ]
check "its preview says the typed hours are kept" contains "$tmp/out" "1 week already has hours you typed: they are kept (--existing keep)."
check "by default the 52 typed hours are kept" week41 "0.00,0.00,40.00,12.00,0.00,40.00,12.00,0.2308"
import_typed --existing add; status=$?
check "--existing add exits 0" [ $status -eq 0 ]
check "--existing add adds the 5 h of meetings: 57 h" week41 "1.00,1.00,40.00,15.00,0.00,42.00,15.00,0.2632"
cp "$tmp/typed.json" "$tmp/typed-once.json"
import_typed --existing add
check "--existing add twice counts the meetings once" cmp -s "$tmp/typed.json" "$tmp/typed-once.json"
import_typed --existing replace
check "--existing replace leaves the calendar's 5 h" week41 "1.00,1.00,0.00,3.00,0.00,2.00,3.00,0.6000"
# The backup holds the typed hours that replace took out; the same import
# again changes nothing, writes nothing and keeps that backup.
cp "$tmp/typed.json.bak" "$tmp/typed-backup.json"
cp "$tmp/typed.json" "$tmp/typed-replaced.json"
import_typed --existing replace; status=$?
check "the same import again exits 0" [ $status -eq 0 ]
check "and says there is nothing new" contains "$tmp/out" "Nothing new to import: the plan is unchanged."
check "and leaves the plan as it was" cmp -s "$tmp/typed.json" "$tmp/typed-replaced.json"
check "and keeps the backup with the typed hours" cmp -s "$tmp/typed.json.bak" "$tmp/typed-backup.json"
check "the preview marks 5 h as a partial week" contains "$tmp/out" "† 1 partial week, less than half a usual week (50 h, set in Preferences): it counts by its hours."
cp "$tmp/typed.json" "$tmp/typed-once.json"
import_typed --existing sometimes; status=$?
check "--existing with another word is refused" [ $status -eq 2 ]
check "and says what it takes" contains "$tmp/err" "--existing takes keep, replace or add"
check "and leaves the plan alone" cmp -s "$tmp/typed.json" "$tmp/typed-once.json"
"$bin" --existing add "$tmp/typed.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--existing alone is refused" [ $status -eq 2 ]

# An UNTIL in UTC, as Thunderbird and Outlook write it, ends a series in
# another zone at that instant: Monday 30 Nov 10:00 in Berlin is the last
# review (09:00 UTC); in New York the last is 9 Nov at 02:00, as 10 Nov
# 02:00 is 07:00 UTC, after the UNTIL.
TZ=Europe/Berlin "$bin" --import-ics data/import/until-utc-east.ics --dry-run --today 2026-12-20 \
  data/import/typed-week.json >"$tmp/out" 2>&1
check "an UNTIL in UTC keeps the last instance east of UTC" contains "$tmp/out" "9 events in 9 weeks, 2026-W41 to 2026-W49"
TZ=Europe/Berlin "$bin" --import-ics data/import/until-utc-west.ics --dry-run --today 2026-12-20 \
  data/import/typed-week.json >"$tmp/out" 2>&1
check "and adds none west of it" contains "$tmp/out" "8 events in 2 weeks"

# A repetition given as a period lasts as long as the period: 1 h, then
# 3 h (a duration), then 4 h (an end); a period that ends before it
# starts is refused with its line, as such an event is.
TZ=Europe/Berlin "$bin" --import-ics data/import/rdate-period.ics --dry-run --today 2026-12-20 \
  data/import/typed-week.json >"$tmp/out" 2>&1
check "RDATE periods count their own hours" contains "$tmp/out" "of 8.0 h in the file"
TZ=Europe/Berlin "$bin" --import-ics data/import/rdate-period-reversed.ics --dry-run --today 2026-12-20 \
  data/import/typed-week.json >"$tmp/out" 2>&1; status=$?
check "a reversed RDATE period is refused" [ $status -eq 1 ]
check "with its line" contains "$tmp/out" "line 4: the event that begins here repeats at"

# A plan without categories: no rules can be added, and the preview says
# what to do instead of promising them.
printf '{"format": "breakthrough-plan", "version": 1, "profile": {"name": "Sam"}}\n' >"$tmp/no-categories.json"
"$bin" --import-ics data/import/meetings.ics --dry-run --today 2026-11-22 "$tmp/no-categories.json" >"$tmp/out" 2>&1
check "a plan without categories is told to add them" contains "$tmp/out" "The plan has no categories yet"
check "and not promised rules" lacks "$tmp/out" "importing adds them to the plan"

# An import into a plan it could not save says so before its preview,
# not after it: a read-only file, a plan from a newer version. A dry run
# of either still previews.
cp data/import/typed-week.json "$tmp/locked-plan.json"; chmod 0444 "$tmp/locked-plan.json"
sed 's/"version": 1/"version": 99/' data/import/typed-week.json >"$tmp/newer-plan.json"
for plan in "$tmp/locked-plan.json" "$tmp/newer-plan.json"; do
  cp "$plan" "$tmp/before.json"
  "$bin" --import-ics data/import/meetings.ics --today 2026-11-22 "$plan" >"$tmp/out" 2>"$tmp/err"; status=$?
  check "an import into $(basename "$plan") exits 1" [ $status -eq 1 ]
  check "before any preview" lacks "$tmp/out" "Import from"
  check "and leaves it as it was" cmp -s "$plan" "$tmp/before.json"
  "$bin" --import-ics data/import/meetings.ics --dry-run --today 2026-11-22 "$plan" >"$tmp/out" 2>"$tmp/err"
  check "a dry run of it previews" contains "$tmp/out" "Import from"
done
# A calendar whose hours no rule takes: no heading over an empty list.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:u@t\r\nDTSTART:20261005T100000Z\r\nDTEND:20261005T110000Z\r\nSUMMARY:Zzyzx\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/unmatched.ics"
"$bin" --import-ics "$tmp/unmatched.ics" --dry-run --today 2026-11-22 "$sample" >"$tmp/out" 2>&1
check "hours no rule takes are listed" contains "$tmp/out" "“Zzyzx”: 1 time, 1.0 h"
check "under no empty heading of hours added" lacks "$tmp/out" "Hours per category added to the plan"
# Another program saves the plan while an import runs (here, while the
# import waits for its calendar on a pipe): the import writes nothing
# over it.
mkfifo "$tmp/calendar.fifo"
cp data/import/typed-week.json "$tmp/race.json"
TZ=Europe/Berlin "$bin" --import-ics "$tmp/calendar.fifo" --today 2026-11-22 "$tmp/race.json" >"$tmp/out" 2>"$tmp/err" &
importer=$!
exec 3>"$tmp/calendar.fifo"   # returns once the import, the plan read, opens its calendar
sleep 0.05
sed 's/"version": 1/"version": 1, "saved_by_the_other": true/' "$tmp/race.json" >"$tmp/race-other.json"
mv "$tmp/race-other.json" "$tmp/race.json"
cp "$tmp/race.json" "$tmp/race-theirs.json"
cat data/import/meetings.ics >&3
exec 3>&-
wait $importer; status=$?
check "an import whose plan was saved meanwhile exits 1" [ $status -eq 1 ]
check "and says why" contains "$tmp/err" "saved by another program while the import ran"
check "and keeps the other program's plan" cmp -s "$tmp/race.json" "$tmp/race-theirs.json"

# Two commands at once: a usage error that names both, never one of them
# silently left out.
cp "$sample" "$tmp/two.json"
while read -r first second args; do
  # shellcheck disable=SC2086
  "$bin" $args "$tmp/two.json" >"$tmp/out" 2>"$tmp/err"; status=$?
  check "$first with $second is a usage error" [ $status -eq 2 ]
  check "$first with $second: both are named" contains "$tmp/err" "$first and $second cannot be used together"
  check "$first with $second: nothing written" test ! -e "$tmp/w1" -a ! -e "$tmp/w2"
done <<EOF_PAIRS
--export-json --export-csv --export-json $tmp/w1 --export-csv $tmp/w2
--export-chart --export-report --export-chart time --export-report -o $tmp/w1
--validate --export-csv --validate $tmp/two.json --export-csv $tmp/w2
--import-ics --import-csv --import-ics data/import/recurrences.ics --import-csv data/import/toggl.csv
EOF_PAIRS
check "and the plan is unchanged" cmp -s "$tmp/two.json" "$sample"

# Text cells that a spreadsheet would run as formulas get a leading ';
# numbers, negative ones included, stay numbers.
# Narratives as Markdown: the sample's first impact statement and its
# first business case, their words and their cost table in euros.
"$bin" --export-markdown "$tmp/story.md" --section narratives "$sample"; status=$?
check "--export-markdown writes the narratives" [ $status -eq 0 ]
check "the Markdown is readable by the user alone" [ "$(stat -c %a "$tmp/story.md")" = "600" ]
check "a narrative is a heading" contains "$tmp/story.md" "# Reliability is revenue"
check "an impact statement is a Summary block" contains "$tmp/story.md" "### Summary"
check "with its Business impact" contains "$tmp/story.md" "### Business impact"
check "a business case has its cost table" contains "$tmp/story.md" "| Licences | €38000 | €24000 | €14000 |"
check "and its total, worked out by hand" contains "$tmp/story.md" "| **Total** | €65000 | €44000 | €21000 |"
check "--section narratives leaves the person out" lacks "$tmp/story.md" "Alex Morgan"
"$bin" --export-markdown - "$sample" >"$tmp/all.md"; status=$?
check "--export-markdown - writes to standard output" [ $status -eq 0 ]
check "all of it starts with the person" [ "$(head -n1 "$tmp/all.md")" = "# Alex Morgan" ]
"$bin" --export-markdown "$tmp/x.md" --section time "$sample" 2>"$tmp/err"; status=$?
check "--export-markdown refuses a section it cannot write" [ $status -eq 2 ]
check "the refusal names the section" contains "$tmp/err" "“time”"

"$bin" --export-csv "$tmp/formula.csv" data/csv-formula-plan.json; status=$?
check "--export-csv of a plan with formula-like text exits 0" [ $status -eq 0 ]
check "a category name starting with @ is prefixed" contains "$tmp/formula.csv" "week,monday,'@SUM(1+1)*cmd|' /C calc'!A0,"
check "a note starting with = is prefixed, inside its quotes" contains "$tmp/formula.csv" ",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""
check "no cell starts with =" lacks "$tmp/formula.csv" ",="
check "numbers are not prefixed" contains "$tmp/formula.csv" "2026-W41,2026-10-05,0.00,0.00,30.00,"

# A folder where the backup goes: the import goes on, and says there is
# no backup.
cp data/import/plan.json "$tmp/bakdir.json"
mkdir "$tmp/bakdir.json.bak"
TZ=Europe/Berlin "$bin" --import-ics data/import/recurrences.ics --today 2026-11-22 "$tmp/bakdir.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "an import with a folder as backup exits 0" [ $status -eq 0 ]
check "and warns that no backup is kept" contains "$tmp/err" "bakdir.json.bak” is not a file (a folder?): no backup"

# Titles with escape sequences and line breaks cannot forge lines of the
# preview or drive the terminal.
"$bin" --import-ics data/import/control-characters.ics --dry-run --today 2026-11-22 data/import/plan.json \
  >"$tmp/out" 2>"$tmp/err"; status=$?
check "a calendar with control characters in titles is previewed" [ $status -eq 0 ]
check "the preview holds no escape character" lacks "$tmp/out" "$(printf '\033')"
check "the calendar's name is shown escaped" contains "$tmp/out" "Import from “Work\x1B[2J”"
check "the title is shown escaped, on one line" contains "$tmp/out" "“Lunch\x1B[31m red\x0Aforged line”: 1 time"

# Issue 21 §1 and §2 on paper: a touchpoint after the report's day is a
# meeting planned, not the last touchpoint; hours that stopped weeks ago
# say which weeks the share covers and since when nothing was recorded.
cat >"$tmp/stale.json" <<'JSON'
{"format": "breakthrough-plan", "version": 1,
 "categories": [{"id": "t", "name": "Meetings", "kind": "tactical"},
                {"id": "s", "name": "Strategy", "kind": "strategic"}],
 "weeks": [{"week": "2026-W44", "hours": {"t": 30, "s": 10}},
           {"week": "2026-W45", "hours": {"t": 20, "s": 20}}],
 "relationships": [{"name": "Pat Lee", "cadence_days": 14,
                    "touchpoints": [{"date": "2026-11-27"}, {"date": "2026-11-10"}]},
                   {"name": "Kim Ro", "cadence_days": 14,
                    "touchpoints": [{"date": "2026-11-10"}, {"date": "2026-11-22"}]},
                   {"name": "Ana Sol", "cadence_days": 14,
                    "touchpoints": [{"date": "2026-10-01"}, {"date": "2026-12-01"}]}]}
JSON
"$bin" --export-report -o "$tmp/stale.pdf" --today 2026-11-20 "$tmp/stale.json"; status=$?
check "a report of hours long gone is written" [ $status -eq 0 ]
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/stale.pdf" - | tr -s ' \n' '  ' >"$tmp/stale.txt"
  check "the report's last touchpoint is the one before its day" contains "$tmp/stale.txt" "10 Nov 2026"
  check "a meeting planned in time is shown" contains "$tmp/stale.txt" "Meeting planned 22 Nov 2026"
  check "one after the day due is not: the due day is" contains "$tmp/stale.txt" "Due 24 Nov 2026"
  check "someone late with a meeting booked: both" contains "$tmp/stale.txt" "Overdue Meeting planned 1 Dec 2026"
  check "no touchpoint after the report's day is the last" lacks "$tmp/stale.txt" "27 Nov 2026"
  check "the share says which weeks it covers" contains "$tmp/stale.txt" "Strategic share of weeks 42 to 45."
  check "and since when no hours were recorded" \
    contains "$tmp/stale.txt" "No hours recorded since week 45."
  # The map's function names in the warning colour have a key of their own.
  "$bin" --export-chart relationships -o "$tmp/map.pdf" --today 2026-11-20 "$sample"
  pdftotext "$tmp/map.pdf" - | tr -s ' \n' '  ' >"$tmp/map.txt"
  check "the map's legend says what a function in the warning colour means" \
    contains "$tmp/map.txt" "Function without anyone at strength 3 or more"
else
  echo "ok $((n += 1)) # SKIP pdftotext is not installed"
  echo "ok $((n += 1)) # SKIP pdftotext is not installed"
fi

# --merge: two versions of one plan, changed from a common base.
m=data/merge
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o "$tmp/merged.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge without conflicts exits 0" [ $status -eq 0 ]
validates() { "$bin" --validate "$1" >/dev/null 2>&1; }
check "the merged plan validates" validates "$tmp/merged.json"
check "it holds mine's renamed milestone" contains "$tmp/merged.json" '"One, from the work laptop"'
check "and theirs" contains "$tmp/merged.json" '"Two, from home"'
check "and mine's new milestone" contains "$tmp/merged.json" '"Three"'
check "and theirs' new relationship" contains "$tmp/merged.json" '"Priya"'
check "a week's hours merge per category (mine)" contains "$tmp/merged.json" '"c1": 18'
check "a week's hours merge per category (theirs)" contains "$tmp/merged.json" '"c2": 7'
check "members the app does not know are merged too" contains "$tmp/merged.json" '"added_at_home": 1'
check "the merged plan is readable by the user alone" [ "$(stat -c %a "$tmp/merged.json")" = "600" ]

"$bin" --merge $m/base.json $m/mine-conflict.json $m/theirs.json -o "$tmp/conflict.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge with a conflict exits 1" [ $status -eq 1 ]
check "the conflict is printed with its path and the three values" \
  contains "$tmp/out" 'milestones[1].title: changed on both sides: base “Two”, mine “Two\x1B[2J, renamed at work”, theirs “Two, from home”'
check "the conflict's text holds no escape character" lacks "$tmp/out" "$(printf '\033')"
check "it says how many, and that the output keeps mine" contains "$tmp/err" "1 conflict: the merged plan keeps mine."
"$bin" --merge $m/base.json $m/mine-conflict.json $m/theirs.json -o "$tmp/lost.json" >/dev/full 2>"$tmp/err"; status=$?
check "--merge with its conflicts lost (standard output full) exits 2" [ $status -eq 2 ]
check "and says so" [ -s "$tmp/err" ]
check "and writes nothing" [ ! -e "$tmp/lost.json" ]
check "OUT keeps mine's value" contains "$tmp/conflict.json" 'renamed at work'
check "OUT with a conflict validates" validates "$tmp/conflict.json"

# As a git merge driver: OUT is MINE.
cp $m/mine.json "$tmp/driver.json"
"$bin" --merge $m/base.json "$tmp/driver.json" $m/theirs.json -o "$tmp/driver.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge may replace MINE" [ $status -eq 0 ]
check "MINE now holds theirs too" contains "$tmp/driver.json" '"Two, from home"'

: >"$tmp/empty-base.json"
"$bin" --merge "$tmp/empty-base.json" $m/mine.json $m/theirs.json -o "$tmp/added.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "an empty base (git's add/add) is no base: conflicts where the two differ" [ $status -eq 1 ]
check "with no base, the items of both are kept" contains "$tmp/added.json" '"Priya"'
check "a value the base never had is absent, not deleted" contains "$tmp/out" 'base absent, mine'
check "and nothing the base never had is called deleted" lacks "$tmp/out" 'base (deleted)'

"$bin" --merge $m/base.json $m/mine.json -o "$tmp/x.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge with two plans exits 2" [ $status -eq 2 ]
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge without -o exits 2" [ $status -eq 2 ]
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o "$tmp/x.json" --validate $m/base.json >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge and --validate exit 2" [ $status -eq 2 ]
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o "$tmp/x.json" --today 2026-01-01 >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge and --today exit 2" [ $status -eq 2 ]

# What a command would leave out is refused: a second plan, a --today it does not use.
"$bin" --export-csv "$tmp/extra.csv" "$sample" "$tmp/other.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--export-csv with two plans exits 2" [ $status -eq 2 ]
check "and names the file too many" contains "$tmp/err" "--export-csv reads one plan: “$tmp/other.json” is one file too many"
check "and writes nothing" [ ! -e "$tmp/extra.csv" ]
"$bin" --validate "$sample" "$tmp/other.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--validate with a second file exits 2" [ $status -eq 2 ]
check "and names it" contains "$tmp/err" "--validate reads one plan: “$tmp/other.json” is one file too many"
"$bin" --export-csv "$tmp/today.csv" --today 2026-02-30 "$sample" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--export-csv with --today exits 2" [ $status -eq 2 ]
check "and says what --today goes with" contains "$tmp/err" "--today goes with --export-chart, --export-report or an import"
check "and writes nothing" [ ! -e "$tmp/today.csv" ]
"$bin" --merge $m/base.json $m/mine.json data/bad/13-strength-too-high.json -o "$tmp/x.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge of a bad plan exits 2" [ $status -eq 2 ]
check "and names the file and the JSON path" contains "$tmp/err" "data/bad/13-strength-too-high.json: relationships[0].strength"
check "and writes nothing" [ ! -e "$tmp/x.json" ]
mkdir "$tmp/outdir"
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o "$tmp/outdir" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge into a folder exits 2" [ $status -eq 2 ]
mkfifo "$tmp/fifo"
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o "$tmp/fifo" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge into a pipe exits 2, without waiting for a reader" [ $status -eq 2 ]
"$bin" --merge $m/base.json $m/mine.json $m/theirs.json -o - >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge to standard output exits 2" [ $status -eq 2 ]
cp $m/mine.json "$tmp/locked.json"; chmod 0444 "$tmp/locked.json"
"$bin" --merge $m/base.json "$tmp/locked.json" $m/theirs.json -o "$tmp/locked.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge into a read-only file exits 2" [ $status -eq 2 ]
check "and leaves it as it was" cmp -s "$tmp/locked.json" $m/mine.json

# OUT may be MINE, never BASE or THEIRS: their values would be lost.
for which in base theirs; do
  cp $m/base.json "$tmp/s-base.json"; cp $m/mine.json "$tmp/s-mine.json"; cp $m/theirs.json "$tmp/s-theirs.json"
  cp "$tmp/s-$which.json" "$tmp/s-was.json"
  ln -sf "$tmp/s-$which.json" "$tmp/s-link.json"
  ln -f "$tmp/s-$which.json" "$tmp/s-hard.json"
  for out in "$tmp/s-$which.json" "$tmp/s-link.json" "$tmp/s-hard.json"; do
    "$bin" --merge "$tmp/s-base.json" "$tmp/s-mine.json" "$tmp/s-theirs.json" -o "$out" >"$tmp/out" 2>"$tmp/err"; status=$?
    check "--merge -o ${out##*/} (${which}) exits 2" [ $status -eq 2 ]
    check "and names the file" contains "$tmp/err" "$out"
    check "and leaves ${which} as it was" cmp -s "$tmp/s-$which.json" "$tmp/s-was.json"
  done
done

# A plan from a newer version is never merged (nor saved over).
sed 's/"version": 1,/"version": 99,/' $m/theirs.json >"$tmp/newer.json"
for pos in 1 2 3; do
  set -- $m/base.json $m/mine.json $m/theirs.json
  case $pos in
    1) set -- "$tmp/newer.json" "$2" "$3" ;;
    2) set -- "$1" "$tmp/newer.json" "$3" ;;
    3) set -- "$1" "$2" "$tmp/newer.json" ;;
  esac
  rm -f "$tmp/x.json"
  "$bin" --merge "$@" -o "$tmp/x.json" >"$tmp/out" 2>"$tmp/err"; status=$?
  check "--merge with a newer version's plan as file $pos exits 2" [ $status -eq 2 ]
  check "and names the file" contains "$tmp/err" "$tmp/newer.json"
  check "and writes nothing" [ ! -e "$tmp/x.json" ]
done
cp "$tmp/newer.json" "$tmp/newer-mine.json"
"$bin" --merge $m/base.json "$tmp/newer-mine.json" $m/theirs.json -o "$tmp/newer-mine.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--merge never rewrites a newer version's plan" cmp -s "$tmp/newer-mine.json" "$tmp/newer.json"

# -o with a command that names its own file is a mistake, not ignored.
"$bin" --export-markdown "$tmp/n.md" -o "$tmp/other.md" $m/base.json >"$tmp/out" 2>"$tmp/err"; status=$?
check "--export-markdown with -o exits 2" [ $status -eq 2 ]
check "and says what -o goes with" contains "$tmp/err" "-o goes with"
check "and writes no Markdown" [ ! -e "$tmp/n.md" ]
check "nor the file of -o" [ ! -e "$tmp/other.md" ]
"$bin" --validate $m/base.json -o "$tmp/other.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "--validate with -o exits 2" [ $status -eq 2 ]

# A file's name cannot forge a second line or colour the terminal.
evil="$tmp/evil
forged: ok"$'\e'"[31m.json"
cp data/bad/13-strength-too-high.json "$evil"
"$bin" --validate "$evil" >"$tmp/out" 2>"$tmp/err"; status=$?
check "a file name with a line break and ESC is refused as its content says" [ $status -eq 1 ]
check "its message is one line" [ "$(wc -l <"$tmp/err")" -eq 1 ]
check "with the name's control characters shown as escapes" contains "$tmp/err" 'evil\x0Aforged: ok\x1B[31m.json: relationships[0]'

# An import writes the plan back: a FIFO or a pipe as the plan is refused
# at once, not waited on.
mkfifo "$tmp/plan-fifo"
timeout 20 "$bin" --import-ics data/import/meetings.ics "$tmp/plan-fifo" >"$tmp/out" 2>"$tmp/err"; status=$?
check "an import into a FIFO plan fails at once" [ $status -eq 1 ]
check "and says the plan must be a regular file" contains "$tmp/err" "not a regular file"
rm -f "$tmp/plan-fifo"

# The git merge driver of the README, end to end.
if command -v git >/dev/null; then
  repo="$tmp/repo"
  git init -q "$repo"
  (
    cd "$repo" || exit 1
    git config user.email t@example.com; git config user.name Test
    git config merge.breakthrough.driver "'$bin' --merge %O %A %B -o %A"
    echo 'plan.json merge=breakthrough' >.gitattributes
    cp "$OLDPWD/$m/base.json" plan.json; git add .; git commit -qm base
    git checkout -qb home; cp "$OLDPWD/$m/theirs.json" plan.json; git commit -qam home
    git checkout -q -; cp "$OLDPWD/$m/mine.json" plan.json; git commit -qam work
    git merge -q --no-edit home >/dev/null 2>&1
  ); status=$?
  check "git merges two devices' plans through the driver" [ $status -eq 0 ]
  check "the merged plan in git holds both edits" \
    bash -c "grep -qF 'One, from the work laptop' '$repo/plan.json' && grep -qF 'Two, from home' '$repo/plan.json'"
fi

echo "1..$n"
[ $fails -eq 0 ]
