import { StrictMode, useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../shared/api/ApiProvider.tsx';
import { ViewerContext } from '../shared/session/viewer.ts';
import { AnnouncerProvider } from '../shared/ui/Toast.tsx';
import { api, i18n, viewerStore } from './instances.ts';

/** Everything a screen may rely on: translations, the API, who is signed in, and the announcer. */
export function Providers({ children }: { children: ReactNode }) {
  useEffect(() => {
    void viewerStore.refresh();
  }, []);
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider api={api}>
          <ViewerContext value={viewerStore}>
            <AnnouncerProvider>{children}</AnnouncerProvider>
          </ViewerContext>
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
