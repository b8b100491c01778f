import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';
import type { DatabaseTimeouts } from './database-timeouts.js';

/**
 * The application's DataSource. Feature libraries register their entities with
 * TypeOrmModule.forFeature; they are loaded automatically.
 */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, timeouts?: DatabaseTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, { timeouts }),
          autoLoadEntities: true,
          // Reachability is checked before boot with a clear message; retries only hide it.
          retryAttempts: 0,
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
