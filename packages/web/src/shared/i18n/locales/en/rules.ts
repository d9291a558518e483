import type { Messages } from '../../catalogue.ts';
import type { rules as source } from '../zh-CN/rules.ts';

export const rules: Messages<typeof source> = {
  title: 'Community rules',
  libraryTitle: 'Practice library',
};
