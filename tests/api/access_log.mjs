// Checks the server's logs after the suite (run by run.sh): the access log is one JSON object per
// line naming the route *pattern* (never the concrete path, a query string or a body), and no
// secret the suite saw (cookies, CSRF values, API tokens, invite and reset tokens, passwords,
// email addresses) appears in any log.
// Usage: node access_log.mjs ACCESS_LOG STDOUT_LOG SECRETS_FILE
import { readFileSync, existsSync } from "node:fs";

const [accessPath, stdoutPath, secretsPath] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(new URL("../../api/openapi.json", import.meta.url)));
const access = readFileSync(accessPath, "utf8");
const logs = { "access log": access, "stdout": readFileSync(stdoutPath, "utf8") };
const problems = [];

// Route patterns the server may log: the documented paths, and its names for everything else.
const routes = new Set([...Object.keys(doc.paths), "(asset)", "(unknown asset)", "(unknown api)", "(method not allowed)", "(unparsed)", "(error)"]);
const seen = new Set();
for (const [i, line] of access.split("\n").entries()) {
  if (!line) continue;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    problems.push(`access log line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
    continue;
  }
  if ("level" in entry) continue;  // an error line ({"level":"error",...}); 5xx are checked by run.sh
  const keys = Object.keys(entry).sort().join(",");
  if (keys !== "bytes,method,ms,route,status,ts_ms") problems.push(`access log line ${i + 1} has fields ${keys}`);
  if (!routes.has(entry.route)) problems.push(`access log line ${i + 1} logs a route that is not a pattern: ${entry.route}`);
  seen.add(entry.route);
}
// The suite opened invites, sessions and reset links by their secret or id: the log names only the pattern.
for (const pattern of ["/api/v1/invites/{token}", "/api/v1/invites/{token}/accept", "/api/v1/sessions/{id}", "/api/v1/users/{user}/password-reset", "/api/v1/tokens/{id}"])
  if (!seen.has(pattern)) problems.push(`the access log never names ${pattern}: were those requests logged by pattern?`);

const secrets = existsSync(secretsPath) ? [...new Set(readFileSync(secretsPath, "utf8").split("\n").filter((s) => s.length >= 8))] : [];
if (secrets.length < 20) problems.push(`only ${secrets.length} secrets were recorded by the suite (UNKNOT_SECRETS_FILE): is client.mjs recording them?`);
for (const [name, text] of Object.entries(logs)) {
  for (const s of secrets) if (text.includes(s)) problems.push(`a secret the suite used appears in the ${name}: ${s.slice(0, 6)}...`);
  for (const [what, re] of [["an API token (unk_...)", /unk_/], ["a session cookie", /unknot_session/i], ["a CSRF header", /x-csrf-token/i],
    ["an email address", /@example\.org/i], ["a query string", /\?client=|\?[a-z_]+=/], ["an invite or reset link", /#\/(invite|reset)\//],
    ["an Authorization header", /bearer /i]])
    if (re.test(text)) problems.push(`the ${name} contains ${what}`);
}

if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`logs: ${access.split("\n").filter(Boolean).length} access log lines, all route patterns; none of ${secrets.length} secrets in any log`);
