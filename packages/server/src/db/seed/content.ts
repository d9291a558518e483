// The demo's people, places and stories, in Chinese followed by English. seed.ts turns these
// declarative specs into rows; every date here is relative to the moment of seeding.

import type { CommunityKind, ConcernStatus, GroupKind, Role, Stance } from '../../generated/sqlite/enums.js';

/** A text in Chinese and its English translation. */
export type Bi = readonly [zh: string, en: string];

export const demoPassword = 'yishi-demo-2026';

export type CommunitySlug = 'xinhua-lane' | 'taoyuan-village';

// ───────────────────────────── communities ─────────────────────────────

export interface CommunitySpec {
  slug: CommunitySlug;
  name: string;
  nameEn: string;
  kind: CommunityKind;
  /** The cadre who answers concerns, opens votes and chairs sessions in the demo. */
  cadre: string;
  createdDaysAgo: number;
  settings: {
    defaultEchoHours: number;
    quorumPercent: number;
    thresholdPercent: number;
    dissatisfactionPercent: number;
    ratingWindowDays: number;
    ruleReviewNoticeDays: number;
  };
  groupKind: GroupKind;
  groups: { key: string; name: string; nameEn: string }[];
  categories: { key: string; name: string; nameEn: string; echoHours: number }[];
  invitation: { code: string; createdBy: string; maxUses: number; expiresInDays: number; createdDaysAgo: number; note: string };
}

export const communities: CommunitySpec[] = [
  {
    slug: 'xinhua-lane',
    name: '新华里社区',
    nameEn: 'Xinhua Lane Neighbourhood',
    kind: 'NEIGHBOURHOOD',
    cadre: 'cadre',
    createdDaysAgo: 420,
    settings: {
      defaultEchoHours: 72,
      quorumPercent: 30,
      thresholdPercent: 50,
      dissatisfactionPercent: 30,
      ratingWindowDays: 14,
      ruleReviewNoticeDays: 14,
    },
    groupKind: 'BUILDING',
    groups: [
      { key: 'b1', name: '1号楼', nameEn: 'Building 1' },
      { key: 'b2', name: '2号楼', nameEn: 'Building 2' },
      { key: 'b3', name: '3号楼', nameEn: 'Building 3' },
      { key: 'b4', name: '4号楼', nameEn: 'Building 4' },
      { key: 'b5', name: '5号楼', nameEn: 'Building 5' },
    ],
    categories: [
      { key: 'parking', name: '停车', nameEn: 'Parking', echoHours: 72 },
      { key: 'repairs', name: '维修', nameEn: 'Repairs', echoHours: 48 },
      { key: 'alleys', name: '背街小巷', nameEn: 'Back alleys and lighting', echoHours: 96 },
      { key: 'sanitation', name: '环境卫生', nameEn: 'Sanitation', echoHours: 72 },
      { key: 'safety', name: '安全', nameEn: 'Safety', echoHours: 24 },
      { key: 'order', name: '公共秩序', nameEn: 'Public order', echoHours: 72 },
    ],
    invitation: {
      code: 'XINHUA-2026',
      createdBy: 'admin',
      maxUses: 50,
      expiresInDays: 90,
      createdDaysAgo: 12,
      note: '新住户入群邀请码 / Invitation code for new households',
    },
  },
  {
    slug: 'taoyuan-village',
    name: '桃源村',
    nameEn: 'Taoyuan Village',
    kind: 'VILLAGE',
    cadre: 'village-cadre',
    createdDaysAgo: 400,
    settings: {
      defaultEchoHours: 72,
      quorumPercent: 30,
      thresholdPercent: 50,
      dissatisfactionPercent: 30,
      ratingWindowDays: 10,
      ruleReviewNoticeDays: 14,
    },
    groupKind: 'HAMLET',
    groups: [
      { key: 'h1', name: '东坡组', nameEn: 'East Slope Hamlet' },
      { key: 'h2', name: '西岭组', nameEn: 'West Ridge Hamlet' },
      { key: 'h3', name: '南塘组', nameEn: 'South Pond Hamlet' },
      { key: 'h4', name: '北湾组', nameEn: 'North Bend Hamlet' },
    ],
    categories: [
      { key: 'toilets', name: '厕所卫生', nameEn: 'Toilets and sanitation', echoHours: 72 },
      { key: 'roads', name: '道路', nameEn: 'Roads and paths', echoHours: 96 },
      { key: 'sanitation', name: '环境卫生', nameEn: 'Rubbish and cleanliness', echoHours: 72 },
      { key: 'water', name: '供水', nameEn: 'Water supply', echoHours: 48 },
      { key: 'safety', name: '安全', nameEn: 'Safety', echoHours: 24 },
    ],
    invitation: {
      code: 'TAOYUAN-2026',
      createdBy: 'village-cadre',
      maxUses: 30,
      expiresInDays: 60,
      createdDaysAgo: 20,
      note: '返乡村民登记 / For villagers returning home',
    },
  },
];

// ───────────────────────────── people ─────────────────────────────

export interface PersonSpec {
  login: string;
  displayName: string;
  locale?: 'zh-CN' | 'en';
  community: CommunitySlug;
  group?: string;
  role: Role;
  joinedDaysAgo: number;
  /** Suspended by the admin this many days ago (after posting spam). */
  suspendedDaysAgo?: number;
  /** Joined recently with the community's demo invitation code. */
  invited?: boolean;
}

const xin = (login: string, displayName: string, group: string, joinedDaysAgo: number, extra: Partial<PersonSpec> = {}): PersonSpec => ({
  login,
  displayName,
  community: 'xinhua-lane',
  group,
  role: 'RESIDENT',
  joinedDaysAgo,
  ...extra,
});
const tao = (login: string, displayName: string, group: string, joinedDaysAgo: number, extra: Partial<PersonSpec> = {}): PersonSpec => ({
  login,
  displayName,
  community: 'taoyuan-village',
  group,
  role: 'RESIDENT',
  joinedDaysAgo,
  ...extra,
});

export const people: PersonSpec[] = [
  // The four demo accounts.
  xin('resident', '王秀英', 'b2', 300),
  { login: 'cadre', displayName: '陈立新', community: 'xinhua-lane', role: 'CADRE', joinedDaysAgo: 415 },
  { login: 'admin', displayName: '赵敏', community: 'xinhua-lane', role: 'ADMIN', joinedDaysAgo: 418 },
  { login: 'village-cadre', displayName: '李国强', community: 'taoyuan-village', role: 'CADRE', joinedDaysAgo: 398 },
  // Xinhua Lane residents.
  xin('resident-01', '刘建国', 'b1', 380),
  xin('resident-02', '张桂兰', 'b1', 376),
  xin('resident-03', '李伟', 'b1', 350),
  xin('resident-04', '孙丽娟', 'b2', 342),
  xin('resident-05', '周志强', 'b2', 330),
  xin('resident-06', '吴芳', 'b3', 322),
  xin('resident-07', '郑海涛', 'b3', 310),
  xin('resident-08', 'Emily Chen', 'b3', 280, { locale: 'en' }),
  xin('resident-09', '何玉珍', 'b4', 275),
  xin('resident-10', '马俊', 'b4', 260),
  xin('resident-11', 'David Wang', 'b4', 240, { locale: 'en' }),
  xin('resident-12', '黄淑华', 'b5', 236),
  xin('resident-13', '林晓东', 'b5', 220),
  xin('resident-14', 'Sarah Li', 'b5', 200, { locale: 'en' }),
  xin('resident-15', '高明', 'b2', 5, { invited: true }),
  xin('resident-16', '冯春燕', 'b1', 3, { invited: true }),
  xin('resident-17', '罗大伟', 'b3', 190, { suspendedDaysAgo: 2.5 }),
  // Taoyuan villagers.
  tao('resident-18', '王德福', 'h1', 390),
  tao('resident-19', '陈翠花', 'h1', 388),
  tao('resident-20', '杨树林', 'h2', 385),
  tao('resident-21', '赵玉兰', 'h2', 380),
  tao('resident-22', '刘长顺', 'h3', 372),
  tao('resident-23', '黄小梅', 'h3', 360),
  tao('resident-24', '张老根', 'h4', 355),
  tao('resident-25', 'Tom Zhou', 'h4', 150, { locale: 'en' }),
  tao('resident-26', '吴秀兰', 'h1', 340),
  tao('resident-27', '许文斌', 'h2', 300),
];

