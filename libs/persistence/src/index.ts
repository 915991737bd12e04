export * from './data-source.options';
export * from './entities';
export * from './migrate';
export * from './persistence.module';
