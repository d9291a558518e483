// What the CSV downloads hold. Rows are read a page at a time by id, so an export of any size streams.
// Times are wall-clock times in the community's time zone (named in the header), as a cadre reads them.
// No vote choice, rating or reporter's name is ever written: tallies and counts only.
import type { Context } from '../../context.js';
import type { ConcernStatus } from '../../generated/sqlite/enums.js';
import type { DecisionLine } from '../votes/votes.service.js';
import { communityFigures, type FigureSet, type Period } from '../metrics/metrics.service.js';
import { localDateTime } from '../metrics/months.js';
import type { CsvCell } from './csv.js';

const pageSize = 500;

export interface ExportCommunity {
  id: number;
  slug: string;
  timezone: string;
}

const statusLabels: Record<ConcernStatus, string> = {
  REPORTED: '待回应',
  ACKNOWLEDGED: '已受理',
  DECLINED: '不予受理',
  MERGED: '已合并',
  VOTING: '表决中',
  DECIDED: '已决定',
  IN_PROGRESS: '办理中',
  RESOLVED: '已解决',
  CLOSED: '已办结',
  REOPENED: '已重新打开',
};

export function concernHeader(timezone: string): string[] {
  const at = (label: string) => `${label} (${timezone})`;
  return [
    '编号 ID',
    '标题 Title',
    '分类 Category',
    '楼栋/自然村 Group',
    '地点 Place',
    '状态 Status',
    '状态代码 Status code',
    '附议数 Seconds',
    at('上报时间 Reported at'),
    at('回应期限 Echo deadline'),
    at('受理时间 Acknowledged at'),
    at('不予受理时间 Declined at'),
    at('督办时间 Escalated at'),
    at('解决时间 Resolved at'),
    at('办结时间 Closed at'),
    at('重新打开时间 Reopened at'),
    '重新打开次数 Reopen count',
    '并入 Merged into',
    at('最后更新 Updated at'),
  ];
}

