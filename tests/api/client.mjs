// A tiny HTTP client that validates every response against api/openapi.json with Ajv (an
// independent JSON Schema validator), and records which operations the suite exercised.
//
// It signs in like a browser: each identity (`as: "owner"`, `as: "trainer"`, ...) has its own
// small cookie jar, keeps the `unknot_session` cookie the server sets and the `csrf` value that
// comes with it, and sends `X-CSRF-Token` on every state-changing request. An identity may hold
// an API token instead (`bearer`). `as: null` sends no credentials at all.
import Ajv2020 from "ajv/dist/2020.js";
import { appendFileSync, readFileSync } from "node:fs";
import assert from "node:assert/strict";

export const base = process.env.UNKNOT_URL;
if (!base) throw new Error("UNKNOT_URL is not set: run through tests/api/run.sh");
export const doc = JSON.parse(readFileSync(new URL("../../api/openapi.json", import.meta.url)));

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...doc, $id: "openapi" });
const validators = new Map();
export const exercised = new Set();

// Every secret the suite sees (cookies, CSRF values, tokens, invite and reset links, passwords)
// is written here, so run.sh can check none of them reached the server's logs.
const secretsFile = process.env.UNKNOT_SECRETS_FILE;
export function secret(value) {
  if (secretsFile && typeof value === "string" && value.length >= 8) appendFileSync(secretsFile, value + "\n");
  return value;
}

// The identities: name -> { cookie, csrf, bearer, user }.
const jars = new Map();
export const defaultIdentity = "owner";
export function identity(name) {
  if (!jars.has(name)) jars.set(name, { cookie: null, csrf: null, bearer: null, user: null });
  return jars.get(name);
}
// An identity that signs its requests with a personal API token.
export function bearer(name, token) {
  jars.set(name, { cookie: null, csrf: null, bearer: secret(token), user: null });
  return jars.get(name);
}
export function forget(name) {
  jars.delete(name);
}

const writes = (method) => !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());

// The operation whose path template matches a concrete path ("/api/v1/sessions/7" -> "/api/v1/sessions/{id}").
export function operationFor(method, path) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const re = new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$");
    if (re.test(path) && item[method.toLowerCase()]) return { template, op: item[method.toLowerCase()] };
  }
  return null;
}

function pointer(...parts) {
  return "openapi#/" + parts.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

function validatorFor(template, method, status) {
  const key = `${template} ${method} ${status}`;
  if (!validators.has(key)) {
    const op = doc.paths[template][method.toLowerCase()];
    const has = op.responses[String(status)];
    validators.set(key, has ? ajv.getSchema(pointer("paths", template, method.toLowerCase(), "responses", status, "content", "application/json", "schema")) : null);
  }
  return validators.get(key);
}

// What the server said about the session cookie: the new value, "" when it was cleared, or undefined.
function sessionCookieFrom(res) {
  for (const line of res.headers.getSetCookie()) {
    const m = /^unknot_session=([^;]*)/.exec(line);
    if (m) return /max-age=0/i.test(line) ? "" : m[1];
  }
  return undefined;
}

// Sends a request; checks status class and, for documented operations, the body's schema.
// Options: body (JSON) or raw (text); contentType; headers (sent last, so they can override);
// as (identity name, or null for none); csrf: false leaves the X-CSRF-Token header out.
export async function call(method, path, { body, raw, contentType = "application/json", headers = {}, as = defaultIdentity, csrf = true } = {}) {
  const jar = as === null ? null : identity(as);
  const init = { method, headers: {} };
  if (jar?.cookie) init.headers.cookie = `unknot_session=${jar.cookie}`;
  if (jar?.bearer) init.headers.authorization = `Bearer ${jar.bearer}`;
  if (jar?.cookie && jar.csrf && csrf && writes(method)) init.headers["x-csrf-token"] = jar.csrf;
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  if (init.body !== undefined && contentType) init.headers["content-type"] = contentType;
  Object.assign(init.headers, headers);
  const res = await fetch(base + path, init);
  const text = await res.text();
  assert.ok(res.status < 500, `${method} ${path} -> ${res.status} (never a 5xx): ${text.slice(0, 300)}`);
  const isJson = (res.headers.get("content-type") || "").startsWith("application/json");
  const json = isJson && text ? JSON.parse(text) : undefined;
  const found = operationFor(method, path.split("?")[0]);
  if (found && isJson) {
    const validate = validatorFor(found.template, method, res.status);
    assert.ok(validate, `${method} ${found.template} returned ${res.status}, which the OpenAPI document does not list`);
    assert.ok(validate(json), `${method} ${path} ${res.status} does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
    exercised.add(`${method.toUpperCase()} ${found.template} ${res.status}`);
  } else if (found && res.status < 300) {
    // PDFs and calendars: the content type must be one the document lists for this answer.
    const documented = Object.keys(found.op.responses[String(res.status)]?.content || {});
    const type = (res.headers.get("content-type") || "").split(";")[0];
    assert.ok(documented.includes(type), `${method} ${found.template} ${res.status} answered ${type}; documented: ${documented.join(", ")}`);
    exercised.add(`${method.toUpperCase()} ${found.template} ${res.status}`);
  }
  if (jar) {
    const cookie = sessionCookieFrom(res);
    if (cookie !== undefined) {
      jar.cookie = cookie ? secret(cookie) : null;
      if (!cookie) jar.csrf = null;
    }
    // The sign-in answers (auth, setup, signup, login) carry the CSRF value and the user.
    if (json && typeof json === "object" && "setup_required" in json && "csrf" in json) {
      if (json.csrf) jar.csrf = secret(json.csrf);
      if (json.user !== undefined) jar.user = json.user;
    }
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function ok(method, path, opts) {
  const r = await call(method, path, opts);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} -> ${r.status}: ${r.text.slice(0, 300)}`);
  return r.json;
}

// An error answer with this status and code (and field, when given).
export async function fails(method, path, opts, status, code, field) {
  const r = await call(method, path, opts);
  assert.equal(r.status, status, `${method} ${path}: ${r.text.slice(0, 300)}`);
  assert.equal(r.json?.error?.code, code, `${method} ${path}: ${r.text.slice(0, 300)}`);
  if (field !== undefined) assert.equal(r.json.error.field, field, `${method} ${path}: ${r.text.slice(0, 300)}`);
  return r;
}
