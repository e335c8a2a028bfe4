// The filter bar above a list: filters on the left, the refresh button on the right.
import { Flex, Input } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { RefreshButton } from './QueryView';

export function FilterBar({
  query,
  refreshTestId,
  testId,
  children,
}: {
  query: Pick<UseQueryResult, 'refetch' | 'isFetching' | 'isPending'>;
  refreshTestId: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
      <div style={{ flex: 1 }} />
      <RefreshButton query={query} testId={refreshTestId} />
    </Flex>
  );
}

/** Search by name: edits stay local until Enter or the search icon; follows `value` (the URL). */
export function NameSearch({
  value,
  onSearch,
  placeholder,
  maxLength,
  testId,
}: {
  value: string;
  onSearch: (name: string) => void;
  placeholder: string;
  maxLength: number;
  testId: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      allowClear
      style={{ width: 280 }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      data-testid={testId}
      maxLength={maxLength}
    />
  );
}
