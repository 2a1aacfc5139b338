/**
 * Ctrl-C and `kill` stop a process cleanly: `close` runs once (a second signal while it runs is
 * ignored, so pending clicks still reach the disk), then the process exits 0, or 1 if closing failed.
 */
export function stopOnSignals(describe: (signal: string) => string, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(describe(signal));
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
