/**
 * The text files of a BagIt 1.0 bag (RFC 8493), written by the exporter and read back by
 * the offline verifier: one definition of each format serves both.
 */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const SIGNATURE = 'tagmanifest-sha256.txt.sig';
export const PUBLIC_KEY = 'export-signing-key.pem';
export const BAG_INFO = 'bag-info.txt';
export const BAGIT = 'bagit.txt';
export const VERIFY = 'VERIFY.txt';

export interface ManifestLine {
  sha256: string;
  path: string;
}

/** `<sha256>  <path>` lines: the BagIt manifest form, which is also what `sha256sum -c` reads. */
export function formatManifest(lines: ManifestLine[]): string {
  return lines.map((line) => `${line.sha256}  ${encodeManifestPath(line.path)}\n`).join('');
}

export function parseManifest(text: string): ManifestLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line.replace(/\r$/, ''));
      if (!match) throw new Error(`not a manifest line: ${line.slice(0, 80)}`);
      return { sha256: match[1].toLowerCase(), path: decodeManifestPath(match[2]) };
    });
}

/** RFC 8493 2.1.3: CR, LF and % in a path are percent-encoded. */
function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** `Label: value` lines; values are kept on one line (line breaks in a value become spaces). */
export function formatBagInfo(fields: Array<[string, string]>): string {
  return fields.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ').trim()}\n`).join('');
}

export function parseBagInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\n')) {
    if (/^[ \t]/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
    else {
      const at = line.indexOf(':');
      if (at <= 0) continue;
      last = line.slice(0, at).trim();
      fields.set(last, line.slice(at + 1).trim());
    }
  }
  return fields;
}

/** `<octets>.<streams>` of the payload (RFC 8493 2.2.2). */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** The one command that lists what is in the bag but in no manifest, or listed but absent (prints nothing when complete). */
export const COMPLETENESS_COMMAND =
  `diff <( (cut -c67- ${MANIFEST}; cut -c67- ${TAG_MANIFEST}; printf '%s\\n' ${TAG_MANIFEST} ${SIGNATURE}) | sort) ` +
  `<(find . -type f -printf '%P\\n' | sort) && echo COMPLETE`;

/**
 * How to check the bag without Sillok, shipped inside it. The key inside the bag proves
 * nothing about who signed (anyone can re-sign a changed bag with a key of their own), so the
 * reader is sent to the publisher's key, recognised by its fingerprint.
 */
export function verifyInstructions(publicKeyFingerprint: string): string {
  return [
    'This is a BagIt 1.0 bag (RFC 8493) made by Sillok. To check it without Sillok (bash, coreutils, unzip, openssl):',
    '',
    '1. Before unzipping: the ZIP holds one directory and no name twice. The first command must print one',
    '   line (the bag directory), the second nothing:',
    '',
    '   unzip -Z1 bundle.zip | cut -d/ -f1 | sort -u',
    '   unzip -Z1 bundle.zip | sort | uniq -d',
    '',
    '2. In the bag directory: nothing is missing and nothing was added. This prints COMPLETE, and nothing else:',
    '',
    `   ${COMPLETENESS_COMMAND}`,
    '',
    `   and the payload's bytes and files must equal Payload-Oxum in ${BAG_INFO}:`,
    '',
    `   echo "$(find data -type f -exec cat {} + | wc -c).$(find data -type f | wc -l)"; grep Payload-Oxum ${BAG_INFO}`,
    '',
    '3. Every payload file against the manifest, and every tag file against the tag manifest:',
    '',
    `   sha256sum -c ${MANIFEST}`,
    `   sha256sum -c ${TAG_MANIFEST}`,
    '',
    `4. The Ed25519 signature of the tag manifest (${SIGNATURE}, raw 64 bytes), with the PUBLISHER'S key.`,
    `   Do not use ${PUBLIC_KEY} from this bag: whoever changed the bag can re-sign it with a key of`,
    '   their own. Obtain the export public key from the publisher by another channel (their website,',
    '   in person; they print it with `sillok export:public-key`), save it as publisher.pem, and check',
    '   that its fingerprint is the one the bag was signed with:',
    '',
    `   openssl pkey -pubin -in publisher.pem -outform DER | sha256sum     # must print ${publicKeyFingerprint}`,
    `   openssl pkeyutl -verify -pubin -inkey publisher.pem -rawin -in ${TAG_MANIFEST} -sigfile ${SIGNATURE}`,
    '',
    'With Sillok (all of the above): sillok verify bundle.zip --public-key publisher.pem',
    '',
  ].join('\n');
}
