import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official OCDS 1.1 schemas (draft-04), kept beside the repository in
 * `../shared/schemas/ocds-1.1` (the repository root is two levels above `libs/procurement`).
 * Unit and e2e tests import this TypeScript source through jest, so `__dirname` is this folder.
 */
export const OCDS_SCHEMA_DIR = resolve(__dirname, '../../../../../shared/schemas/ocds-1.1');

export interface OcdsValidation {
  valid: boolean;
  /** One readable line per schema violation: `<JSON pointer> <message> <params>`. */
  errors: string[];
}

export type OcdsPackageValidator = (data: unknown) => OcdsValidation;

const compiled = new Map<string, ValidateFunction>();

function readSchema(dir: string, file: string): { id?: string } & Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`;
}

/**
 * A validator for an OCDS release package: the package schema, with the release schema added
 * under its own id (the package schema refers to it by that absolute URL). Compiled once per
 * schema folder and process.
 */
export function ocdsPackageValidator(schemaDir: string = OCDS_SCHEMA_DIR): OcdsPackageValidator {
  let validate = compiled.get(schemaDir);
  if (!validate) {
    const packageSchema = readSchema(schemaDir, 'release-package-schema.json');
    const releaseSchema = readSchema(schemaDir, 'release-schema.json');
    if (!releaseSchema.id) throw new Error(`${schemaDir}/release-schema.json has no id`);
    // strict: false, as the OCDS schemas carry their own keywords (codelist, openCodelist,
    // deprecated objects, wholeListMerge, …).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv as unknown as Parameters<typeof addFormats>[0]);
    ajv.addSchema(releaseSchema, releaseSchema.id);
    validate = ajv.compile(packageSchema);
    compiled.set(schemaDir, validate);
  }
  const fn = validate;
  return (data: unknown) => {
    const valid = fn(data) as boolean;
    return { valid, errors: valid ? [] : (fn.errors ?? []).map(describe) };
  };
}
