// Accounts, roles, trainers and clients (docs/accounts.md): every account operation on its happy
// path, the trainer/client flow end to end, and the refusals with their documented codes.
// Runs after the other suites: its last test exhausts this address's failed-login allowance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bearer, call, fails, identity, ok, secret } from "../client.mjs";
import { owner } from "./setup.mjs";

const person = (email, name, extra = {}) => ({ email, name, password: secret(`${name.toLowerCase()} rolls slowly 2024`), ...extra });
const tara = person("tara@example.org", "Tara Trainer", { role: "trainer" });
const cody = person("cody@example.org", "Cody Client");
const sam = person("sam@example.org", "Sam Solo");
const stan = person("stan@example.org", "Stan Stranger", { role: "self" });
const lee = person("lee@example.org", "Lee Locked", { role: "self" });
const ids = {};
let invite, codySession;

const hamstrings = { screening: { answers: { varicose_veins: true } }, targets: ["hamstrings"], minutes: 15, tools: ["foam_roller"], context: "daily" };

async function signup(as, body) {
  const r = await call("POST", "/api/v1/signup", { as, body });
  assert.equal(r.status, 201, r.text);
  assert.ok(identity(as).cookie && identity(as).csrf, "signed in at once");
  return r.json.user;
}

test("sign-up refuses bad input, naming the field", async () => {
  const base = person("new@example.org", "New Person");
  for (const [body, field] of [
    [{ ...base, email: "not-an-email" }, "email"],
    [{ ...base, email: "someone@localhost" }, "email"],
    [{ ...base, email: "" }, "email"],
    [{ ...base, email: "two words@example.org" }, "email"],
    [{ ...base, email: 42 }, "email"],
    [{ ...base, password: "short" }, "password"],
    [{ ...base, password: "aaaaaaaaaaaaaaaa" }, "password"],
    [{ ...base, password: "New@Example.org" }, "password"],
    [{ ...base, password: "x".repeat(257) }, "password"],
    // Characters, not bytes; and the passwords guessed first (issue 12, item 3).
    [{ ...base, password: "\u{1F600}\u{1F600}\u{1F600}" }, "password"],
    [{ ...base, password: "é".repeat(12) }, "password"],
    ...["password1234", "123456789012", "qwertyuiopas", "Password123!"].map((password) => [{ ...base, password }, "password"]),
    [{ ...base, name: "   " }, "name"],
    [{ ...base, name: "bell\u0007" }, "name"],
    [{ ...base, name: "n".repeat(101) }, "name"],
    [{ ...base, role: "admin" }, "role"],
    [{ ...base, role: "client" }, "role"],
    [{ ...base, role: 3 }, "role"],
    [{ ...base, role: "trainer", invite: "abc" }, "invite"],
    [{ ...base, colour: "red" }, "colour"],
    [{ email: base.email, name: base.name }, "password"],
    [{ name: base.name, password: base.password }, "email"],
  ]) {
    const r = await call("POST", "/api/v1/signup", { as: null, body });
    assert.equal(r.status, 400, `${JSON.stringify(body).slice(0, 120)}: ${r.text}`);
    assert.equal(r.json.error.code, "invalid");
    assert.equal(r.json.error.field, field, `${JSON.stringify(body).slice(0, 120)}: ${r.text}`);
    assert.ok(r.json.error.message.length > 8, r.text);
  }
  await fails("POST", "/api/v1/signup", { as: null, body: { ...base, invite: "no-such-invite-token" } }, 410, "invite_unusable", "invite");
  await fails("POST", "/api/v1/login", { as: null, body: { email: base.email, password: base.password } }, 401, "wrong_credentials");
});

test("sign up as a trainer and as people rolling on their own", async () => {
  const t = await signup("tara", tara);
  assert.equal(t.role, "trainer");
  assert.equal(t.trainer, null);
  ids.tara = t.id;
  const s = await signup("stan", stan);
  assert.equal(s.role, "self");
  ids.stan = s.id;
  ids.sam = (await signup("sam", sam)).id;
  assert.equal(identity("sam").user.role, "self", "self unless said otherwise");
  // One account per email, however it is typed.
  // Issue 12: a taken email is refused without saying it is taken.
  const taken = await fails("POST", "/api/v1/signup", { as: null, body: { ...stan, email: "  STAN@Example.ORG " } }, 409, "signup_refused", "email");
  assert.doesNotMatch(taken.text, /taken|exists|already/);
  const auth = await ok("GET", "/api/v1/auth", { as: "tara" });
  assert.equal(auth.user.email, tara.email);
  assert.equal(auth.csrf, identity("tara").csrf);
});

