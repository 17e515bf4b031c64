import { useState } from 'react';
import type { ChatMessage } from '../lib/conversation';
import { formatTime } from '../lib/format';

function Arguments({ value }: { value: unknown }) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return (
      <dl className="tool-args">
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <pre className="tool-raw">{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>;
}

function prettyToolResult(text: string | null): string {
  if (!text) return '(empty)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Bubble({ message }: { message: ChatMessage }) {
  const [open, setOpen] = useState(false);
  if (message.role === 'system') {
    return (
      <div className="chat-system">
        <button type="button" className="linkish" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide instructions' : 'Show instructions'}
        </button>
        {open && <p>{message.content}</p>}
      </div>
    );
  }
  if (message.role === 'tool') {
    return (
      <div className="chat-row chat-row-tool">
        <div className="chat-bubble chat-tool">
          <div className="chat-meta">Result of {message.toolName ?? 'tool'}</div>
          <pre>{prettyToolResult(message.content)}</pre>
        </div>
      </div>
    );
  }
  const mine = message.role === 'user';
  return (
    <div className={mine ? 'chat-row chat-row-user' : 'chat-row chat-row-assistant'}>
      <div className={mine ? 'chat-bubble chat-user' : 'chat-bubble chat-assistant'}>
        <div className="chat-meta">
          {mine ? 'User' : 'Agent'}
          {message.model && <span> · {message.model}</span>}
          {message.at && <span> · {formatTime(message.at)}</span>}
        </div>
        {message.content && <p className="chat-text">{message.content}</p>}
        {message.toolCalls.map((call) => (
          <div key={call.id} className="chat-call">
            <div className="chat-call-name">
              <span aria-hidden="true">⚙</span> calls <code>{call.name}</code>
            </div>
            <Arguments value={call.arguments} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** An agent conversation as a chat: the person's messages right, the agent's left, tool calls and results between. */
export function Conversation({ messages }: { messages: ChatMessage[] }) {
  return (
    <div className="chat" data-testid="conversation">
      {messages.map((m, i) => (
        <Bubble key={i} message={m} />
      ))}
    </div>
  );
}
