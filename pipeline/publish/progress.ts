// The build's progress bar (cli-progress), on a terminal only: logs and CI output stay free of control characters.
import cliProgress from 'cli-progress';

/** What the bar shows as records pass. */
export interface Progress {
  /** `files`: input files reached so far (a file may hold many records). */
  tick(counts: { records: number; published: number; rejected: number }, files: number): void;
  stop(): void;
}

// The time left at the pace so far, once there is a pace to go by (a first file may hold hundreds of records).
function eta(seconds: number, done: number, total: number): string {
  if (done >= total) return '0s';
  if (done < Math.max(2, total / 100) || seconds < 3) return '…';
  const left = Math.round((seconds / done) * (total - done));
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(left % 60).padStart(2, '0')}s` : `${left}s`;
}

/**
 * A bar when `enabled`, else a no-op. Its total is the number of input files (counted before the records stream,
 * see ingest's countFiles), so it shows how far the build is and the time left at the pace so far; the records and
 * their rate beside it.
 * cli-progress redraws on a timer, so a tick costs an assignment, not a write.
 */
export function createProgress(enabled: boolean, totalFiles?: number): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: 'building {bar} {percentage}% | {value}/{total} files | {records} records: {published} published, {rejected} rejected | {rate} records/s | ETA {left}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    tick({ records, published, rejected }, files) {
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(records / Math.max(seconds, 0.001));
      const total = Math.max(totalFiles ?? files, files);
      const payload = { records, published, rejected, rate, left: eta(seconds, files, total) };
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
