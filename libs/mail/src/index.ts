export * from './digest';
export * from './html';
export * from './unsubscribe-token';
