// Every URL of the app, in one place. Features link to each other's screens through these builders,
// never by importing each other; src/app/routes.tsx maps the same patterns to pages.
// Builders encode their parts, so a slug or id with odd characters cannot break a link.

export const routePatterns = {
  communities: '/',
  board: '/c/:slug',
  concern: '/c/:slug/concerns/:concernId',
  reportConcern: '/c/:slug/report',
  sessions: '/c/:slug/sessions',
  session: '/c/:slug/sessions/:sessionId',
  actions: '/c/:slug/actions',
  action: '/c/:slug/actions/:actionId',
  rules: '/c/:slug/rules',
  rule: '/c/:slug/rules/:ruleId',
  figures: '/c/:slug/figures',
  admin: '/c/:slug/admin',
  library: '/library',
  notifications: '/notifications',
  signIn: '/signin',
  register: '/register',
} as const;

const part = encodeURIComponent;

export const paths = {
  communities: () => '/',
  board: (slug: string) => `/c/${part(slug)}`,
  concern: (slug: string, concernId: string) => `/c/${part(slug)}/concerns/${part(concernId)}`,
  reportConcern: (slug: string) => `/c/${part(slug)}/report`,
  sessions: (slug: string) => `/c/${part(slug)}/sessions`,
  session: (slug: string, sessionId: string) => `/c/${part(slug)}/sessions/${part(sessionId)}`,
  actions: (slug: string) => `/c/${part(slug)}/actions`,
  action: (slug: string, actionId: string) => `/c/${part(slug)}/actions/${part(actionId)}`,
  /** `draftFrom`: a decision's id, to open a cadre's draft of a rule made from it. */
  rules: (slug: string, draftFrom?: string) => `/c/${part(slug)}/rules${draftFrom ? `?${new URLSearchParams({ decision: draftFrom })}` : ''}`,
  rule: (slug: string, ruleId: string) => `/c/${part(slug)}/rules/${part(ruleId)}`,
  figures: (slug: string) => `/c/${part(slug)}/figures`,
  admin: (slug: string) => `/c/${part(slug)}/admin`,
  library: () => '/library',
  notifications: () => '/notifications',
  /** `returnTo`: where to go after signing in, e.g. the concern someone wanted to second. */
  signIn: (returnTo?: string) => (returnTo ? `/signin?${new URLSearchParams({ returnTo })}` : '/signin'),
  register: () => '/register',
};
