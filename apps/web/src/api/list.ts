import { api, type RequestOptions } from './client';

/** Every item of a paginated list endpoint (`{items, nextCursor}`), following the cursors; capped to keep a page fast. */
export async function listAllPages<T>(path: string, opts: RequestOptions = {}, max = 1000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await api.get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, opts);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
