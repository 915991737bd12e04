import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, Min, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, ValidateBy, validateSync, ValidationError } from 'class-validator';
import { DomainEvent, EVENT_NAMES, EventName, eventDataProblems } from './events';
import { REQUEST_ID_PATTERN } from './request-context';

/**
 * Job payloads as classes, validated like request bodies when a worker takes a job (`payloadProblems`): a job
 * written by an older release, by hand or by a bug fails at once instead of being retried into the same error.
 */

/** What any job may carry: the id of the HTTP request that caused it, for the worker's log lines (`enqueue` adds it). */
export class JobPayload {
  @IsOptional()
  @Matches(REQUEST_ID_PATTERN)
  requestId?: string;
}

/** Scheduled jobs that carry nothing. */
export class NoPayload extends JobPayload {}

/** A domain event as relayed from the outbox (its envelope and the outbox row's id); consumers must tolerate seeing one twice. */
export class DomainEventJobPayload {
  /** The outbox row's id (a bigint, as text). */
  @Matches(/^\d+$/)
  outboxId: string;

  @IsIn(EVENT_NAMES)
  name: EventName;

  @IsString()
  @IsNotEmpty()
  aggregateId: string;

  @IsOptional()
  @IsUUID()
  actorId: string | null;

  @IsISO8601()
  occurredAt: string;

  @IsOptional()
  @Matches(REQUEST_ID_PATTERN)
  requestId: string | null;

  /** Checked against the class the catalogue gives the event's name. */
  @ValidateBy({
    name: 'eventData',
    validator: {
      validate: (data, args) => eventDataProblems((args?.object as DomainEventJobPayload).name, data) === null,
      defaultMessage: (args) => eventDataProblems((args?.object as DomainEventJobPayload).name, args?.value) ?? '',
    },
  })
  data: object;
}

/** A domain event job as its handler sees it: the envelope narrowed by the event's name. */
export type DomainEventJob = DomainEvent & { outboxId: string };

export class RollupsSnapshotPayload extends JobPayload {
  /** An ISO week (`2026-W48`); this week when absent. */
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/)
  week?: string;
}

/** A project whose roll-ups a change touched; `formerUnitId` when it left a unit (its old unit's roll-up changed too). */
export class RollupsRefreshPayload extends JobPayload {
  @IsUUID()
  projectId: string;

  @IsOptional()
  @IsUUID()
  formerUnitId?: string;
}

export class ScanProjectPayload extends JobPayload {
  @IsUUID()
  projectId: string;
}

export class MailSendPayload extends JobPayload {
  /** The mail_outbox row's id (a bigint, as text). */
  @Matches(/^\d+$/)
  mailId: string;
}

/** A digest period: an ISO week, or with DIGEST_PERIOD=firing the week and the fire time (`2026-W48-20261123T010000Z`). */
const DIGEST_PERIOD = /^\d{4}-W\d{2}(-\d{8}T\d{6}Z)?$/;

export class DigestFanoutPayload extends JobPayload {
  /** The period to fan out; the firing's period when absent. */
  @IsOptional()
  @Matches(DIGEST_PERIOD)
  week?: string;
}

export class DigestSendPayload extends JobPayload {
  @IsUUID()
  userId: string;

  @Matches(DIGEST_PERIOD)
  week: string;
}

export class BulletinGeneratePayload extends JobPayload {
  @IsUUID()
  bulletinId: string;

  /** The generation asked for (the row's version when requested); a later request supersedes it. */
  @IsInt()
  @Min(1)
  version: number;
}

const flatten = (errors: ValidationError[], path = ''): string[] =>
  errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    return [...Object.values(error.constraints ?? {}).map((message) => `${field}: ${message}`), ...flatten(error.children ?? [], field)];
  });

/** What is wrong with a job's data for its class (unknown fields included), or null when it is valid. */
export function payloadProblems(type: new () => object, data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the payload is not an object';
  const problems = flatten(validateSync(plainToInstance(type, data), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }));
  return problems.length ? problems.join('; ') : null;
}