test("login and logout: the same answer for a wrong password and an unknown email", async () => {
  const signedIn = await ok("POST", "/api/v1/login", { as: "owner-laptop", body: { email: owner.email.toUpperCase(), password: owner.password } });
  assert.equal(signedIn.user.role, "admin");
  assert.ok(signedIn.csrf && signedIn.csrf !== identity("owner").csrf, "each login session has its own CSRF value");
  const wrong = await fails("POST", "/api/v1/login", { as: null, body: { email: owner.email, password: "not the owner password" } }, 401, "wrong_credentials");
  const unknown = await fails("POST", "/api/v1/login", { as: null, body: { email: "nobody@example.org", password: "not the owner password" } }, 401, "wrong_credentials");
  assert.equal(wrong.json.error.message, unknown.json.error.message);

  // Behind a TLS proxy the cookie is Secure.
  const tls = await call("POST", "/api/v1/login", { as: "owner-tls", body: { email: owner.email, password: owner.password }, headers: { "x-forwarded-proto": "https" } });
  assert.equal(tls.status, 200);
  assert.match(tls.headers.getSetCookie().join("\n"), /unknot_session=[^;]+;.*Secure/);
  await ok("POST", "/api/v1/logout", { as: "owner-tls" });

  const old = identity("owner-laptop").cookie;
  const out = await call("POST", "/api/v1/logout", { as: "owner-laptop" });
  assert.equal(out.status, 200);
  assert.deepEqual(out.json, { signed_out: true });
  assert.match(out.headers.getSetCookie().join("\n"), /unknot_session=;.*Max-Age=0/);
  assert.equal(identity("owner-laptop").cookie, null, "the jar dropped the cleared cookie");
  // The old cookie is now worth nothing.
  const stale = await ok("GET", "/api/v1/auth", { as: null, headers: { cookie: `unknot_session=${old}` } });
  assert.equal(stale.user, null);
  await fails("GET", "/api/v1/history", { as: null, headers: { cookie: `unknot_session=${old}` } }, 401, "unauthenticated");
  // The owner's own session is untouched.
  assert.equal((await ok("GET", "/api/v1/auth")).user.email, owner.email);
});

test("CSRF: a write signed with the cookie needs the X-CSRF-Token header", async () => {
  const plan = { body: { targets: ["calf"] } };
  await fails("POST", "/api/v1/plans", { ...plan, csrf: false }, 403, "csrf");
  await fails("POST", "/api/v1/plans", { ...plan, headers: { "x-csrf-token": "wrong" } }, 403, "csrf");
  // Another login session's value is no good either.
  await fails("POST", "/api/v1/plans", { ...plan, headers: { "x-csrf-token": identity("tara").csrf } }, 403, "csrf");
  await fails("POST", "/api/v1/screenings", { body: {}, csrf: false }, 403, "csrf");
  await fails("POST", "/api/v1/tokens", { body: { name: "sneaky" }, csrf: false }, 403, "csrf");
  await fails("DELETE", "/api/v1/me", { body: { password: "not the owner password" }, csrf: false }, 403, "csrf");
  await fails("POST", "/api/v1/logout", { csrf: false }, 403, "csrf");
  assert.equal((await ok("GET", "/api/v1/auth")).user.email, owner.email, "still signed in");
  assert.ok((await ok("POST", "/api/v1/plans", plan)).phases.length > 0, "with the header it works");
});

test("cross-origin writes are refused, same-origin ones pass", async () => {
  const evil = { origin: "http://evil.example" };
  await fails("POST", "/api/v1/plans", { body: { targets: ["calf"] }, headers: evil }, 403, "cross_origin");
  await fails("POST", "/api/v1/login", { as: null, body: { email: owner.email, password: owner.password }, headers: evil }, 403, "cross_origin");
  await fails("POST", "/api/v1/signup", { as: null, body: person("evil@example.org", "Evil Eve"), headers: evil }, 403, "cross_origin");
  await fails("POST", "/api/v1/setup", { as: null, body: owner, headers: evil }, 403, "cross_origin");
  await fails("POST", "/api/v1/password-reset", { as: null, body: { token: "x", password: "a new long passphrase" }, headers: evil }, 403, "cross_origin");
  // The port is part of the origin.
  const url = new URL(process.env.UNKNOT_URL);
  await fails("POST", "/api/v1/plans", { body: { targets: ["calf"] }, headers: { origin: `http://${url.hostname}:1` } }, 403, "cross_origin");
  assert.ok((await ok("POST", "/api/v1/plans", { body: { targets: ["calf"] }, headers: { origin: url.origin } })).phases.length > 0);
});

