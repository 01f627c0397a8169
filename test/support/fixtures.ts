import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/fixtures/alertmanager beside the project (real Alertmanager 0.25 captures). */
export const ALERTMANAGER_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/alertmanager');

/** The webhook body of a captured fixture (some files wrap it with measurements under `payload`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are arbitrary JSON
export function alertmanagerFixture(file: string): any {
  const data = JSON.parse(readFileSync(join(ALERTMANAGER_FIXTURES, file), 'utf8'));
  return data.payload ?? data;
}
