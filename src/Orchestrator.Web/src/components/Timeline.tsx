import { useEffect, useState } from 'react';
import type { Step } from '../lib/types';
import { EmptyState } from './EmptyState';
import { StepRow } from './StepRow';

/** The steps as a waterfall: each bar placed on one time axis from the first step's start to the last step's end. */
export function Timeline({ steps, live, workflowTitle }: { steps: Step[]; live: boolean; workflowTitle?: string }) {
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const [now, setNow] = useState(() => Date.now());
  const hasOpenSteps = steps.some((s) => !s.completedAt);

  useEffect(() => {
    if (!live || !hasOpenSteps) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [live, hasOpenSteps]);

  if (steps.length === 0) return <EmptyState title="No steps yet">Steps appear here as the workflow runs.</EmptyState>;

  const begins = steps.map((s) => Date.parse(s.startedAt));
  const ends = steps.map((s) => (s.completedAt ? Date.parse(s.completedAt) : live ? now : Date.parse(s.startedAt)));
  const start = Math.min(...begins);
  const span = Math.max(...ends, ...begins) - start;

  return (
    <ol className="timeline">
      {steps.map((step) => (
        <StepRow key={step.sequence} step={step} workflowTitle={workflowTitle} start={start} span={span} now={live ? now : Math.max(...ends)} open={open.has(step.sequence)}
          onToggle={() => setOpen((current) => {
            const next = new Set(current);
            if (next.has(step.sequence)) next.delete(step.sequence);
            else next.add(step.sequence);
            return next;
          })} />
      ))}
    </ol>
  );
}
