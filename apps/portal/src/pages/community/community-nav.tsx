import { NavLink } from 'react-router';

/** The community's sections, atop each of its pages. */
export function CommunityNav() {
  return (
    <nav aria-label="Community" className="community-nav">
      <NavLink to="/community" end>
        Questions
      </NavLink>
      <NavLink to="/community/ideas">Ideas</NavLink>
      <NavLink to="/community/leaderboard">Leaderboard</NavLink>
    </nav>
  );
}

/** A row of mutually exclusive choices (sort order, window, status): buttons that say which one is on. */
export function Choices<T extends string>({ label, choices, value, onChange }: { label: string; choices: readonly { value: T; label: string }[]; value: T; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="choices">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className={`button button--small ${choice.value === value ? 'button--primary' : 'button--secondary'}`}
          aria-pressed={choice.value === value}
          onClick={() => onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
