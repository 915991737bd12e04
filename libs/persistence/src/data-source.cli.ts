import 'reflect-metadata';
// Migrations may use the libraries (the approvals backfill does): resolve @qj/* from tsconfig.json under the CLI too.
import 'tsconfig-paths/register';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';

/** Entry point for the TypeORM CLI (`npm run migration:*`); reads DATABASE_URL like the applications do. */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required for migration commands (got unset), e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker');
  process.exit(1);
}

export default new DataSource(dataSourceOptions({ url }));
