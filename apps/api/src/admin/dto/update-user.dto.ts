import { ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, UserRole } from '@qj/persistence';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { say } from '@qj/http';
import { PASSWORD_POLICY, ROLE_MESSAGE } from './create-user.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Optional, but not nullable: unlike @IsOptional(), a null is validated (and refused). */
const IfSent = () => ValidateIf((_dto: unknown, value: unknown) => value !== undefined);

/** Only the fields sent change. `unitId: null` removes the unit (not allowed for an owner); a new password replaces the old one. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张三' })
  @IfSent()
  @Transform(trimmed)
  @IsString(say('displayName 必须是文字', 'displayName must be text'))
  @IsNotEmpty(say('displayName 不能为空', 'displayName may not be empty'))
  @MaxLength(64, say('displayName 不能超过 64 个字符', 'displayName may not exceed 64 characters'))
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IfSent()
  @IsIn(USER_ROLES, say(ROLE_MESSAGE))
  role?: UserRole;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', say('unitId 必须是单位编号（UUID）或 null', 'unitId must be a unit id (UUID) or null'))
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates: the user can no longer sign in, and their tokens stop working at once' })
  @IfSent()
  @IsBoolean(say('active 必须是 true 或 false', 'active must be true or false'))
  active?: boolean;

  @ApiPropertyOptional({ minLength: 10, format: 'password', description: `${PASSWORD_POLICY}; ends the user's sessions` })
  @IfSent()
  @IsString(say('password 必须是文字', 'password must be text'))
  @MaxLength(200, say('password 不能超过 200 个字符', 'password may not exceed 200 characters'))
  password?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, say('email 格式不正确', 'email is not a valid e-mail address'))
  @MaxLength(254, say('email 不能超过 254 个字符', 'email may not exceed 254 characters'))
  email?: string | null;
}
