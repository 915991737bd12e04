import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { say } from '@qj/http';

export class LoginDto {
  @ApiProperty({ example: 'owner_transport' })
  @IsString(say('username 必须是文字', 'username must be text'))
  @IsNotEmpty(say('请输入用户名 username', 'Please enter the user name (username)'))
  @MaxLength(64, say('username 不能超过 64 个字符', 'username may not exceed 64 characters'))
  username: string;

  @ApiProperty({ example: 'qijiang2030', format: 'password' })
  @IsString(say('password 必须是文字', 'password must be text'))
  @IsNotEmpty(say('请输入密码 password', 'Please enter the password (password)'))
  @MaxLength(200, say('password 不能超过 200 个字符', 'password may not exceed 200 characters'))
  password: string;
}
