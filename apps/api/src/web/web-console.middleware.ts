import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Paths the console never answers: the API's own 404s stay problem+json. Express matches case-insensitively, so do we. */
const API_PATH = /^\/(api|health)(\/|$)/i;

/**
 * The repository root (or /app in the image): the nearest directory above `from` holding a package.json.
 * The compiled API runs from dist/apps/api/apps/api/src/web and the tests from apps/api/src/web; both find it.
 */
export function findRepositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function webDistDir(root: string = findRepositoryRoot()): string {
  return join(root, 'dist', 'web');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>綦江区“十五五”重大项目调度平台</title></head>
<body style="font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #262626">
<h1 style="font-size: 1.4rem">綦江区“十五五”重大项目调度平台</h1>
<p>网页控制台尚未构建。请在项目目录运行 <code>npm run build</code>，然后刷新本页。</p>
<p>The web console has not been built yet: run <code>npm run build</code>, then reload.</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p>
</body></html>`;

/**
 * Serves the built console (dist/web): its files, and index.html for every other GET that is not the API,
 * so a shared link to /projects?sector=transport opens in the browser's router. A missing asset
 * (a path with an extension) falls through to the API's problem+json 404. Until the console is built,
 * pages answer a short note saying how to build it.
 *
 * Files come compressed as the browser accepts (brotli, else gzip, else as they are: `Vary: Accept-Encoding`), from
 * the .br and .gz copies `npm run web:build` writes beside them (apps/web/precompress.mjs); the copies are found when
 * the middleware is created, so a console built while the API runs is served uncompressed until it restarts.
 */
export function webConsoleMiddleware(distDir: string = webDistDir()): RequestHandler {
  const indexFile = join(distDir, 'index.html');
  const assetsDir = join(distDir, 'assets');
  const files = expressStaticGzip(distDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        // Vite names every asset by its content hash: it may be cached for good. index.html must be revalidated.
        res.setHeader('Cache-Control', path.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) return next();
    files(req, res, () => {
      if (extname(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (!existsSync(indexFile)) {
        res.status(200).type('html').send(NOT_BUILT_PAGE);
        return;
      }
      // The console's routes are index.html, compressed and revalidated like the file itself.
      const url = req.url;
      req.url = '/index.html';
      files(req, res, (error?: unknown) => {
        req.url = url;
        next(error);
      });
    });
  };
}
