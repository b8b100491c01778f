import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Sensitive } from './sensitive.decorator.js';
import { generateEd25519PrivateKey } from './signing-key.js';

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

  /** Signs access tokens (HS256). */
  @Sensitive()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string;

  /** Signs audit checkpoints: base64 of a PKCS#8 DER Ed25519 private key (checked when the audit module starts). */
  @Sensitive({ generate: generateEd25519PrivateKey })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUDIT_SIGNING_KEY: string;
}
