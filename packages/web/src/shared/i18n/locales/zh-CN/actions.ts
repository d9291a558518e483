// Strings of src/features/actions. Only placeholder titles so far; the feature adds its own.
export const actions = {
  title: '办理进度',
};
