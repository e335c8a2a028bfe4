import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appListResponse } from '../../contract/apps';
import { dictionary } from '../../contract/dictionaries';
import { instanceDetail } from '../../contract/instances';
import { fromDetail, fromListItem } from './instances';
import { fromWire as appFromWire, appPermissions } from './apps';
import { fromWire as dictFromWire } from './dictionaries';
import { instanceStatusKey, STATUS_TONE } from './status';

const EX = path.resolve(import.meta.dirname, '../../../tests/fixtures/roma-api-examples');
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(EX, p), 'utf8'));

describe('instance view model', () => {
  it('list and detail map onto the same model', () => {
    const fromList = fromListItem({ id: 'i1', name: 'demo', status: 'RUNNING', create_time: '2020-09-20T00:00:00Z', available_zone_ids: ['a', 'b'] });
    const fromDet = fromDetail({ id: 'i1', instance_name: 'demo', status: 'Running', instance_status: 6, create_time: 1600560000, available_zone_ids: '[a, b]' }, 'i1');
    for (const k of ['id', 'name', 'status', 'createdAt', 'availableZones'] as const) expect(fromList[k]).toEqual(fromDet[k]);
    expect(fromList.status).toBe('running');
  });
  it('the official (create-request shaped) detail example still gives a usable model', () => {
    const raw = instanceDetail.parse(read('instances/ShowDetailsOfInstanceV2.response.200.json'));
    const i = fromDetail(raw, 'from-url');
    expect(i.id).toBe('from-url');
    expect(i.name).toBe('apig-demo');
    expect(i.status).toBe('unknown');
    expect(i.availableZones).toEqual(['region01', 'region02']);
  });
  it('status vocabularies', () => {
    expect(instanceStatusKey('RUNNING')).toBe('running');
    expect(instanceStatusKey('Running')).toBe('running');
    expect(instanceStatusKey(undefined, 6)).toBe('running');
    expect(instanceStatusKey('CREATE_FAILED')).toBe('failed');
    expect(instanceStatusKey('DELETE_FALIED')).toBe('failed');
    expect(instanceStatusKey('FROZEN')).toBe('frozen');
    expect(instanceStatusKey(undefined, 37)).toBe('frozen');
    expect(instanceStatusKey('Creating')).toBe('creating');
    expect(instanceStatusKey('UpdateTimeout')).toBe('failed');
    expect(instanceStatusKey('whatever')).toBe('unknown');
    expect(STATUS_TONE.running).toBe('success');
    expect(STATUS_TONE.failed).toBe('error');
    expect(STATUS_TONE.frozen).toBe('warning');
    expect(STATUS_TONE.creating).toBe('processing');
    expect(STATUS_TONE.stopped).toBe('default');
  });
});

describe('apps and dictionaries', () => {
  it('official app list example', () => {
    const body = appListResponse.parse(read('apps/ListRomaApp.response.200.json'));
    const app = appFromWire(body.apps[0]!);
    expect(app.roles).toEqual(['read', 'access', 'delete', 'modify', 'admin']);
    expect(app.createdAt).toBe(Date.UTC(2019, 11, 6, 6, 49, 4));
    expect(appPermissions(app)).toEqual({ modify: true, delete: true, access: true, admin: true });
  });
  it('roles drive permissions; unknown roles are dropped', () => {
    const app = appFromWire({ id: 'a', name: 'n', roles: ['read', 'modify', 'bogus'] });
    expect(app.roles).toEqual(['read', 'modify']);
    expect(appPermissions(app)).toEqual({ modify: true, delete: false, access: false, admin: false });
    expect(appPermissions(appFromWire({ id: 'a', name: 'n' }))).toEqual({ modify: false, delete: false, access: false, admin: false });
  });
  it('official dictionary example', () => {
    const d = dictFromWire(dictionary.parse(read('dictionaries/CreateDictionary.response.200.json')));
    expect(d.system).toBe(true);
    expect(d.updatedAt).toBe(Date.UTC(2019, 11, 6, 6, 49, 4));
  });
});
