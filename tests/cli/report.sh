#!/usr/bin/env bash
# Handouts, progress reports and calendars as a user makes them: the PDFs pass qpdf's checks,
# carry every exercise's name as text, and every page renders (in greyscale too); the calendar
# is a daily event with a reminder; bad input gets exit 2 and says what and where.
source "$2/tests/support/cli_lib.sh"
db="$work/r.db"
u() { "$unknot_bin" --db "$db" "$@"; }

for tool in qpdf pdftotext pdftoppm pdfinfo jq; do
  command -v "$tool" >/dev/null || { bad "$tool is not installed (scripts/debian-packages.txt lists it)"; finish; exit 1; }
done

qpdf_ok() { qpdf --check "$1" >/dev/null 2>&1; }

# check_pdf NAME FILE PROFILE: sound file, every item named, every page rendered in grey.
check_pdf() {
  local name="$1" pdf="$2" profile="${3:-}"
  check "$name: qpdf --check passes" qpdf_ok "$pdf"
  local pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  check "$name: has pages" test "${pages:-0}" -ge 1
  pdftotext "$pdf" "$work/$name.txt"
  tr -s ' \n' ' ' < "$work/$name.txt" > "$work/$name.flat"
  if [[ -n "$profile" ]]; then
    local missing=0 n=0
    while IFS= read -r item; do
      n=$((n + 1))
      grep -qF -- "$item" "$work/$name.flat" || { missing=$((missing + 1)); echo "  $name lacks: $item"; }
    done < <(u plan --json --profile "$profile" | jq -r '.phases[].items[].name')
    check "$name: every plan item's name is in the text ($n items)" test "$missing" = 0
  fi
  rm -rf "$work/png"; mkdir -p "$work/png"
  pdftoppm -gray -r 40 -png "$pdf" "$work/png/p"
  check "$name: pdftoppm -gray renders all $pages pages" test "$(find "$work/png" -name '*.png' | wc -l)" = "$pages"
  local blank=0
  for png in "$work/png"/*.png; do
    [[ $(stat -c %s "$png") -gt 3000 ]] || blank=$((blank + 1))
  done
  check "$name: no blank page" test "$blank" = 0
}

profile() { printf '%s' "$2" > "$work/$1"; echo "$work/$1"; }
twelve=$(profile twelve.json '{"targets": ["calf", "hamstrings", "upper_back"], "minutes": 30, "tools": ["foam_roller"], "context": "daily"}')
check "the 12-item profile plans 12 items" test "$(u plan --json --profile "$twelve" | jq '[.phases[].items[]] | length')" = 12

# A4 and Letter, a 12-item plan, names at the top.
expect_ok "Wrote $work/a4.pdf" -- --db "$db" handout --profile "$twelve" -o "$work/a4.pdf" --client "Ana Silva & <Co>" --trainer "Sam Lee"
check_pdf a4 "$work/a4.pdf" "$twelve"
check "a4: A4 paper" grep -q "595.28 x 841.89 pts (A4)" <(pdfinfo "$work/a4.pdf")
check "a4: more than one page for 12 items" test "$(pdfinfo "$work/a4.pdf" | awk '/^Pages:/ {print $2}')" -ge 2
check "a4: client printed as typed (no markup)" grep -qF "Ana Silva & <Co>" "$work/a4.flat"
check "a4: trainer printed" grep -q "Sam Lee" "$work/a4.flat"
check "a4: page numbers in the footer" grep -q "Page 1 of" "$work/a4.flat"
check "a4: the safety line" grep -q "Not medical advice" "$work/a4.flat"
check "a4: phases in order" bash -c "grep -o 'Inhibit\|Lengthen' '$work/a4.flat' | uniq | tr '\n' ' ' | grep -q '^Inhibit Lengthen $'"
check "a4: roll path and hold" grep -q "Roll path" "$work/a4.flat"
check "a4: hold time" grep -q "hold each tender spot 30–90 s" "$work/a4.flat"
check "a4: both sides" grep -q "Left side, then right side" "$work/a4.flat"
expect_ok "Wrote $work/letter.pdf" -- --db "$db" handout --profile "$twelve" -o "$work/letter.pdf" --page letter
check_pdf letter "$work/letter.pdf" "$twelve"
check "letter: Letter paper" grep -q "612 x 792 pts (letter)" <(pdfinfo "$work/letter.pdf")

# Four phases (an assessment's finding): every card, roll, stretch, activation and integration,
# carries its move's picture, drawn (dark pixels in its box when printed in greyscale).
four=$(profile four.json '{"assessment": {"findings": [{"id": "knees_move_inward"}]}, "minutes": 30, "tools": ["foam_roller"], "context": "daily"}')
check "four: the plan has all four phases" test "$(u plan --json --profile "$four" | jq -r '[.phases[].phase] | join(" ")')" = "inhibit lengthen activate integrate"
out=$(u handout --profile "$four" -o "$work/four.pdf")
check_pdf four "$work/four.pdf" "$four"
cards=$(grep -o '[0-9]* exercises' <<<"$out" | grep -o '[0-9]*')
rm -rf "$work/pgm" && mkdir -p "$work/pgm" && pdftoppm -gray -r 72 "$work/four.pdf" "$work/pgm/p"
boxes="$(node "$2/tests/cli/picture_boxes.mjs" "$work/pgm"/*.pgm)"
check "four: a picture box on each of the $cards cards" test "$(tail -1 <<<"$boxes")" = "$cards"
check "four: every picture box holds a drawing" test "$(head -n -1 <<<"$boxes" | awk '$4 < 150' | wc -l)" = 0
check "four: activation and integration cards are there" grep -q "Ball wall squat" "$work/four.flat"

# Exclusions: which places were left out and why, in words.
excl=$(profile excl.json '{"screening": {"answers": {"varicose_veins": true, "recent_injury": true, "recent_injury_regions": ["thigh_back:left"]}}, "targets": ["calf", "hamstrings", "upper_back"], "minutes": 30}')
expect_ok "Wrote" -- --db "$db" handout --profile "$excl" -o "$work/excl.pdf"
check_pdf excl "$work/excl.pdf" "$excl"
check "excl: calves are not rolled" grep -q "Calf (both sides) – because of varicose veins" "$work/excl.flat"
check "excl: the injured side is named" grep -q "Back of the thigh (left side) – because of recent injury" "$work/excl.flat"
check "excl: no calf rolling card" bash -c "! grep -q 'Calves Foam roller' '$work/excl.flat'"

# Refer: a one-page handout that says not to roll; nothing planned.
refer=$(profile refer.json '{"screening": {"answers": {"bleeding_disorder": true}}, "targets": ["calf"]}')
expect_ok "not to foam roll for now" -- --db "$db" handout --profile "$refer" -o "$work/refer.pdf"
check_pdf refer "$work/refer.pdf"
check "refer: says so" grep -q "DO NOT FOAM ROLL FOR NOW" "$work/refer.flat"
check "refer: sends to a clinician" grep -q "doctor or physiotherapist" "$work/refer.flat"
check "refer: one page" test "$(pdfinfo "$work/refer.pdf" | awk '/^Pages:/ {print $2}')" = 1
check "refer: no exercise" bash -c "! grep -q 'Roll path' '$work/refer.flat'"

# Progress: nothing recorded yet, then three replayed sessions.
expect_ok "0 sessions" -- --db "$db" report -o "$work/empty.pdf"
check_pdf empty "$work/empty.pdf"
check "empty: says there is nothing yet" grep -q "No sessions recorded yet" "$work/empty.flat"
u plan --json --profile "$twelve" > "$work/plan.json"
cat > "$work/ev.jsonl" <<'EV'
{"t": 0, "type": "start"}
{"t": 5, "type": "in_position"}
{"t": 20, "type": "found", "tenderness": 7}
{"t": 60, "type": "eased", "tenderness": 3}
{"t": 62, "type": "next"}
{"t": 70, "type": "in_position"}
{"t": 80, "type": "found", "tenderness": 6}
{"t": 125, "type": "eased", "tenderness": 2}
{"t": 130, "type": "quit"}
EV
for day in 2026-11-18 2026-11-20 2026-11-21; do
  u session --plan "$work/plan.json" --replay "$work/ev.jsonl" --at "${day}T07:00" >/dev/null
done
expect_ok "3 sessions" -- --db "$db" report -o "$work/progress.pdf" --page letter --client "Ana Silva"
check_pdf progress "$work/progress.pdf"
check "progress: tenderness chart" grep -q "Tenderness per muscle" "$work/progress.flat"
check "progress: spots chart" grep -q "Tender spots per session" "$work/progress.flat"
check "progress: calendar of days" grep -q "Days rolled" "$work/progress.flat"
check "progress: the calf muscle" grep -q "Gastrocnemius" "$work/progress.flat"
check "progress: the session count" grep -q "sessions recorded" "$work/progress.flat"

# Calendar: a daily event with a reminder, the items in its description.
expect_ok "every day from 2026-11-23" -- --db "$db" calendar -o "$work/r.ics" --profile "$twelve" --time 06:45 --start 2026-11-23
ics="$(tr -d '\r' < "$work/r.ics" | sed ':a;N;$!ba;s/\n //g')"
check "ics: one event" test "$(grep -c '^BEGIN:VEVENT' <<<"$ics")" = 1
check "ics: daily" grep -q '^RRULE:FREQ=DAILY$' <<<"$ics"
check "ics: floating 06:45 start" grep -q '^DTSTART:20261123T064500$' <<<"$ics"
check "ics: display reminder at the start" bash -c "grep -A3 '^BEGIN:VALARM' <<<'$ics' | grep -q 'ACTION:DISPLAY' && grep -q '^TRIGGER:PT0S$' <<<'$ics'"
check "ics: items in the description" grep -q 'Wall calf stretch\\, knee bent' <<<"$ics"
check "ics: CRLF line ends" test "$(grep -c $'\r$' "$work/r.ics")" = "$(wc -l < "$work/r.ics")"
uid1=$(grep '^UID:' <<<"$ics")
u calendar -o "$work/r2.ics" --profile "$twelve" --time 06:45 --start 2026-11-23 >/dev/null
check "ics: same routine, same UID" test "$uid1" = "$(tr -d '\r' < "$work/r2.ics" | grep '^UID:')"
expect_ok "Wrote $work/last.ics" -- --db "$db" calendar -o "$work/last.ics"
check "ics: without --profile, the last session's routine" grep -q 'Calves' "$work/last.ics"

# Bad input: exit 2, saying what and where.
expect_fail 2 "--page: expected a4 or letter, got \`a5\`" -- --db "$db" handout --profile "$twelve" -o "$work/x.pdf" --page a5
expect_fail 2 "cannot write the file" -- --db "$db" handout --profile "$twelve" -o "$work/no/such/dir/x.pdf"
expect_fail 2 "bad.json:1:" -- --db "$db" handout --profile "$(profile bad.json '{"targets": [calf]}')" -o "$work/x.pdf"
expect_fail 2 "targets[0]: unknown muscle or region \`calve\`" -- --db "$db" handout --profile "$(profile t.json '{"targets": ["calve"]}')" -o "$work/x.pdf"
expect_fail 2 "--output is required" -- --db "$db" handout --profile "$twelve"
expect_fail 2 "--time: expected a time like 07:30" -- --db "$db" calendar -o "$work/x.ics" --profile "$twelve" --time 25:00
expect_fail 2 "--start: expected a date like 2026-11-23" -- --db "$db" calendar -o "$work/x.ics" --profile "$twelve" --start 2026-02-30
expect_fail 2 "refer" -- --db "$db" calendar -o "$work/x.ics" --profile "$refer"
expect_fail 2 "--profile: missing" -- --db "$work/fresh.db" calendar -o "$work/x.ics"
check "nothing half-written on failure" test ! -e "$work/x.pdf" -a ! -e "$work/x.pdf.part" -a ! -e "$work/x.ics"

# The renderers are a module loaded on use (src/modules): commands that print nothing never map
# cairo, pango, librsvg, libical or libpqxx; a missing module is named, with where to point.
loaded_libs() { LD_DEBUG=libs "$unknot_bin" "$@" 2>&1 >/dev/null | grep -oE 'calling init: [^ ]+' | sort -u; }
heavy='libcairo|libpango|librsvg|libical|libpqxx|unknot-report|unknot-postgres'
check "--version loads none of the renderers or libpqxx" test "$(loaded_libs --version | grep -cE "$heavy")" = 0
check "plan loads none of the renderers or libpqxx" test "$(loaded_libs --db "$db" plan --profile "$twelve" | grep -cE "$heavy")" = 0
check "handout loads the renderers' module" test "$(loaded_libs --db "$db" handout --profile "$twelve" -o "$work/m.pdf" | grep -c unknot-report)" = 1
UNKNOT_MODULE_DIR="$work/nowhere" expect_fail 1 "PDF and calendar output needs $work/nowhere/unknot-report.so" -- --db "$db" handout --profile "$twelve" -o "$work/y.pdf"
UNKNOT_MODULE_DIR="$work/nowhere" expect_fail 1 "set UNKNOT_MODULE_DIR" -- --db "$db" calendar -o "$work/y.ics" --profile "$twelve"
check "nothing written without the module" test ! -e "$work/y.pdf" -a ! -e "$work/y.pdf.part" -a ! -e "$work/y.ics"
finish
