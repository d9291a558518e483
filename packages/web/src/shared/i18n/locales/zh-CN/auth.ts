// Strings of src/features/auth. Only placeholder titles so far; the feature adds its own.
export const auth = {
  signInTitle: '登录',
  registerTitle: '注册',
};
