import { useEffect, useRef, useState } from 'react';

export interface ChartSeries {
  key: string;
  /** What the legend and tooltip call the series; the key when absent. */
  label?: string;
  color: string;
  values: number[];
}

const pad = { top: 12, right: 8, bottom: 28, left: 58 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exponent = 10 ** Math.floor(Math.log10(value));
  const fraction = value / exponent;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * exponent;
}

/** Stacked bars over time, one colour per group; hovering a bar shows its bucket's numbers. */
export function UsageChart({ labels, series, format, title }: {
  labels: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  title: string;
}) {
  const [hover, setHover] = useState<number | null>(null);
  // Drawn at the container's real width, so the axis text keeps its size on a phone.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(280, Math.round(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const height = width < 600 ? 200 : 260;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  // Four equal steps of a round size, so the axis reads $0.25 / $0.50 rather than $0.0037.
  const max = niceMax(Math.max(0, ...totals) / 4) * 4;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const slot = innerW / Math.max(1, labels.length);
  const bar = Math.max(2, Math.min(38, slot * 0.7));
  const labelEvery = Math.ceil(labels.length / Math.max(2, Math.floor(innerW / 70)));
  const fit = (text: string) => {
    const chars = Math.floor((slot * labelEvery) / 6.5) - 1;
    return text.length > chars ? `${text.slice(0, Math.max(3, chars - 1))}…` : text;
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);

  return (
    <div className="chart-box" ref={box}>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((t) => {
          const y = pad.top + innerH - (t / max) * innerH;
          return (
            <g key={t}>
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} stroke="#e3e6eb" strokeDasharray={t === 0 ? undefined : '3 4'} />
              <text x={pad.left - 8} y={y + 4} textAnchor="end">
                {format(t)}
              </text>
            </g>
          );
        })}
        {labels.map((label, i) => {
          const x = pad.left + slot * i + (slot - bar) / 2;
          let y = pad.top + innerH;
          return (
            <g key={label} onMouseEnter={() => setHover(i)} onMouseLeave={() => setHover(null)}>
              <rect x={pad.left + slot * i} y={pad.top} width={slot} height={innerH} fill={hover === i ? '#f1f3f6' : 'transparent'} />
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                const h = (value / max) * innerH;
                y -= h;
                return value > 0 ? <rect key={s.key} x={x} y={y} width={bar} height={h} fill={s.color} rx={1.5} /> : null;
              })}
              {i % labelEvery === 0 && (
                <text x={pad.left + slot * i + slot / 2} y={height - 8} textAnchor="middle">
                  {fit(label)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="chart-tip" aria-live="polite">
        {hover !== null ? (
          <>
            <b>{labels[hover]}</b> · {format(totals[hover] ?? 0)}
            {series.filter((s) => (s.values[hover] ?? 0) > 0).map((s) => (
              <span key={s.key}>
                {' '}· {s.label ?? s.key} {format(s.values[hover] ?? 0)}
              </span>
            ))}
          </>
        ) : (
          <span className="muted">Hover a bar for its numbers.</span>
        )}
      </div>
      <div className="legend">
        {series.map((s) => (
          <span key={s.key}>
            <i className="swatch" style={{ background: s.color }} />
            {s.label ?? s.key}
          </span>
        ))}
      </div>
    </div>
  );
}
