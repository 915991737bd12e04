import { Module } from '@nestjs/common';
import { InvestmentPlanImportService } from './investment-plan-import.service';
import { InvestmentPlansController } from './investment-plans.controller';
import { InvestmentPlansService } from './investment-plans.service';

/** The annual plan (年度计划) per project and for the whole district from Excel. */
@Module({ controllers: [InvestmentPlansController], providers: [InvestmentPlansService, InvestmentPlanImportService], exports: [InvestmentPlansService] })
export class InvestmentPlansModule {}
