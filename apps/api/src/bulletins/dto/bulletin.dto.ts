import { ApiProperty } from '@nestjs/swagger';
import { REPORT_MONTHS } from '@qj/domain';
import { say } from '@qj/http';
import { IsString, Matches } from 'class-validator';
import { int } from '../../catalog/dto/project.response.dto';

const MONTH_PATTERN = /^(202[6-9]|2030)-(0[1-9]|1[0-2])$/;
const monthMessage = say(
  `month 必须是规划期内的月份，格式 YYYY-MM（${REPORT_MONTHS.from} 至 ${REPORT_MONTHS.to}）`,
  `month must be a month of the plan period as YYYY-MM (${REPORT_MONTHS.from} to ${REPORT_MONTHS.to})`,
);

export const BULLETIN_STATUSES = ['generating', 'draft', 'published', 'failed'] as const;

/** POST /api/bulletins: the month whose bulletin to generate (again, while it is not published). */
export class GenerateBulletinDto {
  @ApiProperty({ pattern: MONTH_PATTERN.source, example: '2026-09', description: 'YYYY-MM, 2026-01 … 2030-12, not after the current month' })
  @IsString(monthMessage)
  @Matches(MONTH_PATTERN, monthMessage)
  month: string;
}

/** What POST /api/bulletins answers (202): the generation is a job; GET the bulletin until its status is draft or failed. */
export class BulletinAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-09' }) month: string;
  @ApiProperty({ enum: ['generating'] }) status: 'generating';
  @ApiProperty({ ...int, description: 'the generation (1, then one more per regeneration of the draft)' }) version: number;
}

/** A month's 调度通报: its state and who did what; the files are at documentUrl and annexUrl once it is a draft. */
export class BulletinDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-09' }) month: string;
  @ApiProperty({ enum: BULLETIN_STATUSES, enumName: 'BulletinStatus' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'why the last generation failed (status failed)' }) failureReason: string | null;
  @ApiProperty({ ...int, description: 'the generation; a regeneration before publishing replaces the draft and adds one' }) version: number;
  @ApiProperty({ type: String, nullable: true, description: 'who asked for the current generation' }) requestedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) generatedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) publishedByName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/bulletins/…/document.docx', description: 'the Word document, once generated' })
  documentUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/bulletins/…/annex.xlsx', description: 'the Excel annex, once generated' })
  annexUrl: string | null;
}

export class BulletinListDto {
  @ApiProperty({ type: [BulletinDto], description: 'newest month first; owners see published bulletins only' }) items: BulletinDto[];
}
