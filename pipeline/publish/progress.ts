// The build's progress bar (cli-progress), on a terminal only: logs and CI output stay free of control characters.
import cliProgress from 'cli-progress';

/** What the bar shows as records pass. */
export interface Progress {
  tick(counts: { records: number; published: number; rejected: number }): void;
  stop(): void;
}

/** A bar when `enabled`, else a no-op; the total is unknown while streaming, so it shows counts and a rate. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'building | {value} records | {published} published, {rejected} rejected | {rate} records/s', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    tick({ records, published, rejected }) {
      const rate = Math.round(records / Math.max((performance.now() - started) / 1000, 0.001));
      if (!running) {
        bar.start(0, records, { published, rejected, rate });
        running = true;
      }
      bar.update(records, { published, rejected, rate });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
