import { describe, expect, it } from 'vitest';
import { DEFAULT_NOISE_SETTINGS, noiseSettingsOf, patchNoiseSettings } from './noise-settings';

describe('noiseSettingsOf', () => {
  it.each([
    ['nothing stored', {}, DEFAULT_NOISE_SETTINGS],
    ['not an object', 'x', DEFAULT_NOISE_SETTINGS],
    ['a partial', { storm: { incidents: 10 } }, { ...DEFAULT_NOISE_SETTINGS, storm: { ...DEFAULT_NOISE_SETTINGS.storm, incidents: 10 } }],
    ['a bad value is the default', { lateCopySeconds: -1, flapping: { changes: 'many' } }, DEFAULT_NOISE_SETTINGS],
  ])('%s', (_, stored, want) => {
    expect(noiseSettingsOf(stored)).toEqual(want);
  });
});

describe('patchNoiseSettings', () => {
  it('stores only what was set, the patch over the stored values', () => {
    const stored = { storm: { enabled: false } };
    const patched = patchNoiseSettings(stored, { flapping: { windowSeconds: 600 }, storm: { incidents: 9 } });
    expect(patched).toEqual({ flapping: { windowSeconds: 600 }, storm: { enabled: false, incidents: 9 } });
    expect(noiseSettingsOf(patched)).toEqual({
      ...DEFAULT_NOISE_SETTINGS,
      flapping: { ...DEFAULT_NOISE_SETTINGS.flapping, windowSeconds: 600 },
      storm: { ...DEFAULT_NOISE_SETTINGS.storm, enabled: false, incidents: 9 },
    });
  });
  it('an empty patch keeps the stored values', () => {
    expect(patchNoiseSettings({ lateCopySeconds: 30 }, {})).toEqual({ lateCopySeconds: 30 });
  });
});
