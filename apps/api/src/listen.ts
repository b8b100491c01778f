import type { INestApplication } from '@nestjs/common';

/** Listens, or fails with a sentence a person can act on (a taken port is the usual one). */
export async function listenOrExplain(app: INestApplication, port: number, host: string): Promise<void> {
  try {
    await app.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await app.close().catch(() => undefined);
    if (code === 'EADDRINUSE')
      throw new Error(`port ${port} on ${host} is already in use: stop the other server or set PORT`, { cause: error });
    if (code === 'EACCES')
      throw new Error(`not allowed to listen on port ${port}: choose a PORT above 1023`, { cause: error });
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`cannot listen on HOST ${host}: no such local address`, { cause: error });
    throw error;
  }
}
