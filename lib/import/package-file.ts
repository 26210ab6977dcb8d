import { MAX_PACKAGE_BYTES, readDeckPackage, type PackageRead } from '../deckfile/package';
import { megabytes } from './read';
import type { ImportIssue } from './types';

const isZip = (head: Uint8Array) => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/**
 * A chosen file as a deck package, or undefined when it is not one (not a zip, or a zip without
 * deck.json: the ordinary reader turns those away with its own words). Packages get their own
 * size limit (photos), checked before the file is read.
 */
export async function readPackageFile(file: Blob): Promise<Exclude<PackageRead, { kind: 'not-a-package' }> | { kind: 'invalid'; issues: ImportIssue[] } | undefined> {
  if (!isZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) return undefined;
  if (file.size > MAX_PACKAGE_BYTES) {
    // Too big to open and look for deck.json: said as a package's limit only if it is named like one.
    const name = (file as File).name ?? '';
    if (!/\.upfront-deck\.zip$/i.test(name)) return undefined;
    return { kind: 'invalid', issues: [{ code: 'tooBig', params: { size: megabytes(file.size), max: megabytes(MAX_PACKAGE_BYTES) } }] };
  }
  const read = readDeckPackage(new Uint8Array(await file.arrayBuffer()));
  return read.kind === 'not-a-package' ? undefined : read;
}
