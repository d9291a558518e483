// Types every t() call against the Chinese catalogues (the source language), so a misspelt key or
// namespace is a type error.
import 'i18next';
import type { actions } from './locales/zh-CN/actions.ts';
import type { admin } from './locales/zh-CN/admin.ts';
import type { auth } from './locales/zh-CN/auth.ts';
import type { board } from './locales/zh-CN/board.ts';
import type { common } from './locales/zh-CN/common.ts';
import type { communities } from './locales/zh-CN/communities.ts';
import type { concern } from './locales/zh-CN/concern.ts';
import type { errors } from './locales/zh-CN/errors.ts';
import type { figures } from './locales/zh-CN/figures.ts';
import type { notifications } from './locales/zh-CN/notifications.ts';
import type { rules } from './locales/zh-CN/rules.ts';
import type { session } from './locales/zh-CN/session.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      errors: typeof errors;
      communities: typeof communities;
      board: typeof board;
      concern: typeof concern;
      session: typeof session;
      actions: typeof actions;
      rules: typeof rules;
      figures: typeof figures;
      notifications: typeof notifications;
      admin: typeof admin;
      auth: typeof auth;
    };
  }
}
