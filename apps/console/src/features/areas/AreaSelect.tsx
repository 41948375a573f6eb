import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useLabel } from '@/lib/dictionaries';
import { type Area, useAreasInScope } from './api';
import { type AreaNode, buildAreaTree } from './tree';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
}

/** Picks one area in the caller's scope, as a tree (used by the users and organizations forms). */
export function AreaSelect({ value, onChange, id, placeholder, allowClear }: Props) {
  const areas = useAreasInScope();
  const label = useLabel();
  const treeData = useMemo(() => {
    const toOption = (n: AreaNode<Area>): object => ({
      value: n.area.id,
      title: `${n.area.name}（${label('areaLevel', n.area.level)}）`,
      children: n.children.map(toOption),
    });
    return buildAreaTree(areas.data ?? []).map(toOption);
  }, [areas.data, label]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={areas.isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={{ width: '100%' }}
    />
  );
}

/** An area id → its name, for tables (an area outside the caller's scope shows as "—"). */
export function useAreaName(): (id: string | null | undefined) => string {
  const areas = useAreasInScope();
  return useMemo(() => {
    const names = new Map((areas.data ?? []).map((a) => [a.id, a.name]));
    return (id) => (id ? (names.get(id) ?? '—') : '—');
  }, [areas.data]);
}
