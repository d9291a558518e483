// Sentences for everything the server can refuse (see src/shared/errors/describe-error.ts).
// Written for residents: say what happened and what to do, never a code or a server message.
export const errors = {
  generic: '出了点问题，请稍后再试。',
  network: '连不上服务器。请检查手机网络，然后再试一次。',
  notFound: {
    generic: '没有找到要找的内容，它可能已被删除。',
    entity: '没有找到这条{{entity}}，它可能已被删除或合并。',
  },
  forbidden: {
    generic: '你没有权限做这件事。',
    reason: {
      SIGN_IN_REQUIRED: '请先登录。',
      BAD_CREDENTIALS: '账号或密码不对，请再试一次。',
      NOT_A_MEMBER: '只有本社区的成员才能这样做。',
      CADRE_REQUIRED: '只有社区干部才能这样做。',
      ADMIN_REQUIRED: '只有社区管理员才能这样做。',
      MEMBERSHIP_SUSPENDED: '你在本社区的成员身份已被暂停。',
      OWN_CONCERN: '这是你自己反映的诉求，不用再附议。',
    },
  },
  validation: {
    summary_one: '有 {{count}} 处需要修改，请看标出的地方。',
    summary_other: '有 {{count}} 处需要修改，请看标出的地方。',
    field: '这一项需要修改，请再检查一下。',
  },
  // One sentence per FieldIssue.code from the server; {{limit}} is the bound (for files, in MB).
  issue: {
    REQUIRED: '这一项不能空着。',
    TOO_SHORT: '太短了，至少要 {{limit}} 个字。',
    TOO_LONG: '太长了，最多 {{limit}} 个字。',
    TOO_SMALL: '不能小于 {{limit}}。',
    TOO_BIG: '不能大于 {{limit}}。',
    INVALID_FORMAT: '格式不对，请再检查一下。',
    INVALID_VALUE: '这个选项不对，请重新选择。',
    INVALID: '这一项需要修改，请再检查一下。',
    TAKEN: '这个已经有人用了，请换一个。',
    INVALID_INVITATION: '邀请码不对，或者已经过期、用完了。请向社区工作人员核对。',
    WRONG_PASSWORD: '当前密码不对。',
    NOT_IN_FUTURE: '请选一个以后的时间。',
    UNKNOWN_GROUP: '请从列表里选择楼栋或村组。',
    UNKNOWN_CATEGORY: '请从列表里选择类别。',
    SAME_CONCERN: '不能合并到它自己。',
    UNKNOWN_CONCERN: '本社区没有这条诉求，请重新搜索。',
    NOT_A_CADRE: '负责人必须是本社区的干部。',
    FILE_TOO_LARGE: '照片太大了，每张不能超过 {{limit}} MB。',
    FILE_TYPE: '只能上传 JPG、PNG 或 WebP 格式的照片。',
  },
  invalidState: {
    generic: '现在不能这样做，情况可能刚刚有了变化。请刷新后再看看。',
    withState: '现在不能这样做：这条{{entity}}目前是“{{state}}”。',
  },
  rateLimited: {
    retryAfter: '操作太频繁了，请{{relative}}再试。',
    generic: '操作太频繁了，请稍等一会儿再试。',
  },
  code: {
    UNAUTHENTICATED: '登录已过期，请重新登录。',
    FORBIDDEN: '你没有权限查看或操作这些内容。',
    QUERY_TOO_COMPLEX: '一次要看的内容太多了，请缩小范围再试。',
    RATE_LIMITED: '操作太频繁了，请稍等一会儿再试。',
    NOT_FOUND: '没有找到要找的内容，它可能已被删除。',
    INVALID_STATE: '现在不能这样做，情况可能刚刚有了变化。请刷新后再看看。',
    BAD_USER_INPUT: '填写的内容有误，请检查后再试。',
    CSRF: '这个页面需要刷新后才能继续，请刷新页面。',
    GRAPHQL_VALIDATION_FAILED: '这个页面的程序已经过时，请刷新页面。',
    INTERNAL_SERVER_ERROR: '服务器出了点问题，我们会尽快处理。请稍后再试。',
  },
};