test("personal API tokens: shown once, no CSRF needed, revocable", async () => {
  const created = await call("POST", "/api/v1/tokens", { body: { name: "backup script", days: 30 } });
  assert.equal(created.status, 201, created.text);
  const t = created.json;
  secret(t.token);
  assert.match(t.token, /^unk_/);
  assert.equal(t.name, "backup script");
  const days = (t.expires_unix_ms - t.created_unix_ms) / 86_400_000;
  assert.ok(Math.abs(days - 30) < 0.01, `30 days, got ${days}`);
  const defaulted = await ok("POST", "/api/v1/tokens", { body: { name: "phone" } });
  secret(defaulted.token);
  assert.ok(Math.abs((defaulted.expires_unix_ms - defaulted.created_unix_ms) / 86_400_000 - 90) < 0.01, "90 days by default");

  const list = await ok("GET", "/api/v1/tokens");
  assert.deepEqual(list.map((x) => x.id).sort(), [t.id, defaulted.id].sort());
  assert.ok(list.every((x) => !("token" in x)), "the secret is never shown again");

  bearer("owner-script", t.token);
  const auth = await ok("GET", "/api/v1/auth", { as: "owner-script" });
  assert.equal(auth.user.email, owner.email);
  assert.equal(auth.csrf, null, "no CSRF for API tokens");
  assert.ok((await ok("POST", "/api/v1/plans", { as: "owner-script", body: { targets: ["calf"] } })).phases.length > 0);
  assert.ok(Array.isArray(await ok("GET", "/api/v1/history", { as: "owner-script" })));
  // Someone else's token ids are not theirs to revoke.
  await fails("DELETE", `/api/v1/tokens/${t.id}`, { as: "tara" }, 404, "not_found", "id");

  assert.deepEqual(await ok("DELETE", `/api/v1/tokens/${t.id}`), { revoked: true });
  await fails("DELETE", `/api/v1/tokens/${t.id}`, {}, 404, "not_found", "id");
  await fails("GET", "/api/v1/history", { as: "owner-script" }, 401, "unauthenticated");
  // A bad token is refused everywhere, even where no sign-in is needed.
  await fails("GET", "/api/v1/techniques", { as: "owner-script" }, 401, "unauthenticated");
  await fails("GET", "/api/v1/auth", { as: "owner-script" }, 401, "unauthenticated");
  assert.deepEqual((await ok("GET", "/api/v1/tokens")).map((x) => x.id), [defaulted.id]);
});

test("a trainer invites a client, who signs up with the single-use link", async () => {
  const r = await call("POST", "/api/v1/invites", { as: "tara", body: { note: "for Cody" } });
  assert.equal(r.status, 201, r.text);
  invite = secret(r.json.token);
  assert.ok(r.json.url.endsWith(`/#/invite/${invite}`), r.json.url);
  assert.ok(Math.abs((r.json.expires_unix_ms - Date.now()) / 86_400_000 - 7) < 0.01, "valid 7 days");

  const info = await ok("GET", `/api/v1/invites/${invite}`, { as: null });
  assert.equal(info.trainer, "Tara Trainer");
  assert.equal(info.usable, true);
  await fails("GET", "/api/v1/invites/not-an-invite", { as: null }, 404, "not_found", "token");

  const c = await signup("cody", { ...cody, invite });
  assert.equal(c.role, "client");
  assert.deepEqual(c.trainer, { id: ids.tara, name: "Tara Trainer" });
  ids.cody = c.id;

  // Single use.
  await fails("POST", "/api/v1/signup", { as: null, body: { ...person("late@example.org", "Late Comer"), invite } }, 410, "invite_unusable", "invite");
  await fails("POST", `/api/v1/invites/${invite}/accept`, { as: "stan" }, 410, "invite_unusable", "token");
  assert.equal((await ok("GET", `/api/v1/invites/${invite}`, { as: null })).usable, false);
  await fails("POST", "/api/v1/login", { as: null, body: { email: "late@example.org", password: "late comer rolls slowly 2024" } }, 401, "wrong_credentials");

  const clients = await ok("GET", "/api/v1/clients", { as: "tara" });
  assert.equal(clients.length, 1);
  assert.equal(clients[0].id, ids.cody);
  assert.equal(clients[0].email, cody.email);
});

test("the trainer screens and assesses the client with ?client=", async () => {
  const s = await ok("POST", `/api/v1/screenings?client=${ids.cody}`, { as: "tara", body: { answers: { varicose_veins: true } } });
  assert.equal(s.verdict, "caution");
  assert.equal(s.by, ids.tara);
  const theirs = await ok("GET", `/api/v1/screenings?client=${ids.cody}`, { as: "tara" });
  assert.equal(theirs[0].id, s.id);
  const mine = await ok("GET", "/api/v1/screenings", { as: "cody" });
  assert.deepEqual(mine.map((x) => x.id), [s.id], "the client sees the screening their trainer recorded");
  assert.deepEqual(await ok("GET", "/api/v1/screenings", { as: "tara" }), [], "not in the trainer's own record");

  const first = await call("POST", `/api/v1/assessments?client=${ids.cody}`, { as: "tara", body: { findings: [{ id: "knees_move_inward" }, { id: "feet_turn_out" }] } });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.changes, null);
  const second = await call("POST", `/api/v1/assessments?client=${ids.cody}`, { as: "tara", body: { findings: [{ id: "knees_move_inward" }] } });
  assert.equal(second.status, 201);
  assert.deepEqual(second.json.changes.resolved, [{ id: "feet_turn_out" }]);
  const list = await ok("GET", `/api/v1/assessments?client=${ids.cody}`, { as: "tara" });
  assert.deepEqual(list.map((a) => a.id), [second.json.id, first.json.id]);
  assert.equal((await ok("GET", "/api/v1/assessments", { as: "cody" })).length, 2);
});

