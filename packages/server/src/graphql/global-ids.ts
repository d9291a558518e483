import { ValidationError } from '../errors.js';

/**
 * The database id inside a global id argument declared without `for` (used where the node type lives
 * in a module that has not landed yet), refusing an id of another type as bad input.
 */
export function idOfType(globalId: { typename: string; id: string }, typename: string, path: string[]): number {
  const id = Number(globalId.id);
  if (globalId.typename !== typename || !Number.isSafeInteger(id)) throw ValidationError.field(path, `Not a ${typename} id`, 'INVALID_ID');
  return id;
}
