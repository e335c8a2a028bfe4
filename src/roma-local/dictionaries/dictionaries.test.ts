import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryStrict, listEnvelope, romaErrorBody, validateDictionaryResponse } from '../../contract/index';
import { clock, session, start } from '../test-helpers';

const dictList = listEnvelope('dictionaries', dictionaryStrict).strict();

describe('dictionaries', () => {
  const c = clock();
  let h: Awaited<ReturnType<typeof start>>;
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => { h = await start({ now: c.now }); s = await session(h); });
  afterAll(async () => { await h.close(); });

  const create = (body: Record<string, unknown>) => s.req('POST', '/dictionaries', { body });
  const list = async (qs = '') => dictList.parse((await s.req('GET', `/dictionaries${qs}`)).body);

  it('lists seeded system dictionaries: top level only by default, children by parent_code', async () => {
    const top = await list();
    expect(top.total).toBe(3);
    expect(top.dictionaries.map((d) => d.code)).toEqual(['GENDER', 'REGION', 'DATA_SOURCE_TYPE']); // by order
    expect(top.dictionaries.every((d) => d.type === 'system' && d.parent_code === '')).toBe(true);
    const kids = await list('?parent_code=GENDER');
    expect(kids.dictionaries.map((d) => d.code)).toEqual(['MALE', 'FEMALE', 'UNKNOWN']);
    expect(kids.dictionaries.every((d) => d.parent_code === 'GENDER')).toBe(true);
    expect((await list('?parent_code=NOPE')).total).toBe(0);
  });

  it('pages with offset/limit as strings; total independent of paging', async () => {
    const r = await list('?parent_code=REGION&offset=1&limit=2');
    expect(r).toMatchObject({ total: 4, size: 2 });
    expect(r.dictionaries.map((d) => d.code)).toEqual(['CN_EAST_3', 'CN_SOUTH_1']);
    expect((await list('?parent_code=REGION&offset=4')).size).toBe(0);
    for (const bad of ['offset=-1', 'limit=0', 'limit=100000', 'offset=x', 'limit=1.5']) {
      const res = await s.req('GET', `/dictionaries?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(romaErrorBody.parse(res.body).error_code).toBe('ROMA.13000');
    }
  });

  it('filters code and name fuzzily (case-insensitive)', async () => {
    expect((await list('?code=gend')).dictionaries.map((d) => d.code)).toEqual(['GENDER']);
    expect((await list('?name=SOURCE')).dictionaries.map((d) => d.code)).toEqual(['DATA_SOURCE_TYPE']);
    expect((await list('?parent_code=REGION&name=hong')).dictionaries.map((d) => d.code)).toEqual(['AP_SOUTHEAST_1']);
  });

  it('creates a user dictionary and a child (201), ordered by order then code', async () => {
    const p = await create({ name: 'Colour', code: 'COLOUR', remark: 'colours', order: 10 });
    expect(p.status).toBe(201);
    expect(dictionaryStrict.strict().parse(p.body)).toMatchObject({ type: 'user', parent_code: '', code: 'COLOUR', order: 10 });
    for (const [code, name, order] of [['RED', 'Red', 2], ['BLUE', 'Blue', 1], ['AMBER', 'Amber', 2]] as const) {
      const r = await create({ name, code, order, parent_code: 'COLOUR', extend_one: 'x 1', extend_two: '颜色' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ parent_code: 'COLOUR', type: 'user', extend_two: '颜色' });
    }
    expect((await list('?parent_code=COLOUR')).dictionaries.map((d) => d.code)).toEqual(['BLUE', 'AMBER', 'RED']);
    // a child under a system dictionary is fine too
    expect((await create({ name: 'Other gender', code: 'OTHER', parent_code: 'GENDER' })).status).toBe(201);
  });

  it('refuses duplicates (409), missing parents and a third level (400)', async () => {
    const dupCode = await create({ name: 'Another', code: 'GENDER' });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error_code).toBe('ROMA.00110007');
    expect((await create({ name: 'Gender', code: 'GENDER2' })).status).toBe(409);
    const noParent = await create({ name: 'Orphan', code: 'ORPHAN', parent_code: 'MISSING' });
    expect(noParent.status).toBe(400);
    expect(noParent.body.error_code).toBe('ROMA.00110010');
    const deep = await create({ name: 'Grandchild', code: 'GRAND', parent_code: 'MALE' });
    expect(deep.status).toBe(400);
    expect(deep.body.error_code).toBe('ROMA.00110011');
    expect((await s.req('GET', '/validate-dictionaries?code=GRAND')).status).toBe(404); // nothing written
  });

  it('shows and updates (partial; code and parent_code immutable; unknown fields rejected)', async () => {
    const d = (await create({ name: 'Editable', code: 'EDITABLE' })).body;
    c.advance(2000);
    const u = await s.req('PUT', `/dictionaries/${d.id}`, { body: { remark: 'changed', order: 3 } });
    expect(u.status).toBe(200);
    expect(dictionaryStrict.parse(u.body)).toMatchObject({ name: 'Editable', remark: 'changed', order: 3, code: 'EDITABLE' });
    expect(u.body.update_time).not.toBe(d.update_time);
    for (const body of [{ code: 'NEW' }, { parent_code: 'GENDER' }, { type: 'system' }, { colour: 1 }]) {
      const r = await s.req('PUT', `/dictionaries/${d.id}`, { body });
      expect(r.status).toBe(400);
      expect(r.body.error_msg).toContain(Object.keys(body)[0]);
    }
    expect((await s.req('PUT', `/dictionaries/${d.id}`, { body: { name: 'Region' } })).status).toBe(409);
    const shown = await s.req('GET', `/dictionaries/${d.id}`);
    expect(dictionaryStrict.parse(shown.body)).toMatchObject({ code: 'EDITABLE', remark: 'changed' });
    // system dictionaries are editable
    const gender = (await list('?code=GENDER')).dictionaries[0] as { id: string };
    const g = await s.req('PUT', `/dictionaries/${gender.id}`, { body: { remark: 'edited system entry' } });
    expect(g.status).toBe(200);
    expect(g.body.type).toBe('system');
  });

  it('deletes user dictionaries (204 then 404); refuses system ones and parents with children', async () => {
    const gender = (await list('?code=GENDER')).dictionaries[0] as { id: string };
    const sys = await s.req('DELETE', `/dictionaries/${gender.id}`);
    expect(sys.status).toBe(403);
    expect(romaErrorBody.parse(sys.body)).toMatchObject({ error_code: 'ROMA.00110008' });
    expect(sys.body.error_msg).toMatch(/system dictionaries cannot be deleted/i);
    const male = (await list('?parent_code=GENDER&code=MALE')).dictionaries[0] as { id: string };
    expect((await s.req('DELETE', `/dictionaries/${male.id}`)).status).toBe(403);

    const colour = (await list('?code=COLOUR')).dictionaries[0] as { id: string };
    const withKids = await s.req('DELETE', `/dictionaries/${colour.id}`);
    expect(withKids.status).toBe(409);
    expect(withKids.body.error_code).toBe('ROMA.00110009');
    for (const k of (await list('?parent_code=COLOUR')).dictionaries) {
      const r = await s.req('DELETE', `/dictionaries/${k.id}`);
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
    }
    expect((await s.req('DELETE', `/dictionaries/${colour.id}`)).status).toBe(204);
    for (const m of ['GET', 'DELETE', 'PUT']) {
      const r = await s.req(m, `/dictionaries/${colour.id}`, m === 'PUT' ? { body: { remark: 'x' } } : {});
      expect(r.status).toBe(404);
      expect(r.body.error_code).toBe('ROMA.00110006');
      expect(r.body.error_msg).toContain(colour.id);
    }
  });

  it('validate-dictionaries: exact name/code → 200 {name, code}, else 404', async () => {
    const r = await s.req('GET', '/validate-dictionaries?code=REGION');
    expect(r.status).toBe(200);
    expect(validateDictionaryResponse.strict().parse(r.body)).toEqual({ name: 'Region', code: 'REGION' });
    expect((await s.req('GET', '/validate-dictionaries?name=Region')).body.code).toBe('REGION');
    expect((await s.req('GET', '/validate-dictionaries?name=region')).status).toBe(404);
    expect((await s.req('GET', '/validate-dictionaries?code=REG')).status).toBe(404);
    expect((await s.req('GET', '/validate-dictionaries?code=REGION&name=Gender')).status).toBe(404);
    expect((await s.req('GET', '/validate-dictionaries')).status).toBe(400);
  });
});
