import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from '@sillok/evidence';
import { MIB } from './generated-bytes.js';
import { describeObjectStoreContract } from './object-store.contract.js';
import { filesystemLeftovers } from './filesystem-layout.js';

describeObjectStoreContract(
  'filesystem',
  async () => {
    const root = await mkdtemp(join(tmpdir(), 'sillok-objects-'));
    const store = new FilesystemObjectStore(root);
    return {
      store,
      partSize: 5 * MIB, // no parts here; the same sizes as the s3 run
      leftovers: (key) => filesystemLeftovers(root, key),
      close: () => rm(root, { recursive: true, force: true }),
    };
  },
  { canGoAway: false },
);
