import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../test-support/databases.js';
import { createTestApp, type Caller, type TestApp } from '../../test-support/harness.js';
import { createApiToken, createUser, createWorld, type World } from '../../test-support/fixtures.js';
import { createDecidedConcern } from '../../test-support/loop-fixtures.js';

/**
 * A strict RFC 4180 reader, here because no CSV library is installed: records end in CRLF (a bare CR or
 * LF outside quotes is an error), a quoted field doubles its quotes and may hold commas and line breaks,
 * a quote inside an unquoted field is an error, and every record has as many fields as the header.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV error at ${i}: ${why}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      records.push(record);
      record = [];
      continue;
    }
    if (i < text.length) fail(`expected a comma or CRLF, found ${JSON.stringify(text[i])}`);
  }
  if (record.length) fail('the last record does not end in CRLF');
  const width = records[0]?.length;
  records.forEach((r, n) => {
    if (r.length !== width) throw new Error(`record ${n} has ${r.length} fields, the header ${width}`);
  });
  return records;
}

describe('the RFC 4180 reader of these tests', () => {
  it('reads quotes, commas and line breaks, and refuses what is not CSV', () => {
    expect(parseCsv('a,"b,""c""\r\nd",\r\n1,2,3\r\n')).toEqual([
      ['a', 'b,"c"\r\nd', ''],
      ['1', '2', '3'],
    ]);
    expect(() => parseCsv('a,b\nc,d\n')).toThrow(/CRLF/);
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/quote/);
    expect(() => parseCsv('a,b\r\nc\r\n')).toThrow(/fields/);
  });
});

describe.each(providers)('CSV exports on %s', (provider) => {
  let t: TestApp;
  let world: World;
  const titles = ['楼道灯坏了，晚上看不清', '他说"先修灯"再说', '单元门口\r\n乱停车', ' 前后有空格 ', '=HYPERLINK("http://evil")', 'Plain, English'];

  beforeAll(async () => {
    t = await createTestApp({ provider });
    world = await createWorld(t.db);
    const shanghaiNoon = new Date('2026-11-02T04:00:00Z');
    await t.db.concern.createMany({
      data: titles.map((title, i) => ({
        communityId: world.community.id,
        categoryId: world.community.categoryIds.repairs,
        groupId: world.community.groupIds[0]!,
        reporterId: world.resident.id,
        title,
        body: '正文',
        place: '2号楼',
        status: i === 0 ? ('ACKNOWLEDGED' as const) : ('REPORTED' as const),
        createdAt: shanghaiNoon,
        deadlineAt: new Date(shanghaiNoon.getTime() + 48 * 3_600_000),
        acknowledgedAt: i === 0 ? new Date(shanghaiNoon.getTime() + 90 * 60_000) : null,
      })),
    });
    // More rows than one page (500) of the export.
    await t.db.concern.createMany({
      data: Array.from({ length: 600 }, (_, i) => ({
        communityId: world.community.id,
        categoryId: world.community.categoryIds.parking,
        reporterId: world.resident.id,
        title: `占道停车 第${i + 1}起`,
        body: '……',
        place: '北门',
        createdAt: shanghaiNoon,
        deadlineAt: shanghaiNoon,
      })),
    });
    await createDecidedConcern(t.db, {
      community: world.community,
      reporterId: world.resident.id,
      chairId: world.cadre.id,
      voterIds: [world.resident.id, world.resident2.id, world.admin.id],
      proposals: [
        { title: '方案一：划定临时停车位', adopted: true },
        { title: '方案二：全部禁停, 加装地锁', adopted: false },
      ],
      decidedAt: new Date('2026-11-20T12:00:00Z'),
    });
  });
  afterAll(() => t.close());

  const download = async (file: string, as: Caller, query = '') => t.fetch(`/export/${world.community.slug}/${file}.csv${query}`, {}, as);

  async function csv(file: string, query = '') {
    const response = await download(file, world.cadre, query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${world.community.slug}-${file}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3)));
  }

  it('exports every concern with its status and every timestamp, Chinese text intact', async () => {
    const [header, ...rows] = await csv('concerns');
    expect(header).toContain('标题 Title');
    expect(header).toContain('上报时间 Reported at (Asia/Shanghai)');
    expect(rows).toHaveLength(titles.length + 600 + 1);
    const column = (name: string) => header!.indexOf(name);
    const byTitle = new Map(rows.map((row) => [row[column('标题 Title')]!, row]));
    for (const title of titles.filter((title) => !title.startsWith('='))) expect(byTitle.has(title), title).toBe(true);
    // Text that a spreadsheet would run as a formula stays text.
    expect(byTitle.has(`'=HYPERLINK("http://evil")`)).toBe(true);
    const first = byTitle.get('楼道灯坏了，晚上看不清')!;
    expect(first[column('分类 Category')]).toBe('维修');
    expect(first[column('楼栋/自然村 Group')]).toBe('1号楼');
    expect(first[column('状态 Status')]).toBe('已受理');
    expect(first[column('状态代码 Status code')]).toBe('ACKNOWLEDGED');
    expect(first[column('上报时间 Reported at (Asia/Shanghai)')]).toBe('2026-11-02 12:00:00');
    expect(first[column('受理时间 Acknowledged at (Asia/Shanghai)')]).toBe('2026-11-02 13:30:00');
    expect(first[column('回应期限 Echo deadline (Asia/Shanghai)')]).toBe('2026-11-04 12:00:00');
    expect(first[column('解决时间 Resolved at (Asia/Shanghai)')]).toBe('');
    expect(byTitle.get('占道停车 第600起')![column('地点 Place')]).toBe('北门');
    const ids = rows.map((row) => Number(row[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('exports each decision’s tally, one row per proposal', async () => {
    const [header, ...rows] = await csv('decisions');
    expect(header).toContain('方案 Proposal');
    expect(rows).toHaveLength(2);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows.map((row) => [cell(row, '方案 Proposal'), cell(row, '支持 Support'), cell(row, '反对 Oppose'), cell(row, '通过 Adopted')])).toEqual([
      ['方案一：划定临时停车位', '3', '0', '是'],
      ['方案二：全部禁停, 加装地锁', '0', '3', '否'],
    ]);
    expect(cell(rows[0]!, '主持人 Chair')).toBe('张书记');
    expect(cell(rows[0]!, '决定时间 Decided at (Asia/Shanghai)')).toBe('2026-11-20 20:00:00');
    expect(JSON.stringify(rows)).not.toMatch(/王阿姨|李师傅/);
  });

  it('exports the key figures of a period', async () => {
    const [header, ...rows] = await csv('figures', '?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00');
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    const total = rows.find((row) => row[0] === '合计 Total')!;
    expect(cell(total, '上报 Reported')).toBe(String(titles.length + 600 + 1));
    expect(cell(total, '受理 Acknowledged')).toBe('2');
    expect(rows.filter((row) => row[0] === '分类 Category').map((row) => row[1])).toEqual(['停车', '维修', '安全']);
    expect(rows.filter((row) => row[0] === '月份 Month').map((row) => row[1])).toEqual(['2026-11']);
    expect(cell(total, '回应率 Response rate')).toBe(`${Math.round((2 / (titles.length + 601)) * 1000) / 10}%`);
    const bad = await download('figures', world.cadre, '?from=yesterday');
    expect(bad.status).toBe(400);
    const backwards = await download('figures', world.cadre, '?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(backwards.status).toBe(400);
  });

  it('is for cadres and admins signed in by cookie, no one else', async () => {
    expect((await download('concerns', world.admin)).status).toBe(200);
    for (const file of ['concerns', 'decisions', 'figures']) {
      expect((await download(file, undefined)).status).toBe(401);
      expect((await download(file, world.resident)).status).toBe(403);
      // The world's community is public: an outsider sees it exists but may not export it.
      expect((await download(file, world.outsider)).status).toBe(403);
    }
    const token = await createApiToken(t.db, { communityId: world.community.id, createdById: world.admin.id, scopes: ['BOARD', 'FIGURES'] });
    expect((await download('figures', { token })).status).toBe(403);
    const hidden = await createWorld(t.db, { isPublic: false });
    const stranger = await t.fetch(`/export/${hidden.community.slug}/concerns.csv`, {}, world.cadre);
    expect(stranger.status).toBe(404);
    expect((await t.fetch('/export/no-such-place/concerns.csv', {}, world.cadre)).status).toBe(404);
    const otherCadre = await createUser(t.db, { communityId: hidden.community.id, role: 'CADRE' });
    expect((await t.fetch(`/export/${hidden.community.slug}/concerns.csv`, {}, otherCadre)).status).toBe(200);
  });
});
