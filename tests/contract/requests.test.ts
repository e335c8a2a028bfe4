// Request schemas are what roma-local validates before any write: check their edges.
import { describe, expect, it } from 'vitest';
import {
  appListQuery,
  createAppRequest,
  createDictionaryRequest,
  dictionaryListQuery,
  normaliseRoles,
  passwordTokenRequest,
  resetSecretRequest,
  updateAppRequest,
  updateDictionaryRequest,
  updateAppMembersRequest,
} from '../../src/contract';

describe('apps', () => {
  it('accepts the documented name charset incl. Chinese and both parenthesis styles', () => {
    expect(createAppRequest.safeParse({ name: '订单 app_v1.2-(test)（测试）' }).success).toBe(true);
  });
  it.each([[''], ['a/b'], ['<script>'], ['x'.repeat(65)], ['semi;colon']])('rejects name %j', (name) => {
    expect(createAppRequest.safeParse({ name }).success).toBe(false);
  });
  it('rejects unknown fields and wrong types', () => {
    expect(createAppRequest.safeParse({ name: 'ok', roles: ['admin'] }).success).toBe(false);
    expect(createAppRequest.safeParse({ name: 'ok', favorite: 'yes' }).success).toBe(false);
    expect(createAppRequest.safeParse(['name']).success).toBe(false);
  });
  it('key must start with a letter, Chinese or digit; secret charset', () => {
    expect(createAppRequest.safeParse({ name: 'ok', key: '-abc' }).success).toBe(false);
    expect(createAppRequest.safeParse({ name: 'ok', key: 'k1@a.b' }).success).toBe(true);
    expect(resetSecretRequest.safeParse({ secret: 'Abc!@#$%+=.-/1' }).success).toBe(true);
    expect(resetSecretRequest.safeParse({ secret: 'has space 123' }).success).toBe(false);
    expect(resetSecretRequest.safeParse({ secret: null }).success).toBe(true);
    expect(resetSecretRequest.safeParse({}).success).toBe(true);
  });
  it('update needs at least one field', () => {
    expect(updateAppRequest.safeParse({}).success).toBe(false);
    expect(updateAppRequest.safeParse({ favorite: true }).success).toBe(true);
  });
  it('list query coerces strings and refuses junk', () => {
    expect(appListQuery.parse({ offset: '10', limit: '5', favorite: 'true' })).toEqual({ offset: 10, limit: 5, favorite: true });
    expect(appListQuery.safeParse({ offset: '-1' }).success).toBe(false);
    expect(appListQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(appListQuery.safeParse({ limit: '100000' }).success).toBe(false);
    expect(appListQuery.safeParse({ offset: '1e3' }).success).toBe(false);
    expect(appListQuery.safeParse({ favorite: 'yes' }).success).toBe(false);
    expect(appListQuery.safeParse({ auth_role: 'root' }).success).toBe(false);
  });
  it('members: known roles, no duplicate ids', () => {
    expect(updateAppMembersRequest.safeParse({ users: [] }).success).toBe(true);
    expect(updateAppMembersRequest.safeParse({ users: [{ id: 'u1', roles: ['read'] }, { id: 'u1', roles: ['read'] }] }).success).toBe(false);
    expect(updateAppMembersRequest.safeParse({ users: [{ id: 'u1', roles: ['owner'] }] }).success).toBe(false);
  });
  it('roles: admin implies all, read always present', () => {
    expect(normaliseRoles(['admin'])).toEqual(['read', 'access', 'delete', 'modify', 'admin']);
    expect(normaliseRoles(['modify'])).toEqual(['read', 'modify']);
    expect(normaliseRoles([])).toEqual(['read']);
  });
});

describe('dictionaries', () => {
  it('code charset is letters, digits, underscore and space only', () => {
    expect(createDictionaryRequest.safeParse({ name: '性别', code: 'GENDER_1' }).success).toBe(true);
    expect(createDictionaryRequest.safeParse({ name: 'x', code: '性别' }).success).toBe(false);
    expect(createDictionaryRequest.safeParse({ name: 'x', code: 'a-b' }).success).toBe(false);
    expect(createDictionaryRequest.safeParse({ name: 'x' }).success).toBe(false);
  });
  it('code and parent_code are immutable: not accepted by update', () => {
    expect(updateDictionaryRequest.safeParse({ code: 'NEW' }).success).toBe(false);
    expect(updateDictionaryRequest.safeParse({ parent_code: 'P' }).success).toBe(false);
    expect(updateDictionaryRequest.safeParse({ order: 2 }).success).toBe(true);
    expect(updateDictionaryRequest.safeParse({ order: 2.5 }).success).toBe(false);
  });
  it('list offset/limit accept the SDK strings', () => {
    expect(dictionaryListQuery.parse({ offset: '0', limit: '10' })).toEqual({ offset: 0, limit: 10 });
    expect(dictionaryListQuery.safeParse({ limit: 'ten' }).success).toBe(false);
  });
});

describe('IAM password token request', () => {
  const body = {
    auth: {
      identity: { methods: ['password'], password: { user: { domain: { name: 'd' }, name: 'u', password: 'p' } } },
      scope: { project: { name: 'cn-north-4' } },
    },
  };
  it('accepts project scope by name or id', () => {
    expect(passwordTokenRequest.safeParse(body).success).toBe(true);
    expect(passwordTokenRequest.safeParse({ auth: { ...body.auth, scope: { project: { id: 'abc' } } } }).success).toBe(true);
  });
  it('rejects other methods, missing password, empty project', () => {
    expect(passwordTokenRequest.safeParse({ auth: { ...body.auth, identity: { ...body.auth.identity, methods: ['token'] } } }).success).toBe(false);
    expect(passwordTokenRequest.safeParse({ auth: { ...body.auth, scope: { project: {} } } }).success).toBe(false);
    expect(passwordTokenRequest.safeParse({}).success).toBe(false);
  });
});
