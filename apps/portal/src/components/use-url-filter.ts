import { useSearchParams } from 'react-router';

/** A list's filter: a status (or a category) from a fixed set, and a typed text (a search, an exact value). */
export interface ListFilter<S extends string> {
  status: S;
  text: string;
}

export interface UrlFilterOptions<S extends string> {
  statuses: readonly S[];
  /** The status when the URL names none, or one it does not know; it is left out of the URL. */
  defaultStatus: S;
  /** The query parameter that holds the status; `status` unless the choice is of something else (`category`). */
  statusParam?: string;
  /** The query parameter that holds the text (`q`, `type`). */
  textParam: string;
}

/** The filter lives in the URL (`?status=…&q=…`), so a reload or a shared link shows the same list. */
export function useUrlFilter<S extends string>({ statuses, defaultStatus, statusParam = 'status', textParam }: UrlFilterOptions<S>): [ListFilter<S>, (next: ListFilter<S>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = {
    status: statuses.find((status) => status === params.get(statusParam)) ?? defaultStatus,
    text: params.get(textParam)?.trim() ?? '',
  };
  const apply = (next: ListFilter<S>) => {
    const search = new URLSearchParams();
    if (next.status !== defaultStatus) search.set(statusParam, next.status);
    if (next.text) search.set(textParam, next.text);
    setParams(search);
  };
  return [filter, apply];
}
