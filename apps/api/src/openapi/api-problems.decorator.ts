import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, STATUS_TITLES } from '@qj/http';
import { ProblemDetailsDto } from './problem-details.dto';

/** A status, or a status with what it means on this route. */
export type ProblemStatus = number | [status: number, description: string];

/** The `application/problem+json` response of a status, as the document lists it. */
export function problemResponse(status: number, description = STATUS_TITLES[status] ?? 'problem') {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } } };
}

/**
 * The refusals a route (or every route of a controller) can answer, each as problem details:
 * `@ApiProblems(404, [409, 'the username is taken'])`. 400, 401, 413 and 503 are added to the document where they
 * apply (see openapi-document.ts), so routes list only their own.
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses
      .map((entry) => (Array.isArray(entry) ? entry : ([entry] as [number])))
      .map(([status, description]: [number, string?]) => ApiResponse({ status, ...problemResponse(status, description) })),
  );
}