// ───────────────────────────── live sessions ─────────────────────────────

export const endedSession = {
  community: 'xinhua-lane' as CommunitySlug,
  title: ['居民议事会：装修期间保护楼道', "Residents' council: protecting stairways during renovation"] as Bi,
  place: ['社区党群服务中心二楼会议室', 'Meeting room, 2nd floor, community service centre'] as Bi,
  chair: 'cadre',
  createdDaysAgo: 85,
  heldDaysAgo: 78,
  durationMinutes: 110,
  talliesHidden: true,
  /** Came to the room without voting. */
  otherAttendees: ['admin', 'resident-03', 'resident-09'],
};

export const upcomingSession = {
  community: 'xinhua-lane' as CommunitySlug,
  title: ['居民议事会：东门人行道与5号楼漏水', "Residents' council: the east gate footpath and the Building 5 roof"] as Bi,
  place: ['社区党群服务中心二楼会议室', 'Meeting room, 2nd floor, community service centre'] as Bi,
  chair: 'cadre',
  createdDaysAgo: 1,
  inDays: 2,
  agenda: ['footpath', 'roof'],
};

// ───────────────────────────── concerns ─────────────────────────────

export interface ProposalSpec {
  author: string;
  title: Bi;
  body: Bi;
  /** Support, oppose, abstain. */
  votes?: readonly [number, number, number];
  withdrawnAfterHours?: number;
  hidden?: { by: string; afterHours: number; reason: Bi };
}

export interface CommentSpec {
  author: string;
  stance: Stance;
  text: Bi;
  /** Index of the proposal the comment is on; omitted for a comment on the concern itself. */
  on?: number;
  hidden?: { by: string; afterHours: number; reason: Bi };
}

export interface ActionSpec {
  title: Bi;
  owner?: string;
  department?: Bi;
  createdDaysAgo: number;
  startedDaysAgo?: number;
  doneDaysAgo?: number;
  /** Negative: in the future. */
  dueDaysAgo: number;
  blocked?: { daysAgo: number; reason: Bi };
  milestones: { title: Bi; weight: number; doneDaysAgo?: number }[];
  updates: { author: string; daysAgo: number; text: Bi }[];
}

export interface ConcernSpec {
  key: string;
  community: CommunitySlug;
  group?: string;
  category: string;
  reporter: string;
  reporterPublic?: boolean;
  title: Bi;
  body: Bi;
  place: Bi;
  reportedDaysAgo: number;
  /** What the rest of the spec must add up to; seed.ts checks it. */
  status: ConcernStatus;
  seconds: number;
  /** Left out of the random picks, so the demo user can still do it. */
  noSecond?: string[];
  escalate?: boolean;
  acknowledge?: { afterHours: number; by: string; answer: Bi; owner?: string };
  decline?: { afterHours: number; by: string; reason: Bi };
  merge?: { afterHours: number; by: string; into: string };
  proposals?: ProposalSpec[];
  comments?: CommentSpec[];
  voting?: {
    by: string;
    /** For a window in the ended live session, the times come from the session. */
    session?: 'ended';
    openedDaysAgo?: number;
    closedDaysAgo?: number;
    closesInDays?: number;
    talliesHidden?: boolean;
    noVote?: string[];
  };
  action?: ActionSpec;
  ratings?: { values: readonly [satisfied: number, basic: number, dissatisfied: number]; noRate?: string[]; comments?: Partial<Record<'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED', Bi[]>> };
}

const cityOffice: Bi = ['街道城管科', 'Sub-district city management office'];

