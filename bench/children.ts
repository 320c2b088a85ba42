// Child processes of the bench: each spawned in its own process group, tracked, and killed with its group on exit or failure.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const running = new Set<ChildProcess>();
let hooked = false;

// Killing the group (negative pid) also ends whatever the child started itself.
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** Kills every child still running (SIGKILL: used on exit, when nothing may wait). */
export function killAll(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

// Children are detached (their own group), so a Ctrl-C reaches only us: these hooks pass it on.
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => { killAll(); process.exit(130); });
  }
}

/** Spawns a tracked child in its own process group; it leaves the registry when it exits. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  hookExit();
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops a child: SIGTERM to its group, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** What a child that ran to its end left. */
export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory (VmHWM) last read from /proc while it ran, in bytes; 0 if never read. */
  peakRss: number;
}

/** Runs a child to its end, collecting its output (the last 1 MB of each stream) and polling its peak RSS. */
export async function runChild(label: string, command: string, args: string[], options: SpawnOptions = {}): Promise<ChildRun> {
  const started = performance.now();
  const child = spawnTracked(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const keep = (text: string, chunk: Buffer) => (text + chunk.toString('utf8')).slice(-1_000_000);
  child.stdout!.on('data', (c: Buffer) => { stdout = keep(stdout, c); });
  child.stderr!.on('data', (c: Buffer) => { stderr = keep(stderr, c); });
  let peakRss = 0;
  const poll = setInterval(() => { peakRss = Math.max(peakRss, procStatus(child.pid!, 'VmHWM')); }, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`${label}: could not start ${command}: ${err.message}`)));
    child.once('close', (c) => resolve(c));
  });
  clearInterval(poll);
  return { code, stdout, stderr, ms: performance.now() - started, peakRss };
}

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM), or 0 when the process or the field is gone. */
export function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** One GET's status code, or 0 when the connection failed. */
function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => { req.destroy(); resolve(0); });
  });
}

/** Polls `url` every 50 ms until it answers 200; fails if the child exits first or `timeoutMs` passes. */
export async function waitForOk(child: ChildProcess, url: string, timeoutMs: number, describeExit: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before ${url} answered 200: ${describeExit()}`);
    if ((await getStatus(url)) === 200) return;
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the first stdout line of a child that parses as JSON with `ready: true`; rejects if it exits first. */
export function waitForReadyLine<T>(child: ChildProcess, stderrTail: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        try {
          const message = JSON.parse(line) as T & { ready?: boolean };
          if (message.ready) { child.stdout!.off('data', onData); resolve(message); return; }
        } catch { /* not our line */ }
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`exited (${code ?? signal}) before it was ready: ${stderrTail()}`)));
  });
}
