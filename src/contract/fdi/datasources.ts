// FDI data sources (fdi.md §1): connection content, create/test body, list, tables and columns.
import { z } from 'zod';
import { datasourceType, entities, fdiOffsetLimitQuery, fdiId, int64, sortType } from './base';
import { issueReporter } from '../refine';

export const DATASOURCE_NAME_PATTERN = /^[^&<>"'()]+$/;
export const datasourceName = z.string().trim().min(1).max(255).regex(DATASOURCE_NAME_PATTERN, 'must not contain & < > " \' ( )');
/** `port` is a string on the wire; a number is accepted and turned into one. */
export const portString = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,5}$/, 'port must be 0-65535').refine((s) => Number(s) <= 65535, 'port must be 0-65535'));

const str = z.string().max(4096); // (chosen) generic limit for connection strings
const secret = z.string().max(1024); // (chosen)

/** `Content` — connection settings; which fields apply depends on the type (fdi.md §1). */
export const datasourceContent = z.strictObject({
  host: str.optional(),
  port: portString.optional(),
  database_name: str.optional(),
  user_name: str.optional(),
  password: secret.optional(),
  mode: z.enum(['default', 'professional', 'multiAddress']).optional(),
  url: str.optional(),
  cdc_mode: z.enum(['xstream', 'logminer']).optional(),
  multi_oracle_address: z.array(z.strictObject({ oracle_address: str, oracle_port: portString })).max(32).optional(),
  oracle_service_name: str.optional(),
  encoding: z.string().max(32).optional(),
  mysql_timeout: z.number().int().min(0).max(3600).optional(),
  gauss100_version: z.enum(['V100R003C20', 'V300R001C00']).optional(),
  redis_database: str.optional(),
  address: str.optional(),
  mongodb_auth_source: str.optional(),
  mongodb_cluster_enable: z.boolean().optional(),
  mongodb_replica_set: str.optional(),
  ak: secret.optional(),
  sk: secret.optional(),
  bucket_name: str.optional(),
  https: z.boolean().optional(),
  broker: str.optional(),
  ssl: z.boolean().optional(),
  ssl_enable: z.boolean().optional(),
  ssl_username: str.optional(),
  ssl_password: secret.optional(),
  trust_store: str.optional(),
  trust_store_password: secret.optional(),
  trust_store_file_type: z.enum(['jks', 'ts']).optional(),
  ssl_auth_method: z.enum(['one-way', 'two-way']).optional(),
  key_store: str.optional(),
  key_store_file_type: z.enum(['ks', 'jks']).optional(),
  key_store_password: secret.optional(),
  key_store_key_password: secret.optional(),
  ftp_connect_mode: z.enum(['active', 'passive']).optional(),
  ftp_protocol: z.enum(['sftp', 'ftp']).optional(),
  api_method: z.enum(['POST', 'PUT', 'DELETE', 'PATCH', 'GET']).optional(),
  auth_method: z.enum(['none', 'basicauth']).optional(),
  api_auth_detail: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
  dis_tunnel_name: str.optional(),
  dis_data_type: z.enum(['JSON']).optional(),
  dis_setting_type: z.enum(['basic', 'senior']).optional(),
  dis_endpoint: str.optional(),
  dis_region: str.optional(),
  dis_source_project_id: str.optional(),
  hl7_position: z.enum(['source', 'target']).optional(),
  hl7_whitelist_enable: z.boolean().optional(),
  hl7_whitelist: str.optional(),
  ldap_security_auth_type: z.enum(['no', 'simple']).optional(),
  rabbitmq_virtual_host: str.optional(),
  rabbitmq_ssl_protocol: z.enum(['TLS']).optional(),
  sap_client: str.optional(),
  sap_sysnr: str.optional(),
  snmp_network_protocol: z.enum(['udp', 'tcp']).optional(),
  snmp_version: z.union([z.literal(0), z.literal(1), z.literal(3), z.enum(['0', '1', '3'])]).optional(),
  snmp_community: str.optional(),
  ibmmq_ccs_id: str.optional(),
  ibmmq_queue_manager: str.optional(),
  ibmmq_channel: str.optional(),
  ibmmq_cipher_suite: str.optional(),
  hdfs_path: str.optional(),
  principal_name: str.optional(),
  config_file_name: str.optional(),
  config_file_content: z.string().max(1_000_000).optional(),
  connection_instance_id: str.optional(),
  connector_params: z.unknown().optional(),
});
export type DatasourceContent = z.output<typeof datasourceContent>;

