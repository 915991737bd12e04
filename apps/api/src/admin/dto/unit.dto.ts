import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECTORS, type Sector } from '@qj/catalog';
import { say } from '@qj/http';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Optional, but not nullable: a null is validated (and refused). */
const IfSent = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);

export const UNIT_CODE = /^[a-z][a-z0-9_]{1,31}$/;
const CODE_MESSAGE = {
  zh: 'code 须为 2–32 位小写字母、数字或下划线，并以字母开头（如 transport）',
  en: 'code must be 2–32 lower-case letters, digits or underscores, starting with a letter (e.g. transport)',
};
const SECTORS_MESSAGE = { zh: `sectors 的每一项必须是以下之一：${SECTORS.join('、')}`, en: `each of sectors must be one of: ${SECTORS.join(', ')}` };

/** The sectors whose imported projects go to the unit by default: each one of SECTORS. */
const Sectors = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: SECTORS, enumName: 'Sector', isArray: true, description: 'sectors whose imported projects go to this unit by default' }),
    IfSent(),
    IsArray(say('sectors 必须是数组', 'sectors must be an array')),
    ArrayMaxSize(SECTORS.length, say(`sectors 最多 ${SECTORS.length} 项`, `sectors may hold at most ${SECTORS.length} items`)),
    IsIn(SECTORS, { each: true, ...say(SECTORS_MESSAGE) }),
  );

const NAME_RULES = [
  Transform(trimmed),
  IsString(say('name 必须是文字', 'name must be text')),
  IsNotEmpty(say('请填写单位名称 name', 'Please enter the unit name (name)')),
  MaxLength(64, say('name 不能超过 64 个字符', 'name may not exceed 64 characters')),
];

/** A new responsible unit (责任单位). */
export class CreateUnitDto {
  @ApiProperty({ example: 'transport', description: 'stored lower-case; unique' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString(say(CODE_MESSAGE))
  @Matches(UNIT_CODE, say(CODE_MESSAGE))
  code: string;

  @ApiProperty({ example: '区交通局', maxLength: 64 })
  @applyDecorators(...NAME_RULES)
  name: string;

  @Sectors()
  sectors?: Sector[];
}

/** Only the fields sent change. `active: false` disables (停用) a unit no enabled user and no project belongs to. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: '区交通运输局', maxLength: 64 })
  @IfSent()
  @applyDecorators(...NAME_RULES)
  name?: string;

  @Sectors()
  sectors?: Sector[];

  @ApiPropertyOptional({
    description: 'false disables the unit (only while no enabled user and no project belongs to it: else 409 unit_in_use); true enables it again',
  })
  @IfSent()
  @IsBoolean(say('active 必须是 true 或 false', 'active must be true or false'))
  active?: boolean;
}
