// LINK: products, their custom topics and thing model (services, properties, commands and their
// request/response parameters), devices with credentials, status and shadow, queued commands,
// device groups. Ids are INTEGER (the family's int32 ids). Device indexes serve the list filters
// on 100 000+ devices (every list is ordered by id DESC = newest first).
import type { Migration } from '../migrate';

export const m005Link: Migration = {
  version: 5,
  name: 'link',
  up(db) {
    db.exec(`
      CREATE TABLE link_products (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        app_id TEXT NOT NULL,                  -- no FK: an app may go, its products stay visible
        product_serial TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        manufacturer_id TEXT NOT NULL,
        manufacturer_name TEXT NOT NULL,
        model TEXT NOT NULL,
        product_type INTEGER NOT NULL,
        protocol_type INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        device_type TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '',
        data_format INTEGER NOT NULL DEFAULT 0,
        template_id INTEGER,
        auth_user_name TEXT NOT NULL,
        auth_password TEXT NOT NULL,
        created_user_id TEXT NOT NULL, created_user_name TEXT NOT NULL,
        updated_user_id TEXT NOT NULL, updated_user_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (instance_id, name),
        UNIQUE (instance_id, manufacturer_id, model)
      );
      CREATE INDEX link_products_app ON link_products (instance_id, app_id);

      CREATE TABLE link_product_topics (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        product_id INTEGER NOT NULL REFERENCES link_products(id) ON DELETE CASCADE,
        permission INTEGER NOT NULL,           -- 0 publish, 1 subscribe (device side)
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        UNIQUE (product_id, version, name)
      );

      CREATE TABLE link_services (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        product_id INTEGER NOT NULL REFERENCES link_products(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        status INTEGER NOT NULL DEFAULT 0,
        created_user_id TEXT NOT NULL, created_user_name TEXT NOT NULL,
        updated_user_id TEXT NOT NULL, updated_user_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (product_id, name)
      );
      CREATE TABLE link_commands (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id INTEGER NOT NULL REFERENCES link_services(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        UNIQUE (service_id, name)
      );
      -- kind: property (of a service), request / response (parameters of a command)
      CREATE TABLE link_properties (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_id INTEGER NOT NULL REFERENCES link_services(id) ON DELETE CASCADE,
        command_id INTEGER REFERENCES link_commands(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('property', 'request', 'response')),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        data_type TEXT NOT NULL,
        required INTEGER NOT NULL,
        min TEXT, max TEXT, step TEXT, max_length INTEGER, unit TEXT, enum_list TEXT,
        enum_dict TEXT,                        -- JSON
        method TEXT
      );
      CREATE UNIQUE INDEX link_properties_name ON link_properties (service_id, kind, IFNULL(command_id, 0), name);

      CREATE TABLE link_devices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES link_products(id),
        parent_id INTEGER REFERENCES link_devices(id),
        app_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        node_id TEXT NOT NULL,
        node_type INTEGER NOT NULL,            -- 0 direct, 1 gateway, 2 sub-device
        client_id TEXT NOT NULL UNIQUE,
        user_name TEXT NOT NULL UNIQUE,
        password TEXT NOT NULL,                -- plain text: the API shows it (GET …/authentication)
        status INTEGER NOT NULL DEFAULT 0,     -- 0 enabled, 1 disabled
        online_status INTEGER NOT NULL DEFAULT 0,
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',       -- JSON array
        version TEXT,
        created_user_id TEXT NOT NULL, created_user_name TEXT NOT NULL,
        updated_user_id TEXT NOT NULL, updated_user_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        last_login INTEGER,
        last_active INTEGER,
        client_ip TEXT,
        keep_alive INTEGER,
        UNIQUE (instance_id, device_name),
        UNIQUE (product_id, node_id)
      );
      CREATE INDEX link_devices_inst ON link_devices (instance_id, id);
      CREATE INDEX link_devices_product ON link_devices (instance_id, product_id, id);
      CREATE INDEX link_devices_online ON link_devices (instance_id, online_status, id);
      CREATE INDEX link_devices_app ON link_devices (instance_id, app_id, id);
      CREATE INDEX link_devices_node ON link_devices (instance_id, node_id);
      CREATE INDEX link_devices_created ON link_devices (instance_id, created_at);
      CREATE INDEX link_devices_kind ON link_devices (instance_id, node_type, online_status); -- statistics
      CREATE INDEX link_devices_parent ON link_devices (parent_id) WHERE parent_id IS NOT NULL;

      CREATE TABLE link_shadow (
        device_id INTEGER NOT NULL REFERENCES link_devices(id) ON DELETE CASCADE,
        service TEXT NOT NULL,                 -- serviceId as reported (the service name)
        property TEXT NOT NULL,
        value TEXT NOT NULL,                   -- JSON
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (device_id, service, property)
      );

      -- async commands for offline devices, delivered when the device subscribes to its in topic
      CREATE TABLE link_pending_commands (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id INTEGER NOT NULL REFERENCES link_devices(id) ON DELETE CASCADE,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX link_pending_device ON link_pending_commands (device_id, id);

      CREATE TABLE link_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
        app_id TEXT NOT NULL,
        parent_id INTEGER NOT NULL DEFAULT 0,  -- 0 = root
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_user_id TEXT NOT NULL, created_user_name TEXT NOT NULL,
        updated_user_id TEXT NOT NULL, updated_user_name TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (instance_id, app_id, parent_id, name)
      );
      CREATE TABLE link_group_devices (
        group_id INTEGER NOT NULL REFERENCES link_groups(id) ON DELETE CASCADE,
        device_id INTEGER NOT NULL REFERENCES link_devices(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, device_id)
      );
      CREATE INDEX link_group_devices_device ON link_group_devices (device_id);
    `);
  },
};
