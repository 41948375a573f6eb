import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Row,
  Space,
  Tag,
  Tree,
  type TreeDataNode,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import { AddAreaModal } from './AddAreaModal';
import { type Area, useArea, useAreasInScope } from './api';
import { type AreaNode, buildAreaTree } from './tree';

const LEVEL_COLOR: Record<string, string> = {
  city: 'purple',
  district: 'blue',
  street: 'cyan',
  community: 'green',
};

function AreaDetailCard({ id, onPick }: { id: string; onPick: (id: string) => void }) {
  const { t } = useTranslation(['areas', 'common']);
  const label = useLabel();
  const area = useArea(id);
  const a = area.data;
  return (
    <QueryState isLoading={area.isLoading} error={area.error} onRetry={() => void area.refetch()}>
      {a && (
        <Descriptions column={1} bordered size="small" data-testid="area-detail">
          <Descriptions.Item label={t('name')}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={t('code')}>{a.code}</Descriptions.Item>
          <Descriptions.Item label={t('level')}>
            <Tag color={LEVEL_COLOR[a.level]}>{label('areaLevel', a.level)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('ancestors')}>
            {a.ancestors.length
              ? a.ancestors.map((x) => x.name).join(' / ')
              : t('common:state.none')}
          </Descriptions.Item>
          {a.level === 'district' && (
            <Descriptions.Item label={t('standard')}>
              {a.minimumLivingStandardFen
                ? t('standardUnit', { amount: formatYuan(a.minimumLivingStandardFen) })
                : t('standardMissing')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('children')}>
            {a.children.length ? (
              <Space wrap>
                {a.children.map((c) => (
                  <Button key={c.id} size="small" onClick={() => onPick(c.id)}>
                    {c.name}
                  </Button>
                ))}
              </Space>
            ) : (
              t('noChildren')
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </QueryState>
  );
}

/** The area tree in the caller's scope, a detail panel, and adding an area (administrators). */
export function AreasPage() {
  const { t } = useTranslation(['areas', 'common']);
  const label = useLabel();
  const areas = useAreasInScope();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const forest = useMemo(() => buildAreaTree(areas.data ?? []), [areas.data]);
  const selectedId = params.get('area') ?? forest[0]?.area.id;
  const selected = areas.data?.find((a) => a.id === selectedId) ?? null;
  const pick = (id: string) => setParams({ area: id }, { replace: true });

  const treeData = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matches = (a: Area) =>
      !needle || a.name.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle);
    // A node stays when it or anything below it matches the search.
    const toNode = (n: AreaNode<Area>): TreeDataNode | null => {
      const children = n.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      if (!matches(n.area) && children.length === 0) return null;
      return {
        key: n.area.id,
        title: (
          <span>
            {n.area.name}{' '}
            <Tag color={LEVEL_COLOR[n.area.level]} style={{ marginInlineStart: 4 }}>
              {label('areaLevel', n.area.level)}
            </Tag>
          </span>
        ),
        children,
      };
    };
    return forest.map(toNode).filter((c): c is TreeDataNode => c !== null);
  }, [forest, search, label]);

  return (
    <PageContainer
      title={t('title')}
      subTitle={t('subTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {selected ? t('add') : t('addRoot')}
        </Button>
      }
    >
      <QueryState
        isLoading={areas.isLoading}
        error={areas.error}
        empty={areas.data?.length === 0}
        onRetry={() => void areas.refetch()}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card title={t('tree')} size="small">
              <Flex vertical gap={8}>
                <Input.Search
                  allowClear
                  placeholder={t('searchPlaceholder')}
                  aria-label={t('searchPlaceholder')}
                  onChange={(e) => setSearch(e.target.value)}
                />
                <Tree
                  key={search}
                  showLine
                  defaultExpandAll
                  treeData={treeData}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => keys[0] && pick(String(keys[0]))}
                  style={{ maxHeight: 560, overflow: 'auto' }}
                />
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card title={t('detail')} size="small">
              {selectedId ? (
                <AreaDetailCard id={selectedId} onPick={pick} />
              ) : (
                <Empty description={t('pick')} />
              )}
            </Card>
          </Col>
        </Row>
      </QueryState>
      <AddAreaModal
        open={adding}
        parent={selected}
        onClose={() => setAdding(false)}
        onCreated={(area) => {
          setAdding(false);
          pick(area.id);
        }}
      />
    </PageContainer>
  );
}
