import { readFileSync } from 'node:fs';

/**
 * Credentials a running process picks up again when their file changes
 * (docs/kubernetes.md "Rotating credentials"): each `X` may instead be given as
 * `X_FILE`, the path of a file holding the value (a mounted Kubernetes Secret).
 */
export const ROTATABLE_CREDENTIALS = [
  'HEINRICH_ADMIN_API_KEY',
  'METRICS_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  // the outbound heartbeat's URL (worker): its path or query is the receiver's token
  'HEARTBEAT_URL',
] as const;
export type RotatableCredential = (typeof ROTATABLE_CREDENTIALS)[number];

/** Also accepted as `X_FILE`, but read once: a change needs a restart (the pools are built from them). */
export const RESTART_CREDENTIALS = ['DATABASE_URL', 'REDIS_URL'] as const;

const FILE_KEYS = [...ROTATABLE_CREDENTIALS, ...RESTART_CREDENTIALS];

export interface CredentialFiles {
  /** the environment with every `X_FILE` read into `X` (and the `_FILE` keys removed) */
  env: Record<string, string | undefined>;
  /** the rotatable credentials given as files: key -> path */
  files: Partial<Record<RotatableCredential, string>>;
  problems: { key: string; message: string }[];
}

/** A file's value: its content without the trailing newline editors and `echo` add. */
export function credentialFromFile(content: string): string {
  return content.replace(/\r?\n$/, '');
}

/**
 * Reads `X_FILE` into `X` for every credential. Both set is a problem naming
 * both (which one wins would be a guess); a file that can't be read is a
 * problem naming the variable and the path (never the content).
 */
export function readCredentialFiles(
  env: Record<string, string | undefined>,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): CredentialFiles {
  const out: Record<string, string | undefined> = { ...env };
  const files: Partial<Record<RotatableCredential, string>> = {};
  const problems: { key: string; message: string }[] = [];
  for (const key of FILE_KEYS) {
    const fileKey = `${key}_FILE`;
    const path = env[fileKey];
    delete out[fileKey];
    if (path === undefined || path === '') continue;
    if (env[key] !== undefined && env[key] !== '') {
      problems.push({ key: fileKey, message: `set ${key} or ${fileKey}, not both` });
      continue;
    }
    try {
      out[key] = credentialFromFile(read(path));
    } catch (err) {
      problems.push({ key: fileKey, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    if ((ROTATABLE_CREDENTIALS as readonly string[]).includes(key)) files[key as RotatableCredential] = path;
  }
  return { env: out, files, problems };
}
