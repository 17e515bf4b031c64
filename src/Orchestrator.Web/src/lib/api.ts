import type {
  ApprovalDetails,
  ApprovalItem,
  AuditPage,
  AuditVerify,
  HistoryResponse,
  InstanceDetails,
  InstancePage,
  Json,
  JsonObject,
  Problem,
  Session,
  UsageGroup,
  UsageResponse,
  WorkflowItem,
} from './types';
import type {
  AgentItem,
  DefinitionDetails,
  DefinitionItem,
  FlowProblem,
  ImportedDefinition,
  ModelItem,
  Principals,
  PublishedDefinition,
  SavedDefinition,
  ToolItem,
} from './flowTypes';

/** An error answer of the API; `detail` is the server's problem detail, written for a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let unauthorized: (() => void) | null = null;

/** Called when a signed-in call answers 401 (the session expired or was revoked), so the console can ask to sign in again. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorized = handler;
}

/** Remembers the session's CSRF token; every unsafe request sends it as X-CSRF-Token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { title: 'Server unreachable', detail: 'The server did not answer. Check that it is running and try again.' });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const problem: Problem = parsed && typeof parsed === 'object' ? (parsed as Problem) : { title: response.statusText };
    if (response.status === 401 && path !== '/api/session') unauthorized?.();
    throw new ApiError(response.status, { status: response.status, ...problem });
  }
  return parsed as T;
}

const enc = encodeURIComponent;

export const api = {
  session: () => request<Session>('GET', '/api/session'),
  signIn: (credentials: { user: string; password: string } | { apiKey: string }) =>
    request<Session>('POST', '/api/session', credentials),
  signOut: () => request<void>('DELETE', '/api/session'),

  workflows: () => request<{ items: WorkflowItem[] }>('GET', '/api/workflows'),

  instances: (query: { status?: string; workflow?: string; parent?: string; cursor?: string | null; limit?: number }) =>
    request<InstancePage>('GET', withQuery('/api/instances', query)),
  instance: (id: string) => request<InstanceDetails>('GET', `/api/instances/${enc(id)}`),
  history: (id: string) => request<HistoryResponse>('GET', `/api/instances/${enc(id)}/history`),
  operate: (id: string, operation: 'suspend' | 'resume' | 'terminate' | 'restart', reason?: string) =>
    request<{ instanceId: string; status: string }>('POST', `/api/instances/${enc(id)}/${operation}`, reason ? { reason } : {}),
  raiseEvent: (id: string, name: string, payload: Json) =>
    request<{ instanceId: string; event: string }>('POST', `/api/instances/${enc(id)}/events/${enc(name)}`, payload),

  approvals: (status = 'pending') => request<{ items: ApprovalItem[] }>('GET', withQuery('/api/approvals', { status, assignee: 'me' })),
  approval: (taskId: string) => request<ApprovalDetails>('GET', `/api/approvals/${enc(taskId)}`),
  decide: (taskId: string, decision: 'approve' | 'reject', comment?: string, edits?: JsonObject) =>
    request<ApprovalItem>('POST', `/api/approvals/${enc(taskId)}/decision`, {
      decision,
      ...(comment ? { comment } : {}),
      ...(edits ? { edits } : {}),
    }),

  usage: (query: { groupBy: UsageGroup; interval?: 'hour' | 'day'; from?: string; to?: string }) =>
    request<UsageResponse>('GET', withQuery('/api/usage', query)),

  audit: (query: { q?: string; instanceId?: string; actor?: string; action?: string; cursor?: string | null; limit?: number }) =>
    request<AuditPage>('GET', withQuery('/api/audit', query)),
  auditVerify: () => request<AuditVerify>('GET', '/api/audit/verify'),

  definitions: () => request<{ items: DefinitionItem[] }>('GET', '/api/definitions'),
  definition: (id: string, version?: number | null) =>
    request<DefinitionDetails>('GET', withQuery(`/api/definitions/${enc(id)}`, { version: version ?? undefined })),
  saveDefinition: (definition: JsonObject) => request<SavedDefinition>('POST', '/api/definitions', definition),
  publishDefinition: (id: string) => request<PublishedDefinition>('POST', `/api/definitions/${enc(id)}/publish`, {}),
  validateDefinition: (definition: JsonObject) => request<{ problems: FlowProblem[] }>('POST', '/api/definitions/validate', definition),
  importDefinition: (definition: Json, publish = false) =>
    request<ImportedDefinition>('POST', withQuery('/api/definitions/import', { publish: publish ? 'true' : 'false' }), definition),
  exportDefinition: (id: string, version?: number | null) =>
    requestText(withQuery(`/api/definitions/${enc(id)}/export`, { format: 'elsa', version: version ?? undefined })),
  startInstance: (workflow: string, input: Json, version?: number | null) =>
    request<{ instanceId: string }>('POST', '/api/instances', { workflow, input, ...(version ? { version } : {}) }),

  models: () => request<{ items: ModelItem[] }>('GET', '/api/models'),
  tools: () => request<{ items: ToolItem[] }>('GET', '/api/tools'),
  agents: () => request<{ items: AgentItem[] }>('GET', '/api/agents'),
  principals: () => request<Principals>('GET', '/api/principals'),
};

/** A GET whose answer is kept as text (a file to download), with the same errors as every other call. */
async function requestText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'Server unreachable', detail: 'The server did not answer. Check that it is running and try again.' });
  }
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem = { title: response.statusText };
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // Not problem+json: keep the status text.
    }
    if (response.status === 401) unauthorized?.();
    throw new ApiError(response.status, { status: response.status, ...problem });
  }
  return text;
}

/** The URLs of the server-sent event streams; EventSource sends the session cookie with them. */
export const streams = {
  instance: (id: string) => `/api/instances/${enc(id)}/stream`,
  approvals: () => '/api/approvals/stream',
};

/** A message for a person from any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
