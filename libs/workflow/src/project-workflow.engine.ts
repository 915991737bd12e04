import type { ProjectStatus } from '@qj/domain';
import { projectWorkflowDefinitions, type ProjectEvidence } from './project-workflow.definition';
import { projectGuards } from './project-workflow.guards';
import { createWorkflowEngine, type WorkflowEngine } from './workflow.engine';

type ProjectWorkflowEngine = WorkflowEngine<ProjectStatus, ProjectEvidence>;

const engines = new Map<number, ProjectWorkflowEngine>(
  projectWorkflowDefinitions.map((definition) => [definition.version, createWorkflowEngine<ProjectStatus, ProjectEvidence>(definition, projectGuards)]),
);

/** The current project workflow bound to its guards: what new requests are filed and checked under. */
export const projectWorkflowEngine = engines.get(Math.max(...engines.keys())) as ProjectWorkflowEngine;

/** The engine of a released version, for a request filed under it; undefined for a version never released. */
export function projectWorkflowEngineFor(version: number): ProjectWorkflowEngine | undefined {
  return engines.get(version);
}
