// The build's progress bar (cli-progress), on a terminal only: logs and CI output stay free of control characters.
import cliProgress from 'cli-progress';

/** What the bar shows as records pass. */
export interface Progress {
  /** `files`: input files reached so far (a file may hold many records). */
  tick(counts: { records: number; published: number; rejected: number }, files: number): void;
  stop(): void;
}

/**
 * A bar when `enabled`, else a no-op. Its total is the number of input files (counted before the records stream,
 * see ingest's countFiles), so it shows how far the build is and an ETA; the records and their rate beside it.
 * cli-progress redraws on a timer, so a tick costs an assignment, not a write.
 */
export function createProgress(enabled: boolean, totalFiles?: number): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'building {bar} {percentage}% | {value}/{total} files | {records} records: {published} published, {rejected} rejected | {rate} records/s | ETA {eta_formatted}',
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    tick({ records, published, rejected }, files) {
      const rate = Math.round(records / Math.max((performance.now() - started) / 1000, 0.001));
      const payload = { records, published, rejected, rate };
      if (!running) {
        bar.start(Math.max(totalFiles ?? files, files), files, payload);
        running = true;
      }
      if (files > bar.getTotal()) bar.setTotal(files);
      bar.update(files, payload);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
