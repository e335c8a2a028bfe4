// LINK error codes roma-local answers with. Body shape: {error_code, error_msg, request_id}.
// Generic situations (token, URL, JSON, parameters) come from ../errors.ts with the LINK column:
//
// | Situation                                   | HTTP | Code            |
// |---------------------------------------------|------|-----------------|
// | no / unknown / expired token                | 401  | SCB.00000000    |
// | token of another project                    | 403  | RML.0008        |
// | unknown URL, method not allowed             | 404/405 | SCB.00000000 |
// | invalid parameter (field named)             | 400  | SCB.00000000    |
// | body is not JSON / missing / too large      | 400/400/413 | RML.0003 / RML.0005 / RML.0002 |
// | unsupported Content-Type                    | 415  | RML.0006        |
// | instance does not exist                     | 404  | ROMA.00110002 (vendor answers 500; see README) |
// | product / device / group / topic / service / command / property / app does not exist | 404 | ROMA.00110006 |
// | product name already used in the instance   | 409  | RML.0201 (chosen) |
// | manufacturer_id + model already used        | 409  | RML.0202 (chosen) |
// | device name already used in the instance    | 409  | RML.0203 (chosen) |
// | node_id already used in the product         | 409  | RML.0204 (chosen) |
// | device user name already used               | 409  | RML.0205 (chosen) |
// | group name already used under that parent   | 409  | RML.0206 (chosen) |
// | topic / service / command / property name already used | 409 | RML.0207 (chosen) |
// | product still has devices (delete)          | 409  | RML.0210 (chosen) |
// | group still has child groups (delete)       | 409  | RML.0211 (chosen) |
// | device online (delete)                      | 409  | RML.0212 (chosen) |
// | gateway still has sub-devices (delete)      | 409  | RML.0213 (chosen) |
// | device of another app than the group        | 400  | RML.0214 (chosen) |
// | sub-devices: device is not a gateway        | 400  | RML.0237 (vendor) |
// | sub-device candidate is not an ordinary device, or already attached | 400 | RML.0215 (chosen) |
// | sync command: device offline                | 409  | RML.0236 (vendor, probable) |
// | sync command: no reply within 5 s           | 504  | RML.0239 (chosen) |
// | command to a non-MQTT product               | 400  | RML.0240 (chosen) |
// | export in xls (only csv is produced)        | 400  | RML.0011 (vendor: export failed) |
// | unexpected server fault                     | 500  | RML.9999 (chosen) |
import { ApiError } from '../errors';

export const LINK = {
  notFound: (what: string, id: string | number) =>
    new ApiError(404, 'ROMA.00110006', `The resource does not exist. Check whether the resource ID ${id} is correct. (${what})`),
  productNameUsed: (name: string) => new ApiError(409, 'RML.0201', `A product named '${name}' already exists in this instance.`),
  modelUsed: (m: string, model: string) =>
    new ApiError(409, 'RML.0202', `A product with manufacturer_id '${m}' and model '${model}' already exists in this instance.`),
  deviceNameUsed: (name: string) => new ApiError(409, 'RML.0203', `A device named '${name}' already exists in this instance.`),
  nodeIdUsed: (node: string) => new ApiError(409, 'RML.0204', `The node_id '${node}' is already used by a device of this product.`),
  userNameUsed: () => new ApiError(409, 'RML.0205', 'This device user name is already used by another device.'),
  groupNameUsed: (name: string) => new ApiError(409, 'RML.0206', `A group named '${name}' already exists under this parent.`),
  nameUsed: (what: string, name: string) => new ApiError(409, 'RML.0207', `A ${what} named '${name}' already exists here.`),
  productHasDevices: (n: number) =>
    new ApiError(409, 'RML.0210', `The product still has ${n} device(s). Delete its devices first.`),
  groupHasChildren: () => new ApiError(409, 'RML.0211', 'The group still has child groups. Delete or move them first.'),
  deviceOnline: (name: string) =>
    new ApiError(409, 'RML.0212', `The device '${name}' is online. Bring the device offline first (force offline), then delete it.`),
  gatewayHasSubsets: (name: string) =>
    new ApiError(409, 'RML.0213', `The gateway '${name}' still has sub-devices. Delete them first.`),
  groupOtherApp: (id: number) => new ApiError(400, 'RML.0214', `Device ${id} belongs to another integration app than the group.`),
  notGateway: (name: string) => new ApiError(400, 'RML.0237', `The device '${name}' is not a gateway.`),
  badSubset: (msg: string) => new ApiError(400, 'RML.0215', msg),
  deviceOffline: () => new ApiError(409, 'RML.0236', 'The device is offline. Bring the device online and retry.'),
  commandTimeout: (ms: number) => new ApiError(504, 'RML.0239', `The device did not answer the command within ${ms / 1000} s.`),
  notMqtt: () => new ApiError(400, 'RML.0240', 'Commands can only be sent to devices of MQTT products.'),
  exportFormat: () => new ApiError(400, 'RML.0011', 'Export failed: roma-local produces csv only (file_export_type=csv).'),
  invalid: (msg: string) => new ApiError(400, 'SCB.00000000', msg),
};

/** Maps a SQLite UNIQUE violation on a LINK table to its 409, else rethrows. */
export function uniqueTo(err: unknown, map: Record<string, () => ApiError>): never {
  const msg = err instanceof Error ? err.message : '';
  if ((err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    for (const [needle, make] of Object.entries(map)) if (msg.includes(needle)) throw make();
  }
  throw err;
}
