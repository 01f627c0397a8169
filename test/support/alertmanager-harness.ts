// Drives the real Alertmanager 0.25 (Debian's prometheus-alertmanager) through
// ../shared/alertmanager/run.sh: loopback only, free ports, stopped with the test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/alertmanager/run.sh');

/** Why the real Alertmanager (and, `withPrometheus`, Prometheus) can't run here, or null when it can (Debian's packages, run.sh deps). */
export function missingAlertmanagerBinaries(opts: { withPrometheus?: boolean } = {}): string | null {
  const need = ['/usr/bin/prometheus-alertmanager', ...(opts.withPrometheus ? ['/usr/bin/prometheus', '/usr/bin/promtool'] : [])];
  const missing = need.filter((bin) => !existsSync(process.env.AM_BIN && bin.endsWith('alertmanager') ? process.env.AM_BIN : bin));
  return missing.length > 0 ? `${missing.join(', ')} not installed (apt-get install prometheus-alertmanager prometheus, or ${RUN} deps)` : null;
}

export interface RealAlertmanager {
  url: string;
  /** with `withPrometheus`: stops that Prometheus (SIGTERM to its pid), so the alerts it sent expire in Alertmanager */
  stopPrometheus(): void;
  /** POST alerts to Alertmanager's /api/v2/alerts (run.sh fire arguments) */
  fire(...args: string[]): void;
  stop(): void;
}

export function startRealAlertmanager(
  webhookUrl: string,
  opts: { bearer?: string; env?: Record<string, string>; /** also the real Prometheus (run.sh --with-prometheus) */ withPrometheus?: boolean } = {},
): RealAlertmanager {
  const out = execFileSync(
    RUN,
    ['start', webhookUrl, '--owner-pid', String(process.pid), ...(opts.bearer ? ['--bearer', opts.bearer] : []), ...(opts.withPrometheus ? ['--with-prometheus'] : [])],
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
    stopPrometheus: () => {
      if (!vars.PROM_PID) throw new Error('no Prometheus was started (withPrometheus)');
      try {
        process.kill(Number(vars.PROM_PID), 'SIGTERM');
      } catch {
        // gone already
      }
    },
    fire: (...args) => {
      execFileSync(RUN, ['fire', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    },
    stop: () => {
      execFileSync(RUN, ['stop', dir, '--purge'], { stdio: ['ignore', 'ignore', 'inherit'] });
    },
  };
}
