// Assessments over HTTP (issue 4): findings in, muscles out, kept for reassessment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, ok } from "../client.mjs";

test("assessment content lists", async () => {
  const comps = await ok("GET", "/api/v1/compensations");
  assert.ok(comps.some((c) => c.id === "knees_move_inward" && c.view === "anterior"));
  assert.ok((await ok("GET", "/api/v1/activations")).some((a) => a.id === "floor_bridge"));
  assert.ok((await ok("GET", "/api/v1/integrations")).length >= 3);
});

test("assess, then reassess: resolved, persisted, appeared", async () => {
  const first = await call("POST", "/api/v1/assessments", { body: { findings: [{ id: "knees_move_inward" }, { id: "feet_turn_out" }] } });
  assert.equal(first.status, 201);
  assert.ok(first.json.result.overactive.some((m) => m.muscle === "adductor_complex"));
  const second = await call("POST", "/api/v1/assessments", { body: { findings: [{ id: "knees_move_inward" }, { id: "asymmetric_weight_shift", side: "left" }] } });
  assert.equal(second.status, 201);
  assert.deepEqual(second.json.changes.resolved, [{ id: "feet_turn_out" }]);
  assert.deepEqual(second.json.changes.persisted, [{ id: "knees_move_inward" }]);
  assert.deepEqual(second.json.changes.appeared, [{ id: "asymmetric_weight_shift", side: "left" }]);
  const list = await ok("GET", "/api/v1/assessments");
  assert.ok(list.length >= 2);
  assert.equal(list[0].id, second.json.id, "newest first");
});

test("an assessment in a profile gives a four-phase plan whose items say why", async () => {
  const plan = await ok("POST", "/api/v1/plans", { body: { assessment: { findings: [{ id: "knees_move_inward" }] }, minutes: 60 } });
  assert.deepEqual(plan.phases.map((p) => p.phase), ["inhibit", "lengthen", "activate", "integrate"]);
  for (const item of plan.phases[0].items) assert.ok(item.why.some((w) => w.finding === "knees_move_inward"), item.id);
});

for (const [name, body, field] of [
  ["unknown finding", { findings: [{ id: "knees_cave" }] }, "findings[0].id"],
  ["side on an unsided finding", { findings: [{ id: "feet_turn_out", side: "left" }] }, "findings[0].side"],
  ["sided finding without side", { findings: [{ id: "asymmetric_weight_shift" }] }, "findings[0].side"],
  ["unknown edition", { findings: [{ id: "feet_turn_out" }], edition: "c5" }, "edition"],
  ["findings not a list", { findings: {} }, "findings"],
]) {
  test(`bad assessment: ${name} -> 400 at ${field}`, async () => {
    const r = await call("POST", "/api/v1/assessments", { body });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, field);
  });
}
