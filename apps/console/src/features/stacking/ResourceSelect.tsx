import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResourceSearch } from './api';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
  /** The title of the value when it is not among the results (an existing rule's resource). */
  known?: { id: string; title: string } | null;
  disabled?: boolean;
  'aria-label'?: string;
}

/** A resource picked by typing part of its title (the resources list's `q`). */
export function ResourceSelect({ value, onChange, known, disabled, ...rest }: Props) {
  const { t } = useTranslation('stacking');
  const [q, setQ] = useState('');
  const found = useResourceSearch(q.trim());
  const options = (found.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.title}（${r.provider.name}）`,
  }));
  if (known && !options.some((o) => o.value === known.id))
    options.unshift({ value: known.id, label: known.title });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      disabled={disabled}
      placeholder={t('resourceSearch')}
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      options={options}
      aria-label={rest['aria-label']}
    />
  );
}
