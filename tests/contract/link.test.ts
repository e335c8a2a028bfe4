// LINK contract: the vendor's examples parse as they are; request schemas enforce the reference's
// rules (strict keys, inverted flags, floored ids, capped limit, comma-separated online_status).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDeviceGroupRequest, createDeviceRequest, createProductRequest, device, deviceExportQuery, deviceListQuery,
  deviceStrict, devicesSummaryResponse, linkErrorBody, productTopicRequest, propertyRequest, resetDeviceAuthenticationRequest,
  sendCommandRequest, updateDeviceRequest,
} from '../../src/contract';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'roma-api-examples', 'link');
const load = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));

describe('LINK vendor examples', () => {
  it('CreateDevice request is accepted exactly as the seed gives it', () => {
    const r = createDeviceRequest.parse(load('CreateDevice.request.json'));
    expect(r.parent_device_id).toBe(10001);
    expect(r.product.product_id).toBe(10001);
    expect(r.tags).toEqual(['tag1', 'tag2']);
  });

  it('CreateDevice 201 parses leniently; its masked placeholders are not what roma-local sends', () => {
    const body = load('CreateDevice.response.201.json');
    const d = device.parse(body);
    expect(d.id).toBe(711537);
    expect(d.online_status).toBe(2);
    expect(d.client_id).toBe('D116303711537sGDtK');
    expect(deviceStrict.safeParse(body).success).toBe(true); // every field present and typed
  });

  it('ListDevicesInProduct 200', () => {
    expect(devicesSummaryResponse.parse(load('ListDevicesInProduct.response.200.json')).summary).toBe(0);
  });

  it('every LINK error example has the LINK error shape', () => {
    const errs = fs.readdirSync(dir).filter((f) => /\.response\.[45]\d\d\.json$/.test(f));
    expect(errs.length).toBe(9);
    for (const f of errs) expect(linkErrorBody.safeParse(load(f)).success, f).toBe(true);
  });
});

describe('LINK request rules', () => {
  const base = { product: { product_id: 1 }, device_name: 'dev-1', node_id: 'node_1', app_id: 'app' };

  it('unknown keys are refused', () => {
    expect(createDeviceRequest.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(createDeviceRequest.safeParse({ ...base, product: { product_id: 1, x: 1 } }).success).toBe(false);
  });

  it('ids in bodies are floored, zero and negatives refused', () => {
    expect(createDeviceRequest.parse({ ...base, product: { product_id: 7.9 } }).product.product_id).toBe(7);
    expect(createDeviceRequest.safeParse({ ...base, product: { product_id: 0 } }).success).toBe(false);
    expect(createDeviceRequest.safeParse({ ...base, product: { product_id: '1' } }).success).toBe(false);
  });

  it('product reference needs product_id or manufacturer_id + model', () => {
    expect(createDeviceRequest.safeParse({ ...base, product: { manufacturer_id: 'm' } }).success).toBe(false);
    expect(createDeviceRequest.safeParse({ ...base, product: { manufacturer_id: 'm', model: 'x' } }).success).toBe(true);
  });

  it('device password complexity and user name rules', () => {
    expect(createDeviceRequest.safeParse({ ...base, password: 'short1A!' }).success).toBe(true);
    expect(createDeviceRequest.safeParse({ ...base, password: 'nouppercase1!' }).success).toBe(false);
    expect(createDeviceRequest.safeParse({ ...base, password: 'NoSpecial123' }).success).toBe(false);
    expect(createDeviceRequest.safeParse({ ...base, user_name: 'short' }).success).toBe(false);
    expect(resetDeviceAuthenticationRequest.parse({ user_name: '', password: '' })).toEqual({ user_name: '', password: '' });
  });

  it('status is the inverted 0/1 flag, required on update', () => {
    expect(updateDeviceRequest.safeParse({ device_name: 'dev-1', status: 1 }).success).toBe(true);
    expect(updateDeviceRequest.safeParse({ device_name: 'dev-1', status: 2 }).success).toBe(false);
    expect(updateDeviceRequest.safeParse({ device_name: 'dev-1' }).success).toBe(false);
  });

  it('device list query: comma-separated online_status, capped limit, epoch-ms dates', () => {
    const q = deviceListQuery.parse({ online_status: '1, 2', limit: '5000', created_date_start: '1607408244841' });
    expect(q.online_status).toEqual([1, 2]);
    expect(q.limit).toBe(999);
    expect(q.created_date_start).toBe(1607408244841);
    expect(deviceListQuery.safeParse({ online_status: '3' }).success).toBe(false);
    expect(deviceListQuery.safeParse({ offset: '-1' }).success).toBe(false);
    expect(deviceListQuery.safeParse({ node_type: '5' }).success).toBe(false);
  });

  it('product create: enums of type and protocol', () => {
    const p = { app_id: 'a', name: '产品_1', manufacturer_id: 'm-1', manufacturer_name: 'M', model: 'X 1', product_type: 0, protocol_type: 0 };
    expect(createProductRequest.safeParse(p).success).toBe(true);
    expect(createProductRequest.safeParse({ ...p, protocol_type: 1 }).success).toBe(false);
    expect(createProductRequest.safeParse({ ...p, name: 'bad name!' }).success).toBe(false);
  });

  it('properties: numeric types need min/max/step, text types need max_length', () => {
    expect(propertyRequest.safeParse({ property_name: 'temp', data_type: 'integer', required: 0 }).success).toBe(false);
    expect(propertyRequest.safeParse({ property_name: 'temp', data_type: 'integer', required: 0, min: '0', max: '9', step: '1' }).success).toBe(true);
    expect(propertyRequest.safeParse({ property_name: 'label', data_type: 'string', required: 1, max_length: 20 }).success).toBe(true);
    expect(propertyRequest.safeParse({ property_name: '1abc', data_type: 'string', required: 1, max_length: 20 }).success).toBe(false);
    expect(propertyRequest.safeParse({ property_name: 'b', data_type: 'Integer', required: 1 }).success).toBe(false);
  });

  it('topics, commands, groups, export query', () => {
    expect(productTopicRequest.safeParse({ permission: 0, name: 'alarm/up', version: 'v1' }).success).toBe(true);
    expect(productTopicRequest.safeParse({ permission: 0, name: 'a', version: '.v1' }).success).toBe(false);
    expect(sendCommandRequest.safeParse({ service_id: 1, command_id: 2, is_sync: 'true' }).success).toBe(false);
    expect(createDeviceGroupRequest.parse({ parent_id: 0, name: 'root', app_id: 'a' }).parent_id).toBe(0);
    expect(deviceExportQuery.parse({ device_ids: '3' }).device_ids).toEqual([3]);
    expect(deviceExportQuery.parse({ device_ids: ['3', '4'] }).device_ids).toEqual([3, 4]);
  });
});
