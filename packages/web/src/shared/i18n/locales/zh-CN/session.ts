// Strings of src/features/session. Only placeholder titles so far; the feature adds its own.
export const session = {
  title: '议事会',
};
