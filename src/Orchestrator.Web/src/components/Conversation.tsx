import type { ChatMessage } from '../lib/conversation';
import { ChatBubble } from './ChatBubble';

/** An agent conversation as a chat: the person's messages right, the agent's left, tool calls and results between. */
export function Conversation({ messages }: { messages: ChatMessage[] }) {
  return (
    <div className="chat" data-testid="conversation">
      {messages.map((m, i) => (
        <ChatBubble key={i} message={m} />
      ))}
    </div>
  );
}
