import type { AuditEntryJson } from '@heinrich/contracts/audit-log';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './incidents';
import { keys } from './keys';

/** The audit log, newest first, 50 entries a page (`fetchNextPage` follows nextCursor); '' = every entity type. */
export function useAuditLog(entityType: string) {
  return useInfiniteQuery({
    queryKey: keys.auditLog(entityType),
    queryFn: ({ signal, pageParam }) => {
      const q = new URLSearchParams({ limit: '50' });
      if (entityType) q.set('entityType', entityType);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<Page<AuditEntryJson>>(`/audit-log?${q.toString()}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // older pages do not change; refetching all of them on every focus would only cost
    refetchOnWindowFocus: false,
  });
}
