#!/usr/bin/env bash
# The fixed JSON contract (issue 2) that later issues and external checks rely on.
source "$2/tests/support/cli_lib.sh"
u() { "$unknot_bin" --db "$work/c.db" "$@"; }

u techniques --json > "$work/t.json"
check "techniques --json is an array of 11+" test "$(jq 'length' "$work/t.json")" -ge 11
check "every technique has the contract fields" test "$(jq '[.[] | select(has("id") and has("name") and (.muscles|type=="array") and (.regions|type=="array") and (.per_side|type=="boolean") and (.tools|type=="array") and (.sources|length>0))] | length' "$work/t.json")" = "$(jq length "$work/t.json")"
for m in gastrocnemius soleus biceps_femoris_short_head adductor_complex tensor_fasciae_latae piriformis latissimus_dorsi hip_flexor_complex; do
  check "a technique targets $m" test "$(jq --arg m "$m" '[.[] | select(.muscles | index($m))] | length' "$work/t.json")" -ge 1
done
check "thoracic spine is rolled both sides at once" test "$(jq -r '.[] | select(.id=="thoracic_spine_roll") | .per_side' "$work/t.json")" = false
expect_ok "Hold:     30-90 s" -- technique calves_roll
u technique calves_roll --json > "$work/one.json"
check "technique --json has steps" test "$(jq '.setup | length' "$work/one.json")" -ge 2

s() { printf '%s' "$1" > "$work/a.json"; u screen --json --answers "$work/a.json"; }
for c in congestive_heart_failure kidney_failure organ_failure bleeding_disorder contagious_skin_condition deep_vein_thrombosis osteoporosis fracture uncontrolled_hypertension; do
  check "$c -> refer" test "$(s "{\"answers\": {\"$c\": true}}" | jq -r .verdict)" = refer
done
check "open_wound without a place -> refer" test "$(s '{"answers": {"open_wound": true}}' | jq -r .verdict)" = refer
check "nothing -> clear" test "$(s '{"answers": {}}' | jq -r .verdict)" = clear
check "varicose veins -> caution" test "$(s '{"answers": {"varicose_veins": true}}' | jq -r .verdict)" = caution
check "varicose veins exclude the calf" test "$(s '{"answers": {"varicose_veins": true}}' | jq -r '.excluded_regions | index("calf") != null')" = true
check "pregnancy -> caution with follow-up answered" test "$(s '{"answers": {"pregnancy": true, "pregnancy_swollen_calves": false}}' | jq -r .verdict)" = caution
check "screen output shape" test "$(s '{"answers": {"varicose_veins": true}}' | jq -r '[has("verdict"), (.reasons|type), (.excluded_regions|type), (.advice|type)] | join(",")')" = "true,array,array,array"

pl() { printf '%s' "$1" > "$work/p.json"; u plan --json --profile "$work/p.json"; }
check "refer plans no smr" test "$(pl '{"screening": {"answers": {"bleeding_disorder": true}}, "targets": ["calf"], "minutes": 15, "tools": ["foam_roller"], "context": "warm_up"}' | jq '[.phases[].items[] | select(.kind=="smr")] | length')" = 0
plan="$(pl '{"screening": {"answers": {}}, "targets": ["calf", "hamstrings"], "minutes": 15, "tools": ["foam_roller"], "context": "warm_up"}')"
check "plan phases inhibit then lengthen" test "$(jq -r '[.phases[].phase] | join(",")' <<<"$plan")" = "inhibit,lengthen"
check "plan items carry the contract fields" test "$(jq '[.phases[].items[] | select(has("kind") and has("id") and has("side") and has("muscles") and has("regions") and has("sets"))] | length' <<<"$plan")" = "$(jq '[.phases[].items[]] | length' <<<"$plan")"
check "smr items carry 30-90 s holds" test "$(jq '[.phases[].items[] | select(.kind=="smr" and .hold_min_s==30 and .hold_max_s==90)] | length' <<<"$plan")" = 4
check "plan has total_seconds and dropped" test "$(jq -r '[(.total_seconds|type), (.dropped|type)] | join(",")' <<<"$plan")" = "number,array"
check "calves both sides" test "$(jq -r '[.phases[].items[] | select(.id=="calves_roll") | .side] | join(",")' <<<"$plan")" = "left,right"
printf '%s' '{"findings": [{"id": "knees_move_inward"}, {"id": "asymmetric_weight_shift", "side": "left"}], "edition": "c4"}' > "$work/f.json"
u assess --json --findings "$work/f.json" > "$work/a.json"
check "assess lists adductors overactive" test "$(jq '[.overactive[] | select(.muscle=="adductor_complex")] | length' "$work/a.json")" -ge 1
check "weight shift left: gluteus medius underactive on the left" test "$(jq -r '[.underactive[] | select(.muscle=="gluteus_medius" and .side=="left")] | length' "$work/a.json")" = 1
expect_ok "Underactive: activate" -- assess --findings "$work/f.json"
printf '%s' '{"assessment": {"findings": [{"id": "knees_move_inward"}]}, "minutes": 60}' > "$work/ap.json"
check "assessment plan has four phases" test "$(u plan --json --profile "$work/ap.json" | jq -r '[.phases[].phase] | join(",")')" = "inhibit,lengthen,activate,integrate"
finish
