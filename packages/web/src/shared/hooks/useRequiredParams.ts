import { useParams } from 'react-router';

/**
 * Route parameters that the route pattern guarantees, typed as strings. Throws (caught by the route's
 * error page) if a page is mounted on a route without them, which is a programming mistake.
 *
 *   const { slug, concernId } = useRequiredParams('slug', 'concernId');
 */
export function useRequiredParams<Name extends string>(...names: Name[]): Record<Name, string> {
  const params = useParams();
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const value = params[name];
    if (value === undefined) throw new Error(`Route parameter "${name}" is missing: check src/app/routes.tsx.`);
    values[name] = value;
  }
  return values;
}
