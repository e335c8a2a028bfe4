// Row-count samples of the shown run, one per poll, in a capped buffer (for the rows/s chart and
// the smoothed rate). A finished run loaded afresh gets its start and end as the two samples.
import { useEffect, useRef, useState } from 'react';
import type { Run } from '../../../api/fdiRuns';
import { isActive } from '../../../api/fdiRuns';
import { addSample, type Sample } from '../logic/eta';

export function useRunSamples(run: Run | undefined): Sample[] {
  const [samples, setSamples] = useState<Sample[]>([]);
  const runId = useRef<string | undefined>(undefined);
  const done = run ? run.written + run.dirty : 0;
  const active = run ? isActive(run.executeStatus) : false;
  useEffect(() => {
    if (!run) return;
    const start: Sample = { at: run.startedAt ?? Date.now(), rows: 0 };
    if (runId.current !== run.id) {
      runId.current = run.id;
      const first = [start];
      const end = active ? { at: Date.now(), rows: done } : run.endedAt ? { at: run.endedAt, rows: done } : undefined;
      setSamples(end && end.at > start.at ? [...first, end] : first);
      return;
    }
    if (active) setSamples((s) => addSample(s, { at: Date.now(), rows: done }));
    else if (run.endedAt) setSamples((s) => addSample(s, { at: Math.max(run.endedAt!, s.at(-1)?.at ?? 0), rows: done }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new sample when the counts or the state change
  }, [run?.id, done, active, run?.endedAt]);
  return samples;
}
