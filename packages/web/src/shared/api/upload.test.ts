import { describe, expect, it } from 'vitest';
import { multipartBody } from './upload.ts';

describe('multipartBody', () => {
  it('takes files out of the variables and maps each to its place', () => {
    const first = new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg' });
    const second = new File([new Uint8Array([4])], 'b.png', { type: 'image/png' });
    const body = multipartBody('mutation M($input: ReportConcernInput!) { x }', {
      input: { title: '楼道灯坏了', photos: [first, second], reporterPublic: false, groupId: null },
    });
    expect(body.operations.variables).toEqual({ input: { title: '楼道灯坏了', photos: [null, null], reporterPublic: false, groupId: null } });
    expect(body.map).toEqual({ '0': ['variables.input.photos.0'], '1': ['variables.input.photos.1'] });
    expect(body.files).toEqual([first, second]);
  });

  it('leaves a request without files as it is', () => {
    const body = multipartBody('query Q { x }', { slug: 'xinhua-lane' });
    expect(body).toEqual({ operations: { query: 'query Q { x }', variables: { slug: 'xinhua-lane' } }, map: {}, files: [] });
  });
});
