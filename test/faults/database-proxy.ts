import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the API and PostgreSQL, so a test can break the network the way it
 * breaks in production: refuse connections, reset the open ones, or freeze them (packets
 * stop, nothing is closed). The database server itself keeps running for the other tests.
 */
export interface DatabaseProxy {
  /** DATABASE_URL through the relay. */
  url: string;
  /** Resets every open connection and refuses new ones (a database that went away). */
  refuse(): Promise<void>;
  /** Accepts connections again on the same port. */
  accept(): Promise<void>;
  /** Stops relaying bytes on every connection, new ones included (a frozen server or network). */
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<[Socket, Socket]>();
  let frozen = false;

  const relay = (client: Socket) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (to.write(chunk)) return;
        from.pause();
        to.once('drain', () => frozen || from.resume());
      });
    forward(client, upstream);
    forward(upstream, client);
    if (frozen) pair.forEach((s) => s.pause());
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  };

  let server: Server = createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  const resetAll = () => {
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  return {
    url: url.toString(),
    refuse: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      resetAll();
      await closed;
    },
    accept: async () => {
      server = createServer(relay);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    freeze: () => {
      frozen = true;
      for (const pair of pairs) pair.forEach((s) => s.pause());
    },
    thaw: () => {
      frozen = false;
      for (const pair of pairs) pair.forEach((s) => s.resume());
    },
    close: async () => {
      resetAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
