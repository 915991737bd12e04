// Writes a .gz and a .br beside every text file of the built console (dist/web) above 1 KB, once at build time, so
// the API serves them with no CPU per request (express-static-gzip picks the one the browser accepts). Brotli at
// its best quality: a build can afford the seconds, every first load saves the bytes. A compressed copy that is not
// smaller is not written.
// Usage: node apps/web/precompress.mjs [dir]   (dist/web by default; `npm run web:build` runs it after vite)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);
const MIN_BYTES = 1024;

export function precompress(dir) {
  const written = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      written.push(...precompress(path));
      continue;
    }
    if (!TEXT.has(extname(entry.name)) || statSync(path).size < MIN_BYTES) continue;
    const content = readFileSync(path);
    const variants = {
      gz: gzipSync(content, { level: 9 }),
      br: brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
    };
    for (const [suffix, compressed] of Object.entries(variants)) {
      if (compressed.length >= content.length) continue;
      writeFileSync(`${path}.${suffix}`, compressed);
      written.push(`${path}.${suffix}`);
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '../../dist/web');
  console.log(`precompressed ${precompress(dir).length} files (gzip, brotli) in ${dir}`);
}
