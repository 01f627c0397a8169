// The image's runtime stage without Docker (Dockerfile, "production dependencies
// only"): the repository's manifests copied into `dir`, `npm ci --omit=dev`, then
// the Prisma CLI removed (@prisma/client names it as an optional peer, so
// `--omit=dev` keeps it). Used by the production-build test and the startup bench.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const NPM_FLAGS = ['--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'];

export async function installRuntimeDependencies(root: string, dir: string): Promise<void> {
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(dir, file));
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, group))) {
      if (!existsSync(join(root, group, name, 'package.json'))) continue;
      mkdirSync(join(dir, group, name), { recursive: true });
      cpSync(join(root, group, name, 'package.json'), join(dir, group, name, 'package.json'));
    }
  }
  await run('npm', ['ci', ...NPM_FLAGS], { cwd: dir, timeout: 300_000 });
  await run('npm', ['uninstall', '--no-save', ...NPM_FLAGS, 'prisma'], { cwd: dir, timeout: 300_000 });
}
