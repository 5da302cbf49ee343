import { useInfiniteQuery } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type CatalogPage = Json<paths['/v1/plugins']['get']['responses'][200]>;
export type CatalogListing = CatalogPage['items'][number];
type CatalogQuery = NonNullable<paths['/v1/plugins']['get']['parameters']['query']>;
export type CatalogCategory = NonNullable<CatalogQuery['category']>;

export interface CatalogFilter {
  category?: CatalogCategory;
  q?: string;
}

/** Public listings, newest first. */
export function useCatalog(filter: CatalogFilter) {
  return useInfiniteQuery({
    queryKey: ['catalog', filter],
    queryFn: async ({ pageParam }) => {
      const query: CatalogQuery = { ...(filter.category ? { category: filter.category } : {}), ...(filter.q ? { q: filter.q } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/plugins', { params: { query } }));
    },
    ...cursorPaging,
  });
}
