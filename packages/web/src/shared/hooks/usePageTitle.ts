import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title to "页面 · 议事"; screen readers announce it after navigation. */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const title = page ? t('pageTitle', { page }) : t('appName');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
