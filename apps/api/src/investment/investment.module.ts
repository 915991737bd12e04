import { Module } from '@nestjs/common';
import { InvestmentController } from './investment.controller';
import { InvestmentPeriodModule } from './investment-period';
import { InvestmentService } from './investment.service';

@Module({ imports: [InvestmentPeriodModule], controllers: [InvestmentController], providers: [InvestmentService] })
export class InvestmentModule {}