// Targets of a merge come before the concerns merged into them.
export const concerns: ConcernSpec[] = [
  {
    key: 'parking',
    community: 'xinhua-lane',
    category: 'parking',
    reporter: 'resident-04',
    reporterPublic: true,
    title: ['单位门口错时共享停车', 'Shared parking at the workplace entrance after hours'],
    body: [
      '小区只有40个车位，晚上回家的车有100多辆，大家只能停在路边，经常被贴罚单。隔壁区税务所门口有30个车位，晚上和周末都空着。能不能和他们商量错时共享？',
      'The compound has only 40 parking spaces, but over 100 cars come home at night, so people park on the street and often get tickets. The District Tax Office next door has 30 spaces at its entrance that sit empty in the evenings and at weekends. Could we agree to share them after hours?',
    ],
    place: ['新华里东侧区税务所门前', 'In front of the District Tax Office, east of Xinhua Lane'],
    reportedDaysAgo: 130,
    status: 'CLOSED',
    seconds: 10,
    acknowledge: {
      afterHours: 20,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '已与区税务所后勤处联系，对方原则上同意夜间和周末开放门前车位，请居民提出具体方案。',
        'We have spoken with the District Tax Office; they agree in principle to open their entrance spaces in the evenings and at weekends. Residents, please propose the details.',
      ],
    },
    proposals: [
      {
        author: 'resident-11',
        title: ['工作日19:00至次日7:30及周末全天开放，凭通行证停放', 'Open 19:00–07:30 on weekdays and all weekend, parking by permit'],
        body: [
          '税务所门前车位在工作日19:00至次日7:30、周末和节假日全天向登记居民开放。社区发放共享停车证，每户一张，早上按时挪车。',
          'The Tax Office entrance spaces open to registered residents 19:00–07:30 on weekdays and all day at weekends and on holidays. The community issues one shared-parking permit per household, and cars leave on time in the morning.',
        ],
        votes: [11, 2, 1],
      },
      {
        author: 'resident-05',
        title: ['在小区主路单侧划线停车', 'Paint parking bays along one side of the main road'],
        body: [
          '小区主路较宽，可在单侧划出约15个车位，按先到先停管理。',
          'The main road inside the compound is wide enough for about 15 bays on one side, first come, first served.',
        ],
        votes: [4, 8, 2],
      },
      {
        author: 'resident-03',
        title: ['共享车位每月收取50元管理费', 'Charge 50 yuan a month for the shared spaces'],
        body: [
          '向使用共享车位的居民每月收取50元，用于支付税务所的保安加班费。',
          'Residents using the shared spaces pay 50 yuan a month to cover the Tax Office guard’s overtime.',
        ],
        withdrawnAfterHours: 40,
      },
    ],
    comments: [
      { author: 'resident-09', stance: 'FOR', on: 0, text: ['晚上终于不用绕三圈找车位了。', 'Finally no more circling three times for a space at night.'] },
      {
        author: 'resident-14',
        stance: 'QUESTION',
        on: 0,
        text: ['早上7:30前必须挪车吗？万一迟了怎么办？', 'Must cars be moved by 7:30? What if someone is late?'],
      },
      { author: 'resident-02', stance: 'AGAINST', on: 1, text: ['主路划线以后消防车就进不来了。', 'With bays on the main road, fire engines could not get through.'] },
      {
        author: 'resident-12',
        stance: 'NEUTRAL',
        text: ['两个方案可以先试行一个，看看效果。', 'We could trial one of the two first and see how it goes.'],
      },
    ],
    voting: { by: 'cadre', openedDaysAgo: 115, closedDaysAgo: 108 },
    action: {
      title: ['与区税务所签订错时共享停车协议并发放通行证', 'Sign the after-hours sharing agreement with the District Tax Office and issue permits'],
      owner: 'cadre',
      createdDaysAgo: 107,
      startedDaysAgo: 106,
      doneDaysAgo: 100,
      dueDaysAgo: 95,
      milestones: [
        { title: ['与税务所签订共享协议', 'Sign the sharing agreement with the Tax Office'], weight: 3, doneDaysAgo: 104 },
        { title: ['登记居民车辆', "Register residents' cars"], weight: 2, doneDaysAgo: 102 },
        { title: ['发放通行证并张贴告示', 'Issue permits and post notices'], weight: 1, doneDaysAgo: 100 },
      ],
      updates: [
        { author: 'cadre', daysAgo: 104, text: ['协议已签订，试行期三个月。', 'The agreement is signed, with a three-month trial.'] },
        {
          author: 'cadre',
          daysAgo: 101,
          text: ['已登记车辆68辆，通行证本周五起在居委会领取。', '68 cars are registered; permits can be collected at the committee office from Friday.'],
        },
      ],
    },
    ratings: { values: [7, 2, 1] },
  },
  {
    key: 'floor',
    community: 'xinhua-lane',
    group: 'b5',
    category: 'repairs',
    reporter: 'resident-12',
    title: ['装修期间保护公共楼道地面', 'Protect the common stairway floor during renovation'],
    body: [
      '5号楼有两户同时装修，工人搬运瓷砖、水泥，把楼道地砖砸裂了好几块，墙面也蹭脏了。装修户说不是他们弄的，物业也说管不了。',
      'Two flats in Building 5 are being renovated at once. Workers carrying tiles and cement have cracked several stairway floor tiles and scuffed the walls. The households say it was not them, and the property manager says it cannot intervene.',
    ],
    place: ['5号楼1单元楼道', 'Stairway of Building 5, Unit 1'],
    reportedDaysAgo: 95,
    status: 'CLOSED',
    seconds: 7,
    acknowledge: {
      afterHours: 10,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '已收到。装修损坏公共部位的情况较普遍，将提交下次居民议事会讨论，形成装修公约。',
        'Received. Damage to common areas during renovation is common; we will bring it to the next residents’ council to agree a renovation pact.',
      ],
    },
    proposals: [
      {
        author: 'resident-12',
        title: ['装修户铺设保护垫并交押金，验收无损后退还', 'Renovating households lay protective mats and pay a deposit, returned after inspection'],
        body: [
          '装修户开工前在楼道铺设保护垫，并交500元押金；完工后由楼长和物业验收，地面墙面无损坏的全额退还。',
          'Before work starts, the renovating household lays protective mats in the stairway and pays a 500-yuan deposit. When the work is finished the building captain and the property manager inspect; if floor and walls are undamaged the deposit is returned in full.',
        ],
        votes: [10, 1, 1],
      },
      {
        author: 'resident-07',
        title: ['由物业统一铺设保护层，费用由装修户承担', 'The property manager lays the protection, charged to the household'],
        body: [
          '物业统一采购保护材料并铺设，按楼层向装修户收费。',
          'The property manager buys and lays the protective material and charges the household by floor.',
        ],
        votes: [3, 7, 2],
      },
    ],
    comments: [
      { author: 'resident-04', stance: 'FOR', on: 0, text: ['谁装修谁负责，很公平。', 'Whoever renovates takes responsibility. That is fair.'] },
      { author: 'resident-08', stance: 'QUESTION', on: 0, text: ['押金由谁保管？', 'Who holds the deposit?'] },
      {
        author: 'resident-10',
        stance: 'AGAINST',
        on: 0,
        text: ['500元对退休老人来说有点多。', '500 yuan is a lot for retired people doing up their flat.'],
      },
      {
        author: 'resident-03',
        stance: 'NEUTRAL',
        on: 1,
        text: ['物业收费标准要先公示。', 'The property manager would have to publish its prices first.'],
      },
    ],
    voting: { by: 'cadre', session: 'ended' },
    action: {
      title: ['制定装修公约，在各楼道张贴并建立押金登记台账', 'Draft the renovation pact, post it in every stairway and keep a deposit register'],
      owner: 'cadre',
      createdDaysAgo: 77,
      startedDaysAgo: 76,
      doneDaysAgo: 70,
      dueDaysAgo: 65,
      milestones: [
        { title: ['起草装修公约', 'Draft the renovation pact'], weight: 2, doneDaysAgo: 75 },
        { title: ['各楼道张贴告示', 'Post notices in every stairway'], weight: 1, doneDaysAgo: 73 },
        { title: ['建立押金登记台账', 'Set up the deposit register'], weight: 1, doneDaysAgo: 70 },
      ],
      updates: [
        { author: 'cadre', daysAgo: 73, text: ['装修公约已在5栋楼全部张贴。', 'The renovation pact is posted in all five buildings.'] },
        { author: 'cadre', daysAgo: 70, text: ['押金台账已建立，由居委会会计保管。', 'The deposit register is set up and kept by the committee’s accountant.'] },
      ],
    },
    ratings: { values: [5, 3, 1] },
  },
  {
    key: 'lighting',
    community: 'xinhua-lane',
    group: 'b2',
    category: 'alleys',
    reporter: 'resident',
    reporterPublic: true,
    title: ['背街小巷夜间太黑', 'The back alley is too dark at night'],
    body: [
      '从菜市场到2号楼的背街小巷晚上没有路灯，下夜班回家要摸黑走，上个月还有居民在巷子里被抢了手机。',
      'The back alley from the market to Building 2 has no working lights at night. People coming home from night shifts walk in the dark, and last month a resident had a phone snatched there.',
    ],
    place: ['菜市场至2号楼背街小巷', 'Back alley from the market to Building 2'],
    reportedDaysAgo: 45,
    status: 'RESOLVED',
    seconds: 9,
    acknowledge: {
      afterHours: 48,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '已请街道城管科现场勘查：巷内原有两盏路灯损坏，且间距过大。欢迎大家提出解决方案。',
        'The sub-district city management office surveyed the alley: the two existing lamps are broken and too far apart. Please send in your proposals.',
      ],
    },
    proposals: [
      {
        author: 'resident-13',
        title: ['加装6盏太阳能感应路灯', 'Install six solar motion-sensor lamps'],
        body: [
          '太阳能路灯不用拉电线，两周内就能装好，有人经过时自动亮灯。',
          'Solar lamps need no cabling, can be installed within two weeks and light up when someone passes.',
        ],
        votes: [10, 1, 2],
      },
      {
        author: 'resident-05',
        title: ['申请接入市政路灯线路', 'Connect the alley to the municipal street lighting'],
        body: ['向区路灯所申请把小巷纳入市政照明。', 'Ask the district lighting bureau to bring the alley into municipal street lighting.'],
        votes: [4, 6, 3],
      },
    ],
    comments: [
      { author: 'resident-06', stance: 'FOR', on: 0, text: ['太阳能灯省电又快，支持。', 'Solar lamps are quick and cost nothing to run. I support this.'] },
      { author: 'resident-14', stance: 'QUESTION', on: 1, text: ['市政接入大概要多久？', 'Roughly how long would a municipal connection take?'] },
      {
        author: 'resident-09',
        stance: 'NEUTRAL',
        text: ['巷口的监控探头也坏了，可以一起看看。', 'The camera at the alley entrance is broken too; could that be looked at as well?'],
      },
    ],
    voting: { by: 'cadre', openedDaysAgo: 38, closedDaysAgo: 33 },
    action: {
      title: ['在背街小巷加装太阳能路灯', 'Install solar lamps in the back alley'],
      department: cityOffice,
      createdDaysAgo: 32,
      startedDaysAgo: 30,
      doneDaysAgo: 4,
      dueDaysAgo: 2,
      milestones: [
        { title: ['现场勘查并确定灯位', 'Survey the alley and mark lamp positions'], weight: 1, doneDaysAgo: 29 },
        { title: ['采购灯具', 'Buy the lamps'], weight: 2, doneDaysAgo: 18 },
        { title: ['安装调试', 'Install and test'], weight: 3, doneDaysAgo: 4 },
      ],
      updates: [
        { author: 'cadre', daysAgo: 29, text: ['城管科已确定6个灯位。', 'The city management office has marked six lamp positions.'] },
        { author: 'cadre', daysAgo: 18, text: ['灯具已到货，下周开始安装。', 'The lamps have arrived; installation starts next week.'] },
        { author: 'cadre', daysAgo: 4, text: ['6盏路灯全部安装完成，今晚起亮灯，请大家评价效果。', 'All six lamps are in and light up from tonight. Please tell us how well it works.'] },
      ],
    },
    // Still open: the demo resident (the reporter) has not rated yet.
    ratings: { values: [3, 1, 1], noRate: ['resident'] },
  },
  {
    key: 'roof',
    community: 'xinhua-lane',
    group: 'b5',
    category: 'repairs',
    reporter: 'resident-13',
    title: ['5号楼顶楼漏水', 'The top floor of Building 5 leaks'],
    body: [
      '5号楼是上世纪80年代的老楼，每次下雨6楼东户的天花板都漏水，墙皮大块脱落，电线也受潮，很危险。',
      'Building 5 dates from the 1980s. Every time it rains the ceiling of the east flat on the 6th floor leaks; plaster falls off in chunks and the wiring gets damp, which is dangerous.',
    ],
    place: ['5号楼6楼东户及楼顶', 'Building 5, 6th floor east flat and roof'],
    reportedDaysAgo: 85,
    status: 'REOPENED',
    seconds: 6,
    acknowledge: {
      afterHours: 8,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '已安排物业上楼顶查看，确认6楼东户上方的防水层开裂。',
        'The property manager inspected the roof and found cracks in the waterproofing above the east flat on the 6th floor.',
      ],
    },
    proposals: [
      {
        author: 'resident-07',
        title: ['对漏点进行局部修补', 'Patch the leaking spots'],
        body: ['用防水涂料修补开裂处，费用低、工期短。', 'Seal the cracks with waterproof coating: cheap and quick.'],
        votes: [8, 3, 1],
      },
      {
        author: 'resident-13',
        title: ['动用维修基金整体翻修屋面防水层', 'Use the maintenance fund to redo the whole roof waterproofing'],
        body: [
          '老楼屋面整体老化，局部修补管不了几年，应申请住宅专项维修资金整体翻修。',
          'The whole roof has aged; patches will not last. We should apply to the housing maintenance fund and redo it all.',
        ],
        votes: [4, 6, 2],
      },
    ],
    comments: [
      { author: 'resident-12', stance: 'FOR', on: 1, text: ['修修补补年年漏，不如一次性做好。', 'Patch it and it leaks again every year; better to do it properly once.'] },
      {
        author: 'resident-09',
        stance: 'AGAINST',
        on: 1,
        text: ['动用维修基金要三分之二业主签字，太难了。', 'Using the fund needs two thirds of owners to sign; that is too hard.'],
      },
      { author: 'resident-11', stance: 'QUESTION', on: 0, text: ['局部修补能保几年？', 'How many years will a patch last?'] },
    ],
    voting: { by: 'cadre', openedDaysAgo: 78, closedDaysAgo: 74 },
    action: {
      title: ['对5号楼屋面漏点进行局部修补', 'Patch the leaks on the Building 5 roof'],
      department: ['物业服务中心', 'Property management office'],
      createdDaysAgo: 73,
      startedDaysAgo: 70,
      doneDaysAgo: 62,
      dueDaysAgo: 60,
      milestones: [
        { title: ['清理屋面', 'Clear the roof'], weight: 1, doneDaysAgo: 68 },
        { title: ['修补漏点', 'Seal the leaks'], weight: 3, doneDaysAgo: 64 },
        { title: ['淋水试验', 'Water test'], weight: 1, doneDaysAgo: 62 },
      ],
      updates: [
        { author: 'cadre', daysAgo: 64, text: ['修补已完成，待淋水试验。', 'Sealing is done; the water test is next.'] },
        { author: 'cadre', daysAgo: 62, text: ['淋水试验未见渗漏。', 'No leaks in the water test.'] },
      ],
    },
    ratings: {
      values: [1, 1, 5],
      comments: {
        DISSATISFIED: [
          ['上周下大雨又漏了。', 'It leaked again in last week’s heavy rain.'],
          ['只补了一处，旁边又裂了。', 'Only one spot was patched; the one next to it has cracked.'],
        ],
      },
    },
  },
  {
    key: 'parcels',
    community: 'xinhua-lane',
    category: 'order',
    reporter: 'resident-14',
    title: ['小区北门快递堆放混乱', 'Parcels pile up in a mess at the north gate'],
    body: [
      '快递员把包裹堆在北门门卫室外的地上，下雨被淋湿，还经常被拿错、丢件。',
      'Couriers leave parcels on the ground outside the north gate guardhouse. They get wet in the rain and are often taken by mistake or lost.',
    ],
    place: ['北门门卫室外', 'Outside the north gate guardhouse'],
    reportedDaysAgo: 25,
    status: 'IN_PROGRESS',
    seconds: 7,
    acknowledge: {
      afterHours: 30,
      by: 'cadre',
      owner: 'cadre',
      answer: ['已与几家快递网点沟通，请居民讨论解决办法。', 'We have talked to the courier depots. Residents, please discuss a solution.'],
    },
    proposals: [
      {
        author: 'resident-08',
        title: ['在北门安装智能快递柜', 'Install smart parcel lockers at the north gate'],
        body: ['由快递柜公司免费安装，居民凭取件码取件。', 'A locker company installs them free of charge; residents collect with a pick-up code.'],
        votes: [9, 1, 1],
      },
      {
        author: 'resident-02',
        title: ['请门卫代收并登记', 'Have the guards receive and log parcels'],
        body: ['门卫室腾出一个货架，代收快递并登记。', 'The guardhouse clears a shelf, receives parcels and logs them.'],
        votes: [3, 6, 2],
      },
    ],
    comments: [
      { author: 'resident-01', stance: 'FOR', on: 0, text: ['快递柜24小时能取，很方便。', 'Lockers can be opened around the clock. Very handy.'] },
      { author: 'resident-07', stance: 'AGAINST', on: 1, text: ['门卫只有一个人，忙不过来。', 'There is only one guard; he cannot keep up.'] },
    ],
    voting: { by: 'cadre', openedDaysAgo: 16, closedDaysAgo: 11 },
    action: {
      title: ['在北门安装智能快递柜', 'Install smart parcel lockers at the north gate'],
      owner: 'cadre',
      createdDaysAgo: 10,
      dueDaysAgo: -20,
      milestones: [
        { title: ['与快递柜公司签约', 'Sign with a locker company'], weight: 2 },
        { title: ['场地硬化并接电', 'Pave the site and bring power'], weight: 2 },
        { title: ['安装并试运行', 'Install and trial'], weight: 1 },
      ],
      updates: [{ author: 'cadre', daysAgo: 6, text: ['已联系三家快递柜公司比价。', 'We have asked three locker companies for quotes.'] }],
    },
  },
  {
    key: 'ebikes',
    community: 'xinhua-lane',
    category: 'safety',
    reporter: 'resident-06',
    title: ['楼道电动车飞线充电', 'Stray electric-bike charging in stairwells'],
    body: [
      '好几栋楼都有人从家里拉电线到楼道给电动车充电，电线横在楼梯上，晚上看不清容易绊倒，更怕起火。',
      'In several buildings people run cables from their flats to charge e-bikes in the stairwell. The cables cross the stairs, are easy to trip over in the dark, and could start a fire.',
    ],
    place: ['各楼楼道', 'Stairwells of all buildings'],
    reportedDaysAgo: 10,
    status: 'VOTING',
    seconds: 8,
    acknowledge: {
      afterHours: 6,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '楼道充电有重大火灾隐患，社区高度重视，已请物业先清理楼道电线，并征集长期解决方案。',
        'Charging in stairwells is a serious fire risk. We have asked the property manager to clear the cables now, and are collecting proposals for a lasting solution.',
      ],
    },
    proposals: [
      {
        author: 'resident-13',
        title: ['在车棚加装集中充电桩，扫码付费', 'Install shared charging posts in the bike shed, paid per use by QR code'],
        body: [
          '车棚已有电源，加装20个充电口，充满一次约1元，定时断电更安全。',
          'The bike shed already has power. Add 20 charging points at about 1 yuan a charge, with automatic cut-off for safety.',
        ],
        votes: [6, 1, 1],
      },
      {
        author: 'resident-01',
        title: ['楼道张贴禁令，由楼长每晚巡查', 'Post a ban in every stairwell and have building captains patrol each evening'],
        body: ['每栋楼张贴禁止楼道充电的告示，楼长晚上9点巡查一次。', 'Post a no-charging notice in every building, and have the building captain check at 9 pm.'],
        votes: [3, 4, 1],
      },
      {
        author: 'resident-17',
        title: ['大容量电池优惠代购', 'Discount high-capacity batteries'],
        body: ['需要换电池的加我微信，价格比店里便宜。', 'Add me on WeChat if you need a new battery; cheaper than the shops.'],
        hidden: { by: 'cadre', afterHours: 2, reason: ['广告内容，与议题无关', 'Advertising, unrelated to the concern'] },
      },
    ],
    comments: [
      {
        author: 'resident-08',
        stance: 'FOR',
        on: 0,
        text: ['车棚本来就有电源，改造成本不高，支持。', 'The shed already has power, so the work is cheap. I support this.'],
      },
      { author: 'resident-12', stance: 'QUESTION', on: 0, text: ['充电桩谁出钱？每次多少钱？', 'Who pays for the posts, and how much is a charge?'] },
      { author: 'resident-10', stance: 'AGAINST', on: 1, text: ['光靠巡查管不住，晚上11点以后就没人查了。', 'Patrols alone will not work; nobody checks after 11 pm.'] },
      {
        author: 'resident-17',
        stance: 'AGAINST',
        text: ['楼长就是摆设，什么都不管！', 'The building captains are useless and do nothing!'],
        hidden: { by: 'cadre', afterHours: 1, reason: ['言语不文明，请就事论事', 'Uncivil language; please keep to the issue'] },
      },
      { author: 'cadre', stance: 'NEUTRAL', text: ['投票截止前请大家继续发表意见。', 'Please keep commenting until voting closes.'] },
    ],
    // Still open: the demo resident has not voted yet.
    voting: { by: 'cadre', openedDaysAgo: 2, closesInDays: 3, noVote: ['resident'] },
  },
  {
    key: 'ebikes-b3',
    community: 'xinhua-lane',
    group: 'b3',
    category: 'safety',
    reporter: 'resident-07',
    title: ['3号楼楼道里有人给电动车充电', 'Someone charges an e-bike in the Building 3 stairwell'],
    body: [
      '3号楼2单元一楼楼道每天晚上都有电动车在充电，电线从窗户拉出来。',
      'Every night an e-bike charges in the ground-floor stairwell of Building 3, Unit 2, with a cable run out of a window.',
    ],
    place: ['3号楼2单元一楼', 'Building 3, Unit 2, ground floor'],
    reportedDaysAgo: 9,
    status: 'MERGED',
    seconds: 1,
    merge: { afterHours: 5, by: 'cadre', into: 'ebikes' },
  },
  {
    key: 'footpath',
    community: 'xinhua-lane',
    category: 'alleys',
    reporter: 'resident',
    title: ['东门人行道坑洼，老人容易绊倒', 'The footpath at the east gate is uneven and older residents trip'],
    body: [
      '东门到菜市场的人行道地砖松动、高低不平，上周3号楼的刘奶奶在这里摔了一跤。下雨积水后更看不清。',
      'The paving between the east gate and the market is loose and uneven; last week an elderly lady from Building 3 fell here. When it rains, puddles hide the gaps.',
    ],
    place: ['东门至菜市场人行道', 'Footpath from the east gate to the market'],
    reportedDaysAgo: 6,
    status: 'ACKNOWLEDGED',
    seconds: 5,
    acknowledge: {
      afterHours: 30,
      by: 'cadre',
      owner: 'cadre',
      answer: [
        '已请街道城管科现场查看，将在下次居民议事会上讨论修补方案，请大家提出建议。',
        'We asked the sub-district city management office to inspect the site, and will discuss repairs at the next residents’ council. Please send in your suggestions.',
      ],
    },
    proposals: [
      {
        author: 'resident-12',
        title: ['用透水砖重新铺设并加装扶手', 'Relay the path with permeable paving and add a handrail'],
        body: [
          '透水砖下雨不积水；坡道处加一段扶手，方便老人。',
          'Permeable paving does not hold puddles; a short handrail on the slope helps older people.',
        ],
      },
    ],
    comments: [{ author: 'resident-04', stance: 'FOR', on: 0, text: ['扶手很有必要。', 'The handrail is really needed.'] }],
  },
  {
    key: 'greenspace',
    community: 'xinhua-lane',
    group: 'b2',
    category: 'parking',
    reporter: 'resident-05',
    title: ['把中心绿地改成停车位', 'Turn the central lawn into parking spaces'],
    body: [
      '停车太难了，中心绿地平时没什么人用，不如改成20个车位。',
      'Parking is too hard. The central lawn is hardly used; it could become 20 parking spaces.',
    ],
    place: ['小区中心绿地', 'Central lawn'],
    reportedDaysAgo: 20,
    status: 'DECLINED',
    seconds: 1,
    decline: {
      afterHours: 20,
      by: 'cadre',
      reason: [
        '中心绿地是规划确定的公共绿地，不能改建为停车位。停车难已通过“错时共享停车”规则部分缓解，晚间可停放在区税务所门前。',
        'The central lawn is public green space fixed in the plan and cannot become parking. The after-hours shared parking rule already helps: in the evening you can park at the District Tax Office entrance.',
      ],
    },
    comments: [
      {
        author: 'resident-04',
        stance: 'AGAINST',
        text: ['绿地是孩子和老人活动的地方，不同意改。', 'The lawn is where children and older people spend time; I disagree.'],
      },
    ],
  },
  {
    key: 'bins',
    community: 'xinhua-lane',
    group: 'b4',
    category: 'sanitation',
    reporter: 'resident-09',
    title: ['4号楼旁垃圾桶天天满溢', 'The bins beside Building 4 overflow every day'],
    body: [
      '4号楼西侧的垃圾投放点只有两个桶，每天下午就满了，垃圾堆在地上，夏天气味很大，还招老鼠。希望增加桶数或清运次数。',
      'The collection point west of Building 4 has only two bins. They are full by each afternoon and rubbish piles up on the ground; it smells in summer and attracts rats. We would like more bins or more frequent collection.',
    ],
    place: ['4号楼西侧垃圾投放点', 'Rubbish point, west side of Building 4'],
    reportedDaysAgo: 4.5,
    status: 'REPORTED',
    seconds: 6,
    escalate: true,
  },
  {
    key: 'doorlock',
    community: 'xinhua-lane',
    group: 'b1',
    category: 'safety',
    reporter: 'resident-02',
    title: ['1号楼单元门门锁坏了', 'The Building 1 entrance door lock is broken'],
    body: [
      '1号楼2单元的单元门电子锁坏了三天了，一推就开，晚上外来人员随意进出，老人们很担心安全。',
      'The electronic lock on the entrance door of Building 1, Unit 2 has been broken for three days. The door opens with a push, outsiders come and go at night, and the older residents are worried.',
    ],
    place: ['1号楼2单元门口', 'Building 1, Unit 2 entrance'],
    reportedDaysAgo: 5 / 24,
    status: 'REPORTED',
    seconds: 2,
    noSecond: ['resident'],
    comments: [
      {
        author: 'resident-01',
        stance: 'NEUTRAL',
        text: ['晚上十点以后经常有外人进出。', 'Strangers often come in after 10 pm.'],
      },
    ],
  },
  // ── Taoyuan Village ──
  {
    key: 'toilet',
    community: 'taoyuan-village',
    group: 'h1',
    category: 'toilets',
    reporter: 'resident-18',
    reporterPublic: true,
    title: ['东坡组旱厕脏臭，急需改造', 'The East Slope dry toilet is filthy and needs rebuilding'],
    body: [
      '东坡组村口的公共旱厕用了二十多年，夏天苍蝇成群、臭气熏天，下雨天粪水还会漫到路上。老人和孩子都不愿意去。',
      'The public dry toilet at the East Slope entrance is over twenty years old. In summer it swarms with flies and stinks, and in the rain sewage overflows onto the road. Old people and children avoid it.',
    ],
    place: ['东坡组村口公厕', 'Public toilet at the East Slope entrance'],
    reportedDaysAgo: 70,
    status: 'IN_PROGRESS',
    seconds: 6,
    acknowledge: {
      afterHours: 20,
      by: 'village-cadre',
      owner: 'village-cadre',
      answer: [
        '村委会已将东坡组公厕改造列入今年“厕所革命”项目，请村民商议改造方案。',
        'The village committee has put the East Slope toilet into this year’s toilet-improvement programme. Villagers, please agree on a design.',
      ],
    },
    proposals: [
      {
        author: 'resident-26',
        title: ['改建为水冲式公厕，接入三格式化粪池', 'Rebuild as a flush toilet with a three-chamber septic tank'],
        body: [
          '拆除旧旱厕，新建男女分设的水冲式公厕，粪污进入三格式化粪池处理后还田。',
          'Demolish the old dry toilet and build a flush toilet with separate men’s and women’s sides; waste goes to a three-chamber septic tank and then back to the fields.',
        ],
        votes: [7, 1, 1],
      },
      {
        author: 'resident-20',
        title: ['只翻新外墙，加装照明和排风扇', 'Only refurbish the walls and add lighting and a fan'],
        body: ['花钱少，先把最难受的问题解决。', 'Cheaper, and fixes the worst of it first.'],
        votes: [2, 6, 1],
      },
    ],
    comments: [
      { author: 'resident-19', stance: 'FOR', on: 0, text: ['早该改了，城里亲戚来了都不好意思。', 'Long overdue. We are embarrassed when relatives visit from town.'] },
      { author: 'resident-25', stance: 'QUESTION', on: 0, text: ['冬天水管会不会冻住？', 'Will the pipes freeze in winter?'] },
      { author: 'resident-22', stance: 'AGAINST', on: 0, text: ['水冲式要交水费，谁来出？', 'A flush toilet means water bills. Who pays?'] },
      { author: 'resident-24', stance: 'NEUTRAL', text: ['施工期间要有临时厕所。', 'We will need a temporary toilet during the works.'] },
    ],
    voting: { by: 'village-cadre', openedDaysAgo: 60, closedDaysAgo: 55 },
    action: {
      title: ['东坡组公厕改造', 'Rebuild the East Slope public toilet'],
      department: ['镇农业农村办', 'Township agriculture and rural affairs office'],
      createdDaysAgo: 54,
      startedDaysAgo: 50,
      dueDaysAgo: -25,
      milestones: [
        { title: ['确定设计方案', 'Agree the design'], weight: 1, doneDaysAgo: 48 },
        { title: ['拆除旧厕并搭建临时厕所', 'Demolish the old toilet and put up a temporary one'], weight: 2, doneDaysAgo: 30 },
        { title: ['化粪池施工', 'Build the septic tank'], weight: 3 },
        { title: ['主体建设与水电安装', 'Build the main structure, water and power'], weight: 3 },
        { title: ['竣工验收', 'Final inspection'], weight: 1 },
      ],
      updates: [
        { author: 'village-cadre', daysAgo: 48, text: ['设计方案已确定，男女各3个蹲位，含无障碍间。', 'The design is agreed: three stalls each side, plus an accessible one.'] },
        { author: 'village-cadre', daysAgo: 30, text: ['旧厕已拆除，临时厕所设在晒场东侧。', 'The old toilet is down; a temporary one stands east of the threshing ground.'] },
        { author: 'village-cadre', daysAgo: 12, text: ['化粪池正在开挖，预计两周完成。', 'The septic tank is being dug; about two weeks to go.'] },
      ],
    },
  },
  {
    key: 'road',
    community: 'taoyuan-village',
    group: 'h3',
    category: 'roads',
    reporter: 'resident-22',
    title: ['南塘组进村道路坑洼不平', 'The road into South Pond is full of potholes'],
    body: [
      '南塘组到村部的两公里土路，雨后全是泥坑，三轮车常陷住，孩子上学满鞋是泥，老人看病也不方便。',
      'The two-kilometre dirt road from South Pond to the village office turns into mud holes after rain. Tricycles get stuck, children reach school covered in mud, and older people struggle to get to the clinic.',
    ],
    place: ['南塘组至村部道路', 'Road from South Pond to the village office'],
    reportedDaysAgo: 55,
    status: 'IN_PROGRESS',
    seconds: 7,
    // Answered late: it counts against the on-time response rate.
    escalate: true,
    acknowledge: {
      afterHours: 110,
      by: 'village-cadre',
      owner: 'village-cadre',
      answer: [
        '抱歉回复晚了。已向镇交通办反映，请村民先商议修路方案。',
        'Sorry for the late reply. We have raised it with the township transport office; villagers, please agree on a plan first.',
      ],
    },
    proposals: [
      {
        author: 'resident-23',
        title: ['申请“村村通”资金，硬化为水泥路', 'Apply for rural-road funds and pave it with concrete'],
        body: ['由村委会向镇里申请“村村通”项目资金，铺设3.5米宽水泥路。', 'The committee applies to the township for rural-road funds to lay a 3.5-metre concrete road.'],
        votes: [8, 0, 1],
      },
      {
        author: 'resident-24',
        title: ['村民自筹砂石先填坑', 'Villagers pool gravel to fill the holes first'],
        body: ['每户出一车砂石，农闲时一起填平。', 'Each household gives a cartload of gravel and we fill the holes together in the slack season.'],
        votes: [3, 4, 2],
      },
    ],
    comments: [
      { author: 'resident-21', stance: 'FOR', on: 0, text: ['一次修好最省事。', 'Doing it properly once is least trouble.'] },
      { author: 'resident-27', stance: 'QUESTION', on: 0, text: ['资金批下来要等多久？', 'How long until the money is approved?'] },
    ],
    voting: { by: 'village-cadre', openedDaysAgo: 45, closedDaysAgo: 40 },
    action: {
      title: ['南塘组进村道路硬化', 'Pave the road into South Pond'],
      department: ['镇交通办', 'Township transport office'],
      createdDaysAgo: 39,
      startedDaysAgo: 35,
      dueDaysAgo: -60,
      blocked: {
        daysAgo: 20,
        reason: [
          '等待县交通局下拨“村村通”专项资金，预计下季度到位。',
          'Waiting for the county transport bureau’s rural-road funds, expected next quarter.',
        ],
      },
      milestones: [
        { title: ['测量与预算', 'Survey and budget'], weight: 1, doneDaysAgo: 33 },
        { title: ['提交资金申请', 'Submit the funding application'], weight: 1, doneDaysAgo: 30 },
        { title: ['路基施工', 'Build the roadbed'], weight: 3 },
        { title: ['浇筑水泥路面', 'Pour the concrete'], weight: 3 },
        { title: ['竣工验收', 'Final inspection'], weight: 1 },
      ],
      updates: [
        { author: 'village-cadre', daysAgo: 30, text: ['预算约42万元，资金申请已报镇里。', 'The budget is about 420,000 yuan; the application is with the township.'] },
        { author: 'village-cadre', daysAgo: 20, text: ['县里资金下季度才能到位，工程暂停。', 'The county money arrives next quarter; work is on hold until then.'] },
      ],
    },
  },
  {
    key: 'rubbish-point',
    community: 'taoyuan-village',
    group: 'h2',
    category: 'sanitation',
    reporter: 'resident-21',
    title: ['西岭组垃圾收集点选在哪里', 'Where should the West Ridge rubbish collection point go'],
    body: [
      '西岭组原来的垃圾堆在小河边，一下雨就冲进河里。村里要建新的收集点，但大家对位置意见不一。',
      'West Ridge’s old rubbish heap sits by the stream and washes into the water whenever it rains. The village will build a new collection point, but people disagree on where.',
    ],
    place: ['西岭组', 'West Ridge Hamlet'],
    reportedDaysAgo: 20,
    status: 'DECIDED',
    seconds: 5,
    acknowledge: {
      afterHours: 24,
      by: 'village-cadre',
      answer: ['请西岭组村民提出选址方案，下周投票。', 'West Ridge villagers, please propose sites; we vote next week.'],
    },
    proposals: [
      {
        author: 'resident-27',
        title: ['设在村西晒谷场北角，远离水源', 'On the north corner of the west threshing ground, away from the water'],
        body: ['离小河200米以上，垃圾车也方便进出。', 'More than 200 metres from the stream, and easy for the collection truck.'],
        votes: [7, 2, 0],
      },
      {
        author: 'resident-20',
        title: ['设在老槐树下路口，方便倒垃圾', 'At the junction under the old locust tree, handy for everyone'],
        body: ['在村子中间，大家走几步就到。', 'In the middle of the hamlet, a few steps for everyone.'],
        votes: [3, 5, 1],
      },
    ],
    comments: [
      { author: 'resident-26', stance: 'FOR', on: 0, text: ['远离小河最要紧。', 'Keeping it away from the stream matters most.'] },
      { author: 'resident-20', stance: 'AGAINST', on: 0, text: ['晒谷场离东头人家太远。', 'The threshing ground is too far for households at the east end.'] },
    ],
    voting: { by: 'village-cadre', openedDaysAgo: 8, closedDaysAgo: 2 },
  },
  {
    key: 'water',
    community: 'taoyuan-village',
    group: 'h4',
    category: 'water',
    reporter: 'resident-25',
    title: ['北湾组自来水水压太低', 'Tap water pressure in North Bend is too low'],
    body: [
      '每天早上6点到8点，北湾组高处几户的水龙头几乎没水，热水器也点不着。',
      'From 6 to 8 every morning the taps in the higher houses of North Bend barely run, and water heaters will not ignite.',
    ],
    place: ['北湾组坡上住户', 'Hillside houses, North Bend'],
    reportedDaysAgo: 3,
    status: 'ACKNOWLEDGED',
    seconds: 3,
    acknowledge: {
      afterHours: 20,
      by: 'village-cadre',
      owner: 'village-cadre',
      answer: [
        '已报镇供水站，下周三派人检查北湾组加压泵。',
        'Reported to the township water station; they will check the North Bend booster pump next Wednesday.',
      ],
    },
  },
  {
    key: 'bridge',
    community: 'taoyuan-village',
    group: 'h4',
    category: 'safety',
    reporter: 'resident-24',
    title: ['村口小桥栏杆松动', 'The railing on the bridge at the village entrance is loose'],
    body: [
      '村口小桥东侧的铁栏杆有两段已经松了，一靠就晃，放学的孩子常在桥上打闹。',
      'Two sections of the iron railing on the east side of the entrance bridge are loose and sway when leaned on; children play there on the way home from school.',
    ],
    place: ['村口小桥', 'Bridge at the village entrance'],
    reportedDaysAgo: 2 / 24,
    status: 'REPORTED',
    seconds: 1,
  },
];

