import { ApiProperty } from '@nestjs/swagger';
import { int, PlanRefDto } from './project.response.dto';

const projectCount = { ...int, description: 'projects the plan names under it' } as const;

export class PlanCountDto extends PlanRefDto {
  @ApiProperty(projectCount) projectCount: number;
}

export class PlanColumnDto extends PlanRefDto {
  @ApiProperty({ ...int, nullable: true, description: 'the 节 it stands in' }) sectionNo: number | null;
  @ApiProperty(projectCount) projectCount: number;
  @ApiProperty({ type: [PlanCountDto] }) items: PlanCountDto[];
}

export class PlanChapterDto extends PlanRefDto {
  @ApiProperty(projectCount) projectCount: number;
  @ApiProperty({ type: [PlanCountDto] }) sections: PlanCountDto[];
  @ApiProperty({ type: [PlanColumnDto] }) columns: PlanColumnDto[];
}

export class PlanPartDto extends PlanRefDto {
  @ApiProperty(projectCount) projectCount: number;
  @ApiProperty({ type: [PlanChapterDto] }) chapters: PlanChapterDto[];
}

/** Projects named in more than one part, chapter or column: they count in each. */
export class MultiCountedDto {
  @ApiProperty(int) part: number;
  @ApiProperty(int) chapter: number;
  @ApiProperty(int) column: number;
}

export class PlanTreeDto {
  @ApiProperty({ ...int, description: 'every project' }) total: number;
  @ApiProperty({ type: MultiCountedDto }) multiCounted: MultiCountedDto;
  @ApiProperty({ type: [PlanPartDto] }) parts: PlanPartDto[];
}

/** A key indicator of column 1, as the plan writes it, with numbers where they parse. */
export class IndicatorDto {
  @ApiProperty(int) no: number;
  @ApiProperty({ example: '经济发展' }) category: string;
  @ApiProperty({ example: '地区生产总值增长' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '%' }) unit: string | null;
  @ApiProperty({ example: '6.3' }) value2025: string;
  @ApiProperty({ example: '6' }) target2030: string;
  @ApiProperty({ type: Number, nullable: true }) value2025Number: number | null;
  @ApiProperty({ type: Number, nullable: true }) target2030Number: number | null;
  @ApiProperty({ enum: ['expected', 'binding'], description: '预期性 | 约束性' }) nature: string;
  @ApiProperty({ example: '预期性' }) natureLabel: string;
  @ApiProperty({ description: 'the plan marks annual averages with *' }) annualGrowth: boolean;
}

export class IndicatorListDto {
  @ApiProperty({ type: [IndicatorDto] }) items: IndicatorDto[];
}
