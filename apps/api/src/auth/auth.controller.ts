import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LoginResponseDto, ProfileDto } from './dto/auth-responses.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { Public } from './public.decorator';

const LOCKED = '登录失败次数过多：账号 5 次失败锁定 1 分钟、10 次锁定 15 分钟（同一地址 30 次、100 次），带 Retry-After';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: "Sign in with username and password; returns a bearer token valid for 12 hours (or until the user's sessions end)" })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误 (the same for an unknown user and a wrong password)' })
  @ApiTooManyRequestsResponse({ description: LOCKED })
  login(@Body() body: LoginDto, @Ip() address: string) {
    return this.auth.login(body.username, body.password, address);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change one's own password: every session of the user ends, and the answer carries a fresh token for this one" })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ description: 'currentPassword is wrong, or newPassword breaks the password policy (the field is named)' })
  @ApiTooManyRequestsResponse({ description: LOCKED })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto, @Ip() address: string) {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword, address);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out everywhere: every token of the user, this one included, stops working' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, with their unit (责任单位) if any' })
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }
}