/** Rating comments for raters with no comment of their own in the concern's spec; some leave none. */
export const ratingComments: Record<'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED', Bi[]> = {
  SATISFIED: [
    ['问题解决了，效果很好。', 'The problem is solved and it works well.'],
    ['办得快，点赞。', 'Done quickly. Well done.'],
  ],
  BASICALLY_SATISFIED: [['基本解决，还有些细节要完善。', 'Mostly solved; a few details still need work.']],
  DISSATISFIED: [['没有解决根本问题。', 'It did not fix the real problem.']],
};

// ───────────────────────────── rules ─────────────────────────────

export interface RuleVersionSpec {
  title: Bi;
  body: Bi;
  createdDaysAgo: number;
  effectiveDaysAgo: number;
  /** Negative: in the future. */
  reviewDaysAgo: number;
  changeNote?: Bi;
}

export interface RuleSpec {
  key: string;
  community: CommunitySlug;
  /** The concern whose decision the rule came from. */
  source: string;
  createdBy: string;
  versions: RuleVersionSpec[];
}

const parkingRuleV1: RuleVersionSpec = {
  title: ['错时共享停车', 'After-hours shared parking'],
  body: [
    '一、区税务所门前30个车位在工作日19:00至次日7:30、周末及法定节假日全天向登记居民开放。\n' +
      '二、居民凭社区发放的共享停车证停放，每户限一辆。\n' +
      '三、工作日早7:30前须驶离，逾期两次者暂停停车证一个月。\n' +
      '四、共享车位不收费；社区每季度与税务所回顾一次执行情况。',
    '1. The 30 spaces at the District Tax Office entrance are open to registered residents 19:00–07:30 on weekdays and all day at weekends and on public holidays.\n' +
      '2. Residents park with a shared-parking permit issued by the community, one per household.\n' +
      '3. On weekdays cars leave by 07:30; two late departures suspend the permit for a month.\n' +
      '4. The spaces are free; the community reviews the arrangement with the Tax Office every quarter.',
  ],
  createdDaysAgo: 99,
  effectiveDaysAgo: 98,
  // The three-month trial ends soon: its review falls due within ten days.
  reviewDaysAgo: -7,
};

