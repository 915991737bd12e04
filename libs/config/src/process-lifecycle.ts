import { EnvError } from './env.schema';

/** Runs a process's start-up; a configuration problem ends it with one line and exit code 1, anything else with its stack. */
export function runMain(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof EnvError) console.error(`Configuration error: ${error.message}`);
    else console.error('Start-up failed:', error);
    process.exit(1);
  });
}

/**
 * On SIGTERM or SIGINT: stop taking requests and let running jobs finish (what `close` does), bounded by
 * `timeoutMs`, then exit 0. A second signal or the bound forces the exit.
 */
export function exitGracefullyOnSignal(close: () => Promise<void>, timeoutMs: number, log: (message: string) => void = console.log): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal} received: finishing running work (at most ${timeoutMs} ms)`);
    setTimeout(() => {
      log(`shutdown took longer than ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
