import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
} from '@nestjs/common';
import { DictionariesController } from './dictionaries.controller';
import {
  DICTIONARY_SOURCES,
  DictionariesService,
  type DictionaryGroupsProvider,
} from './dictionaries.service';
import type { DictionaryGroups } from './labels';

export { DICTIONARY_SOURCES, DictionariesService, type DictionaryGroupsProvider };

export interface DictionariesOptions {
  /** Static label tables by group name, e.g. `{ tier: TIER_LABELS }`. */
  groups: DictionaryGroups;
  /**
   * Injection tokens of further {@link DictionaryGroupsProvider}s (a table read at run time,
   * or a group composed elsewhere such as the error codes), exported by `imports`.
   */
  providers?: InjectionToken[];
  imports?: ModuleMetadata['imports'];
  /** Serve `GET /api/dictionaries` (the API); the matcher only reads labels for its notices. */
  routes: boolean;
}

/**
 * Every lib's label tables in one {@link DictionariesService}, composed by each app (only the
 * apps know every lib). Global, so that a lower lib (notifications) reads labels of codes
 * declared above it without importing those libs; it injects the service as optional.
 */
@Module({})
export class DictionariesModule {
  static forRoot(options: DictionariesOptions): DynamicModule {
    return {
      module: DictionariesModule,
      global: true,
      imports: options.imports ?? [],
      controllers: options.routes ? [DictionariesController] : [],
      providers: [
        DictionariesService,
        {
          provide: DICTIONARY_SOURCES,
          useFactory: (...found: DictionaryGroupsProvider[]): DictionaryGroupsProvider[] => [
            { groups: () => options.groups },
            ...found,
          ],
          inject: options.providers ?? [],
        },
      ],
      exports: [DictionariesService],
    };
  }
}
