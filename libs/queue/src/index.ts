export * from './jobs';
export * from './queue.module';
export * from './redis-connection';
export * from './redis-client';
export * from './job-schedulers';
