import { ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, UserRole } from '@qj/persistence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PASSWORD_POLICY, ROLE_MESSAGE } from './create-user.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Optional, but not nullable: unlike @IsOptional(), a null is validated (and refused). */
const IfSent = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);

/** Only the fields sent change. `unitId: null` removes the unit (not allowed for an owner); a new password replaces the old one. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张三' })
  @IfSent()
  @Transform(trimmed)
  @IsString({ message: 'displayName 必须是文字' })
  @IsNotEmpty({ message: 'displayName 不能为空' })
  @MaxLength(64, { message: 'displayName 不能超过 64 个字符' })
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IfSent()
  @IsIn(USER_ROLES, { message: ROLE_MESSAGE })
  role?: UserRole;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 必须是单位编号（UUID）或 null' })
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates: the user can no longer sign in, and their tokens stop working at once' })
  @IfSent()
  @IsBoolean({ message: 'active 必须是 true 或 false' })
  active?: boolean;

  @ApiPropertyOptional({ minLength: 10, format: 'password', description: `${PASSWORD_POLICY}; ends the user's sessions` })
  @IfSent()
  @IsString({ message: 'password 必须是文字' })
  @MaxLength(200, { message: 'password 不能超过 200 个字符' })
  password?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email 格式不正确' })
  @MaxLength(254, { message: 'email 不能超过 254 个字符' })
  email?: string | null;
}
