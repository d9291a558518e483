import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../shared/api/graphql.ts';
import { useRequiredParams } from '../shared/hooks/useRequiredParams.ts';
import { paths } from '../shared/routing/paths.ts';
import styles from './CommunityLayout.module.css';

// The viewer's role decides whether the admin section is offered; the server guards it regardless.
const CommunityRoleQuery = graphql(`
  query CommunityRole($slug: String!) {
    community(slug: $slug) {
      id
      myRole
    }
  }
`);

/** The sections of one community (/c/:slug/…), above its pages; the admin section for its admins only. */
export function CommunityLayout() {
  const { t } = useTranslation();
  const { slug } = useRequiredParams('slug');
  const [{ data }] = useQuery({ query: CommunityRoleQuery, variables: { slug } });
  const isAdmin = data?.community?.myRole === 'ADMIN';
  const sections = [
    // `end`: the board is current only on its own page, not under a concern or a session.
    { to: paths.board(slug), label: t('communityNav.board'), end: true },
    { to: paths.sessions(slug), label: t('communityNav.sessions'), end: false },
    { to: paths.actions(slug), label: t('communityNav.actions'), end: false },
    { to: paths.rules(slug), label: t('communityNav.rules'), end: false },
    { to: paths.figures(slug), label: t('communityNav.figures'), end: false },
    ...(isAdmin ? [{ to: paths.admin(slug), label: t('communityNav.admin'), end: false }] : []),
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
