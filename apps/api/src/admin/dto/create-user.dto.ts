import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, UserRole } from '@qj/persistence';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const USERNAME = /^[a-z0-9][a-z0-9_.-]{2,63}$/;
export const USERNAME_MESSAGE = 'username 须为 3–64 位小写字母、数字、下划线、点或连字符，并以字母或数字开头';
export const ROLE_MESSAGE = `role 必须是以下之一：${USER_ROLES.join('、')}`;
/** Checked by the service (it needs the username), which names the field in a 400. */
export const PASSWORD_POLICY =
  'at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password';

export class CreateUserDto {
  @ApiProperty({ example: 'zhang_san', description: 'stored lower-case' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: USERNAME_MESSAGE })
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: '张三' })
  @Transform(trimmed)
  @IsString({ message: 'displayName 必须是文字' })
  @IsNotEmpty({ message: '请填写姓名 displayName' })
  @MaxLength(64, { message: 'displayName 不能超过 64 个字符' })
  displayName: string;

  @ApiProperty({ enum: USER_ROLES, description: 'owner (项目责任单位) | reviewer (区发展改革委审核) | admin (管理员)' })
  @IsIn(USER_ROLES, { message: ROLE_MESSAGE })
  role: UserRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'the unit (责任单位); required for owners' })
  @ValidateIf((dto: CreateUserDto) => dto.role === 'owner' || (dto.unitId !== undefined && dto.unitId !== null))
  @IsDefined({ message: '项目负责人（owner）必须指定所属单位 unitId' })
  @IsUUID('all', { message: 'unitId 必须是单位编号（UUID）' })
  unitId?: string;

  @ApiProperty({ minLength: 10, format: 'password', description: PASSWORD_POLICY })
  @IsString({ message: 'password 必须是文字' })
  @IsNotEmpty({ message: '请输入密码 password' })
  @MaxLength(200, { message: 'password 不能超过 200 个字符' })
  password: string;

  @ApiPropertyOptional({ example: 'zhangsan@qj.gov.cn' })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email 格式不正确' })
  @MaxLength(254, { message: 'email 不能超过 254 个字符' })
  email?: string;
}
