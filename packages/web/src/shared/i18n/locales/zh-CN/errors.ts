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
    },
  },
  validation: {
    summary_one: '有 {{count}} 处需要修改，请看标出的地方。',
    summary_other: '有 {{count}} 处需要修改，请看标出的地方。',
    field: '这一项需要修改，请再检查一下。',
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
    BAD_USER_INPUT: '填写的内容有误，请检查后再试。',
    CSRF: '这个页面需要刷新后才能继续，请刷新页面。',
    GRAPHQL_VALIDATION_FAILED: '这个页面的程序已经过时，请刷新页面。',
    INTERNAL_SERVER_ERROR: '服务器出了点问题，我们会尽快处理。请稍后再试。',
  },
};
