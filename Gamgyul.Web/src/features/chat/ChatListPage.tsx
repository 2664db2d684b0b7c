import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCursorList } from '../../api/useCursorList';
import { useSession } from '../../auth/session';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { InfiniteList } from '../../ui/InfiniteList';
import { roomTitle, type ChatRoom } from './chatApi';
import { useChatSocket } from './chatConnection';
import { ConnectionBanner } from './ConnectionBanner';
import { NewGroupDialog } from './NewGroupDialog';

/** The user's rooms, most recent activity first, with the last message and an unread badge; live over the socket. */
export default function ChatListPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const rooms = useCursorList<ChatRoom>(['chat', 'rooms'], '/chats/rooms/', (r) => r.uuid, { pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['chat', 'rooms'] });
  useChatSocket((frame) => {
    if (frame.type === 'message.new' || frame.type === 'room.updated' || frame.type === 'read') void refresh();
  }, { onReconnect: refresh });

  return (
    <section className="page">
      <header className="chat__header">
        <h1 className="chat__title">{t('chat.title')}</h1>
        <Button variant="secondary" size="sm" onClick={() => setCreating(true)} aria-haspopup="dialog">{t('chatGroup.new')}</Button>
      </header>
      <NewGroupDialog open={creating} onClose={() => setCreating(false)} />
      <ConnectionBanner />
      <InfiniteList {...rooms} items={rooms.items} keyOf={(r) => r.uuid} render={(r) => <RoomRow room={r} />} empty={t('chat.noRooms')} />
    </section>
  );
}

function RoomRow({ room }: { room: ChatRoom }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const me = useSession((s) => s.user?.handle);
  const title = roomTitle(room, me);
  const other = room.members.find((m) => m.user.handle !== me)?.user;
  const last = room.last_message;
  const preview = last ? (last.text || (last.images.length > 0 ? t('chat.photo') : '')) : t('chat.noMessages');
  return (
    <Link to={`/messages/${room.uuid}`} className="room-row" data-testid="chat-room">
      <Avatar src={other?.profile.profile_image ?? ''} name={title} size="sm" />
      <span className="room-row__body">
        <span className="room-row__title">{title}</span>
        <span className="room-row__preview muted">{preview}</span>
      </span>
      <span className="room-row__meta">
        {last && <time className="muted" dateTime={last.created_at}>{relativeTime(locale, last.created_at)}</time>}
        {room.unread_count > 0 && (
          <span className="badge" data-testid="unread">
            <span aria-hidden="true">{room.unread_count > 99 ? '99+' : room.unread_count}</span>
            <span className="visually-hidden">{t('chat.unread', { count: room.unread_count })}</span>
          </span>
        )}
      </span>
    </Link>
  );
}
