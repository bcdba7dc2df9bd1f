// Accounts for the browser walks: every walk signs up a person of its own through the app's
// own screens (on a fresh server the first one creates the owner instead), so the browser holds
// their session cookie exactly as a person's would.
export const PASSWORD = 'correct horse battery staple';

let n = 0;
/** A unique address per run and person: "robin.lx3k2a0@example.org". */
export function emailFor(who) {
  return `${who.toLowerCase().replace(/\W+/g, '.')}.${Date.now().toString(36)}${n++}@example.org`;
}

/** Fills the sign-up (or owner set-up) form on the current page and submits it. */
export async function fillAccountForm(page, { name, email, role = 'self' }) {
  if (role === 'trainer') await page.getByRole('radio', { name: /I'm a trainer/ }).check();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /Create (my account|the owner account)/ }).click();
}

/** Opens #/signup and creates the account; resolves once the app shows a signed-in screen. */
export async function signUp(page, base, { name, email = emailFor(name), role = 'self' }) {
  await page.goto(`${base}/#/signup`);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  const owner = /owner/.test(await h1.textContent());
  await fillAccountForm(page, { name, email, role: owner ? 'self' : role });
  await page.getByRole('link', { name: `Account: ${name}` }).waitFor();
  return { email, owner };
}

/** The CSRF token of the page's login, for API calls a walk makes with page.evaluate. */
export async function csrfOf(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/auth')).json()).csrf);
}
