import type { Messages } from '../../catalogue.ts';
import type { notifications as source } from '../zh-CN/notifications.ts';

export const notifications: Messages<typeof source> = {
  title: 'Notifications',
};
