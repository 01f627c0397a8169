// The UI's data layer: TanStack Query. Every read is a query keyed by what it
// names (['users', id], ['incidents', 'list', filter]), so an answer is only
// ever shown for the key it was asked for: moving from one user's page to
// another's shows the second user's answer or "Loading…", never the first
// user's late one. The query's AbortSignal goes to fetch, so the left page's
// request is cancelled. Writes are mutations that invalidate the queries they
// change (api/<resource>.ts says which). Polling is `refetchInterval` on the
// queries that need it; a hidden tab does not poll, and coming back refreshes.
import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    // client.ts throws ApiError for every failure it reports
    defaultError: ApiError;
  }
}

/** Answers older than this are fetched again when a page using them opens (they are shown meanwhile). */
const STALE_MS = 0;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        // a refused request (4xx) is the answer to show; a lost connection or a 5xx is tried once more
        retry: (failures, err) => failures < 1 && (err.status === 0 || err.status >= 500),
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}
