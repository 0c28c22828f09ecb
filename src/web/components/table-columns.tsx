/** Column builders shared by the list pages (organisations, jobs, applications, accounts). */
import dayjs from 'dayjs';

/** A date-and-time column in local time, hidden below the `lg` breakpoint; '—' when empty. */
export function dateTimeColumn<T>(title: string, dataIndex: keyof T & string) {
  return {
    title,
    dataIndex,
    key: dataIndex,
    responsive: ['lg' as const],
    render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
  };
}
