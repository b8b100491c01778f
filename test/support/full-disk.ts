import type { FileHandle } from 'node:fs/promises';
import type { FileLayer } from '@sillok/evidence';

/**
 * A disk with `room` bytes left, at the filesystem layer: handles opened through it really
 * write until the room is used, then fail as a full disk does (ENOSPC), leaving the partial
 * file behind for the store to clean up. Portable where a tiny tmpfs cannot be mounted.
 */
export function diskWithRoom(room: number, real: FileLayer['open']): FileLayer['open'] {
  let left = room;
  return async (path, flags, mode) => {
    const handle: FileHandle = await real(path, flags, mode);
    const write = handle.write.bind(handle) as (buffer: Buffer, offset: number, length: number) => Promise<unknown>;
    handle.write = (async (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
      if (length <= left) {
        left -= length;
        return write(buffer, offset, length);
      }
      if (left > 0) await write(buffer, offset, left);
      left = 0;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }) as FileHandle['write'];
    return handle;
  };
}
