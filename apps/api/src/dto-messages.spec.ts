import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * Every request DTO of the API is born bilingual: a validation decorator whose message is Chinese carries its English
 * in `context.en` (`say(zh, en)` from @qj/http), so a client asking for English reads English field messages. Loads
 * every source file of the API that declares validation (DTOs anywhere under src, new folders included) and reads
 * class-validator's metadata.
 */
const SRC = __dirname;
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const declaresValidation = (path: string) => /from 'class-validator'|IsCalendarDate\(/.test(readFileSync(path, 'utf8'));

/** The text a constraint reports when it has no message of its own (a custom validator's default may be Chinese). */
function messageOf(metadata: ValidationMetadata): string {
  const args: ValidationArguments = { property: metadata.propertyName, value: undefined, constraints: metadata.constraints, targetName: '', object: {} };
  if (typeof metadata.message === 'function') return metadata.message(args);
  if (metadata.message) return metadata.message;
  const [constraint] = metadata.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls) : [];
  const instance = constraint?.instance as { defaultMessage?: (args: ValidationArguments) => string } | undefined;
  return instance?.defaultMessage?.(args) ?? '';
}

function constraintName(metadata: ValidationMetadata): string {
  const [constraint] = metadata.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls) : [];
  return `@${constraint?.name ?? metadata.name ?? metadata.type}`;
}

describe('DTO field messages', () => {
  let metadatas: ValidationMetadata[];

  beforeAll(async () => {
    for (const path of sources(SRC).filter(declaresValidation)) await import(path);
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
    metadatas = [...storage.validationMetadatas.values()].flat();
  });

  it('finds the DTOs (the scan reads what it should)', () => {
    const targets = new Set(metadatas.map((metadata) => (metadata.target as { name: string }).name));
    for (const dto of ['UpdateMilestoneDto', 'CreateUserDto', 'ListProjectsQueryDto', 'EvidenceDto', 'RollupHistoryQueryDto']) expect(targets).toContain(dto);
  });

  it('gives every Chinese message its English (say(zh, en) in the decorator)', () => {
    const offending = metadatas
      .filter((metadata) => {
        const context = metadata.context as { en?: unknown } | undefined;
        // A message that depends on the value (an amount's) gives its English as a function of property and value.
        const en = typeof context?.en === 'function' ? (context.en as (property: string, value: unknown) => unknown)(metadata.propertyName, 'x') : context?.en;
        return CHINESE.test(messageOf(metadata)) && (typeof en !== 'string' || CHINESE.test(en));
      })
      .map((metadata) => `${(metadata.target as { name: string }).name}.${metadata.propertyName} ${constraintName(metadata)}: "${messageOf(metadata)}"`);
    if (offending.length) {
      throw new Error(
        `${offending.length} validation decorator(s) in ${relative(process.cwd(), SRC)} have a Chinese message and no English; ` +
          `write each as say('中文', 'English') from @qj/http:\n  ${offending.join('\n  ')}`,
      );
    }
  });
});
