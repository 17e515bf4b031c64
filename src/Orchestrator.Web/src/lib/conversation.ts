import type { Json, Step } from './types';

/** The step name of a model call (Orchestrator.Agents records the request as input, the response as output). */
export const ModelCallStep = 'orchestrator.model-call';
export const ToolCallStep = 'orchestrator.tool-call';

export interface ToolCall {
  id: string;
  name: string;
  arguments: Json | string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  toolCalls: ToolCall[];
  toolCallId: string | null;
  /** For tool results: the tool's name, found through the call id. */
  toolName?: string;
  model?: string;
  at?: string;
}

function asObject(value: Json | null | undefined): Record<string, Json> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function parseArguments(text: Json): Json | string {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function toMessage(value: Json): ChatMessage | null {
  const m = asObject(value);
  if (!m) return null;
  const role = String(m.role ?? 'assistant').toLowerCase() as ChatMessage['role'];
  const calls = Array.isArray(m.toolCalls) ? m.toolCalls : [];
  return {
    role,
    content: typeof m.content === 'string' ? m.content : null,
    toolCalls: calls.map(asObject).filter((c): c is Record<string, Json> => !!c).map((c) => ({
      id: String(c.id ?? ''),
      name: String(c.name ?? ''),
      arguments: parseArguments(c.argumentsJson ?? c.arguments ?? null),
    })),
    toolCallId: typeof m.toolCallId === 'string' ? m.toolCallId : null,
  };
}

/**
 * The conversation of an agent, from its model-call steps: the last call's request holds every message so far, its
 * response the newest answer. Steps are in history order.
 */
export function conversationFrom(steps: Step[]): ChatMessage[] {
  const calls = steps.filter((s) => s.name === ModelCallStep && asObject(s.input));
  const last = calls[calls.length - 1];
  if (!last) return [];
  const request = asObject(last.input);
  const messages = (Array.isArray(request?.messages) ? request.messages : []).map(toMessage).filter((m): m is ChatMessage => !!m);
  const response = asObject(last.output);
  const answer = response ? toMessage(response.message ?? null) : null;
  if (answer) {
    answer.model = typeof response?.modelId === 'string' ? response.modelId : typeof response?.model === 'string' ? response.model : undefined;
    answer.at = last.completedAt ?? undefined;
    messages.push(answer);
  }
  const names = new Map<string, string>();
  for (const m of messages) for (const c of m.toolCalls) names.set(c.id, c.name);
  for (const m of messages) if (m.role === 'tool' && m.toolCallId) m.toolName = names.get(m.toolCallId);
  return messages;
}
