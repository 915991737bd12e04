import type { LoggerService } from '@nestjs/common';
import { QuietFrameworkLogger } from './logging';

describe('QuietFrameworkLogger', () => {
  const recorder = () => {
    const calls: Array<[string, ...unknown[]]> = [];
    const logger: LoggerService = {
      log: (...args: unknown[]) => calls.push(['log', ...args]),
      error: (...args: unknown[]) => calls.push(['error', ...args]),
      warn: (...args: unknown[]) => calls.push(['warn', ...args]),
      debug: (...args: unknown[]) => calls.push(['debug', ...args]),
    };
    return { calls, quiet: new QuietFrameworkLogger(logger) };
  };

  it('moves Nest’s start-up narration to debug and keeps the application’s own lines', () => {
    const { calls, quiet } = recorder();
    quiet.log('ApiModule dependencies initialized', 'InstanceLoader');
    quiet.log('Mapped {/api/projects, GET} route', 'RouterExplorer');
    quiet.log('HealthController {/api/health}:', 'RoutesResolver');
    quiet.log('digest fan-out scheduled', 'DigestProcessor');
    expect(calls.map(([level, , context]) => `${level} ${String(context)}`)).toEqual([
      'debug InstanceLoader',
      'debug RouterExplorer',
      'debug RoutesResolver',
      'log DigestProcessor',
    ]);
  });

  it('passes warnings and errors whatever their context', () => {
    const { calls, quiet } = recorder();
    quiet.warn('Unsupported route path', 'LegacyRouteConverter');
    quiet.error('boom', 'stack', 'NestApplication');
    expect(calls.map(([level]) => level)).toEqual(['warn', 'error']);
  });
});
