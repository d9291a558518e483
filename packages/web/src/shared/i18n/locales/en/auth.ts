import type { Messages } from '../../catalogue.ts';
import type { auth as source } from '../zh-CN/auth.ts';

export const auth: Messages<typeof source> = {
  signInTitle: 'Sign in',
  registerTitle: 'Register',
};
