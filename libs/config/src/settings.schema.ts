import { randomBytes } from 'node:crypto';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Sensitive } from './sensitive.decorator.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
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

  /**
   * Keys of the witness identity vault (AES-256-GCM): `id:base64key[,id:base64key...]`, the
   * first encrypts, all decrypt. To rotate: put a new key first, run `sillok keys:rotate`.
   */
  @Sensitive({ generate: () => `k1:${randomBytes(32).toString('base64')}`, minLength: 40 })
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be id:base64key[,id:base64key...] with 32-byte keys (openssl rand -base64 32)',
  })
  IDENTITY_ENCRYPTION_KEYS: string;

  /** Signs access tokens (HS256). */
  @Sensitive()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string;
}
