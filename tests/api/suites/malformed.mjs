// At least 100 bad requests: malformed, oversized, wrong-type, unknown-id and wrong-method.
// Every one must be a 4xx with the error shape and a message that says what is wrong; the
// server must stay up and keep answering good requests.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { base, call, ok } from "../client.mjs";
import { profile } from "./endpoints.mjs";

const cases = [];
const add = (name, method, path, opts, status, messagePart) => cases.push({ name, method, path, opts, status, messagePart });

// Malformed JSON bodies.
const broken = ["", "{", "}", "[", "{\"targets\": [\"calf\"]", "{'targets': ['calf']}", "{\"targets\": [\"calf\",]}", "nul", "{\"a\":1}{}",
  "\u0000", "{\"targets\": [\"calf\"], \"minutes\": 01}", "{\"targets\": [\"calf\"] \"minutes\": 5}"];
for (const [i, raw] of broken.entries()) {
  add(`plans malformed #${i}`, "POST", "/api/v1/plans", { raw }, 400, "invalid JSON");
  if (i < 6) add(`screenings malformed #${i}`, "POST", "/api/v1/screenings", { raw }, 400, "invalid JSON");
}
// Wrong media type.
for (const ct of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", null]) {
  add(`plans content-type ${ct}`, "POST", "/api/v1/plans", { raw: JSON.stringify(profile), contentType: ct ?? "" }, 415, "application/json");
}
// Wrong types and out-of-range values in a profile.
const wrong = {
  targets: ["calf", 3, null, {}, [], [1], [[]], ["calf", ""], ["CALF"], []],
  minutes: ["15", -5, 0, 241, 2.5, null, true, [], {}, 1e12],
  tools: ["foam_roller", [3], ["roller"], [], null, {}],
  context: [3, "morning", "", null, ["warm_up"]],
  screening: [[], "x", { answers: [] }, { answers: { pregnancy: "yes" } }, { answers: { pregnancy: 1 } }, { answers: { nope: true } },
    { answer: {} }, { answers: { recent_injury: true, recent_injury_regions: "calf" } }, { answers: { recent_injury: true, recent_injury_regions: ["calff"] } },
    { answers: { recent_injury: true, recent_injury_regions: ["upper_back:left"] } }],
  learned_hold_s: [[], { soleus: 10 }, { soleus: 120 }, { soleus: "30" }, { nobody: 40 }],
};
for (const [field, values] of Object.entries(wrong)) {
  for (const v of values) add(`profile ${field}=${JSON.stringify(v)}`, "POST", "/api/v1/plans", { body: { ...profile, [field]: v } }, 400, "");
}
add("profile unknown field", "POST", "/api/v1/plans", { body: { ...profile, colour: "red" } }, 400, "unknown field");
add("profile not an object", "POST", "/api/v1/plans", { body: [profile] }, 400, "expected an object");
add("profile missing targets", "POST", "/api/v1/plans", { body: { minutes: 5 } }, 400, "targets");
add("unknown target with suggestion", "POST", "/api/v1/plans", { body: { ...profile, targets: ["hamstring"] } }, 400, "did you mean");
add("side on unsided region", "POST", "/api/v1/plans", { body: { ...profile, targets: ["upper_back:left"] } }, 400, "no left or right side");
add("screening answers wrong type", "POST", "/api/v1/screenings", { body: { answers: { fracture: "no" } } }, 400, "expected true/false");
add("screening unknown condition", "POST", "/api/v1/screenings", { body: { answers: { flu: true } } }, 400, "unknown condition");
add("screening top-level list", "POST", "/api/v1/screenings", { body: [] }, 400, "expected an object");

// Oversized bodies (limit 256 KiB).
const huge = JSON.stringify({ ...profile, targets: Array(60000).fill("calf") });
add("plans oversized", "POST", "/api/v1/plans", { raw: huge }, 413, "larger than");
add("screenings oversized", "POST", "/api/v1/screenings", { raw: "{\"answers\": {\"a\": \"" + "x".repeat(300 * 1024) + "\"}}" }, 413, "larger than");
add("events oversized", "POST", "/api/v1/sessions/1/events", { raw: "[" + " ".repeat(400 * 1024) + "]" }, 413, "larger than");

