// Throwaway servers from Debian's packages for the generated-project checks: each starts in a
// temp dir on loopback (random free port), never touches system services, and is stopped and
// removed by `stop()`. Root is dropped to the `postgres` user where PostgreSQL insists on it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port, or throws after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 60_000, what = `port ${port}`): Promise<void> {
  const { connect } = await import('node:net');
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not open within ${timeoutMs / 1000} s`);
}

function pgBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

export interface Postgres {
  port: number;
  /** Runs SQL as the superuser against `database`; returns psql's unaligned output. */
  sql(query: string, database?: string): string;
  stop(): void;
}

/** Why PostgreSQL can't run here, or null when it can. */
export function postgresUnavailable(): string | null {
  return pgBin() ? null : "PostgreSQL's server binaries are not installed (Debian package postgresql).";
}

/** Starts a throwaway PostgreSQL on a free loopback port (trust auth for the superuser `postgres`). */
export async function startPostgres(): Promise<Postgres> {
  const bin = pgBin();
  if (!bin) throw new Error(postgresUnavailable()!);
  const dir = mkdtempSync(path.join(tmpdir(), 'aw-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[], opts: { input?: string } = {}) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { encoding: 'utf8', ...opts }) : execFileSync(path.join(bin, cmd), args, { encoding: 'utf8', ...opts });
  if (asRoot) {
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`, 'start']);
  const psql = path.join(bin, 'psql');
  return {
    port,
    sql(query, database = 'postgres') {
      return execFileSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', query], { encoding: 'utf8' });
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RabbitMq {
  port: number;
  url: string;
  stop(): void;
}

/** Why RabbitMQ can't run here, or null when it can. */
export function rabbitUnavailable(): string | null {
  return existsSync('/usr/lib/rabbitmq/bin/rabbitmq-server') ? null : 'RabbitMQ is not installed (Debian package rabbitmq-server).';
}

/** Starts a throwaway RabbitMQ node on free loopback ports (guest/guest allowed from loopback). */
export async function startRabbitMq(): Promise<RabbitMq> {
  const why = rabbitUnavailable();
  if (why) throw new Error(why);
  const dir = mkdtempSync(path.join(tmpdir(), 'aw-rmq-'));
  const [port, dist, epmd] = [await freePort(), await freePort(), await freePort()];
  const node = `aw${port}@localhost`;
  writeFileSync(path.join(dir, 'enabled_plugins'), '[].\n');
  writeFileSync(path.join(dir, 'rabbitmq.conf'), 'loopback_users = none\n');
  const env = {
    ...process.env,
    HOME: dir,
    RABBITMQ_BASE: dir,
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(dist),
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    RABBITMQ_PID_FILE: path.join(dir, 'pid'),
    ERL_EPMD_PORT: String(epmd),
  };
  const child: ChildProcess = spawn('/usr/lib/rabbitmq/bin/rabbitmq-server', [], { env, stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      execFileSync('/usr/lib/rabbitmq/bin/rabbitmqctl', ['-n', node, 'shutdown'], { env, stdio: 'ignore', timeout: 30_000 });
    } catch {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // The node started its own epmd on ERL_EPMD_PORT; `epmd -kill` with the same env stops it.
    try {
      execFileSync('epmd', ['-kill'], { env, stdio: 'ignore', timeout: 10_000 });
    } catch {
      // epmd not running, or not on PATH
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 90_000, 'RabbitMQ');
  } catch (e) {
    stop();
    throw e;
  }
  return { port, url: `amqp://guest:guest@127.0.0.1:${port}`, stop };
}
