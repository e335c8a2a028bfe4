// Rows per second over the run: uPlot (lazy: only the run page loads it), created once and fed
// with setData on each poll; resized with its container. Colours from the theme (dark mode).
import { useToken } from '../../../components/themeToken';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { rates, type Sample } from '../logic/eta';

export default function RateChart({ samples, label }: { samples: Sample[]; label: string }) {
  const { token } = useToken();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // each rate is drawn from the start of its interval, so a run seen only at its start and end
  // (a finished run opened later) shows its average as a flat line over the run
  const r = rates(samples);
  const pts = r.length && samples[0] ? [{ at: samples[0].at, rate: r[0]!.rate }, ...r] : [];
  const data: uPlot.AlignedData = [pts.map((x) => x.at / 1000), pts.map((x) => x.rate)];

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const axis = { stroke: token.colorTextSecondary, grid: { stroke: token.colorBorderSecondary, width: 1 }, ticks: { stroke: token.colorBorderSecondary } };
    const u = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 200,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [axis, { ...axis, size: 60 }],
        series: [{}, { label, stroke: token.colorPrimary, width: 2, fill: `${token.colorPrimary}22`, points: { show: false }, paths: uPlot.paths.stepped?.({ align: -1 }) }],
      },
      data,
      el,
    );
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: 200 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once per theme; data goes through setData
  }, [token.colorPrimary, token.colorTextSecondary, token.colorBorderSecondary, label]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return <div ref={box} data-testid="rate-chart" data-points={String(pts.length)} style={{ width: '100%', minHeight: 200 }} />;
}
