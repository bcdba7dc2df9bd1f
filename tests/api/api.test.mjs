// The API contract suite: the document, the owner's first sign-in, every endpoint, 100+ bad
// requests, accounts and roles, then a check that every documented operation was exercised
// with a validated success response. Suites run in this order (accounts.mjs last: it uses up
// this address's failed-login allowance).
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, exercised } from "./client.mjs";
import "./suites/document.mjs";
import "./suites/setup.mjs";
import "./suites/endpoints.mjs";
import "./suites/malformed.mjs";
import "./suites/framing.mjs";
import "./suites/assessments.mjs";
import "./suites/printouts.mjs";
import "./suites/clearances.mjs";
import "./suites/accounts.mjs";

test("every documented operation was exercised and validated", (t) => {
  const missing = [];
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of Object.keys(item)) {
      operations++;
      const hit = [...exercised].some((e) => e.startsWith(`${method.toUpperCase()} ${path} 2`));
      if (!hit) missing.push(`${method.toUpperCase()} ${path}`);
    }
  t.diagnostic(`${operations - missing.length} of ${operations} operations exercised with a validated 2xx; ${exercised.size} (operation, status) pairs validated`);
  assert.deepEqual(missing, []);
});
