import { Inject, Injectable } from '@nestjs/common';
import { Clock, type Env } from '@qj/config';
import { DemoRepository } from '@qj/persistence';
import type { AuthUser } from '../auth';
import { withDemoLoader } from './demo-context';

export const DEMO_ENV = Symbol('DEMO_ENV');

/** The API's side of the demo history: its status for every page, and an admin's load and clear. */
@Injectable()
export class DemoService {
  constructor(
    private readonly demo: DemoRepository,
    private readonly clock: Clock,
    @Inject(DEMO_ENV) private readonly env: Env,
  ) {}

  async status() {
    const run = await this.demo.run();
    if (run) return { loaded: true, status: run.status, loadedAt: run.loadedAt, seed: run.seed, canLoad: false };
    return { loaded: false, status: null, loadedAt: null, seed: null, canLoad: !(await this.demo.hasActivity()) };
  }

  load(user: AuthUser) {
    // The history ends on the API's today (a test may have moved its Clock); the loader's own Clock walks up to it.
    const now = this.clock.now();
    return withDemoLoader(this.env, (loader) => loader.load(user.id, undefined, now));
  }

  clear() {
    const now = this.clock.now();
    return withDemoLoader(this.env, (loader) => loader.clear(now));
  }
}
