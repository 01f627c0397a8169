import { describe, expect, it } from 'vitest';
import type { IncomingAlert } from '../incoming-alert';
import { DEFAULT_NOISE_SETTINGS } from '../noise/noise-settings';
import { decideRefires } from './decide-refires';
import { distinctOccurrences } from './distinct-occurrences';
import type { IngestDelivery } from './ingest-delivery';

const alert = (status: 'firing' | 'resolved'): IncomingAlert => ({
  fingerprint: 'fp',
  startsAt: '2026-03-01T10:00:00Z',
  endsAt: null,
  status,
  labels: {},
  annotations: {},
  generatorUrl: null,
  severity: null,
  group: { key: 'g', keyHash: 'h', labels: {}, title: 't' },
});
const delivery = (status: 'firing' | 'resolved', lateCopySeconds?: number): IngestDelivery => ({
  serviceId: 's1',
  autoResolve: true,
  alerts: [alert(status)],
  truncatedAlerts: null,
  via: 'alertmanager',
  actor: 'k',
  ...(lateCopySeconds === undefined ? {} : { noise: { ...DEFAULT_NOISE_SETTINGS, lateCopySeconds } }),
});

describe('decideRefires', () => {
  it.each([
    { name: 'not resolved by hand: an ordinary repeat', status: 'firing' as const, ago: null, window: undefined, refire: false },
    { name: 'a late copy within the default 2 min', status: 'firing' as const, ago: 119_000, window: undefined, refire: false },
    { name: 'the next repeat after the default 2 min', status: 'firing' as const, ago: 121_000, window: undefined, refire: true },
    { name: 'the service window decides', status: 'firing' as const, ago: 10_000, window: 5, refire: true },
    { name: 'a resolve of it is no re-fire', status: 'resolved' as const, ago: 600_000, window: undefined, refire: false },
  ])('$name', ({ status, ago, window, refire }) => {
    const deliveries = [delivery(status, window)];
    expect(decideRefires(deliveries, distinctOccurrences(deliveries), [{ index: 0, resolvedByHandMsAgo: ago }]).has(0)).toBe(refire);
  });
});
