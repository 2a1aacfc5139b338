import { useEffect, useState } from 'preact/hooks';
import type { AmbassadorListResponse, AmbassadorSort } from '../../../../shared/src/wire.ts';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Status } from '../components/status.tsx';
import { count, dateTime, moneyList } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';


type SortKey = AmbassadorSort;
const SORTS: Array<{ key: SortKey; label: string }> = [
  { key: 'createdAt', label: 'Joined' },
  { key: 'name', label: 'Name' },
  { key: 'clicks', label: 'Clicks' },
  { key: 'conversions', label: 'Friends who bought' },
  { key: 'revenue', label: 'Referred revenue' },
];
const PAGE_SIZE = 50;

export function AmbassadorsPage() {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [sort, setSort] = useState<SortKey>('createdAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [offset, setOffset] = useState(0);
  // One request when typing pauses, not one per key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(query.trim());
      setOffset(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);
  const params = new URLSearchParams({ sort, order, limit: String(PAGE_SIZE), offset: String(offset) });
  if (debounced) params.set('q', debounced);
  const list = useApi<AmbassadorListResponse>(`/v1/ambassadors?${params}`);

  function sortBy(key: SortKey) {
    if (key === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setOrder(key === 'name' ? 'asc' : 'desc');
    }
    setOffset(0);
  }

  return (
    <>
      <h1>Ambassadors</h1>
      <form class="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search name, email or code{' '}
          <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
      </form>
      <Status loaded={list}>
        {(data) => (
          <>
            <ScrollTable class="list">
              <thead>
                <tr>
                  {SORTS.map((column) => (
                    <th scope="col" key={column.key} aria-sort={sort === column.key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" class="link" onClick={() => sortBy(column.key)}>
                        {column.label}
                        {sort === column.key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    </th>
                  ))}
                  <th scope="col">Tier</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.code} class={item.blocked ? 'blocked' : undefined}>
                    <td>{dateTime(item.createdAt)}</td>
                    <td>
                      <a href={href('ambassadors', item.code)}>{item.name ?? item.email}</a>
                      <span class="muted"> {item.code}{item.blocked ? ' · blocked' : ''}</span>
                    </td>
                    <td>{count(item.clicks)}</td>
                    <td>{count(item.conversions)}</td>
                    <td>{moneyList(item.revenue)}</td>
                    <td>{item.tier ?? '—'}</td>
                    <td>{item.fraudFlags > 0 ? <span class="flag">{item.fraudFlags}</span> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <p class="pager">
              {data.total === 0 ? 'No ambassadors.' : `${offset + 1}–${offset + data.items.length} of ${data.total}`}{' '}
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                Previous
              </button>{' '}
              <button type="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                Next
              </button>
            </p>
          </>
        )}
      </Status>
    </>
  );
}
