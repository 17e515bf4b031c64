/** A tool call's arguments: a name/value list for an object, the raw text otherwise. */
export function ToolArguments({ value }: { value: unknown }) {
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
