import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { generatedPassword, UsersService } from '@onedoor/accounts';
import { AreasRepository } from '@onedoor/areas';
import {
  DomainError,
  EVALUATOR_TYPES,
  type EvaluatorType,
  ROLES,
  type Role,
} from '@onedoor/platform';
import { UserCreateModule } from './user-create.module';

const USAGE = `usage: npm run user:create -- --username <name> --role <${ROLES.join('|')}>
       [--area <area code or id>] [--display-name <name>] [--evaluator-type <type>]
       [--password-stdin]
Prints a generated password once, or reads one from standard input with --password-stdin.`;

/**
 * `npm run user:create`: makes a user on the configured database, e.g. the first admin of a
 * real deployment (the API has no account yet to create one with). Exit 2 on bad arguments,
 * 1 when refused (weak password, taken username, unknown area).
 */
async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        area: { type: 'string' },
        'display-name': { type: 'string' },
        'evaluator-type': { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const username = values.username as string | undefined;
  const role = values.role as Role | undefined;
  const evaluatorType = values['evaluator-type'] as EvaluatorType | undefined;
  if (!username || !role || !ROLES.includes(role)) {
    console.error(USAGE);
    return 2;
  }
  if (evaluatorType && !EVALUATOR_TYPES.includes(evaluatorType)) {
    console.error(`--evaluator-type must be one of ${EVALUATOR_TYPES.join(', ')}`);
    return 2;
  }
  const password = values['password-stdin'] ? await readStdin() : generatedPassword();

  const app = await NestFactory.createApplicationContext(UserCreateModule.forRoot(), {
    logger: ['error', 'warn'],
  });
  try {
    let areaId: string | null = null;
    const area = values.area as string | undefined;
    if (area) {
      const areas = app.get(AreasRepository);
      const found = /^[0-9a-f-]{36}$/i.test(area)
        ? await areas.findById(area)
        : await areas.findByCode(area);
      if (!found) {
        console.error(`No area with code or id ${area}`);
        return 1;
      }
      areaId = found.id;
    }
    const id = await app.get(UsersService).createWithPassword(
      {
        username,
        displayName: (values['display-name'] as string | undefined) ?? username,
        role,
        areaId,
        providerId: null,
        isOrgAdmin: false,
        evaluatorType: evaluatorType ?? null,
      },
      password,
    );
    console.log(`Created ${role} ${username} (${id}).`);
    if (!values['password-stdin']) {
      console.log(`Password (shown once, keep it safe): ${password}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
      console.error(`Refused: ${error.code}: ${error.message}${details}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

/** The password from standard input, without its final newline. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
