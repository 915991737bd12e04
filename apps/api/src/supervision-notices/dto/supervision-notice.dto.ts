import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, dateTime, int } from '../../catalog/dto/project.response.dto';

/** A 督办单 issued for an overdue problem. */
export class SupervisionNoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '督办〔2027〕3号' }) number: string;
  @ApiProperty(int) year: number;
  @ApiProperty({ ...int, description: 'its number within the year, from 1 without gaps' }) sequence: number;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty() problemTitle: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ format: 'uuid', description: 'the unit it is sent to (the problem’s assigned unit)' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ ...calendarDate, description: 'the due date the problem missed' }) dueDate: string;
  @ApiProperty({ ...calendarDate, description: 'the written reply demanded by' }) replyBy: string;
  @ApiProperty(dateTime) createdAt: string;
  @ApiProperty({ ...dateTime, nullable: true, description: 'the unit’s first reply in the problem’s thread since the notice' }) answeredAt: string | null;
  @ApiProperty({ example: '/api/supervision-notices/…/document.docx' }) documentUrl: string;
}

export class SupervisionNoticeListDto {
  @ApiProperty({ type: [SupervisionNoticeDto], description: 'newest first' }) items: SupervisionNoticeDto[];
}