// Sessions: bad starts.
add("session without plan", "POST", "/api/v1/sessions", { body: {} }, 400, "plan");
add("session plan wrong type", "POST", "/api/v1/sessions", { body: { plan: "calf" } }, 400, "expected an object");
add("session plan without phases", "POST", "/api/v1/sessions", { body: { plan: {} } }, 400, "phases");
add("session plan empty phases", "POST", "/api/v1/sessions", { body: { plan: { phases: [] } } }, 400, "nothing to do");
add("session plan unsafe hold", "POST", "/api/v1/sessions", { body: { plan: { phases: [{ phase: "inhibit", items: [{ kind: "smr", id: "calves_roll", side: "left", hold_min_s: 30, hold_max_s: 300, sets: 1 }] }] } } }, 400, "hold_max_s");
add("session plan unknown technique", "POST", "/api/v1/sessions", { body: { plan: { phases: [{ phase: "inhibit", items: [{ kind: "smr", id: "neck_roll", hold_min_s: 30, hold_max_s: 90, sets: 1 }] }] } } }, 400, "unknown technique");
add("session plan refer with rolling", "POST", "/api/v1/sessions", { body: { plan: { screening: { verdict: "refer" }, phases: [{ phase: "inhibit", items: [{ kind: "smr", id: "calves_roll", side: "left", hold_min_s: 30, hold_max_s: 90, sets: 1 }] }] } } }, 400, "refer");
add("session bad client id", "POST", "/api/v1/sessions", { body: { plan: {}, client_id: "has spaces" } }, 400, "");
add("session unknown field", "POST", "/api/v1/sessions", { body: { plan: {}, colour: 1 } }, 400, "unknown field");
add("session started_at wrong type", "POST", "/api/v1/sessions", { body: { plan: {}, started_at_ms: "now" } }, 400, "");

// Sessions: unknown ids.
for (const id of ["0", "-1", "abc", "999999999", "1e3", "12345678901234567890", "%20"]) {
  add(`get session ${id}`, "GET", `/api/v1/sessions/${id}`, {}, 404, "no session");
  add(`events for session ${id}`, "POST", `/api/v1/sessions/${id}/events`, { body: { events: [] } }, 404, "no session");
}
// Events: bad batches (session 1 exists: created by the endpoint suite or below).
const ev = (e) => ({ body: { events: [e] } });
add("events not a list", "POST", "/api/v1/sessions/1/events", { body: { events: {} } }, 400, "expected a list");
add("events missing", "POST", "/api/v1/sessions/1/events", { body: {} }, 400, "events");
add("event without id", "POST", "/api/v1/sessions/1/events", ev({ t: 1, type: "tick" }), 400, "id");
add("event bad id", "POST", "/api/v1/sessions/1/events", ev({ id: "a b", t: 1, type: "tick" }), 400, "id");
add("event id too long", "POST", "/api/v1/sessions/1/events", ev({ id: "x".repeat(65), t: 1, type: "tick" }), 400, "id");
add("event without t", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", type: "tick" }), 400, "t");
add("event negative t", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: -3, type: "tick" }), 400, "t");
add("event t string", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: "5", type: "tick" }), 400, "t");
add("event unknown type", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: "jump" }), 400, "unknown event");
add("event type number", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: 3 }), 400, "type");
add("event tenderness 11", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: "found", tenderness: 11 }), 400, "tenderness");
add("event tenderness -1", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: "found", tenderness: -1 }), 400, "tenderness");
add("event tenderness string", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: "found", tenderness: "7" }), 400, "tenderness");
add("event unknown field", "POST", "/api/v1/sessions/1/events", ev({ id: "z1", t: 1, type: "tick", mood: "ok" }), 400, "unknown field");
add("too many events", "POST", "/api/v1/sessions/1/events", { body: { events: Array.from({ length: 1001 }, (_, i) => ({ id: `q${i}`, t: 1, type: "tick" })) } }, 400, "at most 1000");

