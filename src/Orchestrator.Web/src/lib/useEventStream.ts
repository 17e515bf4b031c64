import { useEffect, useRef, useState } from 'react';

export type StreamState = 'connecting' | 'live' | 'closed' | 'retrying';

/**
 * Listens to a server-sent event stream while `url` is set. `handlers` maps event names to callbacks with the parsed
 * JSON data; the latest handlers are used without reconnecting. EventSource reconnects by itself after a drop.
 */
export function useEventStream(url: string | null, handlers: Record<string, (data: unknown) => void>): StreamState {
  const latest = useRef(handlers);
  latest.current = handlers;
  const names = Object.keys(handlers).sort().join(',');
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (!url) {
      setState('closed');
      return;
    }
    const source = new EventSource(url, { withCredentials: true });
    setState('connecting');
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'retrying');
    const listeners = names.split(',').filter(Boolean).map((name) => {
      const listener = (event: MessageEvent<string>) => {
        let data: unknown = null;
        try {
          data = event.data ? JSON.parse(event.data) : null;
        } catch {
          data = event.data;
        }
        if (name === 'done') {
          source.close();
          setState('closed');
        }
        latest.current[name]?.(data);
      };
      source.addEventListener(name, listener as EventListener);
      return [name, listener] as const;
    });
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener as EventListener);
      source.close();
    };
  }, [url, names]);

  return state;
}
