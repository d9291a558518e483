// Relay global ids, as the server makes them: base64 of "Type:id". Only for the few places where the
// API hands out a raw database id inside JSON (timeline data, notification params); everywhere else
// ids come from the API already global.
export function toGlobalId(typename: string, id: string | number): string {
  return btoa(`${typename}:${id}`);
}

/** The type and raw id inside a global id, or null if it is not one. */
export function fromGlobalId(globalId: string): { typename: string; id: string } | null {
  try {
    const [typename, ...rest] = atob(globalId).split(':');
    return typename && rest.length ? { typename, id: rest.join(':') } : null;
  } catch {
    return null;
  }
}
