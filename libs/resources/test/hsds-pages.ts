import { PageQueryDto } from '@onedoor/platform';
import type { HsdsExportService } from '@onedoor/resources';

/** Every service of the HSDS export, page by page. */
export async function allHsdsServices(
  sut: HsdsExportService,
): Promise<Array<Record<string, unknown>>> {
  const services: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page += 1) {
    const result = await sut.services(Object.assign(new PageQueryDto(), { page, limit: 100 }));
    services.push(...result.contents);
    if (result.last_page) return services;
  }
}
