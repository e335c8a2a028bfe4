import { describe, expect, it } from 'vitest';
import { SessionManager, storeKey } from './manager';
import { MemorySessionStore } from './store';

const MIN = 60_000;

function setup(tokenTtlMs = 24 * 60 * MIN) {
  let t = 1_700_000_000_000;
  const now = () => t;
  const store = new MemorySessionStore({ now, sweepIntervalMs: 0 });
  const m = new SessionManager(store, { idleTimeoutMs: 30 * MIN, absoluteTimeoutMs: 12 * 60 * MIN, now });
  const data = {
    token: 'TOKEN',
    user: { id: 'u', name: 'admin' },
    domain: { id: 'd', name: 'dom' },
    project: { id: 'p', name: 'cn-north-4' },
    tokenExpiresAt: t + tokenTtlMs,
  };
  return { m, store, data, advance: (ms: number) => (t += ms) };
}

describe('SessionManager', () => {
  it('creates a 256-bit random id and stores only its hash', async () => {
    const { m, store, data } = setup();
    const a = await m.create(data);
    const b = await m.create(data);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect(await store.get(storeKey(a.id))).toMatchObject({ token: 'TOKEN' });
  });

  it('expires after the idle timeout unless used; reading without touch does not extend', async () => {
    const { m, data, advance } = setup();
    const { id } = await m.create(data);
    advance(29 * MIN);
    expect((await m.load(id, { touch: true })).status).toBe('ok');
    advance(29 * MIN);
    expect((await m.load(id, { touch: false })).status).toBe('ok');
    advance(2 * MIN); // 31 min after the last touch
    expect((await m.load(id, { touch: false })).status).toBe('expired');
    expect((await m.load(id, { touch: true })).status).toBe('none'); // deleted
  });

  it('expires at the absolute timeout even when used all along', async () => {
    const { m, data, advance } = setup();
    const { id } = await m.create(data);
    for (let i = 0; i < 12 * 3; i++) {
      advance(20 * MIN);
      const r = await m.load(id, { touch: true });
      if (i < 12 * 3 - 1) expect(r.status).toBe('ok');
      else expect(r.status).toBe('expired');
    }
  });

  it('never outlives the token', async () => {
    const { m, data, advance } = setup(10 * MIN);
    const { id, session } = await m.create(data);
    expect(session.absoluteExpiresAt).toBe(data.tokenExpiresAt);
    advance(10 * MIN);
    expect((await m.load(id, { touch: true })).status).toBe('expired');
  });

  it('destroy removes the session; unknown ids are "none"', async () => {
    const { m, data } = setup();
    const { id } = await m.create(data);
    await m.destroy(id);
    expect((await m.load(id, { touch: true })).status).toBe('none');
    expect((await m.load(undefined, { touch: true })).status).toBe('none');
  });

  it('the memory store sweeps expired entries', async () => {
    const { m, store, data, advance } = setup();
    await m.create(data);
    await m.create(data);
    expect(store.size).toBe(2);
    advance(31 * MIN);
    expect(store.sweep()).toBe(2);
    expect(store.size).toBe(0);
    await store.close();
  });
});
