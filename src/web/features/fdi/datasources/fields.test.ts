import { describe, expect, it } from 'vitest';
import { datasourceInfo } from '../../../../contract/fdi';
import { addressOf, formKind, fromContent, toDatasourceInfo } from './fields';

describe('data source form per type', () => {
  it('only the fields the type and mode use', () => {
    const base = { datasource_name: 'pg', app_id: 'a1', host: ' 127.0.0.1 ', port: '5432', database_name: 'db', user_name: 'postgres', password: '', url: 'jdbc:x', encoding: 'utf8' };
    const pg = toDatasourceInfo({ ...base, datasource_type: 'POSTGRESQL', mode: 'default' });
    expect(pg.content).toEqual({ mode: 'default', host: '127.0.0.1', port: '5432', database_name: 'db', user_name: 'postgres', encoding: 'utf8' });
    expect(datasourceInfo.safeParse(pg).success).toBe(true);
    const pro = toDatasourceInfo({ ...base, datasource_type: 'MYSQL', mode: 'professional', password: 'p' });
    expect(pro.content).toEqual({ mode: 'professional', url: 'jdbc:x', user_name: 'postgres', password: 'p' });
    const lite = toDatasourceInfo({ ...base, datasource_type: 'SQLITE', database_name: 'demo.db' });
    expect(lite.content).toEqual({ database_name: 'demo.db' });
    const oracle = toDatasourceInfo({ ...base, datasource_type: 'ORACLE', mode: 'professional' });
    expect(oracle.content).not.toHaveProperty('mode');
    expect(toDatasourceInfo({ ...base, datasource_type: 'KAFKA', contentJson: '{"broker":"h:9092"}' }).content).toEqual({ broker: 'h:9092' });
  });
  it('kinds, saved values and the address line', () => {
    expect([formKind('MYSQL'), formKind('DWS'), formKind('SQLITE'), formKind('KAFKA')]).toEqual(['relational', 'relationalDefaultOnly', 'file', 'json']);
    expect(fromContent('MYSQL', { host: 'h', port: 3306, mode: 'default' })).toMatchObject({ host: 'h', port: '3306', mode: 'default' });
    expect(fromContent('KAFKA', { broker: 'b', password: '' }).contentJson).toBe('{\n  "broker": "b"\n}');
    expect(addressOf('POSTGRESQL', { host: 'h', port: '5432', database_name: 'd' })).toBe('h:5432/d');
    expect(addressOf('SQLITE', { database_name: 'demo.db' })).toBe('demo.db');
  });
});
