import { readFile } from 'node:fs/promises';
import { credentialFromFile, type RotatableCredential } from './credential-files';

export interface CredentialReload {
  key: RotatableCredential;
  /** false: the new content was refused (the old value stays), see `problem` */
  applied: boolean;
  problem?: string;
}

interface Previous {
  value: string;
  /** accepted until then (ms since the epoch) */
  until: number;
}

/**
 * The process's rotatable credentials (docs/kubernetes.md "Rotating
 * credentials"): the current value of each, and, for
 * SECRET_ROTATION_GRACE_SECONDS after a file changed, the value before it, so
 * a Slack or Twilio callback signed just before the rotation (or a client still
 * holding the old API key) still passes. Values given as files are read again
 * by `reload()` (polled: `fs.watch` misses the kubelet's symlink swap of a
 * mounted Secret); a changed value must pass the same check as at start
 * (`validate`), else the old one stays and the reload reports the problem.
 */
export class Credentials {
  private readonly values: Map<RotatableCredential, string>;
  private readonly previous = new Map<RotatableCredential, Previous>();
  /** the last refused content of each file: reported once, not at every poll */
  private readonly refused = new Map<RotatableCredential, string>();

  constructor(
    initial: Partial<Record<RotatableCredential, string | undefined>>,
    private readonly files: Partial<Record<RotatableCredential, string>>,
    private readonly opts: {
      graceMs: number;
      now: () => number;
      validate: (key: RotatableCredential, value: string) => string | null;
      read?: (path: string) => Promise<string>;
    },
  ) {
    this.values = new Map(Object.entries(initial).filter((e): e is [RotatableCredential, string] => e[1] !== undefined) as [RotatableCredential, string][]);
  }

  /** Credentials whose values never change (tests, processes configured by values only). */
  static fixed(initial: Partial<Record<RotatableCredential, string | undefined>>): Credentials {
    return new Credentials(initial, {}, { graceMs: 0, now: Date.now, validate: () => null });
  }

  /** The value to use now (sending, signing), or undefined when not configured. */
  current(key: RotatableCredential): string | undefined {
    return this.values.get(key);
  }

  /** The values to accept from others now (API keys, signatures): the current one, then the previous one within its grace. */
  accepted(key: RotatableCredential): string[] {
    const current = this.values.get(key);
    const previous = this.previous.get(key);
    const out = current === undefined ? [] : [current];
    if (previous && previous.until > this.opts.now() && previous.value !== current) out.push(previous.value);
    return out;
  }

  /** Whether any credential is read from a file (only then is there something to poll). */
  get watched(): boolean {
    return Object.keys(this.files).length > 0;
  }

  /** Reads every credential file again; returns what changed. A file that can't be read now keeps its value (a Secret mid-update). */
  async reload(): Promise<CredentialReload[]> {
    const read = this.opts.read ?? ((path: string) => readFile(path, 'utf8'));
    const changes: CredentialReload[] = [];
    for (const [key, path] of Object.entries(this.files) as [RotatableCredential, string][]) {
      let value: string;
      try {
        value = credentialFromFile(await read(path));
      } catch {
        continue;
      }
      const old = this.values.get(key);
      if (value === old || value === this.refused.get(key)) continue;
      const problem = this.opts.validate(key, value);
      if (problem !== null) {
        this.refused.set(key, value);
        changes.push({ key, applied: false, problem });
        continue;
      }
      this.refused.delete(key);
      if (old !== undefined) this.previous.set(key, { value: old, until: this.opts.now() + this.opts.graceMs });
      this.values.set(key, value);
      changes.push({ key, applied: true });
    }
    return changes;
  }
}