export const rules: RuleSpec[] = [
  {
    key: 'parking-rule',
    community: 'xinhua-lane',
    source: 'parking',
    createdBy: 'cadre',
    versions: [parkingRuleV1],
  },
  {
    key: 'floor-rule',
    community: 'xinhua-lane',
    source: 'floor',
    createdBy: 'cadre',
    versions: [
      {
        title: ['装修期间保护公共楼道地面', 'Renovating households protect the common stairway floor'],
        body: [
          '一、装修户开工前须在本单元楼道（一楼至装修楼层）铺设保护垫，并向楼长登记。\n' +
            '二、开工前交纳押金500元，完工后由楼长和物业共同验收，地面、墙面无损坏的全额退还。\n' +
            '三、造成损坏的，由装修户负责修复，或从押金中扣除修复费用。\n' +
            '四、建筑垃圾须袋装并当日清运，不得在楼道过夜堆放。',
          '1. Before work starts, the renovating household lays protective mats in its stairway (ground floor to the floor being renovated) and registers with the building captain.\n' +
            '2. The household pays a 500-yuan deposit before work starts. When the work is finished the building captain and the property manager inspect together; if floor and walls are undamaged the deposit is returned in full.\n' +
            '3. The household repairs any damage it causes, or the repair is paid from the deposit.\n' +
            '4. Building waste is bagged and removed the same day, never left in the stairway overnight.',
        ],
        createdDaysAgo: 73,
        effectiveDaysAgo: 72,
        reviewDaysAgo: -108,
      },
      {
        title: ['装修期间保护公共楼道地面', 'Renovating households protect the common stairway floor'],
        body: [
          '一、装修户开工前须在本单元楼道（一楼至装修楼层）铺设保护垫，并向楼长登记。\n' +
            '二、开工前交纳押金500元，完工后由楼长和物业共同验收，地面、墙面无损坏的，于验收合格后7日内全额退还。70岁以上住户可以书面承诺代替押金。\n' +
            '三、造成损坏的，由装修户负责修复，或从押金中扣除修复费用。\n' +
            '四、建筑垃圾须袋装并当日清运，不得在楼道过夜堆放。',
          '1. Before work starts, the renovating household lays protective mats in its stairway (ground floor to the floor being renovated) and registers with the building captain.\n' +
            '2. The household pays a 500-yuan deposit before work starts. When the work is finished the building captain and the property manager inspect together; if floor and walls are undamaged the deposit is returned in full within 7 days of the inspection. Residents over 70 may give a written pledge instead of a deposit.\n' +
            '3. The household repairs any damage it causes, or the repair is paid from the deposit.\n' +
            '4. Building waste is bagged and removed the same day, never left in the stairway overnight.',
        ],
        createdDaysAgo: 21,
        effectiveDaysAgo: 20,
        reviewDaysAgo: -160,
        changeNote: [
          '押金须在验收合格后7日内退还；70岁以上住户可用书面承诺代替押金。',
          'Deposits are returned within 7 days of a passed inspection; residents over 70 may give a written pledge instead.',
        ],
      },
    ],
  },
];

