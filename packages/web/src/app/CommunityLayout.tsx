import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useRequiredParams } from '../shared/hooks/useRequiredParams.ts';
import { paths } from '../shared/routing/paths.ts';
import styles from './CommunityLayout.module.css';

/**
 * The sections of one community (/c/:slug/…), above its pages. Later, the admin section appears here
 * for admins only, as the members policy says.
 */
export function CommunityLayout() {
  const { t } = useTranslation();
  const { slug } = useRequiredParams('slug');
  const sections = [
    // `end`: the board is current only on its own page, not under a concern or a session.
    { to: paths.board(slug), label: t('communityNav.board'), end: true },
    { to: paths.sessions(slug), label: t('communityNav.sessions'), end: false },
    { to: paths.actions(slug), label: t('communityNav.actions'), end: false },
    { to: paths.rules(slug), label: t('communityNav.rules'), end: false },
    { to: paths.figures(slug), label: t('communityNav.figures'), end: false },
  ];
  return (
    <>
      <nav className={styles.nav} aria-label={t('communityNav.label')}>
        <ul className={styles.list}>
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end} className={styles.link}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
