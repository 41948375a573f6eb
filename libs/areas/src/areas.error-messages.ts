import type { ConstraintsOf, ErrorMessageTable } from '@onedoor/platform';
import type { AREAS_ERRORS } from './areas.errors';

/** The areas lib's error texts: zh-CN for the offices, en as the code's label. */
export const AREAS_ERROR_MESSAGES = {
  AREA_NOT_FOUND: { 'zh-CN': '未找到该区域', en: 'Area not found' },
  AREA_PARENT_INVALID: { 'zh-CN': '上级区域不正确', en: 'Invalid parent area' },
  AREA_CODE_TAKEN: { 'zh-CN': '该区域代码已被使用', en: 'Area code already taken' },
} as const satisfies ErrorMessageTable<typeof AREAS_ERRORS>;

/** The areas lib's own field rules and their zh-CN templates. */
export const AREAS_CONSTRAINTS = {
  districtStandardOnly: '仅区（县）需要填写，且必须填写',
  geoJsonBoundary: {
    default: '边界应为 GeoJSON 多边形',
    type: '边界应为 GeoJSON 的 Polygon 或 MultiPolygon',
    shape: '边界的结构不正确（只含 type 与 coordinates，坐标逐层为数组）',
    ringShort: '每个环至少需要 4 个坐标点',
    ringOpen: '每个环的最后一个坐标点应与第一个相同（闭合）',
    position: '坐标点应为 [经度, 纬度] 两个数字',
    longitude: '经度应在 -180 至 180 之间',
    latitude: '纬度应在 -90 至 90 之间',
    tooLarge: '边界的坐标点不能超过 {max} 个',
  },
} as const;

declare module '@onedoor/platform/errors/constraint-messages' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ConstraintRegistry extends ConstraintsOf<typeof AREAS_CONSTRAINTS> {}
}
