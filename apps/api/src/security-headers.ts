import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response, set before anything else runs (so errors, static files, the API docs and the
 * queue dashboard carry them too). The Content-Security-Policy is one for the console, Swagger UI at /api/docs and
 * bull-board at /admin/queues: scripts only from this origin; inline styles allowed because antd injects its CSS-in-JS
 * as <style> elements and Swagger UI ships an inline <style>; images and fonts also from data: URIs (antd, Swagger UI).
 * No page may be framed (frame-ancestors and X-Frame-Options), so the 批准 button cannot be clickjacked.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: thumbnails of evidence photos, fetched with the bearer token and shown from object URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: `npm start` serves plain http on localhost, where upgrading would break every request.
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
