import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import styles from './Button.module.css';
import { SpinnerIcon } from './icons.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface CommonProps {
  variant?: ButtonVariant;
  /** Full width: the usual choice for the main action on a phone. */
  block?: boolean;
}

export interface ButtonProps extends CommonProps, Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-busy' | 'aria-disabled'> {
  /**
   * Shows a spinner and ignores presses while an action runs. The button stays focusable (unlike
   * `disabled`), so a screen reader does not lose its place; aria-busy tells it the button is working.
   */
  loading?: boolean;
  children: ReactNode;
}

function classes(variant: ButtonVariant, block: boolean | undefined, extra?: string) {
  return [styles.button, styles[variant], block ? styles.block : undefined, extra].filter(Boolean).join(' ');
}

export function Button({
  variant = 'primary',
  block,
  loading = false,
  disabled,
  // A button inside a form submits it unless told otherwise: default to a plain button.
  type = 'button',
  className,
  onClick,
  children,
  ...props
}: ButtonProps) {
  const inert = loading || disabled;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (inert) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...props}
      type={type}
      className={classes(variant, block, className)}
      aria-disabled={inert || undefined}
      aria-busy={loading || undefined}
      onClick={handleClick}
    >
      {loading ? <SpinnerIcon className={styles.spinner} /> : null}
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends CommonProps, LinkProps {
  children: ReactNode;
}

/** A link (it navigates) that looks like a button. Use Button for actions that change something. */
export function ButtonLink({ variant = 'secondary', block, className, children, ...props }: ButtonLinkProps) {
  return (
    <Link {...props} className={classes(variant, block, className)}>
      {children}
    </Link>
  );
}

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label'> {
  /** What the button does, read by screen readers and shown as a tooltip. Required: an icon says nothing. */
  label: string;
  icon: ReactNode;
}

export function IconButton({ label, icon, variant = 'quiet', className, ...props }: IconButtonProps) {
  return (
    <Button {...props} variant={variant} className={[styles.icon, className].filter(Boolean).join(' ')} aria-label={label} title={label}>
      {icon}
    </Button>
  );
}
