import { render } from 'preact';
import { App } from './app';
import { refreshAuth } from './auth';
import { startSync } from './sync/sync';
import './styles.css';

const root = document.getElementById('app')!;
root.textContent = ''; // the "Loading" placeholder: render() adds to what is there
void refreshAuth().catch(() => undefined); // who is signed in (the last user, remembered, shows meanwhile)
render(<App />, root);
startSync();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined); // the app works without it, just not offline
  });
}
