import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { type LocalizedText, TooManyRequestsException } from '@qj/http';
import { RedisClient } from '@qj/queue';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** A lockout: after `failures` failed attempts within the window, the key is refused for `lockSeconds`. */
interface Tier {
  failures: number;
  lockSeconds: number;
}

/** Failed attempts are counted over this window; a lockout that ends starts its tier's count afresh. */
const WINDOW_SECONDS = 60 * 60;

/**
 * The lockout grows with the failures: an account 1 minute after 5, 15 minutes after 10. A client address gets more
 * room, because an office behind one NAT address shares it (and one person's typos must not lock out the building),
 * but credential stuffing across many usernames from one address still stops.
 */
export const LOGIN_TIERS: Record<'account' | 'address', Tier[]> = {
  account: [
    { failures: 5, lockSeconds: 60 },
    { failures: 10, lockSeconds: 15 * 60 },
  ],
  address: [
    { failures: 30, lockSeconds: 60 },
    { failures: 100, lockSeconds: 15 * 60 },
  ],
};

type Scope = keyof typeof LOGIN_TIERS;

interface Limiter {
  scope: Scope;
  tier: Tier;
  limiter: RateLimiterRedis;
}

/**
 * Sign-in throttling per account (the username as typed, lower-cased, whether or not it exists) and per client
 * address. The counters live in Redis under QUEUE_PREFIX, so any number of API processes share them and the API keeps
 * no state. A locked key answers 429 with Retry-After before the password is looked at, the same for every username.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');
  private readonly limiters: Limiter[];

  constructor(redis: RedisClient, config: ConfigService<Env, true>) {
    const prefix = config.get('QUEUE_PREFIX', { infer: true });
    this.limiters = (Object.keys(LOGIN_TIERS) as Scope[]).flatMap((scope) =>
      LOGIN_TIERS[scope].map((tier, level) => ({
        scope,
        tier,
        // `points` failures pass; the next one exceeds them and blocks the key for blockDuration. While Redis is
        // unreachable the same limits are kept in this process's memory (the library's insurance limiter), so signing
        // in keeps working through a Redis outage and is still throttled.
        limiter: new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:login-throttle:${scope}:${level}`,
          points: tier.failures - 1,
          duration: WINDOW_SECONDS,
          blockDuration: tier.lockSeconds,
          insuranceLimiter: new RateLimiterMemory({ points: tier.failures - 1, duration: WINDOW_SECONDS, blockDuration: tier.lockSeconds }),
        }),
      })),
    );
  }

  /** Throws 429 while the account or the address is locked. */
  async assertOpen(username: string, address: string): Promise<void> {
    const states = await Promise.all(this.limiters.map(({ scope, limiter }) => limiter.get(this.key(scope, username, address))));
    const waits = states.flatMap((state, i) => (state && state.consumedPoints > this.limiters[i].limiter.points ? [state.msBeforeNext] : []));
    if (waits.length) throw locked(Math.max(...waits));
  }

  /** Counts a failed attempt; throws 429 (and logs the lockout) when this failure locks the account or the address. */
  async recordFailure(username: string, address: string): Promise<void> {
    const results = await Promise.allSettled(this.limiters.map(({ scope, limiter }) => limiter.consume(this.key(scope, username, address))));
    let wait = 0;
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      // A RateLimiterRes is a refusal; anything else is a failure of the limiter itself, which the error filter answers.
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      wait = Math.max(wait, result.reason.msBeforeNext);
      const { scope, tier } = this.limiters[i];
      if (result.reason.consumedPoints === tier.failures) {
        this.logger.warn({ scope, username, address, failures: tier.failures, lockSeconds: tier.lockSeconds }, 'sign-in locked');
      }
    });
    if (wait > 0) throw locked(wait);
  }

  /** A successful sign-in clears the account's count; the address keeps its own (one good password proves nothing of the rest). */
  async recordSuccess(username: string): Promise<void> {
    await Promise.all(this.limiters.filter(({ scope }) => scope === 'account').map(({ limiter }) => limiter.delete(this.key('account', username, ''))));
  }

  private key(scope: Scope, username: string, address: string): string {
    return scope === 'account' ? username : address;
  }
}

function locked(ms: number): TooManyRequestsException {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new TooManyRequestsException('login_locked', { wait: formatWait(seconds) }, seconds);
}

function formatWait(seconds: number): LocalizedText {
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return { zh: `${minutes} 分钟`, en: `${minutes} minutes` };
}
