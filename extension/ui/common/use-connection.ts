import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '../../lib/runtime-messages';
import type { BackgroundClient } from './background-client';

/** The helper connection as the background sees it; `null` until the background answers. */
export function useConnection(background: BackgroundClient): ConnectionState | null {
  const [connection, setConnection] = useState<ConnectionState | null>(null);
  useEffect(() => {
    const scope = new AbortController();
    background.listen((message) => {
      if (message.kind === 'connection') setConnection(message.connection);
    }, scope.signal);
    background.ask({ kind: 'get-state' }).then(
      (state) => {
        if (!scope.signal.aborted && state !== undefined) setConnection(state);
      },
      () => {
        if (!scope.signal.aborted) setConnection({ state: 'helper-down' });
      },
    );
    return () => scope.abort();
  }, [background]);
  return connection;
}
