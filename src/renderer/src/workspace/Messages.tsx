import type { Message } from './useMessages'

/** The toasts, announced politely; an error is an alert. */
export function Messages({ messages }: { messages: Message[] }) {
  return (
    <div className="messages" role="status" aria-live="polite">
      {messages.map((m) => (
        <p
          key={m.id}
          className={`message ${m.kind}`}
          role={m.kind === 'error' ? 'alert' : undefined}
        >
          {m.text}
          {m.action && (
            <button type="button" className="message-action" onClick={m.action.run}>
              {m.action.label}
            </button>
          )}
        </p>
      ))}
    </div>
  )
}
