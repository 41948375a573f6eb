import { registerConstraintParameters } from '@onedoor/platform';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { usccProblem } from '../uscc.util';

const MESSAGES = {
  length: 'must be 18 characters',
  characters:
    'must use digits and capitals without I, O, Z, S, V, with a 6-digit division code at positions 3–8',
  check_character: 'has a wrong check character (GB 32100-2015)',
};

// The field error says which of the three problems it is, for its zh-CN sentence.
registerConstraintParameters('isUscc', (value) => ({
  problem: (typeof value === 'string' && usccProblem(value)) || 'length',
}));

/** 统一社会信用代码 with its check character; the message says what is wrong. */
export function IsUscc(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && usccProblem(value) === null,
        defaultMessage: (args) => {
          const value = args?.value;
          const problem = typeof value === 'string' ? usccProblem(value) : 'length';
          return `${args?.property} ${MESSAGES[problem ?? 'length']}`;
        },
      },
    });
}
