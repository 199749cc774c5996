import { Icon } from '../icons/icons';

/**
 * A plain GET form: results are a shareable URL and work without JavaScript. Plain inputs (not MUI
 * TextField) so the home page hydrates nothing here.
 */
export function SearchForm({
  keyword = '',
  city = '',
  date = '',
  action = '/',
  extra,
}: {
  keyword?: string;
  city?: string;
  date?: string;
  action?: string;
  extra?: React.ReactNode;
}) {
  const id = action === '/' ? 'search' : `search-${action.replace(/\W/g, '')}`;
  return (
    <form role="search" aria-label="Search events" action={action} method="get" className="bt-search">
      {extra}
      <div className="bt-field">
        <label htmlFor={`${id}-keyword`}>Artist, team or event</label>
        <input id={`${id}-keyword`} className="bt-input" name="keyword" defaultValue={keyword} maxLength={200} />
      </div>
      <div className="bt-field">
        <label htmlFor={`${id}-city`}>City</label>
        <input id={`${id}-city`} className="bt-input" name="city" defaultValue={city} maxLength={100} />
      </div>
      <div className="bt-field">
        <label htmlFor={`${id}-date`}>From date</label>
        <input id={`${id}-date`} className="bt-input" name="date" type="date" defaultValue={date} />
      </div>
      <button type="submit" className="bt-btn bt-btn-contained" style={{ height: 40 }}>
        <Icon name="search" small />
        Search
      </button>
    </form>
  );
}
