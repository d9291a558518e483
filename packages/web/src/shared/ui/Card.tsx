import type { HTMLAttributes, ReactNode } from 'react';
import styles from './Card.module.css';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** `article` for a self-contained thing (a concern in a list), `section` for a titled part of a page. */
  as?: 'div' | 'article' | 'section' | 'li';
  children: ReactNode;
}

export function Card({ as: Element = 'div', className, children, ...props }: CardProps) {
  return (
    <Element {...props} className={[styles.card, className].filter(Boolean).join(' ')}>
      {children}
    </Element>
  );
}