/** Relational types that need host/port/database (default mode) or url (professional). */
const NEEDS_ADDRESS = new Set(['MYSQL', 'POSTGRESQL', 'SQLSERVER', 'DB2', 'GAUSS200', 'GAUSS100', 'TAURUS', 'DWS', 'HANA', 'HIVE']);

/** `DatasourceInfo` — create, update and test-connect body. */
export const datasourceInfo = z
  .strictObject({
    datasource_name: datasourceName,
    datasource_type: datasourceType,
    app_id: fdiId,
    content: datasourceContent,
    description: z.string().max(1024).optional(), // (chosen)
  })
  .superRefine((v, ctx) => {
    const issue = issueReporter(ctx);
    const c = v.content;
    if (v.datasource_type === 'SQLITE') {
      if (!c.database_name) issue(['content', 'database_name'], 'required: a file name inside the FDI data folder');
      return;
    }
    if (!NEEDS_ADDRESS.has(v.datasource_type)) return;
    if (c.mode === 'professional') {
      if (!c.url) issue(['content', 'url'], 'required in professional mode');
      return;
    }
    for (const k of ['host', 'port', 'database_name'] as const) {
      if (!c[k]) issue(['content', k], 'required in default mode');
    }
  });
export type DatasourceInfo = z.input<typeof datasourceInfo>;

export const datasourceListQuery = fdiOffsetLimitQuery.extend({
  datasource_type: z.string().max(32).optional(),
  sort_field: z.enum(['CREATED_DATE']).optional(),
  sort_type: sortType.optional(),
  name: z.string().max(255).optional(),
  app_id: z.string().max(64).optional(),
  custom_plugin_id: z.string().max(64).optional(),
});
export type DatasourceListQuery = z.input<typeof datasourceListQuery>;

export const APP_PERMISSIONS = ['read', 'access', 'delete', 'modify'] as const;

/** `DataSourceRsp`. Passwords are never echoed: roma-local sends `password` as "" (local). */
export const datasource = z.object({
  datasource_id: z.string(),
  datasource_name: z.string(),
  datasource_type: z.string(),
  vpc_id: z.string().nullish(),
  app_id: z.string().nullish(),
  app_name: z.string().nullish(),
  instance_id: z.string().nullish(),
  create_time: int64.nullish(),
  update_time: int64.nullish(),
  custom_plugin_id: z.string().nullish(),
  content: z.looseObject({ port: z.union([z.string(), z.number()]).nullish() }).nullish(),
  description: z.string().nullish(),
  app_permission: z.array(z.string()).nullish(),
});
export type Datasource = z.infer<typeof datasource>;
export const datasourceStrict = datasource.extend({
  datasource_type: datasourceType,
  vpc_id: z.string(),
  app_id: z.string(),
  app_name: z.string(),
  instance_id: z.string(),
  create_time: int64,
  update_time: int64,
  custom_plugin_id: z.string(),
  content: z.looseObject({ port: z.string().optional(), password: z.literal('').optional() }),
  description: z.string(),
  app_permission: z.array(z.enum(APP_PERMISSIONS)),
});
export const datasourceListResponse = entities(datasource);
export type DatasourceListResponse = z.infer<typeof datasourceListResponse>;

export const testConnectResponse = z.object({ result: z.boolean() });

export const tablePosition = z.enum(['SOURCE', 'TARGET']);
export const datasourceTablesQuery = z.object({
  position: tablePosition,
  db_name: z.string().max(255).optional(),
  db_schema: z.string().max(255).optional(),
  filter: z.string().max(255).optional(),
});
export const datasourceTablesResponse = z.object({ tables: z.array(z.string()) });
export const datasourceColumnsQuery = z.object({
  position: tablePosition,
  db_name: z.string().max(255).optional(),
  table_name: z.string().min(1).max(255),
});
/** `ColumnInfo`; flags are strings ("0"/"1"). */
export const columnInfo = z.object({
  field_name: z.string(),
  field_type: z.string().nullish(),
  field_length: z.string().nullish(),
  null_able: z.string().nullish(),
  is_partition: z.boolean().nullish(),
  primary: z.string().nullish(),
  unique: z.string().nullish(),
  decimal_digits: z.string().nullish(),
});
export type ColumnInfo = z.infer<typeof columnInfo>;
export const datasourceColumnsResponse = z.object({ columns: z.array(columnInfo) });

/** (local) `GET …/fdi/instances/{i}/connector-types`: which types this service can test and run.
 * The real cloud has no such route (404): the console then offers the vendor list without SQLITE. */
export const connectorTypesResponse = z.object({
  datasource_types: z.array(z.object({ datasource_type: z.string(), runnable: z.boolean(), local_extension: z.boolean() })),
});
export type ConnectorTypesResponse = z.infer<typeof connectorTypesResponse>;
