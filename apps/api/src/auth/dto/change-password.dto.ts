import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The policy (length, character classes, not the username, not a common password) is checked by the service, naming newPassword. */
export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword 必须是文字' })
  @IsNotEmpty({ message: '请输入当前密码 currentPassword' })
  @MaxLength(200, { message: 'currentPassword 不能超过 200 个字符' })
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    minLength: 10,
    description: 'at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password',
  })
  @IsString({ message: 'newPassword 必须是文字' })
  @IsNotEmpty({ message: '请输入新密码 newPassword' })
  @MaxLength(200, { message: 'newPassword 不能超过 200 个字符' })
  newPassword: string;
}
