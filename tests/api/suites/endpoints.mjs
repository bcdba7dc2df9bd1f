// Every endpoint on its happy path, each response validated against the OpenAPI schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, ok } from "../client.mjs";

export const profile = { screening: { answers: {} }, targets: ["calf", "hamstrings"], minutes: 15, tools: ["foam_roller"], context: "warm_up" };

test("health", async () => {
  const h = await ok("GET", "/healthz");
  assert.equal(h.status, "ok");
});

test("catalog lists and items", async () => {
  const techniques = await ok("GET", "/api/v1/techniques");
  assert.ok(techniques.length >= 11);
  const calves = await ok("GET", "/api/v1/techniques/calves_roll");
  assert.equal(calves.hold_min_s, 30);
  assert.ok(calves.setup.length >= 2);
  const stretches = await ok("GET", "/api/v1/stretches");
  assert.ok(stretches.length >= 10);
  await ok("GET", `/api/v1/stretches/${stretches[0].id}`);
  const learn = await ok("GET", "/api/v1/learn");
  assert.ok(learn.length >= 5);
  const article = await ok("GET", `/api/v1/learn/${learn[0].slug}`);
  assert.ok(article.body.length > 200);
  for (const list of ["muscles", "regions", "tools", "conditions", "cues", "goals", "sources"]) {
    const items = await ok("GET", `/api/v1/${list}`);
    assert.ok(items.length > 0, list);
  }
  const goals = await ok("GET", "/api/v1/goals");
  assert.deepEqual(goals.map((g) => g.id).sort(), ["after_workout", "before_workout", "desk_worker", "runner"]);
});

test("a learn article's diagram is an SVG image, for anyone, that can run nothing", async () => {
  const article = await ok("GET", "/api/v1/learn/autogenic-inhibition");
  assert.match(article.body, /^!\[[^\]]+\]\(diagram:autogenic-inhibition\)$/m);
  for (const name of ["autogenic-inhibition", "where-not-to-roll"]) {
    const r = await call("GET", `/api/v1/learn/diagrams/${name}.svg`, { as: null });
    assert.equal(r.status, 200, name);
    assert.equal(r.headers.get("content-type"), "image/svg+xml", name);
    assert.ok(r.text.startsWith("<svg") && r.text.trimEnd().endsWith("</svg>"), name);
    assert.doesNotMatch(r.text, /<script|\son\w+\s*=/i, name);
    assert.match(r.headers.get("content-security-policy"), /default-src 'none'.*sandbox/, name);
    assert.equal(r.headers.get("cache-control"), "no-cache", name);
    const again = await call("GET", `/api/v1/learn/diagrams/${name}.svg`, { as: null, headers: { "if-none-match": r.headers.get("etag") } });
    assert.equal(again.status, 304, name);
  }
  const missing = await call("GET", "/api/v1/learn/diagrams/nope.svg", { as: null });
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.field, "file");
});

test("pictures: every technique with each tool, both sides; a clear error for the wrong move, tool or side", async () => {
  for (const t of await ok("GET", "/api/v1/techniques"))
    for (const tool of t.tools) {
      const left = await ok("GET", `/api/v1/pictures/${t.id}?tool=${tool}`, { as: null });
      assert.equal(left.move, t.id);
      assert.equal(left.tool, tool);
      assert.deepEqual(left.frame_names, ["setup", "start", "end"], t.id);
      assert.ok(left.arrow, `${t.id}: a roll has its path`);
      const right = await ok("GET", `/api/v1/pictures/${t.id}?tool=${tool}&side=right`, { as: null });
      assert.equal(right.side, "right");
      assert.notDeepEqual(right.frames.setup, left.frames.setup, `${t.id}: the right side is drawn, not the left again`);
    }
  const stretch = await ok("GET", "/api/v1/pictures/wall_calf_stretch_straight_knee", { as: null });
  assert.equal(stretch.tool, null);
  assert.ok(stretch.frames.setup.length > 10);
  const unknown = await call("GET", "/api/v1/pictures/calfs_roll", { as: null });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.error.field, "move");
  assert.match(unknown.json.error.message, /calves_roll/);
  for (const [query, field] of [["?side=up", "side"], ["?tool=medicine_ball", "tool"]]) {
    const r = await call("GET", `/api/v1/pictures/calves_roll${query}`, { as: null });
    assert.equal(r.status, 400, query);
    assert.equal(r.json.error.field, field, query);
  }
  const toolless = await call("GET", "/api/v1/pictures/floor_bridge?tool=foam_roller", { as: null });
  assert.equal(toolless.status, 400);
  assert.match(toolless.json.error.message, /no rolling tool/);
});