// Unknown ids on catalog reads.
for (const p of ["/api/v1/techniques/nope", "/api/v1/techniques/CALVES_ROLL", "/api/v1/stretches/nope", "/api/v1/learn/nope", "/api/v1/learn/..%2F..%2Fetc%2Fpasswd"])
  add(`unknown ${p}`, "GET", p, {}, 404, "no ");
// Unknown endpoints and files.
for (const p of ["/api/v1/nothing", "/api/v2/plans", "/api/v1/techniques/calves_roll/extra", "/nope.js", "/api/v1/"])
  add(`unknown path ${p}`, "GET", p, {}, 404, "no such");
// Wrong methods on every endpoint.
const wrongMethods = [
  ["DELETE", "/api/v1/plans"], ["GET", "/api/v1/plans"], ["PUT", "/api/v1/plans"], ["GET", "/api/v1/screenings"], ["PATCH", "/api/v1/screenings"],
  ["POST", "/api/v1/techniques"], ["DELETE", "/api/v1/techniques/calves_roll"], ["POST", "/api/v1/learn"], ["PUT", "/api/v1/stretches"],
  ["GET", "/api/v1/sessions"], ["DELETE", "/api/v1/sessions/1"], ["GET", "/api/v1/sessions/1/events"], ["PUT", "/api/v1/sessions/1/events"],
  ["POST", "/api/v1/history"], ["POST", "/api/v1/progress"], ["POST", "/healthz"], ["DELETE", "/healthz"], ["POST", "/api/v1/openapi.json"],
  ["POST", "/"], ["DELETE", "/index.html"], ["POST", "/api/v1/goals"], ["POST", "/api/v1/regions"],
];
for (const [m, p] of wrongMethods) add(`${m} ${p}`, m, p, m === "GET" || m === "DELETE" ? {} : { body: {} }, 405, "not allowed");

test(`at least 100 bad requests are listed (${cases.length})`, () => {
  assert.ok(cases.length >= 100, `only ${cases.length}`);
});

test("a session exists for the event cases", async () => {
  const plan = await ok("POST", "/api/v1/plans", { body: { ...profile, targets: ["calf"] } });
  await call("POST", "/api/v1/sessions", { body: { plan, client_id: "malformed-suite" } });
  const s = await ok("GET", "/api/v1/sessions/1");
  assert.equal(s.id, 1);
});

for (const c of cases) {
  test(`bad request: ${c.name} -> ${c.status}`, async () => {
    const r = await call(c.method, c.path, c.opts);
    assert.equal(r.status, c.status, `${c.method} ${c.path}: ${r.text.slice(0, 300)}`);
    if (c.method !== "HEAD") {
      assert.ok(r.json && r.json.error, `error JSON expected: ${r.text.slice(0, 200)}`);
      assert.ok(r.json.error.message.length > 8, "a message that says what is wrong");
      if (c.messagePart) assert.ok(r.json.error.message.includes(c.messagePart) || (r.json.error.field || "").includes(c.messagePart),
        `message should mention "${c.messagePart}": ${JSON.stringify(r.json.error)}`);
    }
  });
}

test("garbage on the socket gets 400 and the connection closes", async () => {
  const url = new URL(base);
  const reply = await new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => s.write("THIS IS NOT HTTP\r\n\r\n"));
    let data = "";
    s.on("data", (d) => (data += d));
    s.on("end", () => resolve(data));
    s.on("error", reject);
    setTimeout(() => resolve(data), 3000);
  });
  assert.match(reply, /^HTTP\/1\.1 400/);
});

test("the server is still up and answers good requests", async () => {
  assert.equal((await ok("GET", "/healthz")).status, "ok");
  const plan = await ok("POST", "/api/v1/plans", { body: profile });
  assert.ok(plan.total_seconds > 0);
});
