import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export type RedisProcess = { url: string; port: number; dir: string; stop(): Promise<void>; process: ChildProcess };

type RedisOptions = {
  appendonly?: boolean;
  port?: number;
  dir?: string;
  /** Listen on a unix socket in `dir` rather than a TCP port: a restart can then never find its
   * address taken by another test's server, which a released TCP port can be. */
  unixSocket?: boolean;
};

/** Starts a real redis-server (the binary comes from Debian's redis-server), on a free loopback
 * port or on a unix socket. A server that exits before answering is started again on a new port
 * when none was asked for, and otherwise reported, never waited on. */
export async function startRedisServer(options: RedisOptions = {}): Promise<RedisProcess> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (options.port !== undefined || options.unixSocket || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: RedisOptions): Promise<RedisProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "copilot-redis-"));
  const port = options.unixSocket ? 0 : (options.port ?? (await freePort()));
  const socket = join(dir, "redis.sock");
  const listen = options.unixSocket ? ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700"] : ["--port", String(port), "--bind", "127.0.0.1"];
  const child = spawn(
    process.env.REDIS_SERVER_BIN ?? "redis-server",
    [...listen, "--dir", dir, "--save", "", "--appendonly", options.appendonly ? "yes" : "no", "--protected-mode", "yes"],
    { stdio: "ignore" },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (error) => reject(new Error(`cannot start redis-server: ${error.message}`)));
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before answering`)));
  });
  failed.catch(() => {});
  const url = options.unixSocket ? socket : `redis://127.0.0.1:${port}`;
  try {
    await Promise.race([waitForPing(url, () => child.exitCode !== null), failed]);
  } catch (error) {
    child.kill("SIGKILL");
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    dir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }).then(() => {
        if (!options.dir) rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/** Pings until the server answers; every try has a deadline, so a port held by something else
 * that never answers in Redis's protocol fails the start instead of hanging it. */
async function waitForPing(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000, commandTimeout: 1_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      const pong = await client.ping();
      client.disconnect();
      if (pong !== "PONG") throw new Error(`not a Redis server at ${url}`);
      return;
    } catch (error) {
      client.disconnect();
      if (exited() || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
