// Status-aware refresh: poll every `ms` while `when(data)` holds (e.g. something is running),
// never while the tab is in the background (React Query pauses intervals for hidden tabs).
export function visiblePoll<D>(ms: number, when?: (data: D | undefined) => boolean) {
  return {
    refetchInterval: (query: { state: { data: D | undefined } }): number | false =>
      typeof document !== 'undefined' && document.visibilityState === 'hidden'
        ? false
        : when === undefined || when(query.state.data)
          ? ms
          : false,
    refetchIntervalInBackground: false,
  } as const;
}
