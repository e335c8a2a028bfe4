// Apply the persisted theme before first paint (no flash of the wrong theme). External file: the CSP forbids inline scripts.
try {
  if (localStorage.getItem('roma.theme') === 'dark') document.documentElement.dataset.theme = 'dark';
} catch {
  /* storage unavailable */
}
