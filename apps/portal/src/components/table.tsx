import type { ReactNode } from 'react';

interface TableProps {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  /** Adds a last, unlabelled-on-screen "Actions" column for the rows' buttons. */
  actions?: boolean;
  compact?: boolean;
  /** The body's rows. */
  children: ReactNode;
}

/** A labelled data table in its scrolling wrapper, with its column headers. */
export function Table({ label, columns, actions = false, compact = false, children }: TableProps) {
  return (
    <div className="table-wrap">
      <table className={`table${compact ? ' table--compact' : ''}`} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
