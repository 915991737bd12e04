import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { UnitsService } from './units.service';
import { UnitsController } from './units.controller';

/** People and units: user administration (admins) and the unit list (everyone signed in). */
@Module({ controllers: [AdminUsersController, UnitsController], providers: [AdminUsersService, UnitsService] })
export class AdminModule {}
