// The app's long-lived objects, created once when the app starts. Tests and other entry points build
// their own with the same factories.
import { createApi } from '../shared/api/client.ts';
import { mergeCacheConfigs } from '../shared/api/cache-config.ts';
import { createAppI18n } from '../shared/i18n/i18n.ts';
import { createViewerStore } from '../shared/session/viewer.ts';
import { secondCache } from '../shared/concerns/second.ts';
import { votesCache } from '../shared/concerns/votes.ts';
import { concernCache } from '../features/concern/concern.cache.ts';
import { sessionCache } from '../features/session/session.cache.ts';
import { notificationsCache } from '../features/notifications/notifications.cache.ts';
import { loadViewer } from '../features/auth/load-viewer.ts';

export const i18n = createAppI18n();

/**
 * Each feature's Graphcache config, registered here by feature name, e.g.
 *   import { boardCache } from '../features/board/board.cache.ts';
 *   …mergeCacheConfigs({ board: boardCache })
 */
const cache = mergeCacheConfigs({ second: secondCache, votes: votesCache, concern: concernCache, session: sessionCache, notifications: notificationsCache });

export const viewerStore = createViewerStore(() => loadViewer(api.getClient()));

export const api = createApi({
  cache,
  onAuthChallenge: () => void viewerStore.refresh(),
  isSignedIn: () => viewerStore.getState().status === 'signedIn',
});
