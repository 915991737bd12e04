export * from './stage';
export * from './calendar-date';
export * from './milestone-templates';
export * from './rag';
export * from './sector';
export * from './rules';
export * from './change-text';
export * from './investment';
