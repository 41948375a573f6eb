import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import type { CsvLayout } from './report-csv';
import {
  csvLocale,
  ReportFormatInterceptor,
  ReportResponse,
  wantedFile,
} from './report-format.interceptor';

class FakeReportDto {
  rows!: string[];
}

const layout: CsvLayout<FakeReportDto> = {
  filename: 'fake',
  table: (r, ctx) => ({ header: [ctx.locale], rows: r.rows.map((row) => [row]) }),
};

class FakeController {
  @ReportResponse(FakeReportDto, layout)
  report(): void {}

  plain(): void {}
}

describe(wantedFile.name, () => {
  it.each([
    [{ format: 'csv' }, undefined, 'csv'],
    [{ format: 'xlsx' }, undefined, 'xlsx'],
    [{ format: 'json' }, 'text/csv', null],
    [{}, 'text/csv', 'csv'],
    [{}, 'Text/CSV;q=0.9, application/json', 'csv'],
    [{}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    [{}, 'application/json', null],
    [{}, undefined, null],
  ])('query %j, Accept %s: %s', (query, accept, expected) => {
    expect(wantedFile({ query, headers: { accept } })).toBe(expected);
  });
});

describe(csvLocale.name, () => {
  it.each([
    [undefined, 'zh-CN'],
    ['zh-CN,zh;q=0.9', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN,en;q=0.9', 'zh-CN'],
    ['fr', 'zh-CN'],
  ])('Accept-Language %s: %s', (language, expected) => {
    expect(csvLocale({ headers: { 'accept-language': language } })).toBe(expected);
  });
});

describe(ReportFormatInterceptor.name, () => {
  const sut = new ReportFormatInterceptor(new Reflector());
  const report: FakeReportDto = { rows: ['a', 'b'] };

  const answer = async (
    handler: () => void,
    query: Record<string, string>,
    accept?: string,
    language?: string,
  ): Promise<{ body: unknown; headers: Record<string, string> }> => {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) };
    const context = {
      getHandler: () => handler,
      switchToHttp: () => ({
        getRequest: () => ({ query, headers: { accept, 'accept-language': language } }),
        getResponse: () => reply,
      }),
    } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => of(report) };
    const body = await lastValueFrom(sut.intercept(context, next));
    return { body, headers };
  };

  it('answers the report as it is, varying on Accept, when JSON is asked for', async () => {
    const json = await answer(FakeController.prototype.report, {}, 'application/json');
    expect(json.body).toBe(report);
    expect(json.headers).toEqual({ vary: 'Accept, Accept-Language' });
  });

  it('answers CSV by the layout, as a named download varying on Accept', async () => {
    const csv = await answer(FakeController.prototype.report, { format: 'csv' });
    expect(csv.body).toBe('\uFEFFzh-CN\r\na\r\nb\r\n');
    expect(csv.headers).toEqual({
      vary: 'Accept, Accept-Language',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="fake.csv"',
    });
  });

  it('writes the CSV for an English reader when asked', async () => {
    const csv = await answer(FakeController.prototype.report, { format: 'csv' }, undefined, 'en');
    expect(csv.body).toBe('\uFEFFen\r\na\r\nb\r\n');
  });

  it('leaves a handler without a CSV layout as JSON', async () => {
    const res = await answer(FakeController.prototype.plain, {}, 'text/csv');
    expect(res.body).toBe(report);
  });
});
