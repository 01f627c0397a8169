import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/alertmanager');

/** The webhook body of a captured Alertmanager notification (some files wrap it under `payload`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are arbitrary JSON
export function alertmanagerPayload(file: string): any {
  const data = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
  return data.payload ?? data;
}