test("screening: refer, caution, clear", async () => {
  assert.equal((await ok("POST", "/api/v1/screenings", { body: { answers: { bleeding_disorder: true } } })).verdict, "refer");
  const c = await ok("POST", "/api/v1/screenings", { body: { answers: { varicose_veins: true } } });
  assert.equal(c.verdict, "caution");
  assert.ok(c.excluded_regions.includes("calf"));
  assert.equal((await ok("POST", "/api/v1/screenings", { body: {} })).verdict, "clear");
});

test("plans: the CLI contract", async () => {
  const plan = await ok("POST", "/api/v1/plans", { body: profile });
  assert.deepEqual(plan.phases.map((p) => p.phase), ["inhibit", "lengthen"]);
  const refer = await ok("POST", "/api/v1/plans", { body: { ...profile, screening: { answers: { kidney_failure: true } } } });
  assert.equal(refer.phases.flatMap((p) => p.items).filter((i) => i.kind === "smr").length, 0);
});

test("guest: a screening and a plan without an account, nothing kept", async () => {
  const refer = await ok("POST", "/api/v1/guest/screening", { as: null, body: { answers: { bleeding_disorder: true } } });
  assert.equal(refer.verdict, "refer");
  const plan = await ok("POST", "/api/v1/guest/plans", { as: null, body: { ...profile, screening: { answers: { varicose_veins: true } } } });
  assert.equal(plan.screening.verdict, "caution");
  assert.ok(!plan.phases.flatMap((p) => p.items).some((i) => i.id === "calves_roll"), "the excluded calf is not rolled");
  const bad = await call("POST", "/api/v1/guest/plans", { as: null, body: { targets: ["elbow_of_doom"] } });
  assert.equal(bad.status, 400);
});

test("sessions: start, idempotent start, events, duplicates, read back", async () => {
  const plan = await ok("POST", "/api/v1/plans", { body: { ...profile, targets: ["calf"] } });
  const clientId = "t-" + Date.now();
  const created = await call("POST", "/api/v1/sessions", { body: { plan, client_id: clientId, started_at_ms: Date.now() } });
  assert.equal(created.status, 201);
  const again = await call("POST", "/api/v1/sessions", { body: { plan, client_id: clientId } });
  assert.equal(again.status, 200);
  assert.equal(again.json.id, created.json.id);
  const id = created.json.id;
  const events = [
    { id: "a1", t: 0, type: "start" },
    { id: "a2", t: 4, type: "in_position" },
    { id: "a3", t: 12, type: "found", tenderness: 7 },
    { id: "a4", t: 20, type: "eased", tenderness: 4 },
    { id: "a5", t: 22, type: "found", tenderness: 6 },
    { id: "a6", t: 62, type: "eased", tenderness: 2 },
  ];
  const r1 = await ok("POST", `/api/v1/sessions/${id}/events`, { body: { events } });
  assert.equal(r1.accepted, 6);
  assert.equal(r1.rejected.length, 0);
  // Eased at 8 s of hold is the person's choice: kept as an early release, not refused.
  assert.deepEqual(r1.holds.map((h) => [h.outcome, h.hold_s, h.spot]), [["released_early", 8, 1], ["eased", 40, 2]]);
  // Resending the whole batch (a flaky connection) changes nothing.
  const r2 = await ok("POST", `/api/v1/sessions/${id}/events`, { body: { events } });
  assert.equal(r2.accepted, 0);
  assert.equal(r2.duplicates, 6);
  assert.equal(r2.session.events, 6);
  const s = await ok("GET", `/api/v1/sessions/${id}`);
  assert.equal(s.holds.length, 2, "two holds, however often the batch was sent");
  assert.equal(s.state, "eased");
  assert.equal(s.events, 6);
  // Finish: quit ends the session as stopped.
  const r3 = await ok("POST", `/api/v1/sessions/${id}/events`, { body: { events: [{ id: "a7", t: 70, type: "quit" }] } });
  assert.equal(r3.session.status, "stopped");
  const history = await ok("GET", "/api/v1/history");
  assert.ok(history.some((h) => h.id === id && h.holds.length === 2));
  const progress = await ok("GET", "/api/v1/progress");
  assert.ok(progress.muscles.some((m) => m.id === "soleus" && m.sessions >= 1));
});

test("assets: the app shell with a CSP, revalidated by ETag", async () => {
  const r = await call("GET", "/");
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /text\/html/);
  assert.match(r.headers.get("content-security-policy"), /default-src 'self'/);
  const etag = r.headers.get("etag");
  const again = await call("GET", "/", { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304);
  const deep = await call("GET", "/some/app/route");
  assert.equal(deep.status, 200, "unknown app paths get the shell");
  const head = await fetch(process.env.UNKNOT_URL + "/healthz", { method: "HEAD" });
  assert.equal(head.status, 200);
});
