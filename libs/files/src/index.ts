export * from './file-store';
export * from './file-store.factory';
export * from './folder-file-store';
export * from './s3-file-store';
export * from './file-content';
