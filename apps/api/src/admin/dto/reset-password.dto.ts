import { ApiProperty } from '@nestjs/swagger';
import { say } from '@qj/http';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_POLICY } from './create-user.dto';

/** An administrator's reset (重置密码): the new password, checked against the policy by the service, which names `password`. */
export class ResetPasswordDto {
  @ApiProperty({ minLength: 10, format: 'password', description: `${PASSWORD_POLICY}; ends every session of the user` })
  @IsString(say('password 必须是文字', 'password must be text'))
  @IsNotEmpty(say('请输入新密码 password', 'Please enter the new password (password)'))
  @MaxLength(200, say('password 不能超过 200 个字符', 'password may not exceed 200 characters'))
  password: string;
}
