// A secret shown masked, with reveal and copy (copy works without revealing).
import { Button, Flex, Tooltip } from 'antd';
import EyeInvisibleOutlined from '@ant-design/icons/es/icons/EyeInvisibleOutlined';
import EyeOutlined from '@ant-design/icons/es/icons/EyeOutlined';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton, MONO } from '../../../components/ui';

export function Secret({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation('link');
  const [shown, setShown] = useState(false);
  const name = shown ? t('common.hide', { label }) : t('common.reveal', { label });
  return (
    <Flex align="center" gap={2}>
      <span data-testid={testId} data-revealed={shown} style={{ fontFamily: MONO, fontSize: 12, wordBreak: 'break-all' }}>
        {shown ? value : '••••••••••••'}
      </span>
      <Tooltip title={name}>
        <Button
          type="text"
          size="small"
          aria-label={name}
          aria-pressed={shown}
          data-testid={`${testId}-reveal`}
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() => setShown(!shown)}
          style={{ height: 22, width: 22, minWidth: 22 }}
        />
      </Tooltip>
      <CopyButton text={value} label={label} testId={`${testId}-copy`} />
    </Flex>
  );
}
