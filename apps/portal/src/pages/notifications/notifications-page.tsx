import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, ErrorAlert, LoadError, Loading } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { When } from '../../components/when';
import { useMarkAllRead, useMarkRead, useNotifications, type GuildNotification } from './notification-api';

export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const toggleId = useId();
  const markAll = useMarkAllRead();
  return (
    <section className="card">
      <div className="card__header">
        <h1>Notifications</h1>
        <Button type="button" variant="secondary" size="small" pending={markAll.isPending} pendingLabel="Marking…" onClick={() => markAll.mutate()}>
          Mark all as read
        </Button>
      </div>
      <div className="checkbox">
        <input type="checkbox" id={toggleId} checked={unreadOnly} onChange={(e) => setParams(e.target.checked ? { unread: 'true' } : {})} />
        <label htmlFor={toggleId}>Unread only</label>
      </div>
      <ErrorAlert error={markAll.error} />
      {markAll.isSuccess && <Alert tone="success">{markAll.data.updated === 1 ? '1 notification' : `${markAll.data.updated} notifications`} marked as read.</Alert>}
      <NotificationList key={String(unreadOnly)} unreadOnly={unreadOnly} />
    </section>
  );
}

function NotificationList({ unreadOnly }: { unreadOnly: boolean }) {
  const notifications = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  if (notifications.isPending) return <Loading label="Loading your notifications…" />;
  if (notifications.isLoadingError) return <LoadError error={notifications.error} what="your notifications" onRetry={() => void notifications.refetch()} />;
  const items = notifications.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty">
        <p>{unreadOnly ? 'No unread notifications.' : 'No notifications yet.'}</p>
        <p className="muted">Decisions on your applications, invitations and changes to your partners show up here.</p>
      </div>
    );
  }
  return (
    <>
      <ErrorAlert error={markRead.error} />
      <ul className="notifications" aria-label="Notifications">
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} marking={markRead.isPending && markRead.variables === notification.id} onRead={() => markRead.mutate(notification.id)} />
        ))}
      </ul>
      <LoadMore query={notifications} what="notifications" />
    </>
  );
}

function NotificationItem({ notification, marking, onRead }: { notification: GuildNotification; marking: boolean; onRead: () => void }) {
  const unread = !notification.readAt;
  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <div className="notification__body">
        <h2 className="notification__title">
          {unread && <span className="visually-hidden">Unread: </span>}
          {notification.title}
        </h2>
        <p className="notification__text">{notification.body}</p>
        <p className="notification__meta muted">
          <When value={notification.createdAt} empty="—" withTime />
          {notification.link && (
            <>
              {' · '}
              {/* Following the link counts as reading it. */}
              {notification.link.startsWith('/') ? (
                <Link to={notification.link} onClick={() => unread && onRead()}>
                  Open
                </Link>
              ) : (
                <a href={notification.link} onClick={() => unread && onRead()}>
                  Open
                </a>
              )}
            </>
          )}
        </p>
      </div>
      {unread && (
        <Button type="button" variant="secondary" size="small" pending={marking} pendingLabel="Marking…" onClick={onRead} aria-label={`Mark “${notification.title}” as read`}>
          Mark as read
        </Button>
      )}
    </li>
  );
}
