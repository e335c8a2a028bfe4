// Device CSV import, the pure part: read the file (UTF-8, BOM optional but written by our
// template), check the fixed header, validate every row with the contract's rules before anything
// is sent, and run the creates with bounded concurrency, one result per row.
import { deviceName, devicePassword, deviceTags, deviceUserName, nodeId, type CreateDeviceRequest } from '../../../../contract/link';

/** The fixed header (README.md, "LINK devices: CSV import"). */
export const CSV_HEADER = ['device_name', 'node_id', 'product_id', 'user_name', 'password', 'status', 'description', 'tags'] as const;
export const CSV_MAX_ROWS = 1000;
export const IMPORT_CONCURRENCY = 4;
const BOM = '\uFEFF';

/** The template: BOM, header, one example row. */
export const csvTemplate = (productId = '1') =>
  `${BOM}${CSV_HEADER.join(',')}\r\nsensor-001,aa-bb-cc-001,${productId},,,0,Hall 1 sensor,hall1;temperature\r\n`;

/** RFC 4180: commas, double quotes ("" inside quotes), CRLF or LF line ends. Returns rows with their 1-based line. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  // blank lines are not rows
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

export type RowProblem =
  | { field: string; rule: 'required' | 'invalid' | 'unknownProduct' | 'duplicate'; detail?: string }
  | { field: 'row'; rule: 'columns'; detail: string };

export interface ImportRow {
  line: number;
  name: string;
  body?: Omit<CreateDeviceRequest, 'app_id'> & { product: { product_id: number } };
  problems: RowProblem[];
}

export type FileProblem = { kind: 'encoding' } | { kind: 'empty' } | { kind: 'header'; got: string } | { kind: 'tooMany'; max: number };

/** Decode bytes strictly as UTF-8 (a GBK/ANSI file is refused, not imported as mojibake), drop the BOM. */
export function decodeUtf8(bytes: ArrayBuffer): string | undefined {
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return s.startsWith(BOM) ? s.slice(1) : s;
  } catch {
    return undefined;
  }
}

const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

/**
 * Validate the file: header, row count, every row (with `knownProducts`: product id → exists).
 * Duplicates inside the file (device name; node id within a product; user name) are reported on the later line.
 */
export function validateCsv(text: string, knownProducts: ReadonlySet<string>): { file?: FileProblem; rows: ImportRow[] } {
  const all = parseCsv(text);
  if (all.length === 0) return { file: { kind: 'empty' }, rows: [] };
  const header = all[0]!.cells.map((c) => c.trim());
  if (header.join(',') !== CSV_HEADER.join(',')) return { file: { kind: 'header', got: header.join(',') }, rows: [] };
  const data = all.slice(1);
  if (data.length === 0) return { file: { kind: 'empty' }, rows: [] };
  if (data.length > CSV_MAX_ROWS) return { file: { kind: 'tooMany', max: CSV_MAX_ROWS }, rows: [] };
  const seenName = new Set<string>();
  const seenNode = new Set<string>();
  const seenUser = new Set<string>();
  const rows = data.map(({ line, cells }): ImportRow => {
    const v = Object.fromEntries(CSV_HEADER.map((h, i) => [h, (cells[i] ?? '').trim()])) as Record<(typeof CSV_HEADER)[number], string>;
    const problems: RowProblem[] = [];
    if (cells.length !== CSV_HEADER.length) problems.push({ field: 'row', rule: 'columns', detail: `${cells.length}/${CSV_HEADER.length}` });
    const need = (field: string, value: string, schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }) => {
      if (value === '') return problems.push({ field, rule: 'required' });
      const r = schema.safeParse(value);
      if (!r.success) problems.push({ field, rule: 'invalid', detail: issue(r) });
    };
    need('device_name', v.device_name, deviceName);
    need('node_id', v.node_id, nodeId);
    if (v.product_id === '') problems.push({ field: 'product_id', rule: 'required' });
    else if (!/^\d{1,10}$/.test(v.product_id)) problems.push({ field: 'product_id', rule: 'invalid' });
    else if (!knownProducts.has(String(Number(v.product_id)))) problems.push({ field: 'product_id', rule: 'unknownProduct', detail: v.product_id });
    if (v.user_name !== '') need('user_name', v.user_name, deviceUserName);
    if (v.password !== '') need('password', v.password, devicePassword);
    if (!['', '0', '1'].includes(v.status)) problems.push({ field: 'status', rule: 'invalid', detail: '0 / 1' });
    if (v.description.length > 200) problems.push({ field: 'description', rule: 'invalid', detail: '≤ 200' });
    const tags = v.tags === '' ? [] : v.tags.split(';').map((x) => x.trim()).filter(Boolean);
    const tr = deviceTags.safeParse(tags);
    if (!tr.success) problems.push({ field: 'tags', rule: 'invalid', detail: issue(tr) });

    const nodeKey = `${Number(v.product_id)}/${v.node_id}`;
    if (v.device_name && seenName.has(v.device_name)) problems.push({ field: 'device_name', rule: 'duplicate' });
    if (v.node_id && seenNode.has(nodeKey)) problems.push({ field: 'node_id', rule: 'duplicate' });
    if (v.user_name && seenUser.has(v.user_name)) problems.push({ field: 'user_name', rule: 'duplicate' });
    seenName.add(v.device_name);
    seenNode.add(nodeKey);
    if (v.user_name) seenUser.add(v.user_name);

    if (problems.length > 0) return { line, name: v.device_name, problems };
    return {
      line,
      name: v.device_name,
      problems,
      body: {
        device_name: v.device_name,
        node_id: v.node_id,
        product: { product_id: Number(v.product_id) },
        ...(v.user_name ? { user_name: v.user_name } : {}),
        ...(v.password ? { password: v.password } : {}),
        status: v.status === '1' ? 1 : 0,
        ...(v.description ? { description: v.description } : {}),
        ...(tags.length ? { tags } : {}),
      },
    };
  });
  return { rows };
}

export interface RowOutcome {
  line: number;
  name: string;
  ok: boolean;
  /** created device id */
  id?: string;
  error?: unknown;
}

/**
 * Create every valid row, at most `concurrency` at a time, reporting progress after each one.
 * Never throws: each row gets its own outcome (in file order).
 */
export async function runImport(
  rows: readonly ImportRow[],
  create: (row: ImportRow) => Promise<string>,
  onProgress: (done: number, total: number) => void,
  concurrency = IMPORT_CONCURRENCY,
): Promise<RowOutcome[]> {
  const valid = rows.filter((r) => r.body !== undefined);
  const out = new Map<number, RowOutcome>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < valid.length) {
      const row = valid[next++]!;
      try {
        out.set(row.line, { line: row.line, name: row.name, ok: true, id: await create(row) });
      } catch (error) {
        out.set(row.line, { line: row.line, name: row.name, ok: false, error });
      }
      onProgress(++done, valid.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, valid.length)) }, worker));
  return valid.map((r) => out.get(r.line)!);
}
