import { describe, expect, it } from 'vitest';
import { routeTemplate } from './route-template';

describe('routeTemplate', () => {
  it('names ids with the vendor parameter names of known routes', () => {
    expect(routeTemplate('/v2/p1/instances/i-1/apps/a-1')).toEqual({
      route: '/v2/{project_id}/instances/{instance_id}/apps/{app_id}',
      resourceIds: { project_id: 'p1', instance_id: 'i-1', app_id: 'a-1' },
    });
    expect(routeTemplate('/v2/p1/instances/i-1/apps/a-1/secret').route).toBe(
      '/v2/{project_id}/instances/{instance_id}/apps/{app_id}/secret',
    );
    expect(routeTemplate('/v2/p1/instances/i-1/dictionaries/d9')).toEqual({
      route: '/v2/{project_id}/instances/{instance_id}/dictionaries/{dict_id}',
      resourceIds: { project_id: 'p1', instance_id: 'i-1', dict_id: 'd9' },
    });
    expect(routeTemplate('/v2/p1/link/instances/i-1/devices/42/send-command')).toEqual({
      route: '/v2/{project_id}/link/instances/{instance_id}/devices/{device_id}/send-command',
      resourceIds: { project_id: 'p1', instance_id: 'i-1', device_id: '42' },
    });
    expect(routeTemplate('/v2/p1/fdi/instances/i-1/tasks').route).toBe('/v2/{project_id}/fdi/instances/{instance_id}/tasks');
  });

  it('prefers a literal segment over a parameter (actions are not ids)', () => {
    const t = routeTemplate('/v2/p1/link/instances/i-1/devices/force-offline');
    expect(t.route).toBe('/v2/{project_id}/link/instances/{instance_id}/devices/force-offline');
    expect(t.resourceIds).toEqual({ project_id: 'p1', instance_id: 'i-1' });
  });

  it('derives a generic template for paths the reference does not list', () => {
    expect(routeTemplate('/v2/p1/apic/instances/i-1/widgets/w%201/restart')).toEqual({
      route: '/v2/{project_id}/apic/instances/{instance_id}/widgets/{widget_id}/restart',
      resourceIds: { project_id: 'p1', instance_id: 'i-1', widget_id: 'w 1' },
    });
    expect(routeTemplate('/v2/p1/fdi/instances/i-1/policies/x/').route).toBe(
      '/v2/{project_id}/fdi/instances/{instance_id}/policies/{policy_id}',
    );
  });
});
