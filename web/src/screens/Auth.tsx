// Signing in, in a chunk of its own (a phone signs in once a fortnight): the first-run owner
// account, sign in, create an account (on your own or as a trainer), a trainer's invite link
// (#/invite/TOKEN) and a password-reset link (#/reset/TOKEN).
import { useState } from 'preact/hooks';
import { accounts } from '../api/accounts';
import { HttpError } from '../api/client';
import { Field, FormError, PASSWORD_HINT, fieldError, useSubmit } from '../components/forms';
import { Loading, ScreenTitle } from '../components/ui';
import { applyAuth, refreshAuth, signOutHere, updateUser, type AuthStatus } from '../auth';
import { navigate } from '../lib/router';
import { useApi } from '../lib/useApi';

export function AuthRoute({ path, status }: { path: string[]; status: AuthStatus }) {
  const [a, b] = path;
  if (a === 'invite' && b) return <InviteScreen token={b} status={status} />;
  if (a === 'reset' && b) return <ResetScreen token={b} signedIn={status.kind === 'signed_in'} />;
  if (status.kind === 'setup') return <SetupScreen />;
  if (a === 'signup') return <SignUpScreen />;
  return <SignInScreen expired={status.kind === 'signed_out' && status.expired} />;
}

const ACCOUNT_FIELDS = ['name', 'email', 'password', 'role', 'invite'];

function AccountFields({ error }: { error: unknown }) {
  return (
    <>
      <Field name="name" label="Your name" autoComplete="name" error={fieldError(error, 'name')} required maxLength={100} />
      <Field name="email" label="Email" type="email" inputMode="email" autoComplete="email" error={fieldError(error, 'email')} required />
      <Field name="password" label="Password" type="password" autoComplete="new-password" hint={PASSWORD_HINT}
        error={fieldError(error, 'password')} required minLength={12} />
    </>
  );
}

function SetupScreen() {
  const { busy, error, onSubmit } = useSubmit(async (f) => applyAuth(await accounts.setup({ name: f.name, email: f.email, password: f.password })));
  return (
    <div class="screen auth">
      <ScreenTitle title="Create the owner account">Create the owner account</ScreenTitle>
      <p class="lead">
        You're the first one here, so this account looks after this unknot. You can roll, coach clients, and let other people sign up.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <AccountFields error={error} />
        <FormError error={error} fields={ACCOUNT_FIELDS} />
        <button type="submit" class="btn primary big wide" disabled={busy}>{busy ? 'Creating…' : 'Create the owner account'}</button>
      </form>
    </div>
  );
}

