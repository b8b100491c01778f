import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

let installed = false;

/**
 * class-validator looks up the rules of a class on every object it validates, and each lookup
 * tests the class against every class that has rules (`instanceof`, hundreds of DTOs here): for a
 * testimony with five nested tags, a third of the validation pipe's CPU. The rules are fixed
 * once the decorators have run, so each answer is kept; rules added later (a class defined after
 * boot) drop what was kept. Same answers, computed once.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let kept = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    kept = new Map();
    add(metadata);
  };
  // class-validator's own signature (five positional parameters), taken whole.
  storage.getTargetValidationMetadatas = (...args: Parameters<Storage['getTargetValidationMetadatas']>) => {
    const [target, schema, always, strictGroups, groups] = args;
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(key);
    if (!metadatas) byOptions.set(key, (metadatas = lookup(...args)));
    return metadatas;
  };
}
