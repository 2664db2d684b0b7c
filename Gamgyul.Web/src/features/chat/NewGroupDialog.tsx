import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { PublicUser, UserSummary } from '../../api/types';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { addPicked, groupRoomBody, normalizeHandle, type Picked } from '../../lib/chatGroups';
import { normalizeQuery } from '../../lib/search';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { createGroupRoom } from './chatApi';

/** The Api's Chat:MaxRoomMembers default (100) minus the owner. */
const MAX_OTHERS = 99;

/**
 * A new group room: a name (optional) and the people in it. People are found as you type through the users search
 * (GET /search/?type=users), or added by their exact @handle (checked against their profile), which works even for
 * an account the search index has not seen yet.
 */
export function NewGroupDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  return (
    <Dialog open={open} title={t('chatGroup.new')} onClose={onClose}>
      <NewGroupForm onClose={onClose} />
    </Dialog>
  );
}

function NewGroupForm({ onClose }: { onClose(): void }) {
  const t = useT();
  const navigate = useNavigate();
  const me = useSession((s) => s.user);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [lookupError, setLookupError] = useState<string>();
  const settled = normalizeQuery(useDebouncedValue(query, 300)).replace(/^@/, '');

  const suggestions = useQuery({
    queryKey: ['chat', 'people', settled],
    enabled: settled.length > 0,
    queryFn: ({ signal }) => api<{ results: UserSummary[] }>(`/search/?type=users&page_size=8&q=${encodeURIComponent(settled)}`, { signal }),
  });

  const lookup = useMutation({
    mutationFn: (handle: string) => api<PublicUser>(`/accounts/users/${encodeURIComponent(handle)}/`),
    onSuccess: (user) => {
      pick({ handle: user.handle, username: user.username });
      setQuery('');
    },
    onError: (error) => setLookupError(error instanceof ApiError && error.status === 404 ? t('chatGroup.noSuchUser') : t('common.error')),
  });

  const create = useMutation({
    mutationFn: () => createGroupRoom(groupRoomBody(picked, name, me?.username ?? '')),
    onSuccess: (room) => {
      onClose();
      navigate(`/messages/${room.uuid}`);
    },
  });

  function pick(user: Picked) {
    setLookupError(undefined);
    setPicked((current) => addPicked(current, user, me?.handle, MAX_OTHERS));
  }

  function addTyped(event: FormEvent) {
    event.preventDefault();
    const handle = normalizeHandle(query);
    if (!handle) {
      setLookupError(t('chatGroup.badHandle'));
      return;
    }
    lookup.mutate(handle);
  }

  const createError = create.error instanceof ApiError
    ? (create.error.status === 403 ? t('chatGroup.refused') : create.error.fieldError('handles') ?? create.error.message)
    : create.error ? t('common.error') : undefined;
  const people = (suggestions.data?.results ?? []).filter((u) => u.handle !== me?.handle && !picked.some((p) => p.handle === u.handle));

  return (
    <div className="form group-form">
      <TextField label={t('chatGroup.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder={t('chatGroup.namePlaceholder')} />
      <form className="group-form__add" onSubmit={addTyped}>
        <TextField label={t('chatGroup.people')} type="search" value={query} autoComplete="off" maxLength={100}
          placeholder={t('chatGroup.peoplePlaceholder')} error={lookupError}
          onChange={(e) => { setQuery(e.target.value); setLookupError(undefined); }} />
        <Button type="submit" variant="secondary" size="sm" pending={lookup.isPending} disabled={!query.trim()}>{t('chatGroup.add')}</Button>
      </form>
      {settled && (
        <ul className="group-form__suggestions" aria-label={t('chatGroup.suggestions')}>
          {suggestions.isPending && <li className="muted">{t('common.loading')}</li>}
          {suggestions.isError && <li className="muted">{t('chatGroup.searchFailed')}</li>}
          {suggestions.isSuccess && people.length === 0 && <li className="muted">{t('chatGroup.noSuggestions')}</li>}
          {people.map((user) => (
            <li key={user.handle}>
              <button type="button" className="user-row user-row--button" onClick={() => pick({ handle: user.handle, username: user.username })}
                aria-label={t('chatGroup.pick', { name: user.username, handle: user.handle })}>
                <Avatar src={user.profile.profile_image} name={user.username} size="sm" />
                <span><strong>{user.username}</strong> <span className="muted">@{user.handle}</span></span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        <p className="field__label">{t('chatGroup.picked', { count: picked.length })}</p>
        {picked.length === 0 ? <p className="muted">{t('chatGroup.nobody')}</p> : (
          <ul className="tag-list" data-testid="group-picked">
            {picked.map((p) => (
              <li key={p.handle} className="chip">
                {p.username} <span className="muted">@{p.handle}</span>{' '}
                <button type="button" className="link-btn" onClick={() => setPicked((current) => current.filter((c) => c.handle !== p.handle))}
                  aria-label={t('chatGroup.unpick', { name: p.username })}>×</button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {createError && <p className="field__error" role="alert">{createError}</p>}
      <Button block pending={create.isPending} disabled={picked.length === 0} onClick={() => create.mutate()}>{t('chatGroup.create')}</Button>
    </div>
  );
}
