import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import {
  BAG_INFO,
  BAGIT,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  payloadOxum,
  PUBLIC_KEY,
  SIGNATURE,
  TAG_MANIFEST,
  type ManifestLine,
} from '../bag/bag-files.js';
import { digestZipEntries, type ZipEntryDigest } from './zip-entries.js';
import { checkZipLayout } from './zip-layout.js';

export interface BagVerification {
  ok: boolean;
  /** The bag's directory inside the ZIP. */
  root: string | null;
  bagInfo: Record<string, string>;
  payloadFiles: number;
  /** One line per problem: `<path>: <what is wrong>`. */
  failures: string[];
  warnings: string[];
}

export interface VerifyOptions {
  /** PEM of the key the sender published; without it the key inside the bag is used, with a warning. */
  publicKeyPem?: string;
  onProgress?: (bytes: number) => void;
}

/**
 * Checks a bag in a ZIP completely, offline and without a database: every manifest and tag
 * manifest hash, files missing from or unlisted in the manifest, Payload-Oxum, and the
 * Ed25519 signature of the tag manifest. Strict: anything in the ZIP that the signature does
 * not cover (an entry outside the one bag directory, a name twice or two names for one file,
 * a file in no manifest) is a failure, since a reader could be shown it instead of what was
 * verified. Every failure is reported, not only the first.
 */
export async function verifyBagZip(file: string, options: VerifyOptions = {}): Promise<BagVerification> {
  const failures: string[] = [];
  const warnings: string[] = [];
  let entries: ZipEntryDigest[];
  try {
    entries = await digestZipEntries(file, (path) => !path.includes('/data/'), options.onProgress);
  } catch (error) {
    return result({
      root: null,
      bagInfo: {},
      payloadFiles: 0,
      failures: [`${file}: not a readable ZIP (${(error as Error).message})`],
      warnings,
    });
  }
  const layout = checkZipLayout(entries.map((e) => e.path));
  failures.push(...layout.failures);
  const bagitEntry = entries
    .filter((e) => e.path === BAGIT || e.path.endsWith(`/${BAGIT}`))
    .sort((a, b) => a.path.length - b.path.length)[0];
  if (!bagitEntry)
    return result({
      root: null,
      bagInfo: {},
      payloadFiles: 0,
      failures: [...failures, `${BAGIT}: missing (not a bag)`],
      warnings,
    });
  const root = layout.root ?? bagitEntry.path.slice(0, -BAGIT.length);
  const files = new Map(
    entries.filter((e) => !e.directory && e.path.startsWith(root)).map((e) => [e.path.slice(root.length), e] as const),
  );
  const text = (name: string) => files.get(name)?.content?.toString('utf8');

  const manifest = readManifest(MANIFEST, text(MANIFEST), failures);
  const tagManifest = readManifest(TAG_MANIFEST, text(TAG_MANIFEST), failures);
  checkLines(manifest, files, failures);
  checkLines(tagManifest, files, failures);
  const listed = new Set(manifest.map((line) => line.path));
  for (const [path] of files) {
    if (path.startsWith('data/') && !listed.has(path)) failures.push(`${path}: in the payload but not in ${MANIFEST}`);
  }
  const tagListed = new Set([...tagManifest.map((line) => line.path), TAG_MANIFEST, SIGNATURE]);
  for (const [path] of files) {
    if (!path.startsWith('data/') && !tagListed.has(path)) failures.push(`${path}: a tag file not in ${TAG_MANIFEST}`);
  }
  for (const name of [BAGIT, BAG_INFO, MANIFEST]) {
    if (files.has(name) && !tagManifest.some((line) => line.path === name))
      failures.push(`${name}: not covered by ${TAG_MANIFEST}`);
  }

  const bagInfo = Object.fromEntries(parseBagInfo(text(BAG_INFO) ?? ''));
  if (!files.has(BAG_INFO)) failures.push(`${BAG_INFO}: missing`);
  const payload = [...files].filter(([path]) => path.startsWith('data/')).map(([, entry]) => entry);
  const oxum = payloadOxum(
    payload.reduce((sum, entry) => sum + entry.size, 0),
    payload.length,
  );
  if (!bagInfo['Payload-Oxum']) failures.push(`${BAG_INFO}: no Payload-Oxum`);
  else if (bagInfo['Payload-Oxum'] !== oxum)
    failures.push(`${BAG_INFO}: Payload-Oxum says ${bagInfo['Payload-Oxum']}, the payload is ${oxum}`);

  checkSignature(files, options.publicKeyPem, failures, warnings);
  return result({ root: root.replace(/\/$/, ''), bagInfo, payloadFiles: payload.length, failures, warnings });
}

function readManifest(name: string, content: string | undefined, failures: string[]): ManifestLine[] {
  if (content === undefined) {
    failures.push(`${name}: missing`);
    return [];
  }
  try {
    return parseManifest(content);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
    return [];
  }
}

function checkLines(lines: ManifestLine[], files: Map<string, ZipEntryDigest>, failures: string[]): void {
  for (const line of lines) {
    const entry = files.get(line.path);
    if (!entry) failures.push(`${line.path}: listed in the manifest but missing`);
    else if (entry.sha256 !== line.sha256)
      failures.push(`${line.path}: SHA-256 is ${entry.sha256}, the manifest says ${line.sha256}`);
  }
}

function checkSignature(
  files: Map<string, ZipEntryDigest>,
  givenPem: string | undefined,
  failures: string[],
  warnings: string[],
): void {
  const tagManifest = files.get(TAG_MANIFEST)?.content;
  const signature = files.get(SIGNATURE)?.content;
  if (!signature) {
    failures.push(`${SIGNATURE}: missing`);
    return;
  }
  let key: KeyObject;
  try {
    const pem = givenPem ?? files.get(PUBLIC_KEY)?.content?.toString('utf8');
    if (!pem) {
      failures.push(`${PUBLIC_KEY}: missing, and no public key was given`);
      return;
    }
    key = createPublicKey(pem);
  } catch {
    failures.push(`${givenPem ? 'the given public key' : PUBLIC_KEY}: not a PEM public key`);
    return;
  }
  if (!givenPem)
    warnings.push(
      `the signature was checked with the key shipped inside the bag: this shows the bag is unchanged since it was signed, not who signed it; pass the sender's published key to check that`,
    );
  if (!tagManifest) return;
  if (!verifySignature(null, tagManifest, key, signature))
    failures.push(`${SIGNATURE}: the Ed25519 signature of ${TAG_MANIFEST} does not verify with this key`);
}

/** The verdict follows from the failures. */
function result({ root, bagInfo, payloadFiles, failures, warnings }: Omit<BagVerification, 'ok'>): BagVerification {
  return { ok: failures.length === 0, root, bagInfo, payloadFiles, failures, warnings };
}
