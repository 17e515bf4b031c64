import { useMemo, useState } from 'react';
import { api } from '../lib/api';
import { formatCost, formatInteger, formatTokens } from '../lib/format';
import { useAsync } from '../lib/useAsync';
import type { UsageGroup, UsageItem } from '../lib/types';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { UsageChart, type ChartSeries } from '../components/UsageChart';

const palette = ['#4f46e5', '#0ea5e9', '#16a34a', '#f59e0b', '#db2777', '#8b5cf6', '#64748b'];
const ranges = {
  '24h': { label: 'Last 24 hours', hours: 24, interval: 'hour' as const },
  '7d': { label: 'Last 7 days', hours: 24 * 7, interval: 'day' as const },
  '30d': { label: 'Last 30 days', hours: 24 * 30, interval: 'day' as const },
};
type Range = keyof typeof ranges;
type Metric = 'cost' | 'tokens';

interface Row {
  key: string;
  calls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
}

function startOf(time: number, interval: 'hour' | 'day'): number {
  const d = new Date(time);
  d.setUTCMinutes(0, 0, 0);
  if (interval === 'day') d.setUTCHours(0);
  return d.getTime();
}

function bucketLabel(time: number, interval: 'hour' | 'day'): string {
  const d = new Date(time);
  return interval === 'hour'
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

const keyName = (item: UsageItem) => item.key ?? '(none)';
const metricOf = (item: UsageItem | Row, metric: Metric) => (metric === 'cost' ? item.costUsd : item.inputTokens + item.outputTokens);

/** Tokens and cost over time by workflow, agent, user or model: a stacked chart and a table of totals. */
export function UsagePage() {
  const [groupBy, setGroupBy] = useState<UsageGroup>('workflow');
  const [range, setRange] = useState<Range>('7d');
  const [metric, setMetric] = useState<Metric>('cost');
  const { hours, interval } = ranges[range];
  const [now] = useState(() => Date.now());
  const from = useMemo(() => new Date(startOf(now - hours * 3_600_000, interval) + (interval === 'hour' ? 3_600_000 : 86_400_000)).toISOString(), [now, hours, interval]);
  const usage = useAsync(() => api.usage({ groupBy, interval, from }), [groupBy, interval, from]);
  const workflows = useAsync(() => api.workflows(), []);
  // Usage by workflow is keyed by the workflow's name; people read a flow by its title.
  const label = useMemo(() => {
    const titles = new Map((workflows.data?.items ?? []).map((w) => [w.name, w.displayName] as const));
    return (key: string) => (groupBy === 'workflow' ? titles.get(key) ?? key : key);
  }, [workflows.data, groupBy]);

  const view = useMemo(() => {
    const items = usage.data?.items ?? [];
    const totals = new Map<string, Row>();
    for (const item of items) {
      const key = keyName(item);
      const row = totals.get(key) ?? { key, calls: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, costUsd: 0 };
      row.calls += item.calls;
      row.inputTokens += item.inputTokens;
      row.cachedInputTokens += item.cachedInputTokens;
      row.outputTokens += item.outputTokens;
      row.costUsd += item.costUsd;
      totals.set(key, row);
    }
    const rows = [...totals.values()].sort((a, b) => metricOf(b, metric) - metricOf(a, metric) || a.key.localeCompare(b.key));
    const step = interval === 'hour' ? 3_600_000 : 86_400_000;
    const first = Date.parse(from);
    const buckets: number[] = [];
    for (let t = first; t <= now; t += step) buckets.push(t);
    const top = rows.slice(0, palette.length - 1).map((r) => r.key);
    const seriesKeys = rows.length > top.length ? [...top, 'other'] : top;
    const hasBuckets = items.some((i) => i.bucket);
    const series: ChartSeries[] = seriesKeys.map((key, index) => ({
      key,
      label: index < top.length ? label(key) : 'other',
      color: palette[index] ?? '#64748b',
      values: buckets.map(() => 0),
    }));
    if (hasBuckets) {
      for (const item of items) {
        const at = startOf(Date.parse(item.bucket ?? ''), interval);
        const index = buckets.indexOf(at);
        if (index < 0) continue;
        const name = top.includes(keyName(item)) ? keyName(item) : 'other';
        const s = series.find((x) => x.key === name);
        if (s) s.values[index] = (s.values[index] ?? 0) + metricOf(item, metric);
      }
    }
    return { rows, series, labels: buckets.map((b) => bucketLabel(b, interval)), hasBuckets };
  }, [usage.data, metric, interval, from, now, label]);

  const total = usage.data?.total;
  const format = metric === 'cost' ? formatCost : formatTokens;
  const maxRow = Math.max(0, ...view.rows.map((r) => metricOf(r, metric)));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Usage</h1>
          <p className="muted">Model tokens and cost, {ranges[range].label.toLowerCase()}.</p>
        </div>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="usage-group">Group by</label>
          <select id="usage-group" value={groupBy} onChange={(e) => setGroupBy(e.target.value as UsageGroup)}>
            <option value="workflow">Workflow</option>
            <option value="agent">Agent</option>
            <option value="user">User</option>
            <option value="model">Model</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="usage-range">Period</label>
          <select id="usage-range" value={range} onChange={(e) => setRange(e.target.value as Range)}>
            {Object.entries(ranges).map(([key, r]) => (
              <option key={key} value={key}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="usage-metric">Show</label>
          <select id="usage-metric" value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            <option value="cost">Cost</option>
            <option value="tokens">Tokens</option>
          </select>
        </div>
      </div>
      {usage.error !== undefined ? (
        <ErrorState error={usage.error} onRetry={usage.reload} />
      ) : !usage.data ? (
        <Loading lines={6} label="Loading usage" />
      ) : (
        <>
          <div className="kpis">
            <div className="kpi">
              <div className="kpi-label">Cost</div>
              <div className="kpi-value">{formatCost(total?.costUsd ?? 0)}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Model calls</div>
              <div className="kpi-value">{formatInteger(total?.calls ?? 0)}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Input tokens</div>
              <div className="kpi-value">{formatTokens(total?.inputTokens ?? 0)}</div>
            </div>
            <div className="kpi">
              <div className="kpi-label">Output tokens</div>
              <div className="kpi-value">{formatTokens(total?.outputTokens ?? 0)}</div>
            </div>
          </div>
          <section className="panel">
            <h3>
              {metric === 'cost' ? 'Cost' : 'Tokens'}
              {view.hasBuckets ? ` per ${interval}` : ''} by {groupBy}
            </h3>
            {view.rows.length === 0 ? (
              <EmptyState title="No model calls in this period">Usage appears here once agents and model steps run.</EmptyState>
            ) : view.hasBuckets ? (
              <UsageChart labels={view.labels} series={view.series} format={format} title={`${metric} per ${interval} by ${groupBy}`} />
            ) : (
              <UsageChart labels={view.rows.map((r) => label(r.key))} title={`${metric} by ${groupBy}`} format={format}
                series={[{ key: metric === 'cost' ? 'cost' : 'tokens', color: palette[0] ?? '#4f46e5', values: view.rows.map((r) => metricOf(r, metric)) }]} />
            )}
          </section>
          <div className="table-wrap">
            <table className="table" data-testid="usage-table">
              <thead>
                <tr>
                  <th>{groupBy.charAt(0).toUpperCase() + groupBy.slice(1)}</th>
                  <th className="right">Calls</th>
                  <th className="right hide-narrow">Input tokens</th>
                  <th className="right hide-narrow">Cached</th>
                  <th className="right hide-narrow">Output tokens</th>
                  <th className="right">Cost</th>
                  <th className="hide-narrow">Share</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.length === 0 && (
                  <tr>
                    <td colSpan={7} className="muted">
                      No usage in this period.
                    </td>
                  </tr>
                )}
                {view.rows.map((row) => (
                  <tr key={row.key}>
                    <td className="wrap" title={label(row.key) === row.key ? undefined : row.key}>
                      {label(row.key)}
                      {label(row.key) !== row.key && <span className="muted"> {row.key}</span>}
                    </td>
                    <td className="right">{formatInteger(row.calls)}</td>
                    <td className="right hide-narrow">{formatInteger(row.inputTokens)}</td>
                    <td className="right hide-narrow">{formatInteger(row.cachedInputTokens)}</td>
                    <td className="right hide-narrow">{formatInteger(row.outputTokens)}</td>
                    <td className="right">{formatCost(row.costUsd)}</td>
                    <td className="hide-narrow">
                      <span className="bar-cell">
                        <span className="bar" style={{ width: `${maxRow ? Math.max(2, (metricOf(row, metric) / maxRow) * 120) : 2}px` }} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
