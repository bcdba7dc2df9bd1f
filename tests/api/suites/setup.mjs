// A fresh installation: nothing but the content lists works until the owner account exists.
// Runs first; the owner's cookie (identity "owner", the default) is what the other suites use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, fails, identity, ok, secret } from "../client.mjs";

export const owner = { email: "owner@example.org", name: "Olive Owner", password: secret("owner passphrase 1 for unknot") };

test("before the owner exists: content is public, everything else asks for the owner account", async () => {
  const auth = await ok("GET", "/api/v1/auth", { as: null });
  assert.deepEqual(auth, { setup_required: true, user: null, csrf: null });
  assert.ok((await ok("GET", "/api/v1/techniques", { as: null })).length > 0);
  await fails("GET", "/api/v1/history", { as: null }, 401, "setup_required");
  await fails("POST", "/api/v1/plans", { as: null, body: { targets: ["calf"] } }, 401, "setup_required");
  await fails("POST", "/api/v1/signup", { as: null, body: { email: "early@example.org", name: "Early", password: "early bird passphrase" } }, 409, "setup_required");
  await fails("POST", "/api/v1/login", { as: null, body: { email: owner.email, password: owner.password } }, 401, "wrong_credentials");
});

test("setup validates every field and names it", async () => {
  await fails("POST", "/api/v1/setup", { as: null, body: { ...owner, password: "short" } }, 400, "invalid", "password");
  await fails("POST", "/api/v1/setup", { as: null, body: { ...owner, email: "owner" } }, 400, "invalid", "email");
  await fails("POST", "/api/v1/setup", { as: null, body: { ...owner, name: "  " } }, 400, "invalid", "name");
  await fails("POST", "/api/v1/setup", { as: null, body: { email: owner.email, name: owner.name } }, 400, "invalid", "password");
  assert.equal((await ok("GET", "/api/v1/auth", { as: null })).setup_required, true, "nothing was created");
});

test("setup: the owner account, signed in with an HttpOnly SameSite=Strict cookie", async () => {
  const r = await call("POST", "/api/v1/setup", { as: "owner", body: owner });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.setup_required, false);
  assert.equal(r.json.user.role, "admin");
  assert.equal(r.json.user.email, owner.email);
  assert.equal(typeof r.json.csrf, "string");
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith("unknot_session="));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Path=\//);
  assert.doesNotMatch(cookie, /Secure/, "plain HTTP on localhost: not Secure");
  assert.ok(identity("owner").cookie && identity("owner").csrf);

  const auth = await ok("GET", "/api/v1/auth");
  assert.equal(auth.user.id, r.json.user.id);
  assert.equal(auth.csrf, r.json.csrf, "the same CSRF value for the whole login session");
  // Only once.
  await fails("POST", "/api/v1/setup", { as: null, body: { ...owner, email: "second@example.org" } }, 409, "conflict");
});
