import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Settings } from './settings.schema.js';

/** Makes the validated settings injectable as `Settings` everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: Settings, useValue: settings }],
      exports: [Settings],
    };
  }
}
