/**
 * A service's noise-control settings (docs/noise.md). Stored as the values a
 * person set (services.noise, jsonb, possibly partial or from an older
 * version); read through `noiseSettingsOf`, which fills in the defaults, so a
 * new setting needs no migration and the API always shows the effective values.
 */
// a type, not an interface: it is JSON (audit snapshots take it as such)
export type NoiseSettings = {
  /** after a manual resolve, firing copies within this many seconds are late copies of the same notification (HA peers, retries) */
  lateCopySeconds: number;
  flapping: {
    enabled: boolean;
    /** state changes (none firing <-> some firing) of an alert group within windowSeconds that make it flapping */
    changes: number;
    windowSeconds: number;
  };
  storm: {
    enabled: boolean;
    /** more than this many incidents opened on the service within windowSeconds start a storm */
    incidents: number;
    windowSeconds: number;
    /** a storm ends after this long without a new incident on the service */
    quietSeconds: number;
  };
};

export const DEFAULT_NOISE_SETTINGS: NoiseSettings = {
  lateCopySeconds: 120,
  flapping: { enabled: true, changes: 4, windowSeconds: 1_800 },
  storm: { enabled: true, incidents: 5, windowSeconds: 300, quietSeconds: 600 },
};

/** A partial of the settings, as given to PATCH and stored. */
export type NoiseSettingsPatch = {
  lateCopySeconds?: number;
  flapping?: Partial<NoiseSettings['flapping']>;
  storm?: Partial<NoiseSettings['storm']>;
};

/** The effective settings: the stored values over the defaults; anything unreadable is the default. */
export function noiseSettingsOf(stored: unknown): NoiseSettings {
  const s = record(stored);
  const flapping = record(s.flapping);
  const storm = record(s.storm);
  const d = DEFAULT_NOISE_SETTINGS;
  return {
    lateCopySeconds: int(s.lateCopySeconds, d.lateCopySeconds),
    flapping: {
      enabled: bool(flapping.enabled, d.flapping.enabled),
      changes: int(flapping.changes, d.flapping.changes),
      windowSeconds: int(flapping.windowSeconds, d.flapping.windowSeconds),
    },
    storm: {
      enabled: bool(storm.enabled, d.storm.enabled),
      incidents: int(storm.incidents, d.storm.incidents),
      windowSeconds: int(storm.windowSeconds, d.storm.windowSeconds),
      quietSeconds: int(storm.quietSeconds, d.storm.quietSeconds),
    },
  };
}

/**
 * The stored settings with a patch applied (what a PATCH writes): only values
 * a person set are stored, so a later change of a default still applies to the
 * settings nobody set.
 */
export function patchNoiseSettings(stored: unknown, patch: NoiseSettingsPatch): NoiseSettingsPatch {
  const now = record(stored) as NoiseSettingsPatch;
  const out: NoiseSettingsPatch = { ...definedOnly(now) };
  if (patch.lateCopySeconds !== undefined) out.lateCopySeconds = patch.lateCopySeconds;
  const flapping = { ...definedOnly(record(now.flapping)), ...definedOnly(patch.flapping) };
  const storm = { ...definedOnly(record(now.storm)), ...definedOnly(patch.storm) };
  if (Object.keys(flapping).length > 0) out.flapping = flapping;
  if (Object.keys(storm).length > 0) out.storm = storm;
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function int(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
}
function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}
function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
