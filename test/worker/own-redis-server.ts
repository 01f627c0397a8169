import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { eventually } from './eventually';
import { freePort } from './free-port';

export interface OwnRedisServer {
  port: number;
  url: string;
  /** kills the process (SIGKILL: a crash, nothing saved) and waits until it is gone */
  stop(): Promise<void>;
  /** starts it again on the same port, empty (no persistence) */
  start(): Promise<void>;
  /** FLUSHALL, as an operator (or a failover to an empty replica) would */
  flushAll(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free loopback port, without persistence,
 * so a test can take Redis away and bring it back without disturbing the shared one.
 */
export async function startOwnRedisServer(): Promise<OwnRedisServer> {
  const port = await freePort();
  let proc: ChildProcess | undefined;

  async function start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {
      stdio: 'ignore',
    });
    proc = child;
    child.once('error', () => {});
    await eventually(`redis-server on port ${port}`, () => command(port, 'PING').then((r) => r.startsWith('+PONG')), { timeoutMs: 10_000 });
  }

  async function stop(): Promise<void> {
    const child = proc;
    proc = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    async flushAll() {
      const reply = await command(port, 'FLUSHALL');
      if (!reply.startsWith('+OK')) throw new Error(`FLUSHALL answered ${reply}`);
    },
  };
}

/** One inline command over a raw socket; resolves with the first reply line. */
function command(port: number, cmd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${cmd}`));
    });
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`${cmd}\r\n`));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.split('\r\n')[0]!);
      }
    });
  });
}
