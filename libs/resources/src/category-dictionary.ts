import { Injectable } from '@nestjs/common';
import type { DictionaryGroups, DictionaryGroupsProvider, Label } from '@onedoor/platform';
import { CategoriesRepository } from './categories.repository';

/** The `category` group: the category table's codes and names (admins add categories at run time). */
@Injectable()
export class CategoryDictionary implements DictionaryGroupsProvider {
  constructor(private readonly categories: CategoriesRepository) {}

  async groups(): Promise<DictionaryGroups> {
    const category: Record<string, Label> = {};
    for (const c of await this.categories.all()) {
      category[c.code] = { 'zh-CN': c.nameZh, en: c.nameEn };
    }
    return { category };
  }
}
