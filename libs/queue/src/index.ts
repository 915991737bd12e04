export * from './jobs';
export * from './job-payloads';
export * from './enqueue';
export * from './queue.module';
export * from './redis-connection';
export * from './redis-client';
export * from './job-schedulers';
