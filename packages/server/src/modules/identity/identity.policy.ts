import type { Viewer } from '../../context.js';
import { ForbiddenError } from '../../errors.js';

export type UserViewer = Extract<Viewer, { kind: 'user' }>;

/** Narrows to a signed-in user, or refuses with a typed error that the client turns into "please sign in". */
export function requireUser(viewer: Viewer): UserViewer {
  if (viewer.kind !== 'user') throw new ForbiddenError('SIGN_IN_REQUIRED', 'Please sign in first');
  return viewer;
}

export const isSelf = (viewer: Viewer, userId: number) => viewer.kind === 'user' && viewer.userId === userId;
