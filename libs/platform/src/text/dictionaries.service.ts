import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DictionariesDto } from './dictionaries.dto';
import type { DictionaryGroups } from './labels';

/** A source of dictionary groups: a lib's label tables, or a table read at run time (categories). */
export interface DictionaryGroupsProvider {
  groups(): DictionaryGroups | Promise<DictionaryGroups>;
}

export const DICTIONARY_SOURCES = Symbol('DICTIONARY_SOURCES');

/** Merges every source into one answer; a group named by two sources is a wiring bug. */
@Injectable()
export class DictionariesService {
  constructor(@Inject(DICTIONARY_SOURCES) private readonly sources: DictionaryGroupsProvider[]) {}

  async dictionaries(): Promise<DictionariesDto> {
    const groups: Record<string, DictionaryGroups[string]> = {};
    for (const source of this.sources) {
      for (const [name, table] of Object.entries(await source.groups())) {
        if (Object.hasOwn(groups, name)) {
          throw new Error(`Dictionary group "${name}" is given by two sources`);
        }
        groups[name] = table;
      }
    }
    const version = createHash('sha256').update(JSON.stringify(groups)).digest('hex').slice(0, 16);
    return { version, groups };
  }
}
