// OutboxStorage over IndexedDB: database "unknot-outbox", stores "sessions" (by client_id) and
// "events" (by event id, indexed by client_id). Each call is one short transaction.
import type { OutboxEvent, OutboxSession, OutboxStorage } from './queue';

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });

export function openOutboxDb(name = 'unknot-outbox'): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('sessions', { keyPath: 'client_id' });
      db.createObjectStore('events', { keyPath: 'id' }).createIndex('client_id', 'client_id');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

export class IdbStorage implements OutboxStorage {
  constructor(private readonly db: IDBDatabase) {}

  async #read<T>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return req(op(this.db.transaction(store, 'readonly').objectStore(store)));
  }
  async #write(store: string, op: (s: IDBObjectStore) => void): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    op(tx.objectStore(store));
    return done(tx);
  }

  sessions() {
    return this.#read<OutboxSession[]>('sessions', (s) => s.getAll());
  }
  putSession(x: OutboxSession) {
    return this.#write('sessions', (s) => s.put(x));
  }
  deleteSession(id: string) {
    return this.#write('sessions', (s) => s.delete(id));
  }
  events(clientId: string) {
    return this.#read<OutboxEvent[]>('events', (s) => s.index('client_id').getAll(clientId));
  }
  getEvent(id: string) {
    return this.#read<OutboxEvent | undefined>('events', (s) => s.get(id));
  }
  putEvent(e: OutboxEvent) {
    return this.#write('events', (s) => s.put(e));
  }
  deleteEvents(ids: string[]) {
    return this.#write('events', (s) => ids.forEach((id) => s.delete(id)));
  }
}
