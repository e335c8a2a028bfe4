// How the entry scripts (`npm start`, `npm run bff`) live and die: a failed start prints its
// message and exits 1; SIGINT or SIGTERM closes the servers (draining connections) before exit.

/** Runs an entry script's main; a thrown error ends the process with its message and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

/** On the first SIGINT or SIGTERM, closes what was started, then exits (1 when closing failed). */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
