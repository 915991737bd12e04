import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'owner_transport' })
  @IsString({ message: 'username 必须是文字' })
  @IsNotEmpty({ message: '请输入用户名 username' })
  @MaxLength(64, { message: 'username 不能超过 64 个字符' })
  username: string;

  @ApiProperty({ example: 'qijiang2030', format: 'password' })
  @IsString({ message: 'password 必须是文字' })
  @IsNotEmpty({ message: '请输入密码 password' })
  @MaxLength(200, { message: 'password 不能超过 200 个字符' })
  password: string;
}
