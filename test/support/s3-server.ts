import S3rver from '@20minutes/s3rver';
import authentication from '@20minutes/s3rver/lib/middleware/authentication.js';
import AWSAccount from '@20minutes/s3rver/lib/models/account.js';
import S3Error from '@20minutes/s3rver/lib/models/error.js';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'minio';
import type { S3ObjectStoreOptions } from '@sillok/evidence';
import { freePort } from './processes.js';

/**
 * A real S3-compatible server for tests: @20minutes/s3rver, which checks SigV4 signatures,
 * on a random free port with its own temporary directory, credentials and bucket.
 *
 * s3rver lacks three multipart operations the minio client and Sillok use; they are added
 * here (never by patching the client): ListMultipartUploads (`GET /bucket?uploads`, which
 * the client calls before every multipart upload), AbortMultipartUpload
 * (`DELETE /bucket/key?uploadId=`), and NoSuchUpload answers for parts or completions of an
 * upload that was aborted (s3rver would silently recreate it).
 */
export interface S3TestServer {
  endPoint: string;
  port: number;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  directory: string;
  /** Stops the server at once, cutting connections in flight (the store "goes away"). */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
  /**
   * From now on refuses every object write as MinIO does when its drives are full (507
   * XMinioStorageFull), while reads and bucket checks still work; `false` writes again.
   */
  refuseWrites(refuse: boolean): void;
}

