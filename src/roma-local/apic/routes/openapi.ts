// OpenAPI import (multipart, section 16) and export of a group or some of its APIs.
import type { FastifyInstance } from 'fastify';
import { stringify as toYaml } from 'yaml';
import { createApiGroupRequest, openApiExportRequest, openApiImportFields } from '../../../contract/index';
import { familyError } from '../../errors';
import { resource, type ResourceHooks } from '../../http';
import { hex32 } from '../../util';
import { parseBody, parseQuery } from '../../validate';
import { exportDocument } from '../openapi/export';
import { importDocument, parseDocument } from '../openapi/import';
import { parseMultipart, type Multipart } from '../openapi/multipart';
import type { ApiView } from '../store/apis';
import type { ApicStores } from '../stores';
import { BASE, params } from './common';

const MAX_FILE = 10 * 1024 * 1024;

export async function openApiRoutes(app: FastifyInstance, s: ApicStores, hooks: ResourceHooks): Promise<void> {
  // multipart is accepted on this route only (the rest of roma-local takes JSON alone)
  await app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_FILE }, (req, body, done) => {
      try {
        done(null, parseMultipart(body as Buffer, req.headers['content-type']));
      } catch (err) {
        done(familyError('apic', 'invalidParam', `Invalid parameter 'body': ${(err as Error).message}`), undefined);
      }
    });
    resource(scope, 'apic', `${BASE}/openapi/import`, {
      POST: async (req) => {
        const mp = req.body as Multipart | undefined;
        if (!mp || !('files' in mp)) throw familyError('apic', 'invalidParam', "Invalid parameter 'body': send multipart/form-data with the file as file_name");
        const fields = parseQuery('apic', openApiImportFields, mp.fields);
        const file = mp.files.file_name;
        if (!file) throw familyError('apic', 'missingBody', "The file (multipart field 'file_name') is missing.");
        const { doc, oas3 } = parseDocument(file.data.toString('utf8'));
        const { instance_id } = params(req);
        let groupId = fields.group_id;
        if (fields.is_create_group === 'true') {
          const info = (doc.info ?? {}) as { title?: unknown; description?: unknown };
          const group = parseBody('apic', createApiGroupRequest, {
            name: String(info.title ?? 'imported-group').slice(0, 255),
            ...(typeof info.description === 'string' ? { remark: info.description.replace(/[<>]/g, '').slice(0, 1000) } : {}),
            ...(fields.app_id ? { roma_app_id: fields.app_id } : {}),
          });
          groupId = s.groups.create(instance_id, group).id;
        } else if (!groupId) {
          throw familyError('apic', 'invalidParam', "Invalid parameter 'group_id': required unless is_create_group is true");
        } else {
          s.groups.row(instance_id, groupId);
        }
        const out = importDocument(instance_id, groupId, doc, oas3, s.apis, { override: fields.api_mode === 'override', mockMode: fields.mock_mode === 'true' });
        const result = out.failure.length === 0 ? 'success' : out.success.length > 0 ? 'partial' : 'failure';
        return { success: out.success, failure: out.failure, swagger: { id: hex32(), result }, group_id: groupId, ignore: out.ignore };
      },
    }, hooks);
  });

  resource(app, 'apic', `${BASE}/openapi/export`, {
    POST: async (req, reply) => {
      const b = parseBody('apic', openApiExportRequest, req.body);
      const { instance_id } = params(req);
      const group = s.groups.view(instance_id, b.group_id);
      let apis: ApiView[];
      if (b.env_id) {
        s.envs.get(instance_id, b.env_id);
        apis = s.publish.liveViews(instance_id, b.group_id, b.env_id);
      } else {
        const { rows } = s.apis.list(instance_id, { group_id: b.group_id }, 0, 100000);
        apis = s.apis.views(instance_id, rows.reverse());
      }
      if (b.apis) {
        const wanted = new Set(b.apis);
        apis = apis.filter((a) => wanted.has(a.id));
      }
      const doc = exportDocument(group, apis, { oas3: b.oas_version === '3.0', withBackend: (b.define ?? 'all') !== 'spec' });
      const yaml = b.type === 'yaml' || b.type === 'yml';
      const file = `${group.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${yaml ? b.type : 'json'}`;
      return reply
        .header('content-disposition', `attachment; filename="${file}"`)
        .type(yaml ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .send(yaml ? toYaml(doc) : JSON.stringify(doc, null, 2));
    },
  }, hooks);
}
