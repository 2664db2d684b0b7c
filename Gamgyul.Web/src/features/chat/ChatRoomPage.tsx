import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { backoffDelay } from '../../lib/backoff';
import { sendFrame, typingFrame, type ChatMessage } from '../../lib/chatFrames';
import { sendErrorKey } from '../../lib/chatGroups';
import { mergeMessages, newestMessage, updatePending, type PendingEvent, type PendingImage, type PendingMessage } from '../../lib/chatTimeline';
import { cursorFromLink } from '../../lib/paging';
import { BlurImage } from '../../ui/BlurImage';
import { Button } from '../../ui/Button';
import { ErrorState, Spinner } from '../../ui/States';
import { TextField } from '../../ui/TextField';
import { ChatImagePicker, type ChatAttachment } from './ChatImagePicker';
import { getRoom, historyPage, markRead, messagesAfter, roomTitle } from './chatApi';
import { sendChatFrame, useChatSocket, useChatStatus } from './chatConnection';
import { ConnectionBanner } from './ConnectionBanner';
import { ReportButton } from '../reports/ReportDialog';
import { RoomInfoDialog } from './RoomInfoDialog';

const TYPING_SHOWN_MS = 5000;
const TYPING_SENT_EVERY_MS = 3000;
const READ_RETRIES = 6;

/**
 * One room: history (older pages on demand), live messages from the socket, and what the user sends. Sending is
 * optimistic: the message shows as "sending" until the gateway's ack, then becomes the real message. After a
 * reconnect the page asks history for everything after its newest message, so nothing said meanwhile is lost.
 */
