export * from './catalog/catalog-import';
export * from './data-source.options';
export * from './entities';
export * from './migrate';
export * from './persistence.module';
export * from './repositories/project-read.repository';