test("the trainer assigns a routine; the client sees it", async () => {
  const r = await call("POST", `/api/v1/assignments?client=${ids.cody}`, { as: "tara", body: { profile: hamstrings, note: "every other day" } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.note, "every other day");
  assert.ok(r.json.plan.phases.length > 0);
  assert.equal(r.json.plan.screening.verdict, "caution", "the safety rules apply to assigned routines too");

  const mine = await ok("GET", "/api/v1/assignments", { as: "cody" });
  assert.equal(mine.length, 1);
  assert.equal(mine[0].id, r.json.id);
  assert.equal(mine[0].trainer, "Tara Trainer");
  assert.deepEqual(mine[0].profile, hamstrings);
  assert.deepEqual(mine[0].plan, r.json.plan);
  assert.equal((await ok("GET", `/api/v1/assignments?client=${ids.cody}`, { as: "tara" })).length, 1);
  assert.deepEqual(await ok("GET", "/api/v1/assignments", { as: "stan" }), []);

  await fails("POST", `/api/v1/assignments?client=${ids.cody}`, { as: "stan", body: { profile: hamstrings } }, 403, "forbidden");
  await fails("POST", `/api/v1/assignments?client=${ids.stan}`, { as: "tara", body: { profile: hamstrings } }, 403, "forbidden", "client");
  await fails("POST", `/api/v1/assignments?client=${ids.cody}`, { as: "tara", body: { note: "no profile" } }, 400, "invalid", "profile");
});

test("the client records a session; the trainer follows it and the dashboard shows it", async () => {
  const [assignment] = await ok("GET", "/api/v1/assignments", { as: "cody" });
  const created = await call("POST", "/api/v1/sessions", { as: "cody", body: { plan: assignment.plan, client_id: "cody-1" } });
  assert.equal(created.status, 201, created.text);
  codySession = created.json.id;
  const events = [
    { id: "c1", t: 0, type: "start" },
    { id: "c2", t: 4, type: "in_position" },
    { id: "c3", t: 12, type: "found", tenderness: 6 },
    { id: "c4", t: 50, type: "eased", tenderness: 3 },
    { id: "c5", t: 60, type: "quit" },
  ];
  const r = await ok("POST", `/api/v1/sessions/${codySession}/events`, { as: "cody", body: { events } });
  assert.equal(r.accepted, 5);
  assert.equal(r.holds.length, 1);
  assert.equal(r.session.status, "stopped");

  const history = await ok("GET", `/api/v1/history?client=${ids.cody}`, { as: "tara" });
  assert.deepEqual(history.map((h) => h.id), [codySession]);
  assert.ok((await ok("GET", `/api/v1/progress?client=${ids.cody}`, { as: "tara" })).sessions >= 1);
  assert.equal((await ok("GET", `/api/v1/sessions/${codySession}`, { as: "tara" })).holds.length, 1, "a trainer may open their client's session");
  assert.deepEqual(await ok("GET", "/api/v1/history", { as: "tara" }), [], "the trainer's own history is their own");

  const dash = await ok("GET", "/api/v1/dashboard", { as: "tara" });
  assert.match(dash.today, /^\d{4}-\d{2}-\d{2}$/);
  const row = dash.clients.find((c) => c.client.id === ids.cody);
  assert.ok(row, JSON.stringify(dash));
  assert.equal(row.client.name, "Cody Client");
  assert.ok(row.last_session_unix_ms > 0);
  assert.equal(row.days_since_last, 0);
  assert.ok(row.sessions_per_week > 0);
  assert.equal(row.streak, 1);
  assert.equal(row.screening, "caution");
  assert.deepEqual(row.reassessment.resolved, [{ id: "feet_turn_out" }]);
  assert.equal(row.tender_spots.recent, 1);
  assert.equal(row.tenderness.recent, 6);
  assert.deepEqual(row.flags, []);

  // The client can see who looked at their data.
  const audit = await ok("GET", "/api/v1/audit", { as: "cody" });
  const byTara = audit.filter((e) => e.actor && e.actor.id === ids.tara);
  assert.ok(byTara.some((e) => e.action === "read" && e.target === "GET /api/v1/dashboard"), JSON.stringify(audit.slice(0, 5)));
  assert.ok(byTara.some((e) => e.action === "write" && e.target === "POST /api/v1/screenings"));
  // By default only what others did; ?mine=true adds the person's own account events.
  assert.ok(audit.every((e) => e.actor !== "you"), JSON.stringify(audit.slice(0, 5)));
  const mine = await ok("GET", "/api/v1/audit?mine=true", { as: "cody" });
  assert.ok(mine.some((e) => e.actor === "you" && e.action === "account_created"));
  assert.ok(mine.length > audit.length);
  await fails("GET", "/api/v1/audit?mine=yes", { as: "cody" }, 400, "invalid", "mine");
  assert.ok(mine.every((e) => !JSON.stringify(e).includes("varicose")), "the audit names routes, never data");
});

test("a trainer lists open invites and withdraws one", async () => {
  const made = await ok("POST", "/api/v1/invites", { as: "tara", body: { note: "to withdraw" } });
  secret(made.token);
  const open = await ok("GET", "/api/v1/invites", { as: "tara" });
  const mine = open.find((i) => i.note === "to withdraw");
  assert.ok(mine, JSON.stringify(open));
  assert.ok(!JSON.stringify(open).includes(made.token), "the secret is shown only once");
  await fails("DELETE", `/api/v1/invites/${mine.id}`, { as: "sam" }, 403, "forbidden");
  assert.equal((await ok("DELETE", `/api/v1/invites/${mine.id}`, { as: "tara" })).withdrawn, true);
  await fails("DELETE", `/api/v1/invites/${mine.id}`, { as: "tara" }, 404, "not_found", "token");
  const info = await ok("GET", `/api/v1/invites/${made.token}`, { as: null });
  assert.equal(info.usable, false);
});

test("a personal account accepts an invite; a client can leave", async () => {
  const second = await ok("POST", "/api/v1/invites", { as: "tara" });
  secret(second.token);
  const joined = await ok("POST", `/api/v1/invites/${second.token}/accept`, { as: "sam" });
  assert.equal(joined.role, "client");
  assert.deepEqual(joined.trainer, { id: ids.tara, name: "Tara Trainer" });
  await fails("POST", `/api/v1/invites/${second.token}/accept`, { as: "stan" }, 410, "invite_unusable");

  const third = await ok("POST", "/api/v1/invites", { as: "tara", body: {} });
  secret(third.token);
  await fails("POST", `/api/v1/invites/${third.token}/accept`, { as: "tara" }, 409, "not_a_personal_account");
  await fails("POST", `/api/v1/invites/${third.token}/accept`, { as: "cody" }, 409, "conflict");
  assert.equal((await ok("GET", `/api/v1/invites/${third.token}`, { as: null })).usable, true, "a refused accept does not use the invite");

  const dash = await ok("GET", "/api/v1/dashboard", { as: "tara" });
  const samRow = dash.clients.find((c) => c.client.id === ids.sam);
  assert.deepEqual(samRow.flags.map((f) => f.kind), ["never_rolled"]);
  assert.equal(samRow.last_session_unix_ms, null);

  const left = await ok("DELETE", "/api/v1/trainer", { as: "sam" });
  assert.equal(left.role, "self");
  assert.equal(left.trainer, null);
  await fails("DELETE", "/api/v1/trainer", { as: "sam" }, 404, "not_found");
  await fails("DELETE", `/api/v1/clients/${ids.sam}`, { as: "tara" }, 404, "not_found", "client");
  await fails("GET", `/api/v1/history?client=${ids.sam}`, { as: "tara" }, 403, "forbidden", "client");
  assert.deepEqual((await ok("GET", "/api/v1/clients", { as: "tara" })).map((c) => c.id), [ids.cody]);
});

test("other people's health data: 403 with ?client=, 404 for their sessions", async () => {
  await fails("GET", `/api/v1/history?client=${ids.cody}`, { as: "stan" }, 403, "forbidden", "client");
  await fails("GET", `/api/v1/screenings?client=${ids.cody}`, { as: "stan" }, 403, "forbidden", "client");
  await fails("POST", `/api/v1/screenings?client=${ids.cody}`, { as: "stan", body: {} }, 403, "forbidden", "client");
  await fails("GET", `/api/v1/history?client=${ids.stan}`, { as: "tara" }, 403, "forbidden", "client");
  await fails("GET", `/api/v1/assignments?client=${ids.stan}`, { as: "tara" }, 403, "forbidden", "client");
  await fails("POST", `/api/v1/sessions?client=${ids.stan}`, { as: "tara", body: { plan: {} } }, 403, "forbidden", "client");
  // An administrator sees no one's health data unless coaching them.
  await fails("GET", `/api/v1/progress?client=${ids.cody}`, {}, 403, "forbidden", "client");
  await fails("GET", `/api/v1/assessments?client=${ids.cody}`, {}, 403, "forbidden", "client");
  for (const bad of ["abc", "0", "-3", "1.5", "99999999999999999999"])
    await fails("GET", `/api/v1/progress?client=${bad}`, { as: "tara" }, 400, "invalid", "client");
  // A session of someone else answers exactly like a missing one.
  const missing = await fails("GET", "/api/v1/sessions/987654", { as: "stan" }, 404, "not_found", "id");
  const theirs = await fails("GET", `/api/v1/sessions/${codySession}`, { as: "stan" }, 404, "not_found", "id");
  assert.equal(theirs.json.error.message.replace(String(codySession), "N"), missing.json.error.message.replace("987654", "N"));
  await fails("POST", `/api/v1/sessions/${codySession}/events`, { as: "stan", body: { events: [{ id: "x1", t: 70, type: "tick" }] } }, 404, "not_found", "id");
  await fails("GET", `/api/v1/sessions/${codySession}`, {}, 404, "not_found", "id");
  await fails("GET", "/api/v1/sessions/1", { as: "tara" }, 404, "not_found", "id");
  assert.equal((await ok("GET", `/api/v1/sessions/${codySession}`, { as: "cody" })).events, 5, "nothing was added");
  // Roles.
  for (const [method, path, body] of [["GET", "/api/v1/clients"], ["GET", "/api/v1/dashboard"], ["POST", "/api/v1/invites", {}], [
    "DELETE", `/api/v1/clients/${ids.cody}`]])
    await fails(method, path, { as: "stan", body }, 403, "forbidden");
  await fails("GET", "/api/v1/users", { as: "tara" }, 403, "forbidden");
  await fails("POST", "/api/v1/users", { as: "tara", body: person("x@example.org", "X Person", { role: "admin" }) }, 403, "forbidden");
  await fails("POST", `/api/v1/users/${ids.stan}/password-reset`, { as: "cody" }, 403, "forbidden");
  // Not signed in.
  for (const [method, path, body] of [["GET", "/api/v1/history"], ["GET", "/api/v1/export"], ["POST", "/api/v1/plans", { targets: ["calf"] }],
    ["GET", `/api/v1/sessions/${codySession}`], ["POST", "/api/v1/logout"], ["GET", "/api/v1/tokens"], ["GET", "/api/v1/audit"],
    ["GET", "/api/v1/assignments"], ["GET", "/api/v1/screenings"], ["DELETE", "/api/v1/trainer"], ["GET", "/api/v1/users"]])
    await fails(method, path, { as: null, body }, 401, "unauthenticated");
});

test("administration: accounts and password-reset links", async () => {
  const created = await call("POST", "/api/v1/users", { body: lee });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.role, "self");
  ids.lee = created.json.id;
  const users = await ok("GET", "/api/v1/users");
  assert.deepEqual(users.map((u) => u.email).sort(), [owner.email, tara.email, cody.email, sam.email, stan.email, lee.email].sort());
  assert.deepEqual(users.find((u) => u.id === ids.cody).trainer, { id: ids.tara, name: "Tara Trainer" });
  assert.ok(users.every((u) => !("password_hash" in u) && !("password" in u)));
  await fails("POST", "/api/v1/users", { body: lee }, 409, "email_taken", "email");
  await fails("POST", "/api/v1/users", { body: { ...person("c@example.org", "C Person"), role: "client" } }, 400, "invalid", "role");
  await fails("POST", "/api/v1/users/987654/password-reset", {}, 404, "not_found", "user");
  await fails("POST", "/api/v1/users/abc/password-reset", {}, 404, "not_found", "user");
});