export default function ChatRoomPage() {
  const uuid = useParams().uuid ?? '';
  const t = useT();
  const queryClient = useQueryClient();
  const me = useSession((s) => s.user);
  const status = useChatStatus((s) => s.status);

  const room = useQuery({ queryKey: ['chat', 'room', uuid], queryFn: ({ signal }) => getRoom(uuid, signal) });
  const history = useInfiniteQuery({
    queryKey: ['chat', 'history', uuid],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => historyPage(uuid, pageParam, signal),
    getNextPageParam: (last) => cursorFromLink(last.next),
    // Live frames keep the page current; a refetch would only reset the scroll position.
    staleTime: Infinity,
  });

  const [live, setLive] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const [readBy, setReadBy] = useState<Record<string, string>>({});
  const [catchUpFailed, setCatchUpFailed] = useState(false);
  const [infoOpen, setInfoOpen] = useState(false);
  // My own photos' BlurHash by message id, for the moment between the ack (no image details) and message.new.
  const [myImages, setMyImages] = useState<Record<string, PendingImage>>({});
  const dispatch = useCallback((event: PendingEvent) => setPending((current) => updatePending(current, event)), []);

  const timeline = useMemo(
    () => mergeMessages(mergeMessages([], history.data?.pages.flatMap((p) => p.results) ?? []), live),
    [history.data, live],
  );
  const newest = newestMessage(timeline);
  const newestRef = useRef(newest);
  newestRef.current = newest;

  const catchUp = useCallback(async () => {
    const from = newestRef.current;
    if (!from) {
      await queryClient.invalidateQueries({ queryKey: ['chat', 'history', uuid] });
      return;
    }
    try {
      const { messages, complete } = await messagesAfter(uuid, from.id);
      setLive((current) => mergeMessages(current, messages));
      if (!complete) await queryClient.resetQueries({ queryKey: ['chat', 'history', uuid] });
      setCatchUpFailed(false);
    } catch {
      setCatchUpFailed(true);
    }
  }, [queryClient, uuid]);

  useChatSocket((frame) => {
    switch (frame.type) {
      case 'message.new':
        if (frame.message.room_id !== uuid) return;
        setLive((current) => mergeMessages(current, [frame.message]));
        setTyping((current) => {
          const handle = frame.message.sender?.handle;
          if (!handle || !(handle in current)) return current;
          const { [handle]: _, ...rest } = current;
          return rest;
        });
        break;
      case 'message.ack': {
        if (frame.room_id !== uuid || !frame.client_msg_id) return;
        const mine = pending.find((p) => p.clientMsgId === frame.client_msg_id);
        if (mine && me) {
          // The ack carries the id and time; the sender's own message.new may come later (or on another node first).
          const sender = { handle: me.handle, username: me.username, profile_image: me.profile.profile_image };
          // My own upload's display URL serves me until message.new brings the signed variant URL.
          const images = mine.image ? [mine.image.url] : [];
          if (mine.image) setMyImages((current) => ({ ...current, [frame.id]: mine.image! }));
          setLive((current) => mergeMessages(current, [{ id: frame.id, room_id: uuid, sender, kind: 'text', text: mine.text, created_at: frame.created_at, images }]));
        }
        dispatch({ kind: 'acked', clientMsgId: frame.client_msg_id });
        break;
      }
      case 'error':
        if (frame.client_msg_id) dispatch({ kind: 'refused', clientMsgId: frame.client_msg_id, code: frame.code });
        break;
      case 'typing':
        if (frame.room_id !== uuid) return;
        setTyping((current) => ({ ...current, [frame.user.handle]: { name: frame.user.username, until: Date.now() + TYPING_SHOWN_MS } }));
        break;
      case 'read':
        if (frame.room_id === uuid && frame.message_id) setReadBy((current) => ({ ...current, [frame.user.handle]: frame.message_id! }));
        break;
      case 'room.updated':
        if (frame.room_id === uuid) void queryClient.invalidateQueries({ queryKey: ['chat', 'room', uuid] });
        break;
    }
  }, {
    onReconnect: () => void catchUp(),
    onDrop: () => dispatch({ kind: 'disconnected' }),
  });

  // Queued messages go out as soon as a socket is open (right away, or after a reconnect).
  useEffect(() => {
    if (status !== 'open') return;
    for (const message of pending) {
      if (message.status === 'queued' && sendChatFrame(sendFrame(message.roomId, message.text, message.clientMsgId, message.image?.mediaId))) {
        dispatch({ kind: 'wrote', clientMsgId: message.clientMsgId });
      }
    }
  }, [status, pending, dispatch]);

  // Read state: the newest message of someone else that is on screen is read (once per message). Over REST, not
  // the socket, because the answer matters: the read pointer can only point at a stored message, and the
  // ChatWorker stores a live message a moment after it was delivered, so "no such message" is retried shortly.
  const lastRead = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);
  useEffect(() => {
    if (!newest || !me || newest.sender?.handle === me.handle || lastRead.current === newest.id) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const messageId = newest.id;
    lastRead.current = messageId;
    // Not cancelled when a newer message arrives (e.g. the user's own reply): this read still counts.
    void (async () => {
      for (let attempt = 0; attempt < READ_RETRIES && mounted.current; attempt++) {
        try {
          await markRead(uuid, messageId);
          await queryClient.invalidateQueries({ queryKey: ['chat', 'rooms'] });
          return;
        } catch (error) {
          if (!(error instanceof ApiError) || error.status !== 400) break;
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, { baseMs: 1000, maxMs: 4000 }, () => 0.5) + 250));
        }
      }
      if (lastRead.current === messageId) lastRead.current = null;
    })();
  }, [newest, me, uuid, queryClient]);

  // Typing indicators expire by themselves.
  useEffect(() => {
    const names = Object.values(typing);
    if (names.length === 0) return;
    const next = Math.min(...names.map((n) => n.until)) - Date.now();
    const timer = setTimeout(() => setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, v]) => v.until > Date.now()))), Math.max(0, next));
    return () => clearTimeout(timer);
  }, [typing]);

  // The newest message stays in view.
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => { end.current?.scrollIntoView?.({ block: 'end' }); }, [timeline.length, pending.length]);

  if (room.isPending) return <Spinner />;
  if (room.isError) {
    const missing = room.error instanceof ApiError && room.error.status === 404;
    return <ErrorState message={missing ? t('chat.notFound') : undefined} onRetry={missing ? undefined : () => room.refetch()} />;
  }

  const title = roomTitle(room.data, me?.handle);
  const myNewestRead = newestReadOfMine(timeline, readBy, me?.handle);
  const typingNames = Object.values(typing).map((v) => v.name);

  return (
    <section className="page chat">
      <header className="chat__header">
        <Link to="/messages" className="link-btn">← {t('chat.back')}</Link>
        <h1 className="chat__title">{title}</h1>
        <Button variant="ghost" size="sm" onClick={() => setInfoOpen(true)} aria-haspopup="dialog">{t('chatGroup.info')}</Button>
      </header>
      <RoomInfoDialog room={room.data} open={infoOpen} onClose={() => setInfoOpen(false)} />
      <ConnectionBanner />
      {catchUpFailed && <ErrorState message={t('chat.catchUpFailed')} onRetry={() => void catchUp()} />}
      {history.hasNextPage && (
        <div className="list__more">
          <Button variant="ghost" size="sm" pending={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>{t('chat.older')}</Button>
        </div>
      )}
      {history.isPending ? <Spinner /> : history.isError ? <ErrorState onRetry={() => history.refetch()} /> : (
        <ol className="chat__log" role="log" aria-live="polite" aria-label={t('chat.messages')}>
          {timeline.length === 0 && pending.length === 0 && <li className="state state--empty">{t('chat.empty')}</li>}
          {timeline.map((message) => (
            <MessageBubble key={message.id} message={message} mine={message.sender?.handle === me?.handle} read={message.id === myNewestRead} image={myImages[message.id]} />
          ))}
          {pending.map((message) => (
            <li key={message.clientMsgId} className="bubble bubble--mine bubble--pending" data-testid="chat-message">
              {message.image && <BubbleImage src={message.image.url} image={message.image} />}
              {message.text && <p className="bubble__text">{message.text}</p>}
              <p className="bubble__meta">
                {message.status === 'failed' ? (
                  <>
                    <span className="field__error" role="alert">{t(sendErrorKey(message.error))}</span>{' '}
                    <button type="button" className="link-btn" onClick={() => dispatch({ kind: 'retry', clientMsgId: message.clientMsgId })}>{t('common.retry')}</button>
                  </>
                ) : t('chat.sending')}
              </p>
            </li>
          ))}
        </ol>
      )}
      <div ref={end} />
      <p className="chat__typing muted" aria-live="polite">{typingNames.length > 0 ? t('chat.typing', { names: typingNames.join(', ') }) : ''}</p>
      <Composer roomId={uuid} onSend={(text, image) => setPending((current) => [...current, { clientMsgId: crypto.randomUUID(), roomId: uuid, text, image, status: 'queued' }])} />
    </section>
  );
}

