import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, registerMap } from './Chart';
import { ATTAINABILITY_PIECES, type MapArea, mapRegions, NO_DATA_COLOUR } from './map';
import { formatRate } from './rates';

type Row = Parameters<typeof mapRegions>[0][number];

/** Read by screen readers (and the browser test), not shown: the map's figures as a table. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/**
 * The child areas on a map, coloured by attainability in the bands of ATTAINABILITY_PIECES
 * (the visualMap and each region's listed colour come from the same bands); areas with no
 * boundary are named under it.
 */
export function MapCard({
  mapName,
  rows,
  areas,
  extra,
}: {
  mapName: string;
  rows: Row[];
  areas: MapArea[];
  extra?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const { geoJson, drawn, undrawn } = useMemo(() => mapRegions(rows, areas), [rows, areas]);
  const option = useMemo((): EChartsOption | null => {
    if (drawn.length === 0) return null;
    // Registered before the option naming it reaches the chart (this render).
    registerMap(mapName, geoJson);
    const byId = new Map(drawn.map((r) => [r.id, r]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const r = byId.get((p as { name: string }).name);
          if (!r) return '';
          return [
            `<b>${r.name}</b>`,
            `${t('accessibilityRate')}：${formatRate(r.accessibilityRate)}`,
            `${t('attainabilityRate')}：${formatRate(r.attainabilityRate)}`,
          ].join('<br/>');
        },
      },
      visualMap: {
        type: 'piecewise',
        pieces: ATTAINABILITY_PIECES.map((p) => ({ ...p })),
        outOfRange: { color: NO_DATA_COLOUR },
        left: 8,
        bottom: 8,
        itemGap: 6,
      },
      series: [
        {
          type: 'map',
          map: mapName,
          roam: false,
          selectedMode: false,
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#fff', borderWidth: 1.5 },
          label: {
            show: true,
            formatter: (p: { name: string }) => byId.get(p.name)?.name ?? '',
            fontSize: 12,
          },
          emphasis: {
            label: { show: true, fontWeight: 'bold' },
            itemStyle: { areaColor: '#69b1ff' },
          },
          data: drawn.map((r) => ({ name: r.id, value: r.value ?? Number.NaN })),
        },
      ],
    };
  }, [drawn, geoJson, mapName, t]);

  return (
    <Card size="small" title={t('map.title')} extra={extra}>
      {option ? (
        <Chart option={option} height={300} label={t('map.title')} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.none')} />
      )}
      {undrawn.length > 0 && (
        <Flex gap={4} wrap align="center" data-testid="map-undrawn">
          <Typography.Text type="secondary">{t('map.undrawn')}</Typography.Text>
          {undrawn.map((r) => (
            <Tag key={r.id}>{r.name}</Tag>
          ))}
        </Flex>
      )}
      <table style={visuallyHidden} data-testid="map-values">
        <caption>{t('map.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('accessibilityRate')}</th>
            <th scope="col">{t('attainabilityRate')}</th>
          </tr>
        </thead>
        <tbody>
          {[...drawn, ...undrawn].map((r) => (
            <tr
              key={r.id}
              data-area-id={r.id}
              data-attainability={r.attainabilityRate ?? ''}
              data-colour={r.colour}
              data-drawn={drawn.includes(r) ? 'yes' : 'no'}
            >
              <th scope="row">{r.name}</th>
              <td>{formatRate(r.accessibilityRate)}</td>
              <td>{formatRate(r.attainabilityRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
