import { Global, Injectable, Module } from '@nestjs/common';
import {
  AcceptLanguageResolver,
  I18nLoader,
  I18nModule,
  I18nService,
  type I18nTranslation,
  QueryResolver,
} from 'nestjs-i18n';
import {
  DEFAULT_LANGUAGE,
  ERROR_CODE_LABELS,
  type ErrorTranslator,
  LANGUAGES,
} from '@onedoor/platform';
import { errorCodeLabels, errorTranslations } from './error-messages';

/**
 * Feeds nestjs-i18n from the typed catalogs (compiled with the code, checked by the compiler)
 * rather than JSON files, which the swc build would not copy into dist/.
 */
@Injectable()
export class ErrorCatalogLoader extends I18nLoader {
  async languages(): Promise<string[]> {
    return [...LANGUAGES];
  }

  async load(): Promise<I18nTranslation> {
    return errorTranslations() as I18nTranslation;
  }
}

/**
 * nestjs-i18n over the catalogs: zh-CN unless `?lang=` or Accept-Language asks for English. The
 * error filter applies the same rules itself (resolveLanguage): some errors are answered before
 * Nest's middleware runs. Also gives any module ERROR_CODE_LABELS (every code's labels).
 */
@Global()
@Module({
  imports: [
    I18nModule.forRoot({
      fallbackLanguage: DEFAULT_LANGUAGE,
      loader: ErrorCatalogLoader,
      loaderOptions: {},
      resolvers: [new QueryResolver(['lang']), AcceptLanguageResolver],
    }),
  ],
  providers: [{ provide: ERROR_CODE_LABELS, useFactory: errorCodeLabels }],
  exports: [ERROR_CODE_LABELS],
})
export class ErrorI18nModule {}

/** The error filter's translator over nestjs-i18n: undefined where the catalog has no text. */
export function errorTranslator(i18n: I18nService): ErrorTranslator {
  return (key, lang, args) => {
    const formatted = args
      ? Object.fromEntries(
          Object.entries(args).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]),
        )
      : undefined;
    const text: unknown = i18n.translate(key, { lang, args: formatted });
    return typeof text === 'string' && text !== key ? text : undefined;
  };
}
