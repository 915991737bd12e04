import type { ProjectStatus } from '@qj/domain';
import { projectWorkflow, type ProjectEvidence } from './project-workflow.definition';
import { projectGuards } from './project-workflow.guards';
import { createWorkflowEngine } from './workflow.engine';

/** The project workflow bound to its guards: what the API and worker call. */
export const projectWorkflowEngine = createWorkflowEngine<ProjectStatus, ProjectEvidence>(projectWorkflow, projectGuards);
