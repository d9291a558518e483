import { createInvitationCode, createUser, testPassword } from '../../test-support/fixtures.js';
import { everyone, freshCaller, signedIn, type MatrixEntry } from '../../test-support/matrix.js';

let sequence = 0;

export const matrix: MatrixEntry[] = [
  {
    field: 'Query.me',
    expect: signedIn,
    operation: async () => ({ query: '{ me { user { displayName } } }' }),
  },
  {
    field: 'Mutation.register',
    // Anyone holding a valid invitation may register, signed in or not.
    expect: everyone,
    // Registering or logging in replaces the browser's session, so each caller is a fresh one.
    operation: async (ctx) => ({
      as: await freshCaller(ctx),
      query: 'mutation ($input: RegisterInput!) { register(input: $input) { __typename } }',
      variables: {
        input: {
          invitationCode: await createInvitationCode(ctx.t.db, { communityId: ctx.world.community.id, createdById: ctx.world.admin.id }),
          login: `matrix-register-${++sequence}`,
          displayName: '新居民',
          password: 'a good long password',
        },
      },
    }),
  },
  {
    field: 'Mutation.logIn',
    expect: everyone,
    operation: async (ctx) => {
      const user = await createUser(ctx.t.db, { communityId: ctx.world.community.id });
      return {
        as: await freshCaller(ctx),
        query: 'mutation ($input: LogInInput!) { logIn(input: $input) { __typename } }',
        variables: { input: { login: user.login, password: testPassword } },
      };
    },
  },
  {
    field: 'Mutation.logOut',
    expect: everyone,
    operation: async (ctx) => ({ query: 'mutation { logOut { __typename } }', as: await freshCaller(ctx) }),
  },
  {
    field: 'Mutation.changePassword',
    expect: signedIn,
    operation: async (ctx) => ({
      query: 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }',
      variables: { input: { currentPassword: testPassword, newPassword: 'another long password' } },
      as: await freshCaller(ctx),
    }),
  },
];
