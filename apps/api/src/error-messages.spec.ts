import { Test } from '@nestjs/testing';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { I18nService } from 'nestjs-i18n';
// Every lib's DTOs register their validation metadata as their modules load.
import '@onedoor/accounts';
import '@onedoor/households';
import '@onedoor/matching';
import '@onedoor/notifications';
import '@onedoor/procurement';
import '@onedoor/casework';
import '@onedoor/ledger';
import '@onedoor/relief';
import '@onedoor/reporting';
import '@onedoor/resources';
import { constraintTemplate, ERROR_CODE_LABELS, LANGUAGES } from '@onedoor/platform';
import { ErrorI18nModule, errorTranslator } from './error-i18n';
import { CONSTRAINT_MESSAGES, ERROR_MESSAGES, errorCodeLabels } from './error-messages';
import { ERROR_STATUS } from './error-status';

describe(errorCodeLabels.name, () => {
  const labels = errorCodeLabels();

  it('labels exactly the codes of ERROR_STATUS', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  it.each(Object.keys(ERROR_STATUS))('gives %s a zh-CN and an en text', (code) => {
    const text = labels[code as keyof typeof labels];
    for (const lang of LANGUAGES) expect(text[lang]?.trim()).toBeTruthy();
    // zh-CN really is Chinese, and en has none.
    expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('holds no text for a code the API does not answer', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });
});

describe('CONSTRAINT_MESSAGES', () => {
  // The storage keeps every class's metadata in a map it does not expose in its types.
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, ValidationMetadata[]>;
  };
  const used = new Set<string>();
  for (const metadatas of storage.validationMetadatas.values()) {
    // @IsOptional and @ValidateIf only decide whether the others run: they never fail.
    for (const m of metadatas.filter((m) => m.type !== 'conditionalValidation')) {
      const name = getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0]?.name;
      if (name ?? m.name) used.add((name ?? m.name)!);
    }
  }

  it('finds the DTOs’ constraints (the lookup itself works)', () => {
    expect([...used]).toEqual(expect.arrayContaining(['isLength', 'isIdNumber', 'isUscc']));
  });

  it('has a zh-CN template for every constraint a DTO uses', () => {
    const missing = [...used].filter((name) => !(name in CONSTRAINT_MESSAGES));
    expect(missing).toEqual([]);
  });

  it('has a sentence for each variant of a split template', () => {
    for (const text of Object.values(CONSTRAINT_MESSAGES)) {
      expect(constraintTemplate(text, {})).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe(errorTranslator.name, () => {
  let translate: ReturnType<typeof errorTranslator>;
  let labels: unknown;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ErrorI18nModule] }).compile();
    await moduleRef.init();
    translate = errorTranslator(moduleRef.get(I18nService));
    labels = moduleRef.get(ERROR_CODE_LABELS);
  });

  it('provides every code’s labels to any module under ERROR_CODE_LABELS', () => {
    expect(labels).toEqual(errorCodeLabels());
  });

  it('reads the catalogs through nestjs-i18n, in both languages', () => {
    expect(translate('errors.HOUSEHOLD_NOT_FOUND', 'zh-CN')).toBe('未找到该家庭');
    expect(translate('errors.HOUSEHOLD_NOT_FOUND', 'en')).toBe('Household not found');
  });

  it('fills placeholders, an array as a Chinese enumeration', () => {
    expect(translate('errors.STALE_VERSION', 'zh-CN', { currentVersion: 4 })).toContain(
      '当前版本 4',
    );
    expect(translate('constraints.isIn', 'zh-CN', { values: ['a', 'b'] })).toBe(
      '应为以下值之一：a、b',
    );
  });

  it('reads a variant of a split template, and nothing for an unknown key', () => {
    expect(translate('constraints.isIdNumber.check_digit', 'zh-CN')).toBe('身份证号校验位不正确');
    expect(translate('constraints.isIdNumber', 'zh-CN')).toBeUndefined();
    expect(translate('constraints.noSuchRule', 'zh-CN')).toBeUndefined();
  });
});
