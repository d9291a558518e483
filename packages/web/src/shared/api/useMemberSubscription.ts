import { useSubscription, type AnyVariables, type SubscriptionHandler, type UseSubscriptionArgs, type UseSubscriptionResponse } from 'urql';
import { useViewer } from '../session/viewer.ts';

/**
 * urql's useSubscription, held until someone is signed in. The server refuses anonymous subscriptions
 * (docs/api.md), so a visitor reads a public board or room by query alone and sees no error for it.
 */
export function useMemberSubscription<Data = unknown, Result = Data, Variables extends AnyVariables = AnyVariables>(
  args: UseSubscriptionArgs<Variables, Data>,
  handler?: SubscriptionHandler<Data, Result>,
): UseSubscriptionResponse<Result, Variables> {
  const signedIn = useViewer().status === 'signedIn';
  return useSubscription<Data, Result, Variables>({ ...args, pause: Boolean(args.pause) || !signedIn }, handler);
}
