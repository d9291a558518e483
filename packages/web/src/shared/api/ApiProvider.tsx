import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { Api } from './client.ts';
import type { ConnectionStatus } from './connection.ts';

const ApiContext = createContext<Api | null>(null);

/** Makes the app's one Api available: urql's hooks (useQuery, useMutation…) and the hooks below. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  // renewSession() swaps the client; re-rendering the urql Provider re-runs every query against it.
  const client = useSyncExternalStore(api.subscribe, api.getClient);
  return (
    <ApiContext value={api}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </ApiContext>
  );
}

export function useApi(): Api {
  const api = use(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it (see src/app/providers.tsx).');
  return api;
}

/** `connected` or `reconnecting`, and a counter that grows after each outage. */
export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useApi();
  return useSyncExternalStore(connection.subscribe, connection.getStatus);
}