test("wrong passwords slow down this address for this email, known or not (429); a reset link lets its owner in", async () => {
  // Issue 12: five wrong passwords used to lock the account for everyone, and only for known emails.
  const answers = async (email) => {
    const out = [];
    for (let i = 0; i < 6; i++) {
      const r = await call("POST", "/api/v1/login", { as: null, body: { email, password: `wrong password number ${i}` } });
      out.push(`${r.status} ${r.json.error.code}`);
    }
    const last = await call("POST", "/api/v1/login", { as: null, body: { email, password: lee.password } });
    return { out, last };
  };
  const known = await answers(lee.email);
  const unknown = await answers("no-account-here@example.org");
  assert.deepEqual(known.out, [...Array(6).fill("401 wrong_credentials")]);
  assert.deepEqual(unknown.out, known.out);
  for (const { last } of [known, unknown]) {
    assert.equal(last.status, 429, last.text);
    assert.equal(last.json.error.code, "throttled");
    assert.ok(Math.abs(Number(last.headers.get("retry-after")) - 30) <= 1, "the first delay is 30 s");
    assert.match(last.json.error.message, /30 seconds/);
  }
  assert.doesNotMatch(known.last.text, /locked/);

  const link = await call("POST", `/api/v1/users/${ids.lee}/password-reset`);
  assert.equal(link.status, 201, link.text);
  assert.equal(link.json.expires_in_s, 3600);
  const [, token] = link.json.url.split("/#/reset/");
  assert.ok(token, link.json.url);
  secret(token);
  lee.password = secret("lee has a new passphrase now");
  await fails("POST", "/api/v1/password-reset", { as: null, body: { token, password: "weak" } }, 400, "invalid", "password");
  assert.deepEqual(await ok("POST", "/api/v1/password-reset", { as: null, body: { token, password: lee.password } }), { reset: true });
  await fails("POST", "/api/v1/password-reset", { as: null, body: { token, password: "yet another new passphrase" } }, 410, "reset_unusable", "token");
  await fails("POST", "/api/v1/password-reset", { as: null, body: { token: "no-such-reset-token", password: "yet another new passphrase" } }, 410, "reset_unusable", "token");
  // An invite is not a reset link.
  await fails("POST", "/api/v1/password-reset", { as: null, body: { token: invite, password: "yet another new passphrase" } }, 410, "reset_unusable", "token");

  const signedIn = await ok("POST", "/api/v1/login", { as: "lee", body: { email: lee.email, password: lee.password } });
  assert.equal(signedIn.user.id, ids.lee, "the reset lets its owner in at once");
});

