// Strings of src/features/communities. Only placeholder titles so far; the feature adds its own.
export const communities = {
  title: '选择你的社区',
  intro: '在这里反映身边的小事，和邻居一起商量解决。',
};
