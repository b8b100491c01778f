/**
 * What a bag's ZIP may hold, checked on the entry names alone before any content is trusted:
 * one bag directory and nothing beside it, no name twice, no two names that a file system
 * would take for one (Unicode normal forms, letter case, `\`, `.` and `..` segments), since
 * unzip may then extract a different file from the one that was verified.
 */
export interface ZipLayout {
  /** The bag's directory (`sillok-export-<id>/`), or null when there is no single one. */
  root: string | null;
  failures: string[];
}

export function checkZipLayout(names: string[]): ZipLayout {
  const failures: string[] = [];
  const tops = new Set(names.map((name) => name.split('/')[0]));
  const root = tops.size === 1 && names.every((name) => name.includes('/')) ? `${[...tops][0]}/` : null;
  if (!root)
    failures.push(`the ZIP must hold one bag directory and nothing else; it holds ${[...tops].sort().join(', ')}`);
  const seen = new Map<string, string>();
  for (const name of names) {
    if (
      /(^|[/\\])\.{1,2}([/\\]|$)/.test(name) ||
      name.startsWith('/') ||
      name.includes('\\') ||
      /^[A-Za-z]:/.test(name)
    )
      failures.push(`${name}: not a plain relative path`);
    const key = comparable(name);
    const earlier = seen.get(key);
    if (earlier === name) failures.push(`${name}: in the ZIP more than once`);
    else if (earlier !== undefined) failures.push(`${name}: names the same file as ${earlier} once extracted`);
    else seen.set(key, name);
  }
  return { root, failures };
}

/** The name as a case-insensitive, normalising file system sees it. */
function comparable(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/\/$/, '');
}
