// Strings of src/features/notifications. Only placeholder titles so far; the feature adds its own.
export const notifications = {
  title: '通知',
};
