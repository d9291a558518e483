import type { Messages } from '../../catalogue.ts';
import type { actions as source } from '../zh-CN/actions.ts';

export const actions: Messages<typeof source> = {
  title: 'Actions',
};
