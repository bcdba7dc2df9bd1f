// At least 100 bad requests: malformed, oversized, wrong-type, unknown-id and wrong-method.
// Every one must be a 4xx with the error shape and a message that says what is wrong; the
// server must stay up and keep answering good requests.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { base, call, ok } from "../client.mjs";
import { profile } from "./endpoints.mjs";

const cases = [];
const add = (name, method, path, opts, status, messagePart, todo) => cases.push({ name, method, path, opts, status, messagePart, todo });

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
for (const p of ["/api/v1/techniques/nope", "/api/v1/techniques/CALVES_ROLL", "/api/v1/stretches/nope", "/api/v1/learn/nope", "/api/v1/learn/..%2F..%2Fetc%2Fpasswd",
  "/api/v1/learn/diagrams/nope.svg", "/api/v1/learn/diagrams/autogenic-inhibition", "/api/v1/learn/diagrams/..%2Fhow-to-roll.md"])
  add(`unknown ${p}`, "GET", p, {}, 404, "no ");
// Unknown endpoints and files.
for (const p of ["/api/v1/nothing", "/api/v2/plans", "/api/v1/techniques/calves_roll/extra", "/nope.js", "/api/v1/"])
  add(`unknown path ${p}`, "GET", p, {}, 404, "no such");
// Accounts: every body-taking endpoint with broken JSON, the wrong media type, the wrong shape and
// wrong types. None of these may create, change or delete anything. `as: null` sends no
// credentials; the rest act as the owner (signed in by suites/setup.mjs).
const pw = "a long enough passphrase";
const accountBodies = [
  ["setup", "POST", "/api/v1/setup", null, { email: "x@example.org", name: "X", password: pw }],
  ["signup", "POST", "/api/v1/signup", null, { email: "x@example.org", name: "X", password: pw }],
  ["login", "POST", "/api/v1/login", null, { email: "x@example.org", password: pw }],
  ["password-reset", "POST", "/api/v1/password-reset", null, { token: "abc", password: pw }],
  ["password", "POST", "/api/v1/password", "owner", { current: "not the password", password: pw }],
  ["tokens", "POST", "/api/v1/tokens", "owner", { name: "t" }],
  ["me", "DELETE", "/api/v1/me", "owner", { password: "not the password" }],
  ["users", "POST", "/api/v1/users", "owner", { email: "x@example.org", name: "X", password: pw, role: "self" }],
  ["assignments", "POST", "/api/v1/assignments", "owner", { profile }],
  ["invites", "POST", "/api/v1/invites", "owner", { note: "n" }],
];
for (const [name, method, path, as, good] of accountBodies) {
  for (const [i, raw] of broken.slice(1, 6).entries()) add(`${name} malformed #${i}`, method, path, { as, raw }, 400, "invalid JSON");
  add(`${name} content-type text/plain`, method, path, { as, raw: JSON.stringify(good), contentType: "text/plain" }, 415, "application/json");
  add(`${name} not an object`, method, path, { as, body: [good] }, 400, "expected an object");
  add(`${name} unknown field`, method, path, { as, body: { ...good, colour: "red" } }, 400, "unknown field");
  add(`${name} oversized`, method, path, { as, raw: JSON.stringify({ ...good, x: "y".repeat(300 * 1024) }) }, 413, "larger than");
  for (const key of Object.keys(good).filter((k) => k !== "note")) {
    add(`${name} ${key} missing`, method, path, { as, body: { ...good, [key]: undefined } }, 400, "missing: send");
    add(`${name} ${key} a number`, method, path, { as, body: { ...good, [key]: 42 } }, 400, key);
  }
}
const long = (n) => "x".repeat(n);
add("signup email too long", "POST", "/api/v1/signup", { as: null, body: { email: long(250) + "@example.org", name: "X", password: pw } }, 400, "email");
add("signup password too long", "POST", "/api/v1/signup", { as: null, body: { email: "x@example.org", name: "X", password: long(4097) } }, 400, "too long");
add("signup invite too long", "POST", "/api/v1/signup", { as: null, body: { email: "x@example.org", name: "X", password: pw, invite: long(101) } }, 400, "too long");
add("signup role unknown", "POST", "/api/v1/signup", { as: null, body: { email: "x@example.org", name: "X", password: pw, role: "coach" } }, 400, "role");
add("signup role null", "POST", "/api/v1/signup", { as: null, body: { email: "x@example.org", name: "X", password: pw, role: null } }, 400, "role");
add("login email too long", "POST", "/api/v1/login", { as: null, body: { email: long(300), password: pw } }, 400, "too long");
add("login password null", "POST", "/api/v1/login", { as: null, body: { email: "x@example.org", password: null } }, 400, "password");
add("password-reset token too long", "POST", "/api/v1/password-reset", { as: null, body: { token: long(101), password: pw } }, 400, "too long");
for (const days of [0, 367, -1, 2.5, "30", null, 1e300])
  add(`tokens days=${days}`, "POST", "/api/v1/tokens", { body: { name: "t", days } }, 400, "days");
