export * from './client-errors';
export * from './domain.exception';
export * from './error-catalogue';
export * from './logging';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './calendar-date.validator';
