import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { canManage } from '../../lib/chatGroups';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { UserRow } from '../../ui/UserRow';
import { leaveRoom, renameRoom, type ChatRoom } from './chatApi';

/** A room's members; the owner renames it; anyone leaves it (after a confirmation). */
export function RoomInfoDialog({ room, open, onClose }: { room: ChatRoom; open: boolean; onClose(): void }) {
  const t = useT();
  return (
    <Dialog open={open} title={t('chatGroup.info')} onClose={onClose}>
      <RoomInfo room={room} onClose={onClose} />
    </Dialog>
  );
}

function RoomInfo({ room, onClose }: { room: ChatRoom; onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSession((s) => s.user?.handle);
  const [name, setName] = useState(room.name);
  const [confirming, setConfirming] = useState(false);

  const rename = useMutation({
    mutationFn: () => renameRoom(room.uuid, name.trim()),
    onSuccess: (updated) => {
      queryClient.setQueryData(['chat', 'room', room.uuid], updated);
      void queryClient.invalidateQueries({ queryKey: ['chat', 'rooms'] });
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveRoom(room.uuid),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['chat', 'room', room.uuid] });
      void queryClient.invalidateQueries({ queryKey: ['chat', 'rooms'] });
      onClose();
      navigate('/messages', { replace: true });
    },
  });

  function submitRename(event: FormEvent) {
    event.preventDefault();
    if (name.trim() !== room.name) rename.mutate();
  }

  const problem = (error: unknown) => (error instanceof ApiError && error.status < 500 ? error.fieldError('name') ?? error.message : t('common.error'));
  return (
    <div className="form">
      {room.kind === 'group' && canManage(room.owner, me) && (
        <form className="group-form__add" onSubmit={submitRename}>
          <TextField label={t('chatGroup.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)}
            error={rename.isError ? problem(rename.error) : undefined} />
          <Button type="submit" variant="secondary" size="sm" pending={rename.isPending} disabled={name.trim() === room.name}>{t('chatGroup.rename')}</Button>
        </form>
      )}
      {rename.isSuccess && <p className="muted" role="status">{t('chatGroup.renamed')}</p>}
      <h3 className="field__label">{t('chatGroup.members', { count: room.members.length })}</h3>
      <ul className="list" data-testid="room-members">
        {room.members.map((m) => (
          <li key={m.user.handle} className="member-row">
            <UserRow user={m.user} />
            {m.role === 'owner' && <span className="chip">{t('chatGroup.owner')}</span>}
          </li>
        ))}
      </ul>
      {confirming ? (
        <div className="notice" role="alertdialog" aria-label={t('chatGroup.leaveConfirm')}>
          <p>{t('chatGroup.leaveConfirm')}</p>
          <div className="row">
            <Button variant="danger" size="sm" pending={leave.isPending} onClick={() => leave.mutate()}>{t('chatGroup.leaveYes')}</Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          </div>
          {leave.isError && <p className="field__error" role="alert">{problem(leave.error)}</p>}
        </div>
      ) : (
        <Button variant="danger" block onClick={() => setConfirming(true)}>{t('chatGroup.leave')}</Button>
      )}
    </div>
  );
}