add("tokens name blank", "POST", "/api/v1/tokens", { body: { name: "  " } }, 400, "name");
add("tokens name too long", "POST", "/api/v1/tokens", { body: { name: long(101) } }, 400, "too long");
add("revoke unknown token", "DELETE", "/api/v1/tokens/0123456789abcdef", {}, 404, "no API token");
add("users role client", "POST", "/api/v1/users", { body: { email: "x@example.org", name: "X", password: pw, role: "client" } }, 400, "role");
add("users role unknown", "POST", "/api/v1/users", { body: { email: "x@example.org", name: "X", password: pw, role: "root" } }, 400, "role");
add("users weak password", "POST", "/api/v1/users", { body: { email: "x@example.org", name: "X", password: "short", role: "self" } }, 400, "password");
add("invites note too long", "POST", "/api/v1/invites", { body: { note: long(201) } }, 400, "at most 200");
add("invites note a list", "POST", "/api/v1/invites", { body: { note: ["n"] } }, 400, "note");
add("assignments note too long", "POST", "/api/v1/assignments", { body: { profile, note: long(501) } }, 400, "at most 500");
add("assignments profile wrong type", "POST", "/api/v1/assignments", { body: { profile: [] } }, 400, "profile");
add("assignments profile bad target", "POST", "/api/v1/assignments", { body: { profile: { ...profile, targets: ["calff"] } } }, 400, "profile.targets[0]");
add("assignments client not an id", "POST", "/api/v1/assignments?client=abc", { body: { profile } }, 400, "client");
add("assignments client nobody's", "POST", "/api/v1/assignments?client=987654", { body: { profile } }, 403, "trainer");
for (const [p, bad] of [["/api/v1/history", "abc"], ["/api/v1/progress", "-1"], ["/api/v1/screenings", "0"], ["/api/v1/assessments", "1.5"],
  ["/api/v1/assignments", "99999999999999999999"], ["/api/v1/history", "1%20"]])
  add(`GET ${p}?client=${bad}`, "GET", `${p}?client=${bad}`, {}, 400, "client");
add("screening for client=x", "POST", "/api/v1/screenings?client=x", { body: {} }, 400, "client");
add("session for client=0", "POST", "/api/v1/sessions?client=0", { body: { plan: {} } }, 400, "client");
add("assessment for a stranger", "POST", "/api/v1/assessments?client=987654", { body: { findings: [] } }, 403, "trainer");
for (const id of ["abc", "0", "-1", "987654", "%20"]) {
  add(`end coaching ${id}`, "DELETE", `/api/v1/clients/${id}`, {}, 404, "no client");
  add(`reset link for user ${id}`, "POST", `/api/v1/users/${id}/password-reset`, {}, 404, "no user");
}
for (const t of ["abc", "x".repeat(300), "%00"]) add(`invite ${t.slice(0, 10)}`, "GET", `/api/v1/invites/${t}`, { as: null }, 404, "not valid");
add("accept an invite as an administrator", "POST", "/api/v1/invites/abc/accept", {}, 409, "cannot become clients");
add("leave a trainer I do not have", "DELETE", "/api/v1/trainer", {}, 404, "no trainer");
// Not signed in: refused before the body is even read.
add("plans not signed in, broken body", "POST", "/api/v1/plans", { as: null, raw: "{" }, 401, "sign in");
add("tokens not signed in", "POST", "/api/v1/tokens", { as: null, body: { name: "t" } }, 401, "sign in");
add("me not signed in", "DELETE", "/api/v1/me", { as: null, body: {} }, 401, "sign in");
add("events not signed in", "POST", "/api/v1/sessions/1/events", { as: null, raw: "[" }, 401, "sign in");
add("bad bearer token", "GET", "/api/v1/goals", { as: null, headers: { authorization: "Bearer unk_nonsense" } }, 401, "API token");
add("empty bearer token", "GET", "/api/v1/history", { as: null, headers: { authorization: "Bearer " } }, 401, "sign in");

// Wrong methods on every endpoint.
const wrongMethods = [
  ["DELETE", "/api/v1/plans"], ["GET", "/api/v1/plans"], ["PUT", "/api/v1/plans"], ["DELETE", "/api/v1/screenings"], ["PATCH", "/api/v1/screenings"],
  ["POST", "/api/v1/techniques"], ["DELETE", "/api/v1/techniques/calves_roll"], ["POST", "/api/v1/learn"], ["PUT", "/api/v1/stretches"],
  ["GET", "/api/v1/sessions"], ["DELETE", "/api/v1/sessions/1"], ["GET", "/api/v1/sessions/1/events"], ["PUT", "/api/v1/sessions/1/events"],
  ["POST", "/api/v1/history"], ["POST", "/api/v1/progress"], ["POST", "/healthz"], ["DELETE", "/healthz"], ["POST", "/api/v1/openapi.json"],
  ["POST", "/"], ["DELETE", "/index.html"], ["POST", "/api/v1/goals"], ["POST", "/api/v1/regions"],
  // Accounts, trainers and clients.
  ["PUT", "/api/v1/auth"], ["GET", "/api/v1/setup"], ["GET", "/api/v1/signup"], ["GET", "/api/v1/login"], ["DELETE", "/api/v1/logout"],
  ["GET", "/api/v1/password"], ["GET", "/api/v1/password-reset"], ["PUT", "/api/v1/tokens"], ["GET", "/api/v1/tokens/abc"],
  ["POST", "/api/v1/export"], ["GET", "/api/v1/me"], ["POST", "/api/v1/audit"], ["PUT", "/api/v1/invites"], ["PATCH", "/api/v1/invites/abc"],
  ["GET", "/api/v1/invites/abc/accept"], ["POST", "/api/v1/clients"], ["GET", "/api/v1/clients/1"], ["GET", "/api/v1/trainer"],
  ["POST", "/api/v1/dashboard"], ["DELETE", "/api/v1/users"], ["GET", "/api/v1/users/1/password-reset"], ["PATCH", "/api/v1/assignments"],
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
      if (!c.todo) assert.ok(r.json.error.message.length > 8, "a message that says what is wrong");
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
