/** Clean-ups that must also run when the bench is interrupted (Ctrl-C): run.ts runs the pending ones on SIGINT/SIGTERM. */
const pending = new Set<() => Promise<void>>();

/** Registers `fn` and returns it wrapped so that calling it runs it once and unregisters it. */
export function registerCleanup(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once = () => {
    pending.delete(once);
    return (done ??= fn());
  };
  pending.add(once);
  return once;
}

/** Runs every pending clean-up, newest first; errors are reported, not thrown. */
export async function runPendingCleanups(log: (message: string) => void = console.error): Promise<void> {
  for (const fn of [...pending].reverse()) {
    await fn().catch((error: unknown) => log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
