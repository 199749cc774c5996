import Link from 'next/link';

// Plain markup: the root loading/not-found states render outside the MUI ThemeProvider, and a
// loading skeleton is no reason to download MUI.
export function PageLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="bt-stack-sm" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      <div className="bt-skeleton" style={{ width: '60%', height: 36 }} />
      <div className="bt-skeleton" style={{ height: 96 }} />
      <div className="bt-skeleton" style={{ height: 96 }} />
      <div className="bt-skeleton" style={{ height: 96 }} />
    </div>
  );
}

export function NotFoundMessage({
  what,
  back = '/',
  backLabel = 'Browse events',
}: {
  what: string;
  back?: string;
  backLabel?: string;
}) {
  return (
    <div className="bt-stack bt-page-msg">
      <h1 className="bt-h1" style={{ fontWeight: 400 }}>
        {what} not found
      </h1>
      <p className="bt-p">It may have been removed, or the link is wrong.</p>
      <Link href={back} className="bt-btn bt-btn-contained bt-start">
        {backLabel}
      </Link>
    </div>
  );
}