test("changing the password ends the other login sessions", async () => {
  await ok("POST", "/api/v1/login", { as: "lee-phone", body: { email: lee.email, password: lee.password } });
  assert.equal((await ok("GET", "/api/v1/auth", { as: "lee-phone" })).user.id, ids.lee);
  await fails("POST", "/api/v1/password", { as: "lee", body: { current: "not my password at all", password: "a brand new passphrase" } }, 400, "invalid", "current");
  await fails("POST", "/api/v1/password", { as: "lee", body: { current: lee.password, password: "short" } }, 400, "invalid", "password");
  const next = secret("a brand new passphrase for lee");
  assert.deepEqual(await ok("POST", "/api/v1/password", { as: "lee", body: { current: lee.password, password: next } }), { changed: true });
  lee.password = next;
  assert.equal((await ok("GET", "/api/v1/auth", { as: "lee" })).user.id, ids.lee, "this session goes on");
  assert.equal((await ok("GET", "/api/v1/auth", { as: "lee-phone" })).user, null, "the other one ended");
  await fails("GET", "/api/v1/history", { as: "lee-phone" }, 401, "unauthenticated");
  await ok("POST", "/api/v1/login", { as: "lee-phone", body: { email: lee.email, password: lee.password } });
});

test("export: everything of mine, as versioned JSON", async () => {
  const r = await call("GET", "/api/v1/export", { as: "cody" });
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-disposition"), /attachment; filename="unknot-export\.json"/);
  const x = r.json;
  assert.equal(x.format, "unknot-export");
  assert.equal(x.version, 1);
  assert.equal(x.user.email, cody.email);
  assert.equal(x.sessions.length, 1);
  assert.equal(x.sessions[0].client_id, "cody-1");
  assert.deepEqual(x.sessions[0].events.map((e) => e.id), ["c1", "c2", "c3", "c4", "c5"]);
  assert.equal(x.sessions[0].holds.length, 1);
  assert.equal(x.screenings.length, 1);
  assert.equal(x.screenings[0].by_trainer, true);
  assert.equal(x.screenings[0].result, "caution");
  assert.equal(x.assessments.length, 2);
  // What holds only in this installation (ids, role, the trainer link, tokens) is under `installation`.
  assert.deepEqual(x.assignments.map((a) => a.installation.trainer), [{ id: ids.tara, name: "Tara Trainer" }]);
  assert.deepEqual(x.screenings[0].installation.by, { id: ids.tara, name: "Tara Trainer" });
  assert.equal(x.installation.user_id, ids.cody);
  assert.equal(x.installation.role, "client");
  assert.equal(x.installation.trainer.id, ids.tara);
  assert.equal(x.installation.trainer.name, "Tara Trainer");
  assert.equal(typeof x.sessions[0].installation.id, "number");
  assert.deepEqual(x.user_techniques, []);
  assert.ok(!r.text.includes("password"), "no password hashes");
  const own = await ok("GET", "/api/v1/export");
  assert.equal(own.installation.role, "admin");
  assert.ok(own.sessions.length >= 1, "the owner's sessions from the other suites");
  assert.equal(own.installation.api_tokens.length, 1);
  assert.ok(!JSON.stringify(own).includes("unk_"), "token secrets are not exported");
  assert.ok((await ok("GET", "/api/v1/audit?mine=true")).some((e) => e.action === "export" && e.actor === "you"));
});

