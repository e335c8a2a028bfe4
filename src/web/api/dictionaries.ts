// Dictionaries (ROMA common family): a tree by parent_code; offset/limit are strings in the SDK.
import { dictionary as dictSchema, dictionaryListResponse, type CreateDictionaryRequest, type Dictionary as WireDictionary, type UpdateDictionaryRequest } from '../../contract/dictionaries';
import { http, parseWith } from './http';
import { romaPath, seg } from './project';
import { normaliseTime } from './time';
import { dictionaryKeys } from './keys';
import { detailQueryFactory, itemCrudFactory, listQueryFactory, type Page } from './factories';

export interface Dictionary {
  id: string;
  name: string;
  code: string;
  remark: string;
  parentCode?: string;
  extendOne: string;
  extendTwo: string;
  system: boolean;
  order?: number;
  createdAt?: number;
  updatedAt?: number;
}

export function fromWire(d: WireDictionary): Dictionary {
  return {
    id: d.id,
    name: d.name,
    code: d.code,
    remark: d.remark ?? '',
    parentCode: d.parent_code ? d.parent_code : undefined,
    extendOne: d.extend_one ?? '',
    extendTwo: d.extend_two ?? '',
    system: d.type === 'system',
    order: d.order,
    createdAt: normaliseTime(d.create_time),
    updatedAt: normaliseTime(d.update_time),
  };
}

export interface DictionaryListParams {
  [k: string]: string | number | boolean | undefined;
  offset: number;
  limit: number;
  /** children of this code; undefined = top level */
  parent_code?: string;
  name?: string;
  code?: string;
}

const base = (iid: string) => romaPath(`/instances/${seg(iid)}/dictionaries`);

export async function listDictionaries(
  iid: string,
  p: DictionaryListParams,
  signal?: AbortSignal,
): Promise<Page<Dictionary>> {
  const params: Record<string, string> = { offset: String(p.offset), limit: String(p.limit) };
  if (p.parent_code) params.parent_code = p.parent_code;
  if (p.name) params.name = p.name;
  if (p.code) params.code = p.code;
  const res = await http.get(base(iid), { params, signal });
  const body = parseWith(dictionaryListResponse, res.data, 'dictionary list');
  return {
    items: body.dictionaries.map(fromWire),
    total: Math.max(body.total, p.offset + body.dictionaries.length),
  };
}

export const {
  get: getDictionary,
  create: createDictionary,
  update: updateDictionary,
  remove: deleteDictionary,
} = itemCrudFactory<typeof dictSchema, Dictionary, CreateDictionaryRequest, UpdateDictionaryRequest>(
  base,
  dictSchema,
  fromWire,
  'dictionary',
);

export const dictionaryListQuery = listQueryFactory<DictionaryListParams, Dictionary>(
  dictionaryKeys.list,
  listDictionaries,
);
export const dictionaryDetailQuery = detailQueryFactory<Dictionary>(dictionaryKeys.detail, getDictionary);
