import type { Messages } from '../../catalogue.ts';
import type { session as source } from '../zh-CN/session.ts';

export const session: Messages<typeof source> = {
  title: 'Council session',
};
