import type { Messages } from '../../catalogue.ts';
import type { concern as source } from '../zh-CN/concern.ts';

export const concern: Messages<typeof source> = {
  title: 'Concern',
};
