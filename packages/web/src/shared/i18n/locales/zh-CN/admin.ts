// Strings of src/features/admin. Only placeholder titles so far; the feature adds its own.
export const admin = {
  title: '社区管理',
};
