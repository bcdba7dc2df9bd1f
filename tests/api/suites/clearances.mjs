// The screening gate and clearances after a refer, on the owner's own record: the gate answers
// stand for every question under them, a clearance lifts only its condition's refer, the
// planner honours it, and a bad clearance is a 400 naming the field with nothing stored.
// (A trainer recording one for a client is in accounts.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { fails, ok } from "../client.mjs";
import { profile } from "./endpoints.mjs";

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const smr = (plan) => plan.phases.flatMap((p) => p.items).filter((i) => i.kind === "smr").length;

test("screening gate: short questions covering every condition once, and the clearance period", async () => {
  const gate = await ok("GET", "/api/v1/screening-gate", { as: null });
  const conditions = await ok("GET", "/api/v1/conditions", { as: null });
  assert.ok(gate.questions.length >= 6 && gate.questions.length <= 8, `${gate.questions.length} gate questions`);
  const covered = gate.questions.flatMap((q) => q.covers).sort();
  assert.deepEqual(covered, conditions.map((c) => c.id).sort());
  assert.equal(gate.clearance.valid_days, 365);
  assert.ok(gate.clearance.sources.includes("parq_plus"));

  const no = Object.fromEntries(gate.questions.map((q) => [q.id, false]));
  assert.equal((await ok("POST", "/api/v1/screenings?record=false", { body: { answers: no } })).verdict, "clear");
  const bones = gate.questions.find((q) => q.covers.includes("osteoporosis"));
  const pending = await ok("POST", "/api/v1/screenings?record=false", { body: { answers: { ...no, [bones.id]: true } } });
  assert.equal(pending.verdict, "refer", "a yes with its questions unanswered");
  assert.equal(pending.follow_ups.length, bones.covers.length);
  await fails("POST", "/api/v1/screenings", { body: { answers: { [bones.id]: false, osteoporosis: true } } }, 400, "invalid", "screening.answers.osteoporosis");
});

test("clearances: a refer lifted for its condition only, honoured by the planner", async () => {
  const before = await ok("GET", "/api/v1/clearances");
  assert.deepEqual(before.clearances, []);
  const s = await ok("POST", "/api/v1/screenings", { body: { answers: { osteoporosis: true, kidney_failure: true } } });
  assert.equal(s.verdict, "refer");
  const answers = { osteoporosis: true, kidney_failure: true };

  // Each bad clearance names its field, and nothing is stored.
  const bad = [
    [{ condition: "osteoporsis", date: day(0) }, "condition"],
    [{ condition: "older_adult", date: day(0) }, "condition"],
    [{ condition: "cancer", date: day(0) }, "condition"],
    [{ condition: "osteoporosis", date: day(1) }, "date"],
    [{ condition: "osteoporosis", date: day(-366) }, "date"],
    [{ condition: "osteoporosis", date: "2026-02-30" }, "date"],
    [{ condition: "osteoporosis", date: day(0), note: "x".repeat(501) }, "note"],
    [{ condition: "osteoporosis" }, "date"],
    [{ date: day(0) }, "condition"],
    [{ condition: "osteoporosis", date: day(0), doctor: "me" }, "doctor"],
    [{ condition: 3, date: day(0) }, "condition"],
  ];
  for (const [body, field] of bad) await fails("POST", "/api/v1/clearances", { body }, 400, "invalid", field);
  assert.deepEqual((await ok("GET", "/api/v1/clearances")).clearances, [], "nothing stored");

  const one = await ok("POST", "/api/v1/clearances", { body: { condition: "osteoporosis", date: day(-3), note: "GP: gentle, no spine" } });
  assert.equal(one.clearance.condition, "osteoporosis");
  assert.equal(one.clearance.in_force, true);
  assert.equal(one.clearance.date, day(-3));
  assert.equal(one.screening.verdict, "refer", "kidney failure is still a refer");
  const reason = (r, id) => r.reasons.find((x) => x.condition === id);
  assert.equal(reason(one.screening, "osteoporosis").outcome, "caution");
  assert.equal(reason(one.screening, "osteoporosis").cleared_on, day(-3));
  assert.equal(reason(one.screening, "kidney_failure").outcome, "refer");
  assert.equal(smr(await ok("POST", "/api/v1/plans", { body: { ...profile, screening: { answers } } })), 0);

  await ok("POST", "/api/v1/clearances", { body: { condition: "kidney_failure", date: day(0), note: null } });
  const listed = await ok("GET", "/api/v1/clearances");
  assert.deepEqual(listed.clearances.map((c) => c.condition), ["kidney_failure", "osteoporosis"], "newest first");
  const now = (await ok("GET", "/api/v1/screenings"))[0];
  assert.equal(now.verdict, "caution");
  assert.deepEqual(now.answers, answers, "the answers stay as given");
  assert.ok(smr(await ok("POST", "/api/v1/plans", { body: { ...profile, screening: { answers } } })) > 0, "the planner honours both clearances");
  // A clearance for osteoporosis says nothing about a fracture.
  assert.equal(smr(await ok("POST", "/api/v1/plans", { body: { ...profile, screening: { answers: { ...answers, fracture: true } } } })), 0);

  const x = await ok("GET", "/api/v1/export");
  // Oldest first, by the day the professional gave it.
  assert.deepEqual(x.clearances.map((c) => [c.condition, c.note, c.by_trainer]), [["osteoporosis", "GP: gentle, no spine", false], ["kidney_failure", "", false]]);
});
