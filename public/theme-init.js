// Apply the theme before first paint (no flash of the wrong theme): the persisted choice, else the
// system's preference. External file: the CSP forbids inline scripts.
try {
  var saved = localStorage.getItem('roma.theme');
  var dark = saved === 'dark' || (saved !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.dataset.theme = 'dark';
} catch {
  /* storage unavailable */
}