test("export: my holds as CSV, one line per hold", async () => {
  const r = await call("GET", "/api/v1/export/holds.csv", { as: "cody" });
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^text\/csv/);
  assert.match(r.headers.get("content-disposition"), /attachment; filename="unknot-holds\.csv"/);
  const lines = r.text.split("\r\n");
  assert.equal(lines[0], "date,started,technique,side,muscles,spot,hold_s,tenderness_start,tenderness_end,outcome");
  assert.equal(lines.length, 3, "a header, Cody's one hold, and the final line end");
  assert.equal(lines[2], "");
  const [date, started, technique, , , spot, holdS, start, , outcome] = lines[1].split(",");
  const x = await ok("GET", "/api/v1/export", { as: "cody" });
  const hold = x.sessions[0].holds[0];
  assert.equal(date, x.sessions[0].date);
  assert.equal(started, new Date(x.sessions[0].started_unix_ms).toISOString().replace(/\.\d{3}Z$/, "Z"));
  assert.deepEqual([technique, Number(spot), Number(holdS), Number(start), outcome], [hold.technique, hold.spot, hold.hold_s, hold.tenderness_start, hold.outcome]);
  assert.equal((await call("GET", "/api/v1/export/holds.csv", { as: null })).status, 401);
});

test("user techniques: the ones I imported, none yet", async () => {
  assert.deepEqual(await ok("GET", "/api/v1/user-techniques", { as: "cody" }), []);
  await fails("GET", "/api/v1/user-techniques", { as: null }, 401, "unauthenticated");
});

