// Strings of src/features/figures. Only placeholder titles so far; the feature adds its own.
export const figures = {
  title: '公开数据',
};
