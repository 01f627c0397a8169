/**
 * The incident list's search box (`q`), split into what the database matches:
 * free words (each must appear in the title or a group label value, or be the
 * incident's #number) and `key=value` labels (each must equal a label of the
 * incident or of one of its alerts). Quotes keep spaces: `summary="disk full"`,
 * `"disk full"`. Matching ignores case for words, never for labels.
 */
export interface IncidentSearch {
  words: string[];
  labels: [key: string, value: string][];
}

const TOKEN = /([^\s="]+)=(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;

export function parseIncidentSearch(q: string | undefined): IncidentSearch {
  const search: IncidentSearch = { words: [], labels: [] };
  if (!q) return search;
  for (const m of q.matchAll(TOKEN)) {
    const [, key, quotedValue, value, quotedWord, word] = m;
    if (key !== undefined) search.labels.push([key, quotedValue ?? value ?? '']);
    else {
      const w = (quotedWord ?? word ?? '').trim();
      if (w !== '') search.words.push(w);
    }
  }
  return search;
}
