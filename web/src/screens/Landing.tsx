// The first thing someone without an account sees: what unknot is, in one screen, and a way
// to try a routine at once (src/guest.ts), or to make an account or sign in.
import { ScreenTitle } from '../components/ui';
import { guest } from '../guest';
import { navigate } from '../lib/router';

export function Landing() {
  const tryNow = () => {
    guest.set(true);
    navigate('/screening');
  };
  return (
    <div class="screen landing">
      <ScreenTitle title="unknot">Foam rolling, coached step by step</ScreenTitle>
      <p class="lead">
        unknot runs your foam-rolling session for you. It checks first that rolling is safe for you, then for each place you pick it has you
        roll slowly, find the most tender spot and rest on it for 30 to 90 seconds until it eases, and ends with a stretch. Over the weeks it
        shows whether those spots are getting fewer and milder.
      </p>
      <div class="actions landing-cta">
        <button type="button" class="btn primary huge" onClick={tryNow}>Try a routine now<small>no account needed</small></button>
      </div>
      <ul class="steps">
        <li><strong>You need</strong> a foam roller (or a ball) and a bit of floor.</li>
        <li><strong>Eyes off the screen:</strong> the phone lies beside you, speaks each step and buzzes; the buttons are big.</li>
        <li><strong>Trainers</strong> assess clients, send routines, print handouts and see who kept up.</li>
      </ul>
      <div class="actions">
        <a class="btn" href="#/signup">Create an account</a>
        <a class="btn ghost" href="#/signin">Sign in</a>
      </div>
      <p class="muted small">
        Trying without an account keeps your answers and your session on this device only. Create an account when you want to keep them.
        unknot is not medical advice: if something hurts sharply, stop.
      </p>
    </div>
  );
}
