import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Where FilesystemObjectStore keeps a key: `<root>/<yyyy>/<mm>/<first two hex>/<uuid>`. */
export function finalPath(root: string, key: string): string {
  const [, year, month, id] = key.split('/');
  return join(root, year, month, id.slice(0, 2), id);
}

/** Everything in a key's directory that belongs to the key but is not the object (temp files). */
export async function filesystemLeftovers(root: string, key: string): Promise<string[]> {
  const [, year, month, id] = key.split('/');
  const names = await readdir(join(root, year, month, id.slice(0, 2))).catch(() => [] as string[]);
  return names.filter((name) => name !== id && name.includes(id));
}
