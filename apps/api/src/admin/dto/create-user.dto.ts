import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, UserRole } from '@qj/persistence';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { say } from '@qj/http';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;
export const USERNAME_MESSAGE = {
  zh: 'username 须为 3–64 位小写字母、数字、下划线、点或连字符，并以字母或数字开头',
  en: 'username must be 3–64 lower-case letters, digits, underscores, dots or hyphens, starting with a letter or digit',
};
export const ROLE_MESSAGE = { zh: `role 必须是以下之一：${USER_ROLES.join('、')}`, en: `role must be one of: ${USER_ROLES.join(', ')}` };
/** Checked by the service (it needs the username), which names the field in a 400. */
export const PASSWORD_POLICY =
  'at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password';

export class CreateUserDto {
  @ApiProperty({ example: 'zhang_san', description: 'stored lower-case' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString(say(USERNAME_MESSAGE))
  @Matches(USERNAME, say(USERNAME_MESSAGE))
  username: string;

  @ApiProperty({ example: '张三' })
  @Transform(trimmed)
  @IsString(say('displayName 必须是文字', 'displayName must be text'))
  @IsNotEmpty(say('请填写姓名 displayName', 'Please enter a name (displayName)'))
  @MaxLength(64, say('displayName 不能超过 64 个字符', 'displayName may not exceed 64 characters'))
  displayName: string;

  @ApiProperty({ enum: USER_ROLES, description: 'owner (项目责任单位) | reviewer (区发展改革委审核) | admin (管理员)' })
  @IsIn(USER_ROLES, say(ROLE_MESSAGE))
  role: UserRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'the unit (责任单位); required for owners' })
  @ValidateIf((dto: CreateUserDto) => dto.role === 'owner' || (dto.unitId !== undefined && dto.unitId !== null))
  @IsDefined(say('项目负责人（owner）必须指定所属单位 unitId', 'An owner must belong to a unit (unitId)'))
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId?: string;

  @ApiProperty({ minLength: 10, format: 'password', description: PASSWORD_POLICY })
  @IsString(say('password 必须是文字', 'password must be text'))
  @IsNotEmpty(say('请输入密码 password', 'Please enter the password (password)'))
  @MaxLength(200, say('password 不能超过 200 个字符', 'password may not exceed 200 characters'))
  password: string;

  @ApiPropertyOptional({ example: 'zhangsan@qj.gov.cn' })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, say('email 格式不正确', 'email is not a valid e-mail address'))
  @MaxLength(254, say('email 不能超过 254 个字符', 'email may not exceed 254 characters'))
  email?: string;
}
