import { randomBytes } from 'node:crypto';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Sensitive } from './sensitive.decorator.js';
import { generateEd25519PrivateKey } from './signing-key.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const OBJECT_STORES = ['filesystem', 's3'] as const;
export type ObjectStoreKind = (typeof OBJECT_STORES)[number];
// An IPv4 or IPv6 address (optionally a CIDR range), or one of proxy-addr's names.
const PROXY_ADDRESS = String.raw`(loopback|linklocal|uniquelocal|(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(\/\d{1,3})?)`;
const TRUST_PROXY_PATTERN = new RegExp(String.raw`^(off|[1-9]\d?|${PROXY_ADDRESS}(\s*,\s*${PROXY_ADDRESS})*)$`);
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting Sillok reads, in one place. Property names are the environment
 * variable names; `.env.example` documents each one (a test keeps the two in step).
 */
export class Settings {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IsString()
  HOST: string = '127.0.0.1';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT: number = 3000;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsString()
  @MinLength(1)
  SILLOK_DATA_DIR: string = './data';

  /** Unset: Sillok starts its own embedded PostgreSQL under SILLOK_DATA_DIR/postgres. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1024 and 65535' })
  @Min(1024, { message: 'must be a whole number between 1024 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1024 and 65535' })
  EMBEDDED_POSTGRES_PORT: number = 54329;

  /** Seconds to wait for a pooled database connection (connecting or queueing) before answering 503. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 300' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 300' })
  @Max(300, { message: 'must be a whole number of seconds between 1 and 300' })
  DATABASE_CONNECT_TIMEOUT_SECONDS: number = 5;

  /** Longest one SQL statement may run (PostgreSQL statement_timeout); a frozen query ends instead of hanging. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 86400' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 1 and 86400' })
  DATABASE_STATEMENT_TIMEOUT_SECONDS: number = 300;

  /** A transaction left idle this long is ended by PostgreSQL (idle_in_transaction_session_timeout), freeing its locks. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 86400' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 1 and 86400' })
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: number = 60;

  /**
   * Longest an HTTP request may run (uploads excepted: their body bounds them): past it the
   * answer is 503 and the request's transaction rolls back. 0 turns the deadline off.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 0 and 86400' })
  @Min(0, { message: 'must be a whole number of seconds between 0 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 0 and 86400' })
  REQUEST_TIMEOUT_SECONDS: number = 60;

  /** On SIGTERM or SIGINT: seconds requests in flight may take to finish before their connections are cut. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 0 and 3600' })
  @Min(0, { message: 'must be a whole number of seconds between 0 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 0 and 3600' })
  SHUTDOWN_GRACE_SECONDS: number = 25;

  /**
   * Keys of the witness identity vault (AES-256-GCM): `id:base64key[,id:base64key...]`, the
   * first encrypts, all decrypt. To rotate: put a new key first, run `sillok keys:rotate`.
   */
  @Sensitive({
    generate: () => `k1:${randomBytes(32).toString('base64')}`,
    minLength: 40,
    keyMaterial: (value) => value.split(',').map((entry) => Buffer.from(entry.split(':')[1] ?? '', 'base64')),
  })
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be id:base64key[,id:base64key...] with 32-byte keys (openssl rand -base64 32)',
  })
  IDENTITY_ENCRYPTION_KEYS: string;
  /** Lifetime of an access token (JWT); the guard still re-checks user and session on every request. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds between 30 and 3600' })
  @Min(30, { message: 'must be a whole number of seconds between 30 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 30 and 3600' })
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** The browser client signs out after this many minutes without keyboard or pointer use (warning one minute before). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of minutes between 2 and 720' })
  @Min(2, { message: 'must be a whole number of minutes between 2 and 720' })
  @Max(720, { message: 'must be a whole number of minutes between 2 and 720' })
  BROWSER_IDLE_TIMEOUT_MINUTES: number = 30;

  /** A session ends this many days after its last refresh. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  REFRESH_TOKEN_TTL_DAYS: number = 14;

  /** However often it is refreshed, a session ends this many days after its login. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days between 1 and 365' })
  @Min(1, { message: 'must be a whole number of days between 1 and 365' })
  @Max(365, { message: 'must be a whole number of days between 1 and 365' })
  SESSION_MAX_DAYS: number = 30;

  /**
   * Longest one search may run in PostgreSQL (ms); past it the search answers 503 with a hint to
   * narrow it. Shorter than DATABASE_STATEMENT_TIMEOUT_SECONDS: a search is interactive.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds between 100 and 300000' })
  @Min(100, { message: 'must be a whole number of milliseconds between 100 and 300000' })
  @Max(300000, { message: 'must be a whole number of milliseconds between 100 and 300000' })
  SEARCH_STATEMENT_TIMEOUT_MS: number = 3000;

  /** Searches that run in PostgreSQL at once; later ones queue (up to the search timeout, then 503). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1 and 64' })
  @Min(1, { message: 'must be a whole number between 1 and 64' })
  @Max(64, { message: 'must be a whole number between 1 and 64' })
  SEARCH_MAX_CONCURRENT: number = 4;

  /** Hits counted exactly; past it a search says "at least this many" (total.relation gte). */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 10 and 1000000' })
  @Min(10, { message: 'must be a whole number between 10 and 1000000' })
  @Max(1000000, { message: 'must be a whole number between 10 and 1000000' })
  SEARCH_TRACK_TOTAL_HITS: number = 1000;

  /** Failed logins in a row that lock an account. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1 and 100' })
  @Min(1, { message: 'must be a whole number between 1 and 100' })
  @Max(100, { message: 'must be a whole number between 1 and 100' })
  LOGIN_LOCKOUT_THRESHOLD: number = 5;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of minutes between 1 and 1440' })
  @Min(1, { message: 'must be a whole number of minutes between 1 and 1440' })
  @Max(1440, { message: 'must be a whole number of minutes between 1 and 1440' })
  LOGIN_LOCKOUT_MINUTES: number = 15;

  /** Requests per minute per client address to each /auth route. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1 and 100000' })
  @Min(1, { message: 'must be a whole number between 1 and 100000' })
  @Max(100000, { message: 'must be a whole number between 1 and 100000' })
  AUTH_RATE_LIMIT_PER_MINUTE: number = 20;

  /**
   * Proxies whose X-Forwarded-For names the client (Express "trust proxy"): `off` (the socket's
   * peer is the client), a hop count, or a comma list of addresses, CIDR ranges and the names
   * loopback, linklocal, uniquelocal. Trusting every proxy (`true`) is not offered: any client
   * could then choose the address the login rate limit counts.
   */
  @Matches(TRUST_PROXY_PATTERN, {
    message:
      'must be off, a hop count (1-99), or a comma list of addresses, CIDR ranges, loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY: string = 'off';

  /**
   * Roles that must use a second factor: a comma list, or `none`. Unset: in production every
   * role that can read witness identities or export; elsewhere none.
   */
  @IsOptional()
  @Matches(/^(none|[a-z_]+(\s*,\s*[a-z_]+)*)$/, { message: 'must be a comma-separated list of roles, or none' })
  MFA_REQUIRED_ROLES?: string;

  /** The name authenticator apps show next to the account. */
  @IsString()
  @MinLength(1)
  MFA_ISSUER: string = 'Sillok';

  /** Signs access tokens (HS256). Production: at least 32 random bytes as text (openssl rand -base64 48). */
  @Sensitive({ minLength: 43, keyMaterial: textBytes })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string;

  /** Encrypts the TOTP secrets at rest (AES-256-GCM with a key derived from this value by HKDF). */
  @Sensitive({ minLength: 43, keyMaterial: textBytes })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  MFA_ENCRYPTION_KEY: string;

  /**
   * Signs audit checkpoints: base64 of a PKCS#8 DER Ed25519 private key (checked when the audit
   * module starts). In production it belongs only where `sillok audit:checkpoint` runs (the
   * operator's shell or a scheduled container), never in the API: whoever holds it can sign a
   * checkpoint over forged rows, so the API refuses to start with it (apiProcessSettingsProblems).
   */
  @Sensitive({ generate: generateEd25519PrivateKey, requiredWhen: () => false, keyMaterial: ed25519Seed })
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUDIT_SIGNING_KEY?: string;

  /** Signs case-file exports (the bag's tag manifest): base64 of a PKCS#8 DER Ed25519 private key. */
  @Sensitive({ generate: generateEd25519PrivateKey, keyMaterial: ed25519Seed })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  EXPORT_SIGNING_KEY: string;

  /** Source-Organization of every exported bag: the organisation that sends the case files. */
  @IsString()
  @MinLength(1)
  EXPORT_SOURCE_ORGANIZATION: string = 'Sillok';

  /** Days a stored export holding witness identities may be downloaded; then `sillok export:purge` erases its key. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  EXPORT_IDENTITY_RETENTION_DAYS: number = 7;
  /** Where evidence objects live: `filesystem` (SILLOK_DATA_DIR/objects) or an S3-compatible server. */
  @IsIn(OBJECT_STORES, { message: `must be one of ${OBJECT_STORES.join(', ')}` })
  OBJECT_STORE: ObjectStoreKind = 'filesystem';

  @IsString()
  @MinLength(1)
  S3_ENDPOINT: string = 'localhost';

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  S3_PORT: number = 9000;

  @Transform(({ value }) => parseBoolean(value))
  @IsBoolean({ message: 'must be true or false' })
  S3_USE_SSL: boolean = false;

  @IsString()
  @MinLength(1)
  S3_REGION: string = 'us-east-1';

  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid S3 bucket name' })
  S3_BUCKET: string = 'sillok-evidence';

  /** MinIO wants path-style addressing (http://host/bucket/key); AWS prefers virtual hosts. */
  @Transform(({ value }) => parseBoolean(value))
  @IsBoolean({ message: 'must be true or false' })
  S3_PATH_STYLE: boolean = true;

  /** Size of one multipart part; the client holds one part in memory per upload. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number between 5 and 5120' })
  @Min(5, { message: 'must be a whole number between 5 and 5120' })
  @Max(5120, { message: 'must be a whole number between 5 and 5120' })
  S3_PART_SIZE_MB: number = 16;

  /** Largest accepted upload in bytes (default 10 GiB); larger ones are refused as soon as the limit is crossed. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of bytes, at least 1' })
  @Min(1, { message: 'must be a whole number of bytes, at least 1' })
  UPLOAD_MAX_BYTES: number = 10 * 1024 ** 3;

  /** Hours between fixity runs inside the API process (fractions allowed); 0 turns them off. */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours between 0 and 596' })
  @Min(0, { message: 'must be a number of hours between 0 and 596' })
  // A Node timer cannot wait longer than about 24.8 days (2^31 ms).
  @Max(596, { message: 'must be a number of hours between 0 and 596' })
  FIXITY_INTERVAL_HOURS: number = 0;

  /**
   * The object sweeper removes partial writes and objects no row refers to only once they are
   * this many hours old: younger ones may belong to an upload or export still running.
   */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number of hours between 0 and 8760' })
  @Min(0, { message: 'must be a number of hours between 0 and 8760' })
  @Max(8760, { message: 'must be a number of hours between 0 and 8760' })
  OBJECT_SWEEP_GRACE_HOURS: number = 24;

  /** Identifies Sillok to the S3 server; required in production when OBJECT_STORE=s3. */
  @Sensitive({ requiredWhen: usesS3, generate: undefined, minLength: 3 })
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY?: string;

  /** Required in production when OBJECT_STORE=s3. */
  @Sensitive({ requiredWhen: usesS3, generate: undefined, minLength: 8 })
  @IsOptional()
  @IsString()
  S3_SECRET_KEY?: string;
}

/** A text secret is checked as the bytes it is. */
function textBytes(value: string): Uint8Array[] {
  return [Buffer.from(value, 'utf8')];
}

/** The 32-byte seed at the end of a PKCS#8 DER Ed25519 private key (its first 16 bytes are a fixed header). */
function ed25519Seed(value: string): Uint8Array[] {
  return [Buffer.from(value, 'base64').subarray(16)];
}

function usesS3(settings: Settings): boolean {
  return settings.OBJECT_STORE === 's3';
}

/** Environment booleans: true/false, 1/0, yes/no; anything else stays as given and fails validation. */
function parseBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalized)) return true;
  if (['false', '0', 'no'].includes(normalized)) return false;
  return value;
}
