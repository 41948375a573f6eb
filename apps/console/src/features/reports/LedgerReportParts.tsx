import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { downloadFile } from '@/lib/api';
import { BEIJING } from '@/lib/format';

/** The ledger reports' month range (China calendar months), by default the last twelve. */
export function useMonthRange() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const month = dayjs().tz(BEIJING).startOf('month');
    return [month.subtract(11, 'month'), month];
  });
  const months = { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') };
  const picker = <MonthRangePicker range={range} onChange={(value) => setRange(value)} />;
  return { months, picker };
}

function MonthRangePicker({
  range,
  onChange,
}: {
  range: [Dayjs, Dayjs];
  onChange: (value: [Dayjs, Dayjs]) => void;
}) {
  const { t } = useTranslation('reports');
  return (
    <DatePicker.RangePicker
      picker="month"
      aria-label={t('ledger.months')}
      allowClear={false}
      value={range}
      onChange={(value) => value?.[0] && value[1] && onChange([value[0], value[1]])}
    />
  );
}

/** A report's file request: `api.GET(…, { params: { query: { …, format } }, parseAs: 'blob' })`. */
type FileRequest = () => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Downloads the API's Chinese workbook of a ledger report. */
export function DownloadXlsx({
  request,
  filename,
  label,
}: {
  request: FileRequest;
  filename: string;
  label?: string;
}) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const download = async () => {
    try {
      await downloadFile(request(), `${filename}.xlsx`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void download()}>
      {label ?? t('ledger.downloadXlsx')}
    </Button>
  );
}
