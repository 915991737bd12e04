export * from './workflow.types';
export * from './builtin.guards';
export * from './workflow-definition.validator';
export * from './approval.policy';
export * from './workflow.engine';
export * from './project-workflow.guards';
export * from './project-workflow.definition';
export * from './project-workflow.engine';
