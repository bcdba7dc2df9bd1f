// A tiny HTTP client that validates every response against api/openapi.json with Ajv (an
// independent JSON Schema validator), and records which operations the suite exercised.
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

export const base = process.env.UNKNOT_URL;
if (!base) throw new Error("UNKNOT_URL is not set: run through tests/api/run.sh");
export const doc = JSON.parse(readFileSync(new URL("../../api/openapi.json", import.meta.url)));

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...doc, $id: "openapi" });
const validators = new Map();
export const exercised = new Set();

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

// Sends a request; checks status class and, for documented operations, the body's schema.
export async function call(method, path, { body, raw, contentType = "application/json", headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) init.body = JSON.stringify(body);
  if (init.body !== undefined && contentType) init.headers["content-type"] = contentType;
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
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function ok(method, path, opts) {
  const r = await call(method, path, opts);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} -> ${r.status}: ${r.text.slice(0, 300)}`);
  return r.json;
}