function SignInForm({ after }: { after?: () => void }) {
  const { busy, error, onSubmit } = useSubmit(async (f) => {
    applyAuth(await accounts.login(f.email, f.password));
    after?.();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Field name="email" label="Email" type="email" inputMode="email" autoComplete="username" error={fieldError(error, 'email')} required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" error={fieldError(error, 'password')} required />
      <FormError error={error} fields={['email', 'password']} />
      <button type="submit" class="btn primary big wide" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  );
}

function SignInScreen({ expired }: { expired: boolean }) {
  return (
    <div class="screen auth">
      <ScreenTitle title="Sign in">{expired ? 'Sign in again' : 'Sign in'}</ScreenTitle>
      {expired ? (
        <p class="note">You were signed out. Everything on this device is kept: sign in and you'll be back where you were.</p>
      ) : (
        <p class="lead">Welcome back. Your sessions, tender spots and plans are waiting.</p>
      )}
      <SignInForm />
      <p>New here? <a href="#/signup">Create an account</a>, or <a href="#/welcome">see what unknot is and try a routine</a> first.</p>
      <p class="muted small">Forgot your password? Ask whoever runs this unknot (your gym or trainer) for a reset link.</p>
    </div>
  );
}

function SignUpForm({ invite, role: fixedRole }: { invite?: string; role?: 'self' }) {
  const { busy, error, onSubmit } = useSubmit(async (f) => {
    const role = (fixedRole ?? f.role) === 'trainer' ? 'trainer' : 'self';
    const state = await accounts.signup({ name: f.name, email: f.email, password: f.password, role, ...(invite ? { invite } : {}) });
    if (invite) navigate('/', true); // the invite is used up: home, where the trainer's routines will show
    applyAuth(state);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {!fixedRole && (
        <fieldset class="group roles">
          <legend>How will you use unknot?</legend>
          <label class="check">
            <input type="radio" name="role" value="self" defaultChecked />
            <span><strong>I roll on my own</strong> <span class="muted">guided sessions, and your progress over the weeks</span></span>
          </label>
          <label class="check">
            <input type="radio" name="role" value="trainer" />
            <span><strong>I'm a trainer</strong> <span class="muted">invite clients, screen and assess them, assign routines, follow how they do</span></span>
          </label>
        </fieldset>
      )}
      <AccountFields error={error} />
      <FormError error={error} fields={ACCOUNT_FIELDS} />
      <button type="submit" class="btn primary big wide" disabled={busy}>{busy ? 'Creating your account…' : 'Create my account'}</button>
    </form>
  );
}

function SignUpScreen() {
  return (
    <div class="screen auth">
      <ScreenTitle title="Create an account">Create an account</ScreenTitle>
      <SignUpForm />
      <p>Already have an account? <a href="#/signin">Sign in</a></p>
    </div>
  );
}

function InviteScreen({ token, status }: { token: string; status: AuthStatus }) {
  const info = useApi(() => accounts.invite(token), [token]);
  const [haveAccount, setHaveAccount] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (info.loading && !info.data) return <Loading what="Opening your invite" />;
  const trainer = info.data?.trainer ?? 'Your trainer';
  const gone = (info.error instanceof HttpError && info.error.status === 404) || (info.data && !info.data.usable) ||
    (error instanceof HttpError && error.status === 410);
  if (gone)
    return (
      <div class="screen auth">
        <ScreenTitle title="Invite can't be used">This invite can't be used</ScreenTitle>
        <p class="lead">
          It was already used, has expired or was withdrawn. Ask {info.data?.trainer ?? 'your trainer'} to send you a new link: each one works once, for 7 days.
        </p>
        <p>{status.kind === 'signed_in' ? <a href="#/">Go to the start</a> : <a href="#/signin">Sign in</a>}</p>
      </div>
    );
  if (info.error && !info.data)
    return (
      <div class="screen auth">
        <ScreenTitle title="Invite">Your invite</ScreenTitle>
        <FormError error={info.error} fields={[]} />
        <button type="button" class="btn" onClick={info.retry}>Try again</button>
      </div>
    );

  if (status.kind !== 'signed_in')
    return (
      <div class="screen auth">
        <ScreenTitle title="Your invite">{trainer} invites you to unknot</ScreenTitle>
        <p class="lead">
          unknot guides your foam rolling, one tender spot at a time. With an account, {trainer} can check you're safe to roll, send you
          routines, and see how your tender spots ease over the weeks.
        </p>
        {haveAccount ? (
          <>
            <h2>Sign in, then accept</h2>
            <SignInForm />
            <p><button type="button" class="btn ghost" onClick={() => setHaveAccount(false)}>I'm new: create an account</button></p>
          </>
        ) : (
          <>
            <h2>Create your account</h2>
            <SignUpForm invite={token} role="self" />
            <p><button type="button" class="btn ghost" onClick={() => setHaveAccount(true)}>I already have an account</button></p>
          </>
        )}
      </div>
    );

  const me = status.user;
  const accept = async () => {
    setAccepting(true);
    setError(null);
    try {
      updateUser(await accounts.acceptInvite(token));
      navigate('/', true);
    } catch (e) {
      setError(e);
    } finally {
      setAccepting(false);
    }
  };
  return (
    <div class="screen auth">
      <ScreenTitle title="Your invite">{trainer} invites you to be their client</ScreenTitle>
      {me.role === 'trainer' || me.role === 'admin' ? (
        <>
          <p class="note warn">
            You're signed in as {me.name}, a {me.role === 'admin' ? 'administrator' : 'trainer'} account. An invite is for a personal account: sign
            out, then open this link again and create one.
          </p>
          <button type="button" class="btn" onClick={() => void accounts.logout().finally(() => signOutHere(false))}>Sign out</button>
        </>
      ) : me.trainer ? (
        <p class="note warn">
          You already have a trainer, {me.trainer.name}. To switch to {trainer}, leave {me.trainer.name} on your <a href="#/account">Account</a> page
          first, then open this link again.
        </p>
      ) : (
        <>
          <p class="lead">Signed in as {me.name}. If you accept:</p>
          <ul>
            <li>{trainer} can see your sessions, health check and progress, and send you routines.</li>
            <li>Everything stays yours: you can leave {trainer} any time on your Account page.</li>
            <li>You can see each time {trainer} looks at your data.</li>
          </ul>
          <FormError error={error} fields={[]} />
          <div class="actions">
            <button type="button" class="btn primary big" disabled={accepting} onClick={accept}>Accept {trainer} as my trainer</button>
            <a class="btn ghost" href="#/">Not now</a>
          </div>
        </>
      )}
    </div>
  );
}

function ResetScreen({ token, signedIn }: { token: string; signedIn: boolean }) {
  const [done, setDone] = useState(false);
  const { busy, error, onSubmit } = useSubmit(async (f) => {
    await accounts.resetPassword(token, f.password);
    setDone(true);
    if (signedIn) await refreshAuth().catch(() => undefined); // the reset signed this account out everywhere
  });
  if (done)
    return (
      <div class="screen auth">
        <ScreenTitle title="Password changed">Your password is changed</ScreenTitle>
        <p class="lead">For safety, this signed your account out on every device. Sign in with the new password.</p>
        <a class="btn primary big" href="#/signin">Sign in</a>
      </div>
    );
  return (
    <div class="screen auth">
      <ScreenTitle title="Set a new password">Set a new password</ScreenTitle>
      <form onSubmit={onSubmit} noValidate>
        <Field name="password" label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT}
          error={fieldError(error, 'password')} required minLength={12} />
        <FormError error={error} fields={['password']} />
        <button type="submit" class="btn primary big wide" disabled={busy}>{busy ? 'Saving…' : 'Set my new password'}</button>
      </form>
    </div>
  );
}
