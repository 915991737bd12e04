import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { say } from '@qj/http';

/** The policy (length, character classes, not the username, not a common password) is checked by the service, naming newPassword. */
export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString(say('currentPassword 必须是文字', 'currentPassword must be text'))
  @IsNotEmpty(say('请输入当前密码 currentPassword', 'Please enter the current password (currentPassword)'))
  @MaxLength(200, say('currentPassword 不能超过 200 个字符', 'currentPassword may not exceed 200 characters'))
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    minLength: 10,
    description: 'at least 10 characters with three of lower case, upper case, digits and symbols; not containing the username; not a common password',
  })
  @IsString(say('newPassword 必须是文字', 'newPassword must be text'))
  @IsNotEmpty(say('请输入新密码 newPassword', 'Please enter the new password (newPassword)'))
  @MaxLength(200, say('newPassword 不能超过 200 个字符', 'newPassword may not exceed 200 characters'))
  newPassword: string;
}
