/**
 * `npm run web` entry: starts the web-mode server. Loopback only unless `--share` (venue sharing)
 * is given. Options: GIAMKHAO_PORT (default 5180), GIAMKHAO_DATA_DIR (default ~/.giamkhao).
 */
import { networkInterfaces, homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HandlerContext } from '../main/handlers/context';
import { createWebServer } from './server';

const here = fileURLToPath(new URL('.', import.meta.url));
const share = process.argv.includes('--share');
const port = Number(process.env['GIAMKHAO_PORT'] ?? 5180);
const dataDir = process.env['GIAMKHAO_DATA_DIR'] ?? join(homedir(), '.giamkhao');
const lanAddresses = share
  ? Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address)
  : [];

const ctx: HandlerContext = {
  mode: 'web',
  version: process.env['npm_package_version'] ?? '0.1.0',
  dataDir,
  resourcesDir: process.env['GIAMKHAO_RESOURCES_DIR'] ?? join(here, '../../resources'),
};
const host = share ? '0.0.0.0' : '127.0.0.1';
const server = createWebServer({
  ctx,
  rendererDir: join(here, '../renderer'),
  host,
  port,
  extraHosts: lanAddresses,
});
server.listen(port, host, () => {
  console.log(`Giám khảo (chế độ web) đang chạy: http://127.0.0.1:${port}/`);
  console.log(`Dữ liệu: ${dataDir}`);
  if (share)
    console.log(
      `Chia sẻ tại điểm thi: ${lanAddresses.map((a) => `http://${a}:${port}/`).join(', ')}`,
    );
});
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => server.close(() => process.exit(0)));
