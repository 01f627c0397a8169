import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane; about
 * 50 ms here). The PHC string stores them, so raising them later keeps old
 * hashes verifiable.
 */
// Algorithm is an ambient const enum, which verbatimModuleSyntax can't read as a value: 2 is Argon2id
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// verified against when there is no user (or no password yet), so an unknown
// email takes as long to refuse as a wrong password
let dummyHash: Promise<string> | undefined;

/** Whether the password matches the hash; with no hash, spends the same time and says no. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('no user has this password; it only costs time');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
