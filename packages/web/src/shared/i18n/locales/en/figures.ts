import type { Messages } from '../../catalogue.ts';
import type { figures as source } from '../zh-CN/figures.ts';

export const figures: Messages<typeof source> = {
  title: 'Key figures',
};
