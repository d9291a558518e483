import { useTranslation } from 'react-i18next';
import type { AdminSectionProps } from './AdminPage.tsx';
import styles from './admin.module.css';

/** API tokens: waits for the server's token mutations. */
export function TokensSection(_props: AdminSectionProps) {
  const { t } = useTranslation('admin');
  return (
    <section className={styles.section} aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens.heading')}</h2>
      <p className={styles.muted}>{t('tokens.intro')}</p>
      <p>{t('tokens.notYet')}</p>
    </section>
  );
}
