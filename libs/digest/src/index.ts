export * from './digest-composer';
