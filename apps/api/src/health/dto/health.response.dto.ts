import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

export class CheckStatusDto {
  @ApiProperty({ example: 'up' }) status: string;
}

const checks = (description: string) => ({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CheckStatusDto' }, description }) as const;

/** @nestjs/terminus's answer: each check (database, redis) by name. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
  @ApiProperty(checks('the checks that passed')) info: Record<string, CheckStatusDto>;
  @ApiProperty(checks('the checks that failed (none in a 200)')) error: Record<string, CheckStatusDto>;
  @ApiProperty(checks('every check')) details: Record<string, CheckStatusDto>;
}
