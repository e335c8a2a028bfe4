// Audit page helpers: URL state that survives hand edits, and the CSV file (BOM, quoting, no formulas).
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../api/audit';
import { parseSearch } from '../../components/searchState';
import { CSV_COLUMNS, toCsv } from './csv';
import { auditFilters, auditSearchSchema } from './search';

const rec = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  id: 1, time: Date.UTC(2026, 0, 15, 8, 0, 0), user: 'admin', domain: 'roma-local', project: 'cn-north-4', method: 'POST',
  route: '/v2/{project_id}/instances/{instance_id}/dictionaries', resourceIds: { instance_id: 'i-1' }, status: 201, ok: true,
  errorCode: '', requestId: 'r1', durationMs: 12, clientIp: '127.0.0.1', ...over,
});

describe('audit URL state', () => {
  it('reads filters and paging; garbage falls back to defaults', () => {
    const s = parseSearch(auditSearchSchema, new URLSearchParams('user=%20alice%20&result=failure&since=2026-01-01T00:00:00Z&offset=40&limit=50'));
    expect(s).toMatchObject({ user: 'alice', result: 'failure', since: '2026-01-01T00:00:00.000Z', until: '', offset: 40, limit: 50 });
    const bad = parseSearch(auditSearchSchema, new URLSearchParams('result=maybe&since=yesterday&offset=-3&limit=7&resource=a|b'));
    expect(bad).toMatchObject({ result: '', since: '', offset: 0, limit: 20, resource: 'ab' });
    expect(auditFilters(bad)).toEqual({ user: undefined, resource: 'ab', result: undefined, since: undefined, until: undefined });
  });
});

describe('audit CSV', () => {
  it('starts with a UTF-8 BOM and the header, one CRLF line per record', () => {
    const csv = toCsv([rec(), rec({ id: 2, ok: false, status: 409, errorCode: 'ROMA.00110007' })]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('2026-01-15T08:00:00.000Z,admin,roma-local,cn-north-4,POST,/v2/{project_id}/instances/{instance_id}/dictionaries,instance_id=i-1,201,,r1,12,127.0.0.1');
    expect(lines[2]).toContain(',409,ROMA.00110007,');
    expect(lines[3]).toBe('');
  });

  it('quotes commas, quotes and newlines; keeps Chinese; neutralises formulas', () => {
    const csv = toCsv([rec({ user: '张三, "ops"', route: '=HYPERLINK("x")', resourceIds: { a: 'x', b: 'y\nz' } })]);
    const line = csv.slice(1).split('\r\n')[1] as string;
    expect(line).toContain('"张三, ""ops"""');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"a=x; b=y\nz"');
  });
});
