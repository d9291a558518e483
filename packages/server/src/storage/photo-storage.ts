import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { AppDeps } from '../context.js';
import { ValidationError, type FieldIssue } from '../errors.js';

/** Where photo bytes live. Disk on one machine; an object store could stand behind the same four calls. */
export interface PhotoStorage {
  put(bytes: Uint8Array, mimeType: string): Promise<string>;
  read(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
}

export const acceptedPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface CheckedPhoto {
  bytes: Uint8Array;
  mimeType: (typeof acceptedPhotoTypes)[number];
}

/**
 * Reads an uploaded file and checks its size and its real type from its first bytes, whatever the
 * browser claimed. `field` names the input in the validation error.
 */
export async function checkPhoto(file: File, maxBytes: number, field: string[]): Promise<CheckedPhoto> {
  if (file.size > maxBytes) {
    throw new ValidationError([
      { path: field, message: `Photo is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`, code: 'FILE_TOO_LARGE', limit: maxBytes },
    ]);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = await fileTypeFromBuffer(bytes);
  const mimeType = acceptedPhotoTypes.find((type) => type === sniffed?.mime);
  if (!mimeType) throw ValidationError.field(field, 'Photo must be a JPEG, PNG or WebP image', 'FILE_TYPE');
  return { bytes, mimeType };
}

const keyPattern = /^[a-f0-9]{32}\.(jpg|png|webp)$/;
const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export class DiskPhotoStorage implements PhotoStorage {
  constructor(private readonly dir: string) {}

  async put(bytes: Uint8Array, mimeType: string): Promise<string> {
    // Random keys: a photo's address cannot be guessed from another's.
    const key = `${randomBytes(16).toString('hex')}.${extensionOf[mimeType] ?? 'bin'}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(path.join(this.dir, key), bytes);
    return key;
  }

  async read(key: string): Promise<Uint8Array | null> {
    if (!keyPattern.test(key)) return null;
    try {
      return await readFile(path.join(this.dir, key));
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    if (keyPattern.test(key)) await rm(path.join(this.dir, key), { force: true });
  }
}

/**
 * Spends the uploader's budget for each file and checks every photo, collecting the issues of all of
 * them, so a form hears about each bad photo at once. `path` names the list, e.g. ["input", "photos"].
 */
export async function checkPhotos(
  ctx: Pick<AppDeps, 'rateLimits' | 'config'>,
  uploaderId: number,
  files: readonly File[],
  path: string[],
): Promise<{ photos: CheckedPhoto[]; issues: FieldIssue[] }> {
  for (let i = 0; i < files.length; i++) await ctx.rateLimits.consume('uploadPerUser', String(uploaderId));
  const photos: CheckedPhoto[] = [];
  const issues: FieldIssue[] = [];
  for (const [index, file] of files.entries()) {
    try {
      photos.push(await checkPhoto(file, ctx.config.MAX_UPLOAD_BYTES, [...path, String(index)]));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  return { photos, issues };
}
