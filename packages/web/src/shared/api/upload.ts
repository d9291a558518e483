// Mutations with files, sent as a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec)
// over XMLHttpRequest, because fetch cannot report upload progress and a resident on a weak phone
// connection needs to see that a 5 MB photo is on its way.
//
// Everything else goes through urql. A multipart answer is not in Graphcache; screens that show the
// new object fetch it (queries are cache-and-network).
import { CombinedError, stringifyDocument } from '@urql/core';
import type { TadaDocumentNode } from 'gql.tada';
import { CSRF_HEADER, GRAPHQL_PATH } from './client.ts';

export interface MultipartBody {
  /** The operation, with every file replaced by null. */
  operations: { query: string; variables: unknown };
  /** Part name → the places in `operations` where that file goes. */
  map: Record<string, string[]>;
  files: File[];
}

/** Finds the files in `variables`; the rest of the value is copied unchanged. */
export function multipartBody(query: string, variables: unknown): MultipartBody {
  const files: File[] = [];
  const map: Record<string, string[]> = {};
  const walk = (value: unknown, path: string): unknown => {
    if (typeof File !== 'undefined' && value instanceof File) {
      map[String(files.length)] = [path];
      files.push(value);
      return null;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}.${index}`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, `${path}.${key}`)]));
    }
    return value;
  };
  return { operations: { query, variables: walk(variables, 'variables') }, map, files };
}

export interface UploadResult<Data> {
  data?: Data;
  error?: CombinedError;
}

export interface UploadOptions {
  /** Called with 0…1 as the request body goes out. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function sendMultipart<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  options: UploadOptions = {},
): Promise<UploadResult<Data>> {
  const body = multipartBody(stringifyDocument(document), variables);
  const form = new FormData();
  form.append('operations', JSON.stringify(body.operations));
  form.append('map', JSON.stringify(body.map));
  body.files.forEach((file, index) => form.append(String(index), file, file.name));

  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', GRAPHQL_PATH);
    for (const [name, value] of Object.entries(CSRF_HEADER)) request.setRequestHeader(name, value);
    request.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    const fail = (networkError: Error) => resolve({ error: new CombinedError({ networkError }) });
    request.onerror = () => fail(new Error('Network error'));
    request.onabort = () => fail(new Error('Aborted'));
    request.onload = () => {
      options.onProgress?.(1);
      let payload: { data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null = null;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = null;
      }
      const response = { status: request.status } as Response;
      if (!payload) return resolve({ error: new CombinedError({ networkError: new Error(`HTTP ${request.status}`), response }) });
      resolve({
        data: payload.data ?? undefined,
        error: payload.errors?.length ? new CombinedError({ graphQLErrors: payload.errors, response }) : undefined,
      });
    };
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}
