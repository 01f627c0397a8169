/** "collector-7, collector-8" — the labels that tell the alerts apart, briefly. */
export function describeAlerts(list: readonly { labels: Record<string, string>; fingerprint: string }[]): string {
  const names = list.slice(0, 5).map((a) => a.labels.pod ?? a.labels.instance ?? a.labels.alertname ?? a.fingerprint);
  return names.join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
}

/** "1 alert", "6 alerts" */
export function countAlerts(n: number): string {
  return `${n} alert${n === 1 ? '' : 's'}`;
}
