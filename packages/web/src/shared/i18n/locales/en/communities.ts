import type { Messages } from '../../catalogue.ts';
import type { communities as source } from '../zh-CN/communities.ts';

export const communities: Messages<typeof source> = {
  title: 'Choose your community',
  intro: 'Report the small things near home here, and settle them together with your neighbours.',
  mine: 'My communities',
  public: 'Public communities',
  publicIntro: 'Anyone may read the concerns and the work done in these communities.',
  none: 'No community to show yet',
  noneBody: 'If you have an invitation code, register to join your community.',
  kind: {
    NEIGHBOURHOOD: 'Neighbourhood',
    VILLAGE: 'Village',
    WORKPLACE: 'Workplace',
  },
  role: {
    RESIDENT: 'Resident',
    CADRE: 'Cadre',
    ADMIN: 'Admin',
  },
  yourRole: 'Your role: {{role}}',
  open: 'Open {{name}}',
  join: {
    title: 'Want to join a community?',
    body: 'Ask the community office for an invitation code, then register.',
    register: 'Register with an invitation code',
    signIn: 'I have an account: sign in',
  },
};
