import fs from 'node:fs';
import path from 'node:path';
import type { Route } from './router';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ServiceInfo {
  name: string;
  dir: string;
  port: number;
  routes: string[];
}

/**
 * Every service that exists under services/, found from its package.json `bigtix` field, so a
 * new service plugs into `make dev` and the router by declaring its port and route prefixes.
 */
export function discoverServices(root = REPO_ROOT): ServiceInfo[] {
  const dir = path.join(root, 'services');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((d) => fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'src', 'index.ts')))
    .map((d) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8'));
      return { name: path.basename(d), dir: d, port: pkg.bigtix?.port, routes: pkg.bigtix?.routes ?? [] };
    })
    .filter((s) => typeof s.port === 'number')
    .sort((a, b) => a.port - b.port);
}

export function routesFor(services: { routes: string[]; url: string }[]): Route[] {
  return services.flatMap((s) => s.routes.map((prefix) => ({ prefix, target: s.url })));
}
