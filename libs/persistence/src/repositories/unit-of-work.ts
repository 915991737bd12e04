import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transaction, transactionOf } from './transaction';

/** Opens the transaction a use case's writes share: services pass the Transaction it hands out to each repository. */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** PostgreSQL's default READ COMMITTED; naming it would cost a SET TRANSACTION statement per write. */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }
}
