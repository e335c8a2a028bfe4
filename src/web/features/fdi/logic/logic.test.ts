import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { MONITOR_CODES } from '../../../../contract/fdi';
import en from '../../../locales/features/fdi.en-US.json';
import zh from '../../../locales/features/fdi.zh-CN.json';
import { addSample, etaMs, formatDuration, progressOf, smoothedRate } from './eta';
import { duplicateTargets, editsFromMapping, mapByName, toMappingTable, withEdits } from './mapping';
import { nextCronRuns, nextPeriodRuns, quartzToCroner } from './schedule';
import { stageStates } from './stages';
import { KNOWN_CODES, codeSide, codeTextKey, monitorCodeGroup } from './statusCodes';

const lookup = (o: unknown, key: string): unknown => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe('monitor status codes', () => {
  it('every documented code has its own explanation in en-US and zh-CN', () => {
    expect(KNOWN_CODES.length).toBe(Object.keys(MONITOR_CODES).length);
    for (const code of KNOWN_CODES) {
      const key = codeTextKey(code);
      expect(key).toBe(`codes.c${code}`);
      for (const texts of [en, zh]) expect(typeof lookup(texts, key), `${key}`).toBe('string');
    }
    // the texts are distinct per code, not one generic sentence
    const enTexts = KNOWN_CODES.map((c) => lookup(en, codeTextKey(c)));
    expect(new Set(enTexts).size).toBeGreaterThan(KNOWN_CODES.length - 4);
  });
  it('an undocumented code falls back to a text that shows the number', () => {
    expect(codeTextKey(910)).toBe('codes.unknown');
    expect(String(lookup(en, 'codes.unknown'))).toContain('{{code}}');
    expect(String(lookup(zh, 'codes.unknown'))).toContain('{{code}}');
  });
  it('groups and sides follow fdi.md', () => {
    expect(monitorCodeGroup(503)).toBe('error');
    expect(monitorCodeGroup(106)).toBe('cancelled');
    expect(monitorCodeGroup(906)).toBe('queued');
    expect(monitorCodeGroup(914)).toBe('skipped');
    expect(monitorCodeGroup(104)).toBe('normal');
    expect([codeSide(102), codeSide(502), codeSide(902), codeSide(16)]).toEqual(['reader', 'writer', 'platform', 'platform']);
  });
});

describe('column mapping by name', () => {
  it('maps exact names first, then ignoring case, underscores and dashes; each target once', () => {
    const pairs = mapByName(['id', 'UserName', 'created_at', 'extra', 'ID2'], ['id', 'user_name', 'createdAt', 'id2', 'Id']);
    expect(pairs).toEqual([
      { source: 'id', target: 'id' },
      { source: 'UserName', target: 'user_name' },
      { source: 'created_at', target: 'createdAt' },
      { source: 'extra', target: '' },
      { source: 'ID2', target: 'id2' },
    ]);
    // 'Id' and 'id' collide loosely: the exact match took 'id', a second source cannot reuse it
    expect(mapByName(['id', 'ID'], ['id'])).toEqual([{ source: 'id', target: 'id' }, { source: 'ID', target: '' }]);
  });
  it('manual edits override the automatic mapping and duplicates are reported', () => {
    const auto = mapByName(['a', 'b'], ['a', 'b', 'c']);
    const edited = withEdits(auto, { b: 'a' });
    expect(edited).toEqual([{ source: 'a', target: 'a' }, { source: 'b', target: 'a' }]);
    expect(duplicateTargets(edited)).toEqual(['a']);
    expect(withEdits(auto, { a: '' })[0]).toEqual({ source: 'a', target: '' });
  });
  it('builds the mappingTable with types and recovers edits from a saved one', () => {
    const pairs = [{ source: 'id', target: 'id' }, { source: 'n', target: '' }];
    const table = toMappingTable(pairs, [{ field_name: 'id', field_type: 'INTEGER', field_length: '11' }], [{ field_name: 'id', field_type: 'int4' }]);
    expect(table).toEqual([{ source_column: 'id', source_column_type: 'INTEGER', source_column_length: '11', target_column: 'id', target_column_type: 'int4', target_column_length: '', is_add_mapping: 'false' }]);
    const auto = mapByName(['id', 'name', 'x'], ['id', 'name', 'y']);
    expect(editsFromMapping(auto, [{ source_column: 'id', target_column: 'id' }, { source_column: 'x', target_column: 'y' }])).toEqual({ name: '', x: 'y' });
  });
});

