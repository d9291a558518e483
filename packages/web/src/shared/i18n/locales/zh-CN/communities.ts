// Strings of src/features/communities: the community chooser.
export const communities = {
  title: '选择你的社区',
  intro: '在这里反映身边的小事，和邻居一起商量解决。',
  mine: '我的社区',
  public: '公开的社区',
  publicIntro: '不是成员也可以看这些社区的诉求和办理情况。',
  none: '还没有可以查看的社区',
  noneBody: '如果你有邀请码，请注册后加入社区。',
  kind: {
    NEIGHBOURHOOD: '城市社区',
    VILLAGE: '村庄',
    WORKPLACE: '单位',
  },
  role: {
    RESIDENT: '居民',
    CADRE: '社区干部',
    ADMIN: '管理员',
  },
  yourRole: '你的身份：{{role}}',
  open: '进入{{name}}',
  join: {
    title: '想加入一个社区？',
    body: '向社区工作人员要一个邀请码，然后注册。',
    register: '用邀请码注册',
    signIn: '已有账号，去登录',
  },
};