export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'sillok-s3-'));
  const port = await freePort();
  const accessKey = `sillok-test-${randomBytes(4).toString('hex')}`;
  const secretKey = randomBytes(24).toString('base64url');
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);
  const bucket = 'sillok-test-evidence';
  let server: S3rver | undefined;
  const writes = { refused: false };

  const start = async (): Promise<void> => {
    server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, vhostBuckets: false });
    // Before s3rver's router (the last middleware), after its XML and path handling.
    server.middleware.splice(server.middleware.length - 1, 0, fullDrives(writes), multipartCompletion(directory));
    server.logger.silent = true; // `silent: true` only removes its transports, and winston then complains per line
    await server.run();
  };
  const stop = async (): Promise<void> => {
    const running = server;
    server = undefined;
    if (!running?.httpServer) return;
    const closed = running.close();
    running.httpServer.closeAllConnections();
    await closed;
  };
  await start();
  return {
    endPoint: '127.0.0.1',
    port,
    region: 'us-east-1',
    bucket,
    accessKey,
    secretKey,
    directory,
    stop,
    restart: start,
    refuseWrites: (refuse) => {
      writes.refused = refuse;
    },
    close: async () => {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Options for an S3ObjectStore on this server (path style, no TLS). */
export function s3StoreOptions(
  server: S3TestServer,
  overrides: Partial<S3ObjectStoreOptions> & { partSize: number },
): S3ObjectStoreOptions {
  return {
    endPoint: server.endPoint,
    port: server.port,
    useSSL: false,
    region: server.region,
    bucket: server.bucket,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    pathStyle: true,
    ...overrides,
  };
}

/** The settings that point a test app's object store at this server. */
export function s3AppEnv(server: S3TestServer): Record<string, string> {
  return {
    OBJECT_STORE: 's3',
    S3_ENDPOINT: server.endPoint,
    S3_PORT: String(server.port),
    S3_USE_SSL: 'false',
    S3_REGION: server.region,
    S3_BUCKET: server.bucket,
    S3_PATH_STYLE: 'true',
    S3_PART_SIZE_MB: '5',
    S3_ACCESS_KEY: server.accessKey,
    S3_SECRET_KEY: server.secretKey,
  };
}

/**
 * A client of its own, for tests to look into (or tamper with) the bucket behind the app's back.
 *
 * It opens a fresh connection per request. With the process-wide keep-alive pool (every minio
 * client's default) it could be handed a socket the store under test left behind, for instance
 * after the server answered an upload it had not read to the end, and fail with `write
 * ECONNRESET`: a failure of the inspection, not of the store (a CI run once failed so).
 */
export function s3Inspector(server: S3TestServer): Client {
  return new Client({
    transportAgent: new Agent({ keepAlive: false }),
    endPoint: server.endPoint,
    port: server.port,
    useSSL: false,
    region: server.region,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    pathStyle: true,
  });
}

/** Every object name in the bucket, then every incomplete multipart upload. */
export async function objectsAndUploads(inspector: Client, bucket: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of inspector.listObjectsV2(bucket, '', true) as AsyncIterable<{ name: string }>) {
    names.push(item.name);
  }
  const { uploads } = await inspector.listIncompleteUploadsQuery(bucket, '', '', '', '');
  return [...names, ...uploads.map((u) => `multipart ${u.uploadId}`)];
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  status: number;
  body: unknown;
}

/** Where s3rver's filesystem store keeps the multipart uploads of a bucket. */
function uploadsDirectory(root: string, bucket: string): string {
  return join(root, bucket, '._S3rver_uploads');
}

/** While `writes.refused`, a PUT or POST of an object answers as MinIO's full drives do. */
function fullDrives(writes: { refused: boolean }) {
  return async (context: unknown, next: () => Promise<void>): Promise<void> => {
    const ctx = context as KoaContext;
    const [, bucket, ...key] = ctx.path.split('/');
    if (!writes.refused || !bucket || !key.join('') || (ctx.method !== 'PUT' && ctx.method !== 'POST')) return next();
    const error = new S3Error('XMinioStorageFull', 'Storage backend has reached its minimum free drive threshold.');
    // MinIO's status for it; s3rver's table does not know the code (its typings omit `status`).
    throw Object.assign(error, { status: 507 });
  };
}

function multipartCompletion(root: string) {
  return async (context: unknown, next: () => Promise<void>): Promise<void> => {
    const ctx = context as KoaContext;
    const [, bucket, ...rest] = ctx.path.split('/');
    const key = rest.map((segment) => decodeURIComponent(segment)).join('/');
    const query = ctx.query;
    const listUploads = ctx.method === 'GET' && !key && 'uploads' in query;
    const abortUpload = ctx.method === 'DELETE' && key && 'uploadId' in query;
    const useUpload = (ctx.method === 'PUT' || ctx.method === 'POST') && key && 'uploadId' in query;
    if (!bucket || !(listUploads || abortUpload || useUpload)) return next();

    ctx.params = { ...ctx.params, bucket, key: key || undefined };
    await authentication()(ctx, async () => {
      if (!existsSync(join(root, bucket))) throw new S3Error('NoSuchBucket', 'The specified bucket does not exist');
      if (listUploads) {
        ctx.body = await listMultipartUploads(root, bucket, query.prefix ?? '');
        return;
      }
      const uploadDirectory = join(uploadsDirectory(root, bucket), String(query.uploadId));
      if (!/^[0-9a-f]+$/.test(String(query.uploadId)) || !existsSync(join(uploadDirectory, 'key'))) {
        throw new S3Error('NoSuchUpload', 'The specified upload does not exist.', { UploadId: query.uploadId });
      }
      if (abortUpload) {
        await rm(uploadDirectory, { recursive: true, force: true });
        ctx.status = 204;
        ctx.body = null;
        return;
      }
      await next();
    });
  };
}

async function listMultipartUploads(root: string, bucket: string, prefix: string) {
  const uploads = [];
  const directory = uploadsDirectory(root, bucket);
  for (const uploadId of existsSync(directory) ? (await readdir(directory)).sort() : []) {
    const keyFile = join(directory, uploadId, 'key');
    if (!existsSync(keyFile)) continue;
    const key = await readFile(keyFile, 'utf8');
    if (!key.startsWith(prefix)) continue;
    const initiated = (await stat(keyFile)).mtime.toISOString();
    uploads.push({ Key: key, UploadId: uploadId, StorageClass: 'STANDARD', Initiated: initiated });
  }
  return {
    ListMultipartUploadsResult: {
      '@': { '@_xmlns': 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Bucket: bucket,
      KeyMarker: '',
      UploadIdMarker: '',
      Prefix: prefix,
      MaxUploads: 1000,
      IsTruncated: false,
      ...(uploads.length ? { Upload: uploads } : {}),
    },
  };
}
