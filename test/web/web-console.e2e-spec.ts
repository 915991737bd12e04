import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get as httpGet, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { findRepositoryRoot, webConsoleMiddleware, webDistDir } from '../../apps/api/src/web/web-console.middleware';

/** The console's static serving on its own: a built console, a missing one, and what it leaves to the API. */
describe('serving the web console (dist/web)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'qj-web-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The console's middleware, then what the API would answer for the rest. */
  const appServing = (dist: string) => {
    const app = express();
    app.use(webConsoleMiddleware(dist));
    app.use((req, res) =>
      res
        .status(404)
        .type('application/problem+json')
        .send(JSON.stringify({ status: 404, instance: req.originalUrl })),
    );
    return app;
  };

  it('finds the repository root from the sources, so the compiled API and the tests agree on dist/web', () => {
    const root = findRepositoryRoot(join(__dirname, '../../apps/api/src/web'));
    expect(root).toBe(join(__dirname, '../..'));
    expect(webDistDir(root)).toBe(join(root, 'dist', 'web'));
    expect(findRepositoryRoot(join(root, 'dist/apps/api/apps/api/src/web'))).toBe(root);
  });

  it('until the console is built, pages answer a short Chinese note saying to run npm run build', async () => {
    const app = appServing(join(dir, 'missing'));
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('npm run build');
    expect(res.text).toContain('网页控制台尚未构建');
    await request(app).get('/projects/abc').expect(200);
  });

  it('serves the built files, falls back to index.html for the console’s routes, and leaves /api, /health and missing assets to the API', async () => {
    const dist = join(dir, 'web');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = appServing(dist);

    const index = await request(app).get('/projects?sector=transport').expect(200);
    expect(index.text).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe('no-cache');
    const asset = await request(app).get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');

    for (const path of ['/api/no-such-thing', '/API/projects', '/health', '/health/ready', '/assets/missing.js']) {
      const res = await request(app).get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await request(app).post('/projects').expect(404);
  });

  it('precompressed at build: brotli, gzip or plain as the browser accepts, with Vary, immutable assets and a revalidated index', async () => {
    const dist = join(dir, 'compressed');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: '项目${i}' }`).join(', ')}];\n`;
    const html = `<!doctype html><html lang="zh-CN"><head><title>綦江</title></head><body><div id="root"></div>${'<!-- 十五五 -->'.repeat(80)}</body></html>`;
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd.js'), script);
    writeFileSync(join(dist, 'assets', 'tiny-Ef34.css'), 'a{b:c}');
    writeFileSync(join(dist, 'index.html'), html);
    // The build step `npm run web:build` runs after vite.
    execFileSync(process.execPath, [join(__dirname, '../../apps/web/precompress.mjs'), dist]);
    // Above 1 KB only: the tiny stylesheet is not worth a copy.
    expect(readdirSync(join(dist, 'assets')).sort()).toEqual(['index-Ab12Cd.js', 'index-Ab12Cd.js.br', 'index-Ab12Cd.js.gz', 'tiny-Ef34.css']);
    expect(readdirSync(dist).sort()).toEqual(['assets', 'index.html', 'index.html.br', 'index.html.gz']);
    // Raw bytes over a real socket: supertest would inflate the body before the test sees it.
    const server = appServing(dist).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const get = (path: string, encoding: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
        httpGet({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    try {
      const br = await get('/assets/index-Ab12Cd.js', 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(br.headers.vary).toMatch(/Accept-Encoding/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.body).toString()).toBe(script);
      expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 3);

      const gzip = await get('/assets/index-Ab12Cd.js', 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(script);

      const plain = await get('/assets/index-Ab12Cd.js', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/Accept-Encoding/);
      expect(plain.body.toString()).toBe(script);

      // The console's routes are index.html: compressed too, and never cached without asking.
      for (const path of ['/', '/index.html', '/projects?sector=transport']) {
        const page = await get(path, 'br');
        expect(page.headers['content-encoding']).toBe('br');
        expect(page.headers['cache-control']).toBe('no-cache');
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(brotliDecompressSync(page.body).toString()).toBe(html);
      }
      const tiny = await get('/assets/tiny-Ef34.css', 'br');
      expect(tiny.headers['content-encoding']).toBeUndefined();
      expect(tiny.headers['cache-control']).toContain('immutable');
    } finally {
      server.close();
    }
  });
});
