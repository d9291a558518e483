// Strings of src/features/rules. Only placeholder titles so far; the feature adds its own.
export const rules = {
  title: '社区规约',
  libraryTitle: '经验库',
};
