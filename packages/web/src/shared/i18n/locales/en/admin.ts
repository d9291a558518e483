import type { Messages } from '../../catalogue.ts';
import type { admin as source } from '../zh-CN/admin.ts';

export const admin: Messages<typeof source> = {
  title: 'Community admin',
};
