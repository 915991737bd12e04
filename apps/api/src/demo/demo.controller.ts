import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DemoService } from './demo.service';
import { DemoClearedDto, DemoLoadedDto, DemoStatusDto } from './dto/demo.dto';

/** The demo history (演示数据): a plausible year so far, loaded on an unused tracker and removed again without a trace. */
@ApiTags('demo')
@ApiBearerAuth()
@Controller()
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Get('demo')
  @ApiOperation({ summary: 'Whether the demo history is loaded (every page shows 演示数据 while it is), and whether an admin may load it now' })
  @ApiOkResponse({ type: DemoStatusDto })
  status() {
    return this.demo.status();
  }

  @Post('admin/demo')
  @RequireAccess('demo.load')
  @ApiOperation({
    summary:
      'Load the demo history (admins): January to last month of plans, monthly reports, milestone updates and approved stage changes, made by demo users through the services (`npm run demo:load` does the same)',
  })
  @ApiCreatedResponse({ type: DemoLoadedDto })
  @ApiProblems([409, 'demo_tracker_active: the tracker has activity (named with counts), or demo_loaded: it is loaded already'])
  load(@CurrentUser() user: AuthUser) {
    return this.demo.load(user);
  }

  @Delete('admin/demo')
  @HttpCode(200)
  @RequireAccess('demo.clear')
  @ApiOperation({ summary: 'Remove the demo history and nothing else (admins; `npm run demo:clear` does the same)' })
  @ApiOkResponse({ type: DemoClearedDto })
  @ApiProblems([409, 'demo_not_loaded: no demo history is loaded'])
  clear() {
    return this.demo.clear();
  }
}
