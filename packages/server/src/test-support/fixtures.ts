// Direct database fixtures: fast ways to set up a world for a test. Behaviour under test goes through
// the API; only the setting of the scene uses these.
import type { Db } from '../db/client.js';
import type { Role } from '../generated/sqlite/enums.js';
import { hashPassword } from '../security/passwords.js';
import { newSecret, sha256 } from '../security/secrets.js';
import { sessionCookieName } from '../modules/identity/identity.service.js';
import { apiTokenPrefix } from '../modules/tokens/tokens.service.js';
import type { ApiScope } from '../context.js';

export const testPassword = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
const knownHash = () => (passwordHash ??= hashPassword(testPassword));

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}`;

export interface TestCommunity {
  id: number;
  slug: string;
  categoryIds: { parking: number; repairs: number; safety: number };
  groupIds: number[];
}

export async function createCommunity(db: Db, options: { isPublic?: boolean; slug?: string } = {}): Promise<TestCommunity> {
  const slug = options.slug ?? unique('community');
  const community = await db.community.create({
    data: {
      slug,
      name: `社区 ${slug}`,
      nameEn: `Community ${slug}`,
      kind: 'NEIGHBOURHOOD',
      isPublic: options.isPublic ?? true,
      groups: {
        create: [
          { kind: 'BUILDING', name: '1号楼', nameEn: 'Building 1', position: 0 },
          { kind: 'BUILDING', name: '2号楼', nameEn: 'Building 2', position: 1 },
        ],
      },
      categories: {
        create: [
          { key: 'parking', name: '停车', nameEn: 'Parking', echoHours: 72, position: 0 },
          { key: 'repairs', name: '维修', nameEn: 'Repairs', echoHours: 48, position: 1 },
          { key: 'safety', name: '安全', nameEn: 'Safety', echoHours: 24, position: 2 },
        ],
      },
    },
    include: { categories: true, groups: true },
  });
  const categoryId = (key: string) => community.categories.find((c) => c.key === key)!.id;
  return {
    id: community.id,
    slug,
    categoryIds: { parking: categoryId('parking'), repairs: categoryId('repairs'), safety: categoryId('safety') },
    groupIds: community.groups.map((g) => g.id),
  };
}

export interface TestUser {
  id: number;
  login: string;
  displayName: string;
  /** Cookie header value of a signed-in session. */
  cookie: string;
}

export async function createUser(
  db: Db,
  options: { communityId?: number; role?: Role; displayName?: string; login?: string } = {},
): Promise<TestUser> {
  const login = options.login ?? unique('user');
  const displayName = options.displayName ?? `居民 ${login}`;
  const user = await db.user.create({
    data: {
      login,
      displayName,
      passwordHash: await knownHash(),
      ...(options.communityId
        ? { memberships: { create: { communityId: options.communityId, role: options.role ?? 'RESIDENT' } } }
        : {}),
    },
  });
  return { id: user.id, login, displayName, cookie: await signIn(db, user.id) };
}

/** A session cookie for the user, as login would set it. */
export async function signIn(db: Db, userId: number): Promise<string> {
  const token = newSecret();
  await db.authSession.create({ data: { tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  return `${sessionCookieName}=${token}`;
}

export async function createApiToken(
  db: Db,
  options: { communityId: number; createdById: number; scopes: ApiScope[]; expiresAt?: Date | null },
): Promise<string> {
  const secret = newSecret(apiTokenPrefix);
  await db.apiToken.create({
    data: {
      communityId: options.communityId,
      name: 'test token',
      prefix: secret.slice(0, 8),
      tokenHash: sha256(secret),
      scopes: options.scopes.join(','),
      expiresAt: options.expiresAt ?? null,
      createdById: options.createdById,
    },
  });
  return secret;
}

export async function createInvitationCode(
  db: Db,
  options: { communityId: number; createdById: number; code?: string; role?: Role; maxUses?: number; expiresAt?: Date },
): Promise<string> {
  const code = options.code ?? unique('INV').toUpperCase();
  await db.invitation.create({
    data: {
      communityId: options.communityId,
      codeHash: sha256(code),
      codeHint: code.slice(0, 5),
      role: options.role ?? 'RESIDENT',
      maxUses: options.maxUses ?? 5,
      expiresAt: options.expiresAt ?? null,
      createdById: options.createdById,
    },
  });
  return code;
}

/** The cast every authorization test needs: one community, its people, and a stranger from another. */
export interface World {
  community: TestCommunity;
  otherCommunity: TestCommunity;
  resident: TestUser;
  resident2: TestUser;
  cadre: TestUser;
  admin: TestUser;
  /** A resident of the other community: no power in this one. */
  outsider: TestUser;
}

export async function createWorld(db: Db, options: { isPublic?: boolean } = {}): Promise<World> {
  const community = await createCommunity(db, { isPublic: options.isPublic ?? true });
  const otherCommunity = await createCommunity(db);
  const [resident, resident2, cadre, admin, outsider] = await Promise.all([
    createUser(db, { communityId: community.id, role: 'RESIDENT', displayName: '王阿姨' }),
    createUser(db, { communityId: community.id, role: 'RESIDENT', displayName: '李师傅' }),
    createUser(db, { communityId: community.id, role: 'CADRE', displayName: '张书记' }),
    createUser(db, { communityId: community.id, role: 'ADMIN', displayName: '陈主任' }),
    createUser(db, { communityId: otherCommunity.id, role: 'RESIDENT', displayName: 'Outsider' }),
  ]);
  return { community, otherCommunity, resident: resident!, resident2: resident2!, cadre: cadre!, admin: admin!, outsider: outsider! };
}
