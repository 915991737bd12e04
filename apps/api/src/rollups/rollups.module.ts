import { Module } from '@nestjs/common';
import { RollupsController } from './rollups.controller';

@Module({ controllers: [RollupsController] })
export class RollupsModule {}
