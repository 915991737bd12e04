import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

const statements = new AsyncLocalStorage<{ count: number }>();

/**
 * Counts the SQL statements a unit of work (an HTTP request) runs, so tests and operators can see that a
 * list of 100 projects costs the same number of statements as a list of 10.
 */
export const sqlStatementCounter = {
  run<T>(work: () => T): T {
    return statements.run({ count: 0 }, work);
  },
  current(): number | undefined {
    return statements.getStore()?.count;
  },
};

/** TypeORM logger that only counts; errors are reported by the code that catches them. */
export class CountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const store = statements.getStore();
    if (store) store.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
