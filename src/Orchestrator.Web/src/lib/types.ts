// The JSON shapes of the server's API (camelCase), as src/Orchestrator.Server/Contracts defines them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type Role = 'admin' | 'developer' | 'analyst' | 'approver' | 'viewer';

export interface Session {
  user: string;
  roles: string[];
  csrfToken: string | null;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Flow validation failures (400) name the offending nodes. */
  problems?: { nodeId: string | null; code: string; message: string }[];
  /** An import refused for activity types the runtime does not run. */
  unsupportedTypes?: string[];
}

export type InstanceStatus = 'Pending' | 'Running' | 'Suspended' | 'Completed' | 'Failed' | 'Terminated';

/** A failure as answers carry it: stack traces stay in the server's log. */
export interface ErrorInfo {
  type: string;
  message: string;
}

export interface UsageInfo {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface InstanceSummary {
  instanceId: string;
  workflow: string;
  version: string | null;
  status: InstanceStatus;
  customStatus: Json | null;
  createdAt: string;
  updatedAt: string;
  startedBy: string | null;
  /** What people call the workflow: a flow's title, an agent run's agent, else the workflow name. */
  workflowDisplayName: string;
}

export interface InstanceDetails extends InstanceSummary {
  input: Json | null;
  output: Json | null;
  error: ErrorInfo | null;
  parentInstanceId: string | null;
  tags: Record<string, string>;
  /** The instance's and all its descendants' (sub-workflows, agents) model use. */
  usage: UsageInfo;
  /** The instance's own steps' model use. */
  ownUsage: UsageInfo;
}

export interface InstancePage {
  items: InstanceSummary[];
  nextCursor: string | null;
}

export interface StepUsage {
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface Step {
  sequence: number;
  kind: string;
  name: string;
  status: string;
  startedAt: string;
  completedAt: string | null;
  attempt: number | null;
  input: Json | null;
  output: Json | null;
  error: ErrorInfo | null;
  principal: string | null;
  agent: string | null;
  onBehalfOf: string | null;
  childInstanceId?: string;
  targetInstanceId?: string;
  usage?: StepUsage;
  /** A label for people where the name is technical (a wait, an agent's run). */
  title?: string;
  /** When a wait times out. */
  deadline?: string;
  /** The failed attempts of a retried activity, in order. */
  attempts?: StepAttempt[];
  /** Who raised the event or applied the operation (the decider, for an approval's decision). */
  by?: string;
}

export interface StepAttempt {
  attempt: number;
  failedAt: string;
  error: ErrorInfo;
}

export interface HistoryResponse {
  instanceId: string;
  steps: Step[];
}

export interface WorkflowItem {
  name: string;
  version: string;
  kind: string;
  description: string | null;
  /** What people call it: a flow's title, else the name. */
  displayName: string;
}

/** `withdrawn`: the workflow that asked no longer waits for the answer (a flow branch was cancelled, or the flow ended). */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'withdrawn';

export interface ApprovalItem {
  taskId: string;
  instanceId: string;
  workflow: string;
  /** What people call the workflow: a flow's title, the asking agent, else the workflow name. */
  workflowDisplayName: string;
  title: string;
  details: string | null;
  proposed: Json | null;
  proposedSchema: Json | null;
  assignTo: string[];
  requestedBy: { agent: string | null; onBehalfOf: string | null };
  createdAt: string;
  dueAt: string | null;
  status: ApprovalStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  edits: Json | null;
}

export interface ApprovalDetails extends ApprovalItem {
  context: Json | null;
  steps: Step[];
}

export type UsageGroup = 'workflow' | 'agent' | 'user' | 'model';

export interface UsageItem {
  key: string | null;
  bucket?: string;
  calls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface UsageResponse {
  groupBy: string;
  from: string | null;
  to: string | null;
  items: UsageItem[];
  total: Omit<UsageItem, 'key' | 'bucket'>;
}

export interface AuditRecord {
  sequence: number;
  time: string;
  actor: string;
  onBehalfOf: string | null;
  action: string;
  target: string | null;
  outcome: string;
  instanceId?: string | null;
  details: Json | null;
  previousHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditRecord[];
  nextCursor: string | null;
}

export interface AuditVerify {
  ok: boolean;
  records: number;
  firstBrokenAt: number | null;
  reason: string | null;
}
