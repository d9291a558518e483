// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec), sent
// through yoga.fetch like any other test request: the way photos reach the server from a browser.
import { callerHeaders, type Caller, type GraphQLResult, type TestApp } from './harness.js';

export interface Upload {
  /** Where the file goes in the variables, e.g. "variables.input.photos.0". That spot must hold null. */
  path: string;
  file: File;
}

export async function gqlMultipart<T = Record<string, unknown>>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  uploads: Upload[],
  as?: Caller,
): Promise<GraphQLResult<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify(Object.fromEntries(uploads.map((upload, i) => [String(i), [upload.path]]))));
  uploads.forEach((upload, i) => form.append(String(i), upload.file));
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', body: form, headers: callerHeaders(as) });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status' | 'headers'>;
  return { ...body, status: response.status, headers: response.headers };
}

// Small files whose first bytes say what they are, as a phone's camera would write them.
const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const jpegHeader = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

function padded(head: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(size, head.length));
  bytes.set(head);
  return bytes;
}

export const photoFiles = {
  png: (name = 'photo.png', size = 0) => new File([padded(pngBytes, size)], name, { type: 'image/png' }),
  jpeg: (name = 'photo.jpg', size = 0) => new File([padded(Uint8Array.from([...jpegHeader, 0xff, 0xd9]), size)], name, { type: 'image/jpeg' }),
  /** Not an image, whatever its name and declared type claim. */
  fakeJpeg: (name = 'photo.jpg') => new File(['<html><script>alert(1)</script></html>'], name, { type: 'image/jpeg' }),
};
