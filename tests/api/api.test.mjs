// The API contract suite: the document, every endpoint, 100+ bad requests, then a check that
// every documented operation was exercised with a validated success response.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doc, exercised } from "./client.mjs";
import "./suites/document.mjs";
import "./suites/endpoints.mjs";
import "./suites/malformed.mjs";
import "./suites/assessments.mjs";

test("every documented operation was exercised and validated", () => {
  const missing = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of Object.keys(item)) {
      const hit = [...exercised].some((e) => e.startsWith(`${method.toUpperCase()} ${path} 2`));
      if (!hit) missing.push(`${method.toUpperCase()} ${path}`);
    }
  assert.deepEqual(missing, []);
});
