import { Module } from '@nestjs/common';
import { RollupsController } from './rollups.controller';
import { RollupsService } from './rollups.service';

@Module({ controllers: [RollupsController], providers: [RollupsService] })
export class RollupsModule {}
