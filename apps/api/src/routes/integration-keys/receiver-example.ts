/**
 * Where a sender posts with a new key, and a snippet to paste: an Alertmanager
 * receiver (the key as Bearer credentials, https://prometheus.io/docs/alerting/latest/configuration/#http_config)
 * or an Events API v2 request (the key as routing_key).
 */
export function receiverExample(publicUrl: string, type: 'alertmanager' | 'events', secret: string): { url: string; example: string } {
  const base = publicUrl.replace(/\/+$/, '');
  if (type === 'alertmanager') {
    const url = `${base}/api/v1/integrations/alertmanager`;
    const example = [
      'receivers:',
      '  - name: heinrich',
      '    webhook_configs:',
      `      - url: ${url}`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      `            credentials: ${secret}`,
      '',
    ].join('\n');
    return { url, example };
  }
  const url = `${base}/api/v1/integrations/events`;
  const event = {
    routing_key: secret,
    event_action: 'trigger',
    dedup_key: 'disk-full-db01',
    payload: { summary: 'Disk full on db01', source: 'db01', severity: 'critical' },
  };
  return { url, example: `curl -X POST ${url} -H 'Content-Type: application/json' -d '${JSON.stringify(event)}'\n` };
}
