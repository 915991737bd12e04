import type { TestServices } from './services';

/** Stops what the setup started, once, however many tiers ran. */
export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as { __testServices?: TestServices };
  const services = shared.__testServices;
  shared.__testServices = undefined;
  await services?.stop();
}
