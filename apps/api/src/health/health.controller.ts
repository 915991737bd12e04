import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { domainError } from '@qj/http';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CheckStatusDto, LivenessDto, ReadinessDto } from './dto/health.response.dto';
import { RedisHealthIndicator } from './redis-health.indicator';

const PING_TIMEOUT_MS = 1000;

@ApiTags('health')
@ApiExtraModels(CheckStatusDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDto })
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Documented here: terminus would describe the 503 as its own JSON, but this route answers problem details.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer (503 naming the one that failed)' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblems([503, 'not_ready: `failed` names the services that did not answer, `checks` gives each'])
  async ready() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: PING_TIMEOUT_MS }),
        () => this.redis.pingCheck('redis', PING_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const checks = (error.getResponse() as { details?: Record<string, { status: string }> }).details ?? {};
      const failed = Object.entries(checks)
        .filter(([, check]) => check.status !== 'up')
        .map(([name]) => name);
      throw domainError('not_ready', { failed: { zh: failed.join('、'), en: failed.join(', ') } }, { extensions: { failed, checks } });
    }
  }
}
