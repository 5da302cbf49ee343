import { Link } from 'react-router';
import { Badge } from '../../components/badge';
import { LoadError, Loading } from '../../components/feedback';
import { FilterForm } from '../../components/filter-form';
import { LoadMore } from '../../components/load-more';
import { useUrlFilter } from '../../components/use-url-filter';
import { CATEGORIES, CATEGORY_LABELS, categoryLabel } from '../plugins/categories';
import { pricingText } from '../plugins/pricing';
import { useCatalog, type CatalogFilter } from './catalog-api';

const CHOICES = ['', ...CATEGORIES] as const;
const SEARCH = { label: 'Search', name: 'q', hint: 'Name or summary.', submitLabel: 'Search', clearLabel: 'Clear search' };

/** The public catalog: every public listing, newest first, by category and a simple text search kept in the URL. */
export function CatalogPage() {
  const [filter, setFilter] = useUrlFilter({ statuses: CHOICES, defaultStatus: '', statusParam: 'category', textParam: 'q' });
  return (
    <section className="card">
      <h1>Plugins</h1>
      <p className="muted">Add-ons built by Guild&rsquo;s partners, each version checked automatically and approved by a reviewer.</p>
      <FilterForm
        label="Search the catalog"
        filter={filter}
        onChange={setFilter}
        statuses={CHOICES}
        statusTitle="Category"
        statusLabel={(category) => (category ? CATEGORY_LABELS[category] : 'All categories')}
        text={SEARCH}
      />
      <CatalogList key={`${filter.status} ${filter.text}`} filter={{ ...(filter.status ? { category: filter.status } : {}), ...(filter.text ? { q: filter.text } : {}) }} />
    </section>
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
                  <Badge>{pricingText(copy.pricing)}</Badge>{' '}
                  {copy.categories.map((c) => (
                    <Badge key={c} tone="ignored">
                      {categoryLabel(c)}
                    </Badge>
                  ))}
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
