import { registerConstraintParameters } from '@onedoor/platform';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { idNumberProblem } from '../id-number.util';

const MESSAGES = {
  format: 'must be 17 digits and a check digit (0-9 or X)',
  birth_date: 'has an impossible birth date',
  check_digit: 'has a wrong check digit (GB 11643)',
};

// The field error says which of the three problems it is, for its zh-CN sentence.
registerConstraintParameters('isIdNumber', (value) => ({
  problem: (typeof value === 'string' && idNumberProblem(value)) || 'format',
}));

/** 18-character mainland identity number with its check digit; the message says what is wrong. */
export function IsIdNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIdNumber',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && idNumberProblem(value) === null,
        defaultMessage: (args) => {
          const problem = typeof args?.value === 'string' ? idNumberProblem(args.value) : 'format';
          return `${args?.property} ${MESSAGES[problem ?? 'format']}`;
        },
      },
    });
}
