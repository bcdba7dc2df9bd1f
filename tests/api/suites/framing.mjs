// Strict HTTP framing and the names this server answers to (issue 12, items 1, 2 and 8), on the
// real socket: a body we cannot frame is a 400 and the connection closes (nothing inside it is
// read as a second request); a Host this server was not given is refused (DNS rebinding).
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { base } from "../client.mjs";

const url = new URL(base);

/** Writes raw bytes, reads until the server closes (or 3 s): every response it sent. */
function raw(bytes) {
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => s.write(bytes));
    let data = "";
    let closed = false;
    s.on("data", (d) => (data += d));
    s.on("end", () => ((closed = true), resolve({ data, closed })));
    s.on("error", reject);
    setTimeout(() => (s.destroy(), resolve({ data, closed })), 3000);
  });
}
const statuses = (data) => [...data.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
const host = `Host: ${url.host}\r\n`;
const inner = `GET /api/v1/tools HTTP/1.1\r\n${host}\r\n`;

for (const coding of ["gzip", "identity", "xchunked", "chunked, identity", "gzip, chunked"]) {
  test(`Transfer-Encoding: ${coding} is a 400 that closes the connection, and the request inside is never answered`, async () => {
    const r = await raw(`POST /api/v1/guest/screening HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: ${coding}\r\n\r\n${inner}`);
    assert.deepEqual(statuses(r.data), [400], r.data);
    assert.match(r.data, /bad_framing/);
    assert.ok(r.closed, "the connection stays open");
  });
}

test("Transfer-Encoding and Content-Length together are refused", async () => {
  const r = await raw(`POST /api/v1/guest/screening HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`);
  assert.deepEqual(statuses(r.data), [400], r.data);
  assert.ok(r.closed);
});

test("chunked, in any case, is taken", async () => {
  for (const coding of ["chunked", "Chunked"]) {
    const r = await raw(`POST /api/v1/guest/screening HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: ${coding}\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n`);
    assert.deepEqual(statuses(r.data), [200], `${coding}: ${r.data.slice(0, 300)}`);
  }
});

test("a rebinding page's Host is refused, even for setup; this machine's names are not", async () => {
  const body = JSON.stringify({ name: "Mallory", email: "m@attacker.example", password: "a long enough passphrase" });
  const r = await raw(`POST /api/v1/setup HTTP/1.1\r\nHost: attacker.example:${url.port}\r\nOrigin: http://attacker.example:${url.port}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  assert.deepEqual(statuses(r.data), [421], r.data);
  assert.match(r.data, /wrong_host/);
  for (const name of [`localhost:${url.port}`, `127.0.0.1:${url.port}`]) {
    const ok = await raw(`GET /healthz HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`);
    assert.deepEqual(statuses(ok.data), [200], name);
  }
});

test("an unknown file under /assets/ is a 404, not the app shell; a target that is not a path is a 400", async () => {
  const missing = await raw(`GET /assets/nope HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
  assert.deepEqual(statuses(missing.data), [404], missing.data.slice(0, 200));
  const shell = await raw(`GET /some/page HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
  assert.deepEqual(statuses(shell.data), [200]);
  const odd = await raw(`GET * HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
  assert.equal(statuses(odd.data)[0], 400, odd.data.slice(0, 200));
});
