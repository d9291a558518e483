import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AccountMenu } from '../features/auth/AccountMenu.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import type { Namespace } from '../shared/i18n/catalogue.ts';
import { preloadNamespaces } from '../shared/i18n/i18n.ts';
import { routePatterns } from '../shared/routing/paths.ts';
import { AppShell } from './AppShell.tsx';
import { CommunityLayout } from './CommunityLayout.tsx';
import { i18n } from './instances.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/**
 * A page loaded on first visit: its code and its translations are fetched together, so it appears
 * whole. Each becomes its own chunk; nothing a page imports weighs on the first load of another.
 */
function lazyPage<Module extends Record<string, unknown>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  exportName: Name,
  namespaces: readonly Namespace[],
) {
  const Page = lazy(async () => {
    const [module] = await Promise.all([load(), preloadNamespaces(i18n, namespaces)]);
    return { default: module[exportName] as ComponentType };
  });
  return <Page />;
}

export const router = createBrowserRouter([
  {
    element: <AppShell NotificationBell={NotificationBell} AccountMenu={AccountMenu} />,
    children: [
      {
        // Inside the shell, so the header (and the way home) stays when a page fails.
        errorElement: <RouteErrorPage />,
        children: [
          {
            path: routePatterns.communities,
            element: lazyPage(() => import('../features/communities/CommunityChooserPage.tsx'), 'CommunityChooserPage', ['communities']),
          },
          {
            path: routePatterns.board,
            element: <CommunityLayout />,
            children: [
              { index: true, element: lazyPage(() => import('../features/board/BoardPage.tsx'), 'BoardPage', ['board']) },
              {
                path: routePatterns.reportConcern,
                element: lazyPage(() => import('../features/board/ReportConcernPage.tsx'), 'ReportConcernPage', ['board']),
              },
              {
                path: routePatterns.concern,
                element: lazyPage(() => import('../features/concern/ConcernPage.tsx'), 'ConcernPage', ['concern']),
              },
              {
                path: routePatterns.sessions,
                element: lazyPage(() => import('../features/session/SessionsPage.tsx'), 'SessionsPage', ['session']),
              },
              {
                path: routePatterns.session,
                element: lazyPage(() => import('../features/session/SessionPage.tsx'), 'SessionPage', ['session']),
              },
              {
                path: routePatterns.actions,
                element: lazyPage(() => import('../features/actions/ActionsPage.tsx'), 'ActionsPage', ['actions']),
              },
              {
                path: routePatterns.action,
                element: lazyPage(() => import('../features/actions/ActionPage.tsx'), 'ActionPage', ['actions']),
              },
              { path: routePatterns.rules, element: lazyPage(() => import('../features/rules/RulesPage.tsx'), 'RulesPage', ['rules']) },
              { path: routePatterns.rule, element: lazyPage(() => import('../features/rules/RulePage.tsx'), 'RulePage', ['rules']) },
              {
                path: routePatterns.figures,
                element: lazyPage(() => import('../features/figures/FiguresPage.tsx'), 'FiguresPage', ['figures']),
              },
              { path: routePatterns.admin, element: lazyPage(() => import('../features/admin/AdminPage.tsx'), 'AdminPage', ['admin']) },
            ],
          },
          { path: routePatterns.library, element: lazyPage(() => import('../features/rules/LibraryPage.tsx'), 'LibraryPage', ['rules']) },
          {
            path: routePatterns.notifications,
            element: lazyPage(() => import('../features/notifications/NotificationsPage.tsx'), 'NotificationsPage', ['notifications']),
          },
          { path: routePatterns.signIn, element: lazyPage(() => import('../features/auth/SignInPage.tsx'), 'SignInPage', ['auth']) },
          { path: routePatterns.register, element: lazyPage(() => import('../features/auth/RegisterPage.tsx'), 'RegisterPage', ['auth']) },
          // The design system on one page, for people building screens (and the browser tests' axe check).
          { path: '/dev/ui', element: lazyPage(() => import('./ui-gallery/UiGalleryPage.tsx'), 'UiGalleryPage', []) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
