// Strings of src/features/concern. Only placeholder titles so far; the feature adds its own.
export const concern = {
  title: '诉求详情',
};
