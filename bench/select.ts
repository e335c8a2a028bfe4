// BENCH_ONLY=bundles,proxy,link,… runs a selection of the bench's sections; unset runs them all.
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export const wanted = (section: string): boolean => only.size === 0 || only.has(section);
