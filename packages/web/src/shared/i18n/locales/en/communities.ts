import type { Messages } from '../../catalogue.ts';
import type { communities as source } from '../zh-CN/communities.ts';

export const communities: Messages<typeof source> = {
  title: 'Choose your community',
  intro: 'Report the small things that spoil daily life, and settle them with your neighbours.',
};
