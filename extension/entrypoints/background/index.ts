export default defineBackground(() => {
  // Wired up by the background modules.
});
