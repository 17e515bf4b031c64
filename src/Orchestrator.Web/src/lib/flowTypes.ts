// The JSON shapes of the designer's API calls (definitions, catalog pickers), as the issue 5 contract defines them.
import type { Json, JsonObject } from './types';

export interface FlowProblem {
  nodeId: string | null;
  code: string;
  message: string;
}

export interface DefinitionItem {
  definitionId: string;
  name: string | null;
  description: string | null;
  hasDraft: boolean;
  draftSavedAt: string | null;
  draftSavedBy: string | null;
  latestVersion: number | null;
  versions: number[];
}

export interface DefinitionDetails {
  definitionId: string;
  version: number | null;
  name: string | null;
  savedAt: string | null;
  savedBy: string | null;
  published: boolean;
  definition: JsonObject;
  problems: FlowProblem[];
}

export interface SavedDefinition {
  definitionId: string;
  name: string | null;
  savedAt: string;
  problems: FlowProblem[];
}

export interface PublishedDefinition {
  definitionId: string;
  version: number;
  publishedAt: string;
}

export interface ImportedDefinition {
  definitionId: string;
  version?: number | null;
  problems: FlowProblem[];
}

export interface ModelItem {
  name: string;
  model: string | null;
}

export interface ToolItem {
  name: string;
  description: string | null;
  kind: string | null;
  parameters: Json | null;
}

export interface AgentItem {
  name: string;
  description: string | null;
  model: string | null;
  tools: string[];
}

export interface Principals {
  users: string[];
  roles: string[];
}

/** A node's entry in a flow instance's customStatus.flow.nodes. */
export type NodeRunState = 'running' | 'done' | 'failed' | 'waiting' | 'person' | 'cancelled';

export interface NodeRun {
  state: NodeRunState;
  error?: string;
  input?: Json;
  output?: Json;
  usage?: { inputTokens?: number; outputTokens?: number; costUsd?: number };
}

export interface FlowRunStatus {
  waitingFor?: string;
  flow?: { definitionId: string; version: number; nodes: Record<string, NodeRun> };
}