/** My newest message that another member has read (for the "read" mark), from the read frames seen on this page. */
function newestReadOfMine(timeline: ChatMessage[], readBy: Record<string, string>, me: string | undefined): string | null {
  const positions = Object.values(readBy).map((id) => timeline.findIndex((m) => m.id === id)).filter((i) => i >= 0);
  if (positions.length === 0) return null;
  for (let i = Math.max(...positions); i >= 0; i--) {
    if (timeline[i].sender?.handle === me) return timeline[i].id;
  }
  return null;
}

/** A chat photo: its BlurHash (when known) until it has loaded, in the photo's own proportions. */
function BubbleImage({ src, image }: { src: string; image?: { placeholder: string | null; width: number | null; height: number | null } }) {
  const t = useT();
  return (
    <span className="bubble__image" data-testid="chat-image" data-placeholder={image?.placeholder ? 'yes' : 'no'}>
      <BlurImage src={src} alt={t('chat.photo')} placeholder={image?.placeholder} width={image?.width} height={image?.height} />
    </span>
  );
}

function MessageBubble({ message, mine, read, image }: { message: ChatMessage; mine: boolean; read: boolean; image?: PendingImage }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (message.kind === 'system') return <li className="bubble bubble--system" data-testid="chat-message">{message.text}</li>;
  return (
    <li className={`bubble ${mine ? 'bubble--mine' : ''}`} data-testid="chat-message">
      {!mine && <p className="bubble__sender">{message.sender?.username ?? t('chat.goneUser')}</p>}
      {message.images.map((src) => <BubbleImage key={src} src={src} image={message.imageDetails?.find((d) => d.url === src) ?? image} />)}
      {message.text && <p className="bubble__text">{message.text}</p>}
      <p className="bubble__meta">
        <time dateTime={message.created_at}>{relativeTime(locale, message.created_at)}</time>
        {read && <span data-testid="chat-read"> · {t('chat.read')}</span>}
        {!mine && message.sender && <> · <ReportButton targetType="chat_message" targetId={message.id} /></>}
      </p>
    </li>
  );
}

function Composer({ roomId, onSend }: { roomId: string; onSend(text: string, image?: PendingImage): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [attachment, setAttachment] = useState<ChatAttachment | null>(null);
  const lastTyping = useRef(0);
  const ready = attachment?.state.phase === 'ready' ? attachment.state.media : null;
  const canSend = attachment ? ready !== null : text.trim().length > 0;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend) return;
    const image = ready && ready.display_url
      ? { mediaId: ready.media_id, url: ready.display_url, placeholder: ready.placeholder, width: ready.width, height: ready.height }
      : undefined;
    onSend(text.trim(), image);
    setText('');
    setAttachment(null);
  }
  return (
    <form className="chat__composer-wrap" onSubmit={submit}>
      <ChatImagePicker attachment={attachment} onChange={setAttachment} />
      <div className="chat__composer">
        <TextField label={t('chat.message')} hideLabel value={text} maxLength={2000} autoComplete="off" placeholder={t('chat.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            if (Date.now() - lastTyping.current > TYPING_SENT_EVERY_MS && sendChatFrame(typingFrame(roomId))) lastTyping.current = Date.now();
          }} />
        <Button type="submit" disabled={!canSend}>{t('chat.send')}</Button>
      </div>
    </form>
  );
}
