import { useState } from 'react';
import type { ChatMessage } from '../lib/conversation';
import { formatTime } from '../lib/format';
import { ToolArguments } from './ToolArguments';

function prettyToolResult(text: string | null): string {
  if (!text) return '(empty)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** One message of a conversation: the person's, the agent's (with its tool calls), a tool's result, or the instructions. */
export function ChatBubble({ message }: { message: ChatMessage }) {
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
            <ToolArguments value={call.arguments} />
          </div>
        ))}
      </div>
    </div>
  );
}
