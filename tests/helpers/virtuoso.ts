// Test helper: a real Virtuoso 7 (Debian's virtuoso-opensource-7) on loopback, its database and virtuoso.ini in a temporary folder, on free ports.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** True when virtuoso-t is installed (`.ci/run` installs virtuoso-opensource-7). */
export const HAS_VIRTUOSO = spawnSync('sh', ['-c', 'command -v virtuoso-t'], { encoding: 'utf8' }).status === 0;
/** Why the Virtuoso tests skip, when they do. */
export const SKIP_REASON = 'virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource-7); the external-store tests are skipped';

/** The account of a fresh Virtuoso database (the loader's STORE_USER/STORE_PASSWORD in tests). */
export const DBA = { user: 'dba', password: 'dba' };

/** A port no one listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface VirtuosoOptions {
  /** [SPARQL] ResultSetMaxRows (Debian's default is 10000). */
  maxRows?: number;
  /** Page buffers of 8 KiB (20000: 160 MB, enough for tests; a bench load of millions of quads wants more). */
  buffers?: number;
}

/** One running Virtuoso: its query endpoint, and stop / start / pause / resume for the failure tests. */
export class Virtuoso {
  private child?: ChildProcess;

  private constructor(readonly dir: string, readonly sqlPort: number, readonly httpPort: number) {}

  /** The public SPARQL endpoint (what STORE_URL names). */
  get url(): string {
    return `http://127.0.0.1:${this.httpPort}/sparql`;
  }

  /** Writes a database folder and virtuoso.ini on two free ports and starts the server; resolves once it answers. */
  static async start(options: VirtuosoOptions = {}): Promise<Virtuoso> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-virtuoso-'));
    const v = new Virtuoso(dir, await freePort(), await freePort());
    const db = (name: string) => path.join(dir, name);
    await writeFile(db('virtuoso.ini'), [
      '[Database]', `DatabaseFile = ${db('virtuoso.db')}`, `ErrorLogFile = ${db('virtuoso.log')}`, `LockFile = ${db('virtuoso.lck')}`,
      `TransactionFile = ${db('virtuoso.trx')}`, `xa_persistent_file = ${db('virtuoso.pxa')}`, 'ErrorLogLevel = 7', 'FileExtend = 200', 'Striping = 0', 'TempStorage = TempDatabase',
      '[TempDatabase]', `DatabaseFile = ${db('virtuoso-temp.db')}`, `TransactionFile = ${db('virtuoso-temp.trx')}`, 'Striping = 0',
      '[Parameters]', `ServerPort = 127.0.0.1:${v.sqlPort}`, 'DisableUnixSocket = 1', 'MaxClientConnections = 10', 'CheckpointInterval = 60', 'CaseMode = 2',
      `DirsAllowed = ., ${dir}`, `NumberOfBuffers = ${options.buffers ?? 20000}`, `MaxDirtyBuffers = ${Math.round((options.buffers ?? 20000) * 0.75)}`, 'ThreadsPerQuery = 2', 'MaxQueryMem = 500M', 'MaxSortedTopRows = 1000000',
      '[HTTPServer]', `ServerPort = 127.0.0.1:${v.httpPort}`, 'ServerRoot = /var/lib/virtuoso-opensource-7/vsp', 'MaxClientConnections = 10', 'ServerThreads = 10', 'Charset = UTF-8', 'EnabledGzipContent = 0',
      '[SPARQL]', `ResultSetMaxRows = ${options.maxRows ?? 10000}`, 'MaxQueryExecutionTime = 60', 'MaxQueryCostEstimationTime = 400',
      '',
    ].join('\n'));
    await v.resume(true);
    return v;
  }

  /** Starts the server process on this folder (again after stop(): the database is kept); resolves once /sparql answers. */
  async resume(fresh = false): Promise<void> {
    if (this.child && !fresh) return;
    this.child = spawn('virtuoso-t', ['+configfile', path.join(this.dir, 'virtuoso.ini'), '+foreground'], { cwd: this.dir, stdio: 'ignore' });
    const child = this.child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`virtuoso-t exited with ${child.exitCode}; see ${path.join(this.dir, 'virtuoso.log')}`);
      try {
        const r = await fetch(`${this.url}?query=${encodeURIComponent('ASK {}')}`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`virtuoso-t did not answer on ${this.url} within 60 s`);
  }

  /** Kills the server (as a crash would); resume() starts it again on the same database. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Freezes the server (SIGSTOP): it accepts connections and answers nothing, as a store that hangs does. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** Lets a frozen server run again (SIGCONT). */
  unpause(): void {
    this.child?.kill('SIGCONT');
  }

  /** Stops the server and removes its folder. */
  async dispose(): Promise<void> {
    this.unpause();
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
