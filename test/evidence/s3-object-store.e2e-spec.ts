import { S3ObjectStore } from '@sillok/evidence';
import { s3Inspector, s3StoreOptions, startS3TestServer } from '../support/s3-server.js';
import { MIB } from './generated-bytes.js';
import { describeObjectStoreContract } from './object-store.contract.js';

// The smallest part S3 allows, so ~12 MiB streams really take the multipart path.
const PART_SIZE = 5 * MIB;

describeObjectStoreContract(
  's3 (minio client against a real S3 server over the network)',
  async () => {
    const server = await startS3TestServer();
    const options = s3StoreOptions(server, { partSize: PART_SIZE, cleanupRetryMs: 100 });
    const store = new S3ObjectStore(options);
    await store.ensureBucket(); // the bucket does not exist yet: this creates it
    const inspector = s3Inspector(server);
    return {
      store,
      partSize: PART_SIZE,
      leftovers: async (key) => {
        const { uploads } = await inspector.listIncompleteUploadsQuery(server.bucket, key, '', '', '');
        return uploads.map((upload) => `multipart upload ${upload.uploadId}`);
      },
      outage: { stop: server.stop, restart: server.restart },
      close: async () => {
        store.close();
        await server.close();
      },
    };
  },
  { canGoAway: true },
);
