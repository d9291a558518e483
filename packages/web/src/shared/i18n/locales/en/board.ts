import type { Messages } from '../../catalogue.ts';
import type { board as source } from '../zh-CN/board.ts';

export const board: Messages<typeof source> = {
  title: 'Concerns',
};