test("the trainer records a clearance for the client; the client, the routine and the export carry it", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const refer = await ok("POST", `/api/v1/screenings?client=${ids.cody}`, { as: "tara", body: { answers: { varicose_veins: true, osteoporosis: true } } });
  assert.equal(refer.verdict, "refer");
  await fails("POST", `/api/v1/clearances?client=${ids.cody}`, { as: "stan", body: { condition: "osteoporosis", date: today } }, 403, "forbidden", "client");
  await fails("GET", `/api/v1/clearances?client=${ids.cody}`, { as: "stan" }, 403, "forbidden", "client");
  const r = await call("POST", `/api/v1/clearances?client=${ids.cody}`, { as: "tara", body: { condition: "osteoporosis", date: today, note: "Physio letter seen" } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.clearance.by, ids.tara);
  assert.equal(r.json.screening.verdict, "caution");
  const theirs = await ok("GET", `/api/v1/clearances?client=${ids.cody}`, { as: "tara" });
  assert.deepEqual(theirs.clearances.map((c) => c.condition), ["osteoporosis"]);
  assert.deepEqual((await ok("GET", "/api/v1/clearances", { as: "cody" })).clearances.map((c) => c.id), [r.json.clearance.id], "the client sees it");
  assert.deepEqual((await ok("GET", "/api/v1/clearances", { as: "tara" })).clearances, [], "not in the trainer's own record");
  // The routine the trainer assigned is planned from the client's record, clearance and all.
  const routine = (await ok("GET", "/api/v1/assignments", { as: "cody" }))[0];
  assert.equal(routine.plan.screening.verdict, "caution");
  const row = (await ok("GET", "/api/v1/dashboard", { as: "tara" })).clients.find((c) => c.client.id === ids.cody);
  assert.equal(row.screening, "caution");
  assert.ok(!row.flags.some((f) => f.kind === "refer"), "no refer flag once cleared");
  const audit = await ok("GET", "/api/v1/audit", { as: "cody" });
  assert.ok(audit.some((e) => e.action === "write" && e.target === "POST /api/v1/clearances"), "audited like other health data");
  const x = await ok("GET", "/api/v1/export", { as: "cody" });
  assert.deepEqual(x.clearances.map((c) => [c.condition, c.by_trainer, c.note]), [["osteoporosis", true, "Physio letter seen"]]);
  assert.deepEqual(x.clearances[0].installation.by, { id: ids.tara, name: "Tara Trainer" });
});

test("the trainer ends coaching: the client keeps their data, the trainer loses access", async () => {
  assert.deepEqual(await ok("DELETE", `/api/v1/clients/${ids.cody}`, { as: "tara" }), { ended: true });
  const auth = await ok("GET", "/api/v1/auth", { as: "cody" });
  assert.equal(auth.user.role, "self");
  assert.equal(auth.user.trainer, null);
  await fails("GET", `/api/v1/history?client=${ids.cody}`, { as: "tara" }, 403, "forbidden", "client");
  await fails("GET", `/api/v1/sessions/${codySession}`, { as: "tara" }, 404, "not_found", "id");
  assert.deepEqual((await ok("GET", "/api/v1/dashboard", { as: "tara" })).clients, []);
  assert.equal((await ok("GET", "/api/v1/history", { as: "cody" })).length, 1);
  assert.equal((await ok("GET", "/api/v1/assignments", { as: "cody" })).length, 1, "assigned routines stay with the client");
});

test("deleting my account: confirmed with the password, and my cookie stops working", async () => {
  await fails("DELETE", "/api/v1/me", { as: "sam", body: { password: "not sam's password" } }, 400, "invalid", "password");
  await fails("DELETE", "/api/v1/me", { as: "sam", body: {} }, 400, "invalid", "password");
  const cookie = identity("sam").cookie;
  const r = await call("DELETE", "/api/v1/me", { as: "sam", body: { password: sam.password } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { deleted: true });
  assert.match(r.headers.getSetCookie().join("\n"), /unknot_session=;.*Max-Age=0/);
  await fails("GET", "/api/v1/history", { as: null, headers: { cookie: `unknot_session=${cookie}` } }, 401, "unauthenticated");
  assert.equal((await ok("GET", "/api/v1/auth", { as: null, headers: { cookie: `unknot_session=${cookie}` } })).user, null);
  await fails("POST", "/api/v1/login", { as: null, body: { email: sam.email, password: sam.password } }, 401, "wrong_credentials");
  assert.ok(!(await ok("GET", "/api/v1/users")).some((u) => u.id === ids.sam));
  // The only administrator of a shared installation cannot leave it without one.
  await fails("DELETE", "/api/v1/me", { body: { password: owner.password } }, 409, "last_admin");
  assert.equal((await ok("GET", "/api/v1/auth")).user.email, owner.email);
});

// Last: this address has used up its failed logins for ten minutes afterwards.
test("20 failed logins from one address within 10 minutes: 429 throttled", async () => {
  let throttled = null;
  for (let i = 0; i < 25 && !throttled; i++) {
    const r = await call("POST", "/api/v1/login", { as: null, body: { email: "nobody@example.org", password: "guessing again and again" } });
    if (r.status === 429) throttled = r;
    else assert.equal(r.status, 401, r.text);
  }
  assert.ok(throttled, "throttled within 25 attempts");
  assert.equal(throttled.json.error.code, "throttled");
  assert.ok(Number(throttled.headers.get("retry-after")) > 0);
  // Even the right password waits now; signed-in sessions carry on.
  await fails("POST", "/api/v1/login", { as: null, body: { email: owner.email, password: owner.password } }, 429, "throttled");
  assert.equal((await ok("GET", "/api/v1/auth")).user.email, owner.email);
});
