// The console's API types from the API's OpenAPI document: reads the document (JSON) on stdin, writes TypeScript on stdout.
// test/contract/openapi.e2e-spec.ts runs it on the document the app serves and fails while apps/web/src/api/schema.d.ts
// differs; `npm run api:types` rewrites that file. A script of its own, as openapi-typescript is an ES module Jest cannot load.
import { Buffer } from 'node:buffer';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * Generated from the API's OpenAPI document (/api/docs/openapi.json) by openapi-typescript: do not edit.
 * \`npm run api:types\` rewrites it; test/contract/openapi.e2e-spec.ts fails while it differs from the document.
 */

`;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(HEADER + astToString(await openapiTS(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
