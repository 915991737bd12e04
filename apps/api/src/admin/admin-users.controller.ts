import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { CurrentUser, RequireAccess, Roles } from '../auth';
import type { AuthUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { AdminUsersService } from './admin-users.service';
import { AdminUserDto, AdminUserListDto } from './dto/admin.response.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UpdateUserDto } from './dto/update-user.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user with their role, unit and whether they may sign in (never a password hash)' })
  @ApiOkResponse({ type: AdminUserListDto })
  async list() {
    return { items: await this.users.list() };
  }

  @Post()
  @RequireAccess('user.create')
  @ApiOperation({ summary: 'Create a user; owners need a unit (责任单位)' })
  @ApiCreatedResponse({ type: AdminUserDto, description: 'the user, as listed' })
  @ApiProblems([409, 'the username is taken'])
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Patch(':id')
  @RequireAccess('user.update')
  @ApiOperation({
    summary: "Change display name, role, unit, e-mail, password, or deactivate; a new password, role or unit and (de)activation end the user's sessions",
  })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems([404, 'no user with this id'], [409, 'the change would leave no active admin'])
  update(@CurrentUser() admin: AuthUser, @Param('id', uuidParam('id', '用户编号')) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(admin, id, body);
  }

  @Post(':id/password')
  @HttpCode(200)
  @RequireAccess('user.password.reset')
  @ApiOperation({ summary: "重置密码: set a user's password (checked against the policy); every session of the user ends at once" })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems([404, 'no user with this id'])
  resetPassword(@CurrentUser() admin: AuthUser, @Param('id', uuidParam('id', '用户编号')) id: string, @Body() body: ResetPasswordDto) {
    return this.users.update(admin, id, { password: body.password });
  }
}
