export * from './catalog.types';
export * from './catalog-file';
export * from './plan-text';
export * from './verb-rules';
export * from './approvals-catalogue';