export async function* concernPages(ctx: Context, community: ExportCommunity): AsyncGenerator<CsvCell[][]> {
  const time = (date: Date | null) => (date ? localDateTime(date, community.timezone) : null);
  let after = 0;
  for (;;) {
    const page = await ctx.db.concern.findMany({
      where: { communityId: community.id, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: pageSize,
      include: { category: { select: { name: true } }, group: { select: { name: true } }, _count: { select: { seconds: true } } },
    });
    if (page.length === 0) return;
    after = page.at(-1)!.id;
    yield page.map((c) => [
      c.id,
      c.title,
      c.category.name,
      c.group?.name,
      c.place,
      statusLabels[c.status],
      c.status,
      c._count.seconds,
      time(c.createdAt),
      time(c.deadlineAt),
      time(c.acknowledgedAt),
      time(c.declinedAt),
      time(c.escalatedAt),
      time(c.resolvedAt),
      time(c.closedAt),
      time(c.reopenedAt),
      c.reopenCount,
      c.mergedIntoId,
      time(c.updatedAt),
    ]);
  }
}

export function decisionHeader(timezone: string): string[] {
  return [
    '决定编号 Decision ID',
    '关切编号 Concern ID',
    '关切 Concern',
    `决定时间 Decided at (${timezone})`,
    '议事会 Session',
    '主持人 Chair',
    '达到法定人数 Quorum met',
    '有表决权人数 Eligible',
    '法定人数 Quorum',
    '投票人数 Voters',
    '通过比例 Threshold %',
    '方案编号 Proposal ID',
    '方案 Proposal',
    '支持 Support',
    '反对 Oppose',
    '弃权 Abstain',
    '通过 Adopted',
  ];
}

/** One row per proposal of each decision: its frozen tally. */
export async function* decisionPages(ctx: Context, community: ExportCommunity): AsyncGenerator<CsvCell[][]> {
  let after = 0;
  for (;;) {
    const page = await ctx.db.decision.findMany({
      where: { concern: { communityId: community.id }, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: pageSize,
      include: { concern: { select: { title: true } }, session: { select: { title: true } }, chair: { select: { displayName: true } } },
    });
    if (page.length === 0) return;
    after = page.at(-1)!.id;
    yield page.flatMap((d) =>
      (d.tally as unknown as DecisionLine[]).map((line) => [
        d.id,
        d.concernId,
        d.concern.title,
        localDateTime(d.decidedAt, community.timezone),
        d.session?.title,
        d.chair.displayName,
        d.quorumMet,
        d.eligibleCount,
        d.quorumCount,
        d.voterCount,
        d.thresholdPercent,
        line.proposalId,
        line.title,
        line.support,
        line.oppose,
        line.abstain,
        line.adopted,
      ]),
    );
  }
}

const figureColumns: [keyof FigureSet, string, 'count' | 'rate' | 'hours'][] = [
  ['reported', '上报 Reported', 'count'],
  ['acknowledged', '受理 Acknowledged', 'count'],
  ['declined', '不予受理 Declined', 'count'],
  ['responded', '已回应 Responded', 'count'],
  ['respondedOnTime', '按时回应 Responded on time', 'count'],
  ['resolved', '已解决 Resolved', 'count'],
  ['responseRate', '回应率 Response rate', 'rate'],
  ['onTimeResponseRate', '按时回应率 On-time response rate', 'rate'],
  ['resolutionRate', '解决率 Resolution rate', 'rate'],
  ['medianHoursToRespond', '回应用时中位数(小时) Median hours to respond', 'hours'],
  ['medianHoursToResolve', '解决用时中位数(小时) Median hours to resolve', 'hours'],
  ['ratings', '评价数 Ratings', 'count'],
  ['satisfied', '满意 Satisfied', 'count'],
  ['basicallySatisfied', '基本满意 Basically satisfied', 'count'],
  ['dissatisfied', '不满意 Dissatisfied', 'count'],
  ['satisfactionRate', '满意率 Satisfaction rate', 'rate'],
  ['sessions', '议事会 Sessions', 'count'],
  ['participants', '参与表决人数 Participants', 'count'],
  ['electorate', '有表决权人数 Electorate', 'count'],
  ['participationRate', '参与率 Participation rate', 'rate'],
];

export const figureHeader = ['范围 Scope', '项目 Item', ...figureColumns.map(([, label]) => label)];

/** A rate as a spreadsheet percentage with one decimal: 0.875 -> "87.5%". */
const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);

function figureCells(figures: FigureSet): CsvCell[] {
  return figureColumns.map(([key, , kind]) => {
    const value = figures[key];
    return kind === 'rate' ? percent(value) : value;
  });
}

/** The key figures of the period: totals, each category, each month, then each session's turnout. */
export async function* figurePages(ctx: Context, community: ExportCommunity, period: Period): AsyncGenerator<CsvCell[][]> {
  const figures = await communityFigures(ctx, community.id, period);
  const categories = await ctx.db.category.findMany({ where: { communityId: community.id }, select: { id: true, name: true } });
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));
  const sessionCells = (session: (typeof figures.sessions)[number]): CsvCell[] =>
    figureColumns.map(([key]) =>
      key === 'participants' ? session.participants : key === 'electorate' ? session.electorate : key === 'participationRate' ? percent(session.participationRate) : key === 'sessions' ? 1 : null,
    );
  yield [
    ['合计 Total', `${localDateTime(figures.from, community.timezone)} – ${localDateTime(figures.to, community.timezone)}`, ...figureCells(figures.totals)],
    ...figures.byCategory.map((row) => ['分类 Category', nameOf.get(row.categoryId), ...figureCells(row.figures)]),
    ...figures.byMonth.map((row) => ['月份 Month', row.month, ...figureCells(row.figures)]),
    ...figures.sessions.map((s) => ['议事会 Session', s.title, ...sessionCells(s)]),
  ];
}
