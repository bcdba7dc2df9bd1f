// Posts events to a running server from many clients at once, one event per request, and
// writes the id of each event the server acknowledged (HTTP 200, accepted or already known).
// Usage: node post_events.mjs URL TOKEN SESSIONS CLIENTS TOTAL ACKED_FILE [KILL_PID KILL_AFTER]
// With KILL_PID, the server is sent SIGKILL once KILL_AFTER events were acknowledged, while
// the other clients still have requests in flight.
import { appendFileSync, writeFileSync } from "node:fs";

const [url, token, sessions, clients, total, ackedFile, killPid, killAfter] = process.argv.slice(2);
const nSessions = Number(sessions), nClients = Number(clients), nTotal = Number(total);
writeFileSync(ackedFile, "");
let next = 0, acked = 0, failed = 0, killed = false;

async function post(i) {
  // Each session's events carry increasing times, so every tick is accepted by the engine.
  const session = (i % nSessions) + 1;
  const body = JSON.stringify({ events: [{ id: `e${i}`, t: 10 + i / 1000, type: "tick" }] });
  const res = await fetch(`${url}/api/v1/sessions/${session}/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
  const out = await res.json();
  if (res.status !== 200 || out.accepted + out.duplicates !== 1) throw new Error(`event e${i}: HTTP ${res.status} ${JSON.stringify(out)}`);
  return `e${i}`;
}

async function client() {
  while (next < nTotal) {
    const i = next++;
    try {
      const id = await post(i);
      appendFileSync(ackedFile, id + "\n");  // only after the answer came: the server said it is stored
      if (++acked >= Number(killAfter) && killPid && !killed) {
        killed = true;
        process.kill(Number(killPid), "SIGKILL");
      }
    } catch (e) {
      if (!killed) throw e;
      ++failed;  // in flight when the server died: not acknowledged, may or may not be stored
    }
  }
}

await Promise.all(Array.from({ length: nClients }, client));
console.log(`acknowledged ${acked}, unanswered ${failed}${killed ? " (server killed)" : ""}`);
