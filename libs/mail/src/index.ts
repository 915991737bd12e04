export * from './html';
export * from './unsubscribe-token';
