// List-valued fields in the vendor's spellings, read once in the API layer.
import { describe, expect, it } from 'vitest';
import { app as appSchema, appMembersResponse } from '../../contract/apps';
import { instanceDetail } from '../../contract/instances';
import { appPermissions, fromWire as appFromWire } from './apps';
import { fromDetail, fromListItem } from './instances';
import { splitList } from './lists';

// The vendor's CreateRomaApp example answer (roles as one comma-joined element).
const CREATE_ROMA_APP_EXAMPLE = {
  id: 'b2e6b145-4f3f-4a80-aa45-f4b8029f95a3',
  name: 'AppName',
  remark: 'example',
  roles: ['read, access, delete, modify, admin'],
  create_time: '2019-12-06T06:49:04Z',
  update_time: '2019-12-06T06:49:04Z',
  created_user: { user_id: 'string', user_name: 'string' },
  last_updated_user: { user_id: 'string', user_name: 'string' },
  owner: true,
  key: 'TEI95R8RZ2pIf8UM',
  favorite: true,
};

describe('splitList', () => {
  it('flattens arrays, comma-joined elements and bracketed strings', () => {
    expect(splitList(['read, access, delete, modify, admin'])).toEqual(['read', 'access', 'delete', 'modify', 'admin']);
    expect(splitList(['read', 'access'])).toEqual(['read', 'access']);
    expect(splitList('[region01, region02]')).toEqual(['region01', 'region02']);
    expect(splitList('["a","b"]')).toEqual(['a', 'b']);
    expect(splitList(['a,b', ' b ', '', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList('')).toEqual([]);
  });
});

describe('roles in the vendor example read as five roles everywhere', () => {
  it('app: roles, permissions and tags', () => {
    const a = appFromWire(appSchema.parse(CREATE_ROMA_APP_EXAMPLE));
    expect(a.roles).toEqual(['read', 'access', 'delete', 'modify', 'admin']);
    expect(appPermissions(a)).toEqual({ modify: true, delete: true, access: true, admin: true });
    // without admin the joined list still grants what it names, nothing more
    const b = appFromWire(appSchema.parse({ ...CREATE_ROMA_APP_EXAMPLE, roles: ['read, Modify'] }));
    expect(b.roles).toEqual(['read', 'modify']);
    expect(appPermissions(b)).toEqual({ modify: true, delete: false, access: false, admin: false });
  });

  it('members: the same spelling in the member list', async () => {
    const { readRoles } = await import('./apps');
    const body = appMembersResponse.parse({ total: 1, id: 'x', users: [{ id: 'u1', name: 'alice', roles: ['read, access, delete, modify, admin'] }] });
    expect(readRoles(body.users[0]?.roles)).toEqual(['read', 'access', 'delete', 'modify', 'admin']);
  });

  it('instances: zones and features in any spelling', () => {
    const d = fromDetail(instanceDetail.parse({ id: 'i', available_zone_ids: '[region01, region02]', supported_features: ['lts, cors', 'mqtt'] }), 'i');
    expect(d.availableZones).toEqual(['region01', 'region02']);
    expect(d.features).toEqual(['lts', 'cors', 'mqtt']);
    expect(fromListItem({ id: 'i', available_zone_ids: ['a, b'] }).availableZones).toEqual(['a', 'b']);
  });
});
