import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { CurrentUser, RequireAccess, Roles } from '../auth';
import type { AuthUser } from '../auth';
import { AdminUsersService } from './admin-users.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: '无权执行此操作 (admins only)' })
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user with their role, unit and whether they may sign in (never a password hash)' })
  @ApiOkResponse({ description: '{ items: [{ id, username, displayName, role, unit, email, active, mustChangePassword, createdAt, updatedAt }] }' })
  async list() {
    return { items: await this.users.list() };
  }

  @Post()
  @RequireAccess('user.create')
  @ApiOperation({ summary: 'Create a user; owners need a unit (责任单位)' })
  @ApiCreatedResponse({ description: 'the user, as listed' })
  @ApiConflictResponse({ description: 'the username is taken' })
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Patch(':id')
  @RequireAccess('user.update')
  @ApiOperation({ summary: 'Change display name, role, unit, e-mail, password, or deactivate; a new password, role or unit and (de)activation end the user\'s sessions' })
  @ApiNotFoundResponse({ description: 'no user with this id' })
  @ApiConflictResponse({ description: 'the change would leave no active admin' })
  update(@CurrentUser() admin: AuthUser, @Param('id', uuidParam('id', '用户编号')) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(admin, id, body);
  }
}
