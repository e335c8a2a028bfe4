// The vendor's official examples are fixtures: the contract must accept them (console side is
// lenient), and the error bodies of every family must parse with that family's error schema.
// Copied from shared/roma-api/examples so the suite runs from a bare clone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apicErrorBody,
  appListResponse,
  dictionary,
  fdiErrorBody,
  instanceDetail,
  instanceDetailStrict,
  linkErrorBody,
  romaErrorBody,
  anyErrorBody,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples');
const load = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
const files = (family: string): string[] => fs.readdirSync(path.join(dir, family)).filter((f) => f.endsWith('.json'));

describe('official success examples parse', () => {
  it('ListRomaApp 200 (total/size do not match the list: accepted)', () => {
    const r = appListResponse.parse(load('apps/ListRomaApp.response.200.json'));
    expect(r.apps).toHaveLength(1);
    expect(r.apps[0]!.roles).toEqual(['admin']);
    expect(r.total).toBe(0);
  });

  it('CreateDictionary 200', () => {
    const d = dictionary.parse(load('dictionaries/CreateDictionary.response.200.json'));
    expect(d.type).toBe('system');
  });

  it('ShowDetailsOfInstanceV2 200 (create-request shaped, spec outside the enum) parses leniently only', () => {
    const example = load('instances/ShowDetailsOfInstanceV2.response.200.json');
    const d = instanceDetail.parse(example);
    expect(d.instance_name).toBe('apig-demo');
    expect(d.spec).toBe('PROFESSIONAL');
    // what roma-local sends is strict: the same body would be refused there
    expect(instanceDetailStrict.safeParse(example).success).toBe(false);
  });
});

const errorSchemas = {
  apps: romaErrorBody,
  dictionaries: romaErrorBody,
  instances: apicErrorBody, // the detail endpoint sits under the APIC prefix
  apic: apicErrorBody,
  link: linkErrorBody,
  fdi: fdiErrorBody,
} as const;

describe('every family error example parses with its family schema', () => {
  for (const [family, schema] of Object.entries(errorSchemas)) {
    const errors = files(family).filter((f) => /\.response\.[45]\d\d\.json$/.test(f));
    it(`${family}: ${errors.length} error bodies`, () => {
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) {
        const body = load(`${family}/${f}`);
        const r = schema.safeParse(body);
        expect(r.success, `${family}/${f}`).toBe(true);
        expect(anyErrorBody.safeParse(body).success).toBe(true);
      }
    });
  }

  it('a success body is not mistaken for an error body', () => {
    expect(anyErrorBody.safeParse(load('apps/ListRomaApp.response.200.json')).success).toBe(false);
  });
});
