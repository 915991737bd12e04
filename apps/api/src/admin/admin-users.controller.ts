import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
import { ValidationFailedException } from '@qj/http';
import { CurrentUser, Roles } from '../auth';
import type { AuthUser } from '../auth';
import { AdminUsersService } from './admin-users.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';

const userIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationFailedException([{ field: 'id', message: 'id 必须是用户编号（UUID）' }]),
});

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: '无权执行此操作 (admins only)' })
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user with their role, unit and whether they may sign in (never a password hash)' })
  @ApiOkResponse({ description: '{ items: [{ id, username, displayName, role, unit, email, active, createdAt, updatedAt }] }' })
  async list() {
    return { items: await this.users.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; owners need a unit (责任单位)' })
  @ApiCreatedResponse({ description: 'the user, as listed' })
  @ApiConflictResponse({ description: 'the username is taken' })
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change display name, role, unit, e-mail, password, or deactivate' })
  @ApiNotFoundResponse({ description: 'no user with this id' })
  @ApiConflictResponse({ description: 'the change would leave no active admin' })
  update(@CurrentUser() admin: AuthUser, @Param('id', userIdPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(admin, id, body);
  }
}
