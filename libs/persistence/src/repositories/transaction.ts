import type { EntityManager } from 'typeorm';

declare const OPEN_TRANSACTION: unique symbol;

/**
 * An open database transaction as services hold it: a token they pass back to repository methods, so one use case's
 * writes commit or roll back together. Only repositories see the TypeORM EntityManager behind it.
 */
export type Transaction = { readonly [OPEN_TRANSACTION]: true };

/** Repositories only: the EntityManager a Transaction stands for. */
export function managerOf(tx: Transaction): EntityManager {
  return tx as unknown as EntityManager;
}

/** Repositories only: a TypeORM transaction's manager handed out as a Transaction. */
export function transactionOf(manager: EntityManager): Transaction {
  return manager as unknown as Transaction;
}
