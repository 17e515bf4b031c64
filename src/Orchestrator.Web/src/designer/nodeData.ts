import type { Node } from '@xyflow/react';
import type { FlowProblem, NodeRun } from '../lib/flowTypes';
import type { Activity } from './document';

/** What a canvas node carries: its activity (read-only here), outcome ports, problems and run state. */
export type ActivityNodeData = {
  activity: Activity;
  type: string;
  title: string;
  summary: string;
  outcomes: string[];
  problems: FlowProblem[];
  run: NodeRun | null;
};

export type ActivityNode = Node<ActivityNodeData, 'activity'>;
