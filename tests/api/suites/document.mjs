// The OpenAPI document itself is valid OpenAPI 3.1 (checked by an independent validator) and is
// what the server serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import { call, doc } from "../client.mjs";

test("api/openapi.json is a valid OpenAPI 3.1 document", async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  assert.equal(doc.openapi, "3.1.0");
  assert.ok(result.valid, JSON.stringify(result.errors, null, 1));
});

test("the server serves the same document", async () => {
  const r = await call("GET", "/api/v1/openapi.json");
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, doc);
});
