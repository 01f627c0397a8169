// Drives the real Alertmanager 0.25 (Debian's prometheus-alertmanager) through
// ../shared/alertmanager/run.sh: loopback only, free ports, stopped with the test.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/alertmanager/run.sh');

export interface RealAlertmanager {
  url: string;
  /** POST alerts to Alertmanager's /api/v2/alerts (run.sh fire arguments) */
  fire(...args: string[]): void;
  stop(): void;
}

export function startRealAlertmanager(webhookUrl: string, opts: { bearer?: string; env?: Record<string, string> } = {}): RealAlertmanager {
  const out = execFileSync(
    RUN,
    ['start', webhookUrl, '--owner-pid', String(process.pid), ...(opts.bearer ? ['--bearer', opts.bearer] : [])],
    { env: { ...process.env, ...opts.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const vars = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const dir = vars.DIR!;
  return {
    url: vars.AM_URL!,
    fire: (...args) => {
      execFileSync(RUN, ['fire', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    },
    stop: () => {
      execFileSync(RUN, ['stop', dir, '--purge'], { stdio: ['ignore', 'ignore', 'inherit'] });
    },
  };
}
