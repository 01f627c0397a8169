/**
 * The dedup key a probe run's alert carries (Events API `dedup_key`): the run's
 * id in it, so the api tells which run a probe webhook answers from the
 * incident's group key alone (ingest-event.ts keys events groups `events:<dedup_key>`).
 */
const PREFIX = 'heinrich-probe-';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function probeDedupKey(runId: string): string {
  return `${PREFIX}${runId}`;
}

/** The run id of a probe incident's group key; undefined for any other group key. */
export function probeRunIdOfGroupKey(groupKey: string): string | undefined {
  const rest = groupKey.startsWith(`events:${PREFIX}`) ? groupKey.slice(`events:${PREFIX}`.length) : '';
  return UUID.test(rest) ? rest : undefined;
}
