export * from './env.schema';
export * from './process-lifecycle';
export * from './local-services/embedded-postgres';
export * from './local-services/local-redis';
export * from './runtime-settings';
export * from './clock';