/** Taoyuan Village adopts the parking rule from the practice library, then fits it to the village. */
export const adoption = {
  source: 'parking-rule',
  community: 'taoyuan-village' as CommunitySlug,
  by: 'village-cadre',
  adoptedDaysAgo: 30,
  copy: { effectiveDaysAgo: 30, reviewDaysAgo: -150 },
  amendment: {
    title: ['错时共享停车', 'After-hours shared parking'] as Bi,
    body: [
      '一、村委会大院停车场在工作日18:00至次日7:30、周末及赶集日全天向本村村民开放。\n' +
        '二、村民凭村委会发放的停车证停放，每户限一辆，农用车除外。\n' +
        '三、工作日早7:30前须驶离，逾期两次者暂停停车证一个月。\n' +
        '四、车位不收费；村民代表会议每半年回顾一次执行情况。',
      '1. The village committee car park is open to villagers 18:00–07:30 on weekdays and all day at weekends and on market days.\n' +
        '2. Villagers park with a permit issued by the committee, one per household; farm vehicles excluded.\n' +
        '3. On weekdays cars leave by 07:30; two late departures suspend the permit for a month.\n' +
        '4. Parking is free; the villagers’ representative meeting reviews the arrangement every six months.',
    ] as Bi,
    createdDaysAgo: 28,
    effectiveDaysAgo: 27,
    reviewDaysAgo: -150,
    changeNote: [
      '按本村情况调整：改为村委会大院停车场，赶集日全天开放。',
      'Fitted to the village: the committee car park instead, open all day on market days.',
    ] as Bi,
  },
};

