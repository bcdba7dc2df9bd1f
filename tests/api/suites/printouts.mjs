// Handouts, progress reports and the calendar feed: real PDFs and iCalendar over HTTP, a feed
// address that stops working once replaced or turned off, and paper sizes checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, fails, ok } from "../client.mjs";

const profile = { targets: ["calf", "hamstrings"], minutes: 15, tools: ["foam_roller"], context: "daily" };

test("a handout for a profile, and for an assigned routine", async () => {
  const pdf = await call("POST", "/api/v1/handouts?page=letter", { body: { profile, client: "Ana" } });
  assert.equal(pdf.status, 200, pdf.text.slice(0, 200));
  assert.ok(pdf.text.startsWith("%PDF-"));
  await fails("POST", "/api/v1/handouts?page=a3", { body: { profile } }, 400, "invalid", "page");
  await fails("POST", "/api/v1/handouts", { body: { profile: { ...profile, targets: ["calff"] } } }, 400, "invalid", "profile.targets[0]");
  await fails("POST", "/api/v1/handouts", { body: {} }, 400, "invalid", "profile");
  // The owner assigns themself a routine (a trainer may), then prints it.
  const made = await ok("POST", "/api/v1/assignments", { body: { profile, note: "mornings" } });
  const routine = await call("GET", `/api/v1/plans/${made.id}/handout.pdf`);
  assert.equal(routine.status, 200);
  assert.equal(routine.headers.get("content-type"), "application/pdf");
  await fails("GET", "/api/v1/plans/987654/handout.pdf", {}, 404, "not_found", "id");
  await fails("GET", "/api/v1/plans/abc/handout.pdf", {}, 404, "not_found", "id");
});

test("a progress report", async () => {
  const r = await call("GET", "/api/v1/progress/report.pdf?page=a4");
  assert.equal(r.status, 200);
  assert.ok(r.text.startsWith("%PDF-"));
  await fails("GET", "/api/v1/progress/report.pdf?client=987654", {}, 403, "forbidden", "client");
});

test("a calendar feed at a secret address", async () => {
  assert.equal((await ok("GET", "/api/v1/calendar")).active, false);
  await fails("POST", "/api/v1/calendar", { body: { time: "7:30" } }, 400, "invalid", "time");
  const made = await call("POST", "/api/v1/calendar", { body: { time: "06:15" } });
  assert.equal(made.status, 201);
  const path = new URL(made.json.url).pathname;
  assert.ok(made.json.webcal.startsWith("webcal://"));
  const feed = await call("GET", path, { as: null });
  assert.equal(feed.status, 200);
  assert.match(feed.text, /BEGIN:VCALENDAR/);
  assert.match(feed.text, /RRULE:FREQ=DAILY/);
  assert.match(feed.text, /T061500/);
  assert.equal((await ok("GET", "/api/v1/calendar")).time, "06:15");
  const replaced = await call("POST", "/api/v1/calendar");
  assert.equal(replaced.status, 201);
  await fails("GET", path, { as: null }, 404, "not_found");
  const stopped = await ok("DELETE", "/api/v1/calendar");
  assert.equal(stopped.active, false);
  await fails("GET", new URL(replaced.json.url).pathname, { as: null }, 404, "not_found");
});
