// Strings of src/features/board. Only placeholder titles so far; the feature adds its own.
export const board = {
  title: '社区诉求',
};
