import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { passwordRules } from '../../security/passwords.js';
import { changePassword, logIn, logOut, register, type Me } from './identity.service.js';
import { isSelf } from './identity.policy.js';

// Other people appear by display name only; a login is seen by its owner alone.
export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    login: t.exposeString('login', { nullable: true, authScopes: (user, _args, ctx) => isSelf(ctx.viewer, user.id) }),
  }),
});

export const MeRef = builder.objectRef<Me>('Me').implement({
  description: 'The signed-in user, with what only they may see.',
  fields: (t) => ({
    user: t.prismaField({
      type: 'User',
      resolve: (query, me, _args, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: me.userId } }),
    }),
    locale: t.string({
      resolve: async (me, _args, ctx) =>
        (await ctx.db.user.findUniqueOrThrow({ where: { id: me.userId }, select: { locale: true } })).locale,
    }),
    memberships: t.prismaField({
      type: ['Membership'],
      resolve: (query, me, _args, ctx) =>
        ctx.db.membership.findMany({ ...query, where: { userId: me.userId, status: 'ACTIVE' }, orderBy: { joinedAt: 'asc' } }),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: MeRef,
    nullable: true,
    description: 'The signed-in user, or null for anonymous callers and API tokens.',
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'user' ? { userId: ctx.viewer.userId } : null),
  }),
);

const login = z.string().trim().min(3, 'At least 3 characters').max(64, 'At most 64 characters');
const password = z
  .string()
  .min(passwordRules.minLength, `At least ${passwordRules.minLength} characters`)
  .max(passwordRules.maxLength, `At most ${passwordRules.maxLength} characters`);

// Each input type is validated as a whole, so a form learns every bad field at once (a per-field
// validator stops at the first).
const RegisterInput = builder.inputType('RegisterInput', {
  fields: (t) => ({
    invitationCode: t.string(),
    login: t.string({ description: 'A phone number or a user name.' }),
    displayName: t.string(),
    password: t.string(),
    locale: t.string({ required: false }),
  }),
  validate: z.object({
    invitationCode: z.string().trim().min(4, 'Enter the invitation code').max(64),
    login: login.regex(/^[\p{L}\p{N}._@+-]+$/u, 'Letters, digits and . _ @ + - only'),
    displayName: z.string().trim().min(1, 'Enter your name').max(40, 'At most 40 characters'),
    password,
    locale: z.enum(['zh-CN', 'en']).nullish(),
  }),
});

const LogInInput = builder.inputType('LogInInput', {
  fields: (t) => ({
    login: t.string(),
    password: t.string(),
  }),
  validate: z.object({
    login: z.string().trim().min(1, 'Enter your login').max(64),
    password: z.string().min(1, 'Enter your password').max(passwordRules.maxLength),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string(),
    newPassword: t.string(),
  }),
  validate: z.object({
    currentPassword: z.string().min(1).max(passwordRules.maxLength),
    newPassword: password,
  }),
});

builder.mutationFields((t) => ({
  register: t.field({
    type: MeRef,
    errors: {},
    description: 'Creates an account with an invitation code and signs it in.',
    args: { input: t.arg({ type: RegisterInput }) },
    resolve: (_root, { input }, ctx) => register(ctx, input),
  }),
  logIn: t.field({
    type: MeRef,
    errors: {},
    args: { input: t.arg({ type: LogInInput }) },
    resolve: (_root, { input }, ctx) => logIn(ctx, input),
  }),
  logOut: t.boolean({
    errors: {},
    resolve: (_root, _args, ctx) => logOut(ctx),
  }),
  changePassword: t.field({
    type: MeRef,
    errors: {},
    description: 'Changes the password and signs out every other browser.',
    args: { input: t.arg({ type: ChangePasswordInput }) },
    resolve: (_root, { input }, ctx) => changePassword(ctx, input),
  }),
}));
