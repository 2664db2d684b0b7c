import { useT } from '../../i18n/i18n';
import { useChatStatus } from './chatConnection';

/** Says so while the chat socket is not open (messages typed meanwhile wait and go out when it is). */
export function ConnectionBanner() {
  const t = useT();
  const status = useChatStatus((s) => s.status);
  if (status === 'open' || status === 'closed') return null;
  return <p className="notice" role="status" data-testid="chat-connection">{status === 'connecting' ? t('chat.connecting') : t('chat.reconnecting')}</p>;
}