// ───────────────────────────── notifications ─────────────────────────────

export type NotificationKind =
  | 'CONCERN_ACKNOWLEDGED'
  | 'CONCERN_DECLINED'
  | 'DECISION_RECORDED'
  | 'ACTION_PROGRESS'
  | 'RATING_REQUESTED'
  | 'RULE_REVIEW_DUE'
  | 'CONCERN_OVERDUE';

export interface NotificationSpec {
  user: string;
  kind: NotificationKind;
  /** A concern key, or a rule key for RULE_REVIEW_DUE. */
  about: string;
  /** Only for ACTION_PROGRESS: the progress update it announces. */
  daysAgo?: number;
  /** Unread when omitted. */
  readAfterHours?: number;
}

export const notifications: NotificationSpec[] = [
  { user: 'resident', kind: 'CONCERN_ACKNOWLEDGED', about: 'footpath', readAfterHours: 2 },
  { user: 'resident', kind: 'DECISION_RECORDED', about: 'lighting', readAfterHours: 5 },
  { user: 'resident', kind: 'ACTION_PROGRESS', about: 'lighting', daysAgo: 18, readAfterHours: 20 },
  { user: 'resident', kind: 'ACTION_PROGRESS', about: 'lighting', daysAgo: 4 },
  { user: 'resident', kind: 'RATING_REQUESTED', about: 'lighting' },
  { user: 'resident-05', kind: 'CONCERN_DECLINED', about: 'greenspace', readAfterHours: 3 },
  { user: 'resident-13', kind: 'RATING_REQUESTED', about: 'roof', readAfterHours: 6 },
  { user: 'resident-21', kind: 'DECISION_RECORDED', about: 'rubbish-point' },
  { user: 'admin', kind: 'CONCERN_OVERDUE', about: 'bins' },
  { user: 'cadre', kind: 'CONCERN_OVERDUE', about: 'bins' },
  { user: 'cadre', kind: 'RULE_REVIEW_DUE', about: 'parking-rule' },
];
