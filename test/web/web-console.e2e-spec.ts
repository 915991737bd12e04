import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
