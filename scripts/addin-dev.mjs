// `npm run addin:dev`: serves the task pane over HTTPS on localhost (certificates from office-addin-dev-certs,
// trusted once on this machine) with Vite's dev server, plus /icons/* and /manifest.xml for sideloading.
import preact from '@preact/preset-vite';
import devCerts from 'office-addin-dev-certs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { renderManifest } from './build-addin.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const base = `https://localhost:${port}`;
const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;

const https = await devCerts.getHttpsServerOptions();
const server = await createServer({
  configFile: false,
  root: join(repo, 'office-addin'),
  plugins: [
    preact(),
    {
      name: 'indsatsviden-addin-files',
      configureServer(s) {
        s.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          if (path === '/manifest.xml') {
            res.setHeader('content-type', 'application/xml');
            res.end(renderManifest(base, version));
            return;
          }
          const icon = /^\/icons\/(icon-\d+\.png)$/.exec(path ?? '');
          if (icon) {
            res.setHeader('content-type', 'image/png');
            res.end(readFileSync(join(repo, 'office-addin/icons', icon[1])));
            return;
          }
          next();
        });
      },
    },
  ],
  server: { https, port, strictPort: true, host: 'localhost' },
});
await server.listen();
console.log(`Indsatsviden-ruden kører på ${base}/index.html`);
console.log(`Manifest til sideloading: ${base}/manifest.xml (eller dist/office-addin/manifest.xml efter npm run build:addin)`);
