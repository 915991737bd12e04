import { ApiProperty } from '@nestjs/swagger';
import { dateTime } from '../../catalog/dto/project.response.dto';

/** A digest (周报) as composed for sending. */
export class ComposedDigestDto {
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'the mail’s HTML part' }) html: string;
  @ApiProperty({ description: 'the mail’s text part' }) text: string;
}

/** A digest as it was composed for its period. */
export class SentDigestDto extends ComposedDigestDto {
  @ApiProperty({ example: '2026-W48', description: 'the period key' }) week: string;
  @ApiProperty({ example: '第48周（11月23日—29日）', description: 'the week as the mails name it, in the language Accept-Language asks for' })
  weekLabel: string;
  @ApiProperty(dateTime) createdAt: string;
}