describe('rate and ETA', () => {
  it('smooths the rate and gives an ETA only with a known total', () => {
    const s = [{ at: 0, rows: 0 }, { at: 1000, rows: 100 }, { at: 2000, rows: 200 }, { at: 3000, rows: 300 }];
    expect(smoothedRate(s)).toBeCloseTo(100);
    expect(etaMs(300, 1000, 100)).toBe(7000);
    expect(etaMs(300, undefined, 100)).toBeUndefined();
    expect(etaMs(300, 1000, 0)).toBeUndefined();
    expect(etaMs(1200, 1000, 100)).toBe(0);
    expect(smoothedRate([{ at: 0, rows: 0 }])).toBeUndefined();
    expect(progressOf(250, 1000)).toBe(0.25);
    expect(progressOf(250, undefined)).toBeUndefined();
  });
  it('a burst moves the smoothed rate only part of the way', () => {
    const s = [{ at: 0, rows: 0 }, { at: 1000, rows: 100 }, { at: 2000, rows: 200 }, { at: 3000, rows: 1200 }];
    const r = smoothedRate(s)!;
    expect(r).toBeGreaterThan(100);
    expect(r).toBeLessThan(1000);
  });
  it('keeps a capped, time-ordered sample buffer', () => {
    let buf = addSample([], { at: 1, rows: 1 }, 3);
    for (let i = 2; i <= 5; i++) buf = addSample(buf, { at: i, rows: i }, 3);
    expect(buf.map((x) => x.at)).toEqual([3, 4, 5]);
    expect(addSample(buf, { at: 5, rows: 9 }, 3).at(-1)).toEqual({ at: 5, rows: 9 });
  });
  it('formats durations', () => {
    expect(formatDuration(7_000)).toBe('7s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
  });
});

describe('next-run preview', () => {
  it('period and interval from the start time', () => {
    const start = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(nextPeriodRuns(start, 'MIN', 15, start - 1, 3)).toEqual([start, start + 15 * 60_000, start + 30 * 60_000]);
    expect(nextPeriodRuns(start, 'HOUR', 2, start + 3 * 3_600_000, 2)).toEqual([start + 4 * 3_600_000, start + 6 * 3_600_000]);
    expect(nextPeriodRuns(start, 'DAY', 1, start, 1)).toEqual([start + 86_400_000]);
    expect(nextPeriodRuns(start, 'DAY', 0, start, 1)).toEqual([]);
  });
  it('months keep the day of month, clamped to short months', () => {
    const start = new Date(2026, 0, 31, 8, 0, 0).getTime();
    const runs = nextPeriodRuns(start, 'MON', 1, start, 3).map((t) => new Date(t));
    expect(runs.map((d) => [d.getMonth(), d.getDate(), d.getHours()])).toEqual([[1, 28, 8], [2, 31, 8], [3, 30, 8]]);
  });
  it('Quartz cron through croner, with N/step and the year field', () => {
    expect(quartzToCroner('0 0/5 * * * ?')).toBe('0 0-59/5 * * * ?');
    expect(quartzToCroner('0 0 12 ? * MON-FRI 2027')).toBe('0 0 12 ? * MON-FRI');
    const after = new Date(2026, 5, 1, 10, 2, 0).getTime();
    const r = nextCronRuns(Cron, '0 0/5 * * * ?', after, 3);
    expect(r.ok && r.runs.map((t) => new Date(t).getMinutes())).toEqual([5, 10, 15]);
    const bad = nextCronRuns(Cron, '0 61 * * * ?', after, 3);
    expect(bad.ok).toBe(false);
    expect(nextCronRuns(Cron, '* * *', after, 1)).toEqual({ ok: false, error: 'expected 6 or 7 fields (seconds first), got 3' });
  });
});

describe('stage timeline', () => {
  const step = (position: string, code: number, positionStatus = 'NORMAL') => ({ id: String(code), position, code, positionStatus, stage: '', rows: 0, dirty: 0, remarks: '' });
  it('a running run: reader and writer both active (rows stream through), initialisation done', () => {
    const s = stageStates({ executeStatus: 'RUNNING', position: 'WRITER', positionStatus: 'NORMAL', steps: [step('ADAPTER', 99), step('READER', 102), step('WRITER', 502)] });
    expect(s).toEqual({ ADAPTER: 'done', READER: 'active', WRITER: 'active', CHECK: 'pending' });
  });
  it('a successful run with an integrity check', () => {
    const s = stageStates({ executeStatus: 'SUCCESS', position: 'WRITER', positionStatus: 'TASK_END', steps: [step('ADAPTER', 99), step('READER', 104), step('WRITER', 504), step('WRITER', 902), step('WRITER', 903)] });
    expect(s).toEqual({ ADAPTER: 'done', READER: 'done', WRITER: 'done', CHECK: 'done' });
  });
  it('success without a check marks it skipped; an error marks its stage', () => {
    expect(stageStates({ executeStatus: 'SUCCESS', position: 'WRITER', positionStatus: 'TASK_END', steps: [] }).CHECK).toBe('skipped');
    const e = stageStates({ executeStatus: 'ERROR', position: 'WRITER', positionStatus: 'RUNTIME_ERR', steps: [step('READER', 102), step('WRITER', 503, 'RUNTIME_ERR')] });
    expect(e).toEqual({ ADAPTER: 'done', READER: 'done', WRITER: 'error', CHECK: 'pending' });
    const c = stageStates({ executeStatus: 'CANCELLED', position: 'READER', positionStatus: 'RUNTIME_CANCEL', steps: [step('READER', 102)] });
    expect(c.READER).toBe('cancelled');
  });
});
