import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { BackIcon } from './icons.tsx';
import styles from './PageHeader.module.css';

export interface PageHeaderProps {
  /** The page's one h1; also becomes the browser tab's title ("标题 · 议事"). */
  title: string;
  description?: ReactNode;
  /** A link up one level, e.g. from a concern to its board. */
  back?: { to: string; label: string };
  /** Buttons for the page's main actions, e.g. "反映诉求". */
  actions?: ReactNode;
}

export function PageHeader({ title, description, back, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className={styles.header}>
      {back ? (
        <Link to={back.to} className={styles.back}>
          <BackIcon />
          {back.label}
        </Link>
      ) : null}
      <div className={styles.row}>
        <h1 className={styles.title}>{title}</h1>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </div>
      {description ? <p className={styles.description}>{description}</p> : null}
    </header>
  );
}
