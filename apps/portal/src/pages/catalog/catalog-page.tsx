import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, LoadError, Loading } from '../../components/feedback';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { SelectField } from '../../components/select-field';
import { CATEGORY_LABELS, categoryLabel } from '../plugins/categories';
import { pricingText } from '../plugins/pricing';
import { useCatalog, type CatalogCategory, type CatalogFilter } from './catalog-api';

const isCategory = (value: string | null): value is CatalogCategory => value !== null && value in CATEGORY_LABELS;

/** The public catalog: every public listing, newest first, by category and a simple text search kept in the URL. */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const filter: CatalogFilter = { ...(isCategory(category) ? { category } : {}), ...(params.get('q')?.trim() ? { q: params.get('q')!.trim() } : {}) };
  const apply = (next: CatalogFilter) => {
    const search = new URLSearchParams();
    if (next.category) search.set('category', next.category);
    if (next.q) search.set('q', next.q);
    setParams(search);
  };
  return (
    <section className="card">
      <h1>Plugins</h1>
      <p className="muted">Add-ons built by Guild&rsquo;s partners, each version checked automatically and approved by a reviewer.</p>
      <CatalogFilters key={`${filter.category ?? ''} ${filter.q ?? ''}`} filter={filter} onChange={apply} />
      <CatalogList key={`${filter.category ?? ''} ${filter.q ?? ''}`} filter={filter} />
    </section>
  );
}

function CatalogFilters({ filter, onChange }: { filter: CatalogFilter; onChange: (next: CatalogFilter) => void }) {
  const [typed, setTyped] = useState(filter.q ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, q: typed.trim() || undefined });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Search the catalog" className="filters">
      <SelectField
        label="Category"
        name="category"
        value={filter.category ?? ''}
        onChange={(e) => onChange({ ...filter, category: isCategory(e.target.value) ? e.target.value : undefined })}
        options={[{ value: '', label: 'All categories' }, ...Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))]}
      />
      <Field label="Search" name="q" maxLength={100} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} hint="Name or summary." />
      <div className="filters__actions">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {filter.q && (
          <Button type="button" variant="link" onClick={() => onChange({ ...filter, q: undefined })}>
            Clear search
          </Button>
        )}
      </div>
    </form>
  );
}

function CatalogList({ filter }: { filter: CatalogFilter }) {
  const catalog = useCatalog(filter);
  if (catalog.isPending) return <Loading label="Loading plugins…" />;
  if (catalog.isLoadingError) return <LoadError error={catalog.error} what="the catalog" onRetry={() => void catalog.refetch()} />;
  const items = catalog.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>{filter.q || filter.category ? 'No plugins match.' : 'No plugins are published yet.'}</p>
      </div>
    );
  }
  return (
    <>
      <ul className="catalog" aria-label="Plugins">
        {items.map((listing) => {
          const copy = listing.public;
          if (!copy) return null;
          return (
            <li key={listing.id} className="catalog__item">
              {copy.iconUrl ? <img className="listing-icon" src={copy.iconUrl} alt="" /> : <div className="listing-icon listing-icon--empty" aria-hidden="true" />}
              <div>
                <h2 className="catalog__title">
                  <Link to={`/plugins/${listing.namespace}/${listing.plugin}`}>{copy.displayName}</Link>
                </h2>
                <p className="muted catalog__by">by {listing.partner.name}</p>
                <p className="catalog__summary">{copy.summary}</p>
                <p className="catalog__meta">
                  <span className="badge">{pricingText(copy.pricing)}</span> {copy.categories.map((c) => <span key={c} className="badge badge--ignored">{categoryLabel(c)}</span>)}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <LoadMore query={catalog} what="plugins" />
    </>
  );
}
