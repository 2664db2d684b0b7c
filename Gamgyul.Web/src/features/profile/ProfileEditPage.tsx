import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { BIO_MAX, HANDLE_MAX, profilePatch, USERNAME_MAX, validateProfileForm, type ProfileFormErrors, type ProfileFormValues } from '../../lib/profileForm';
import { Button } from '../../ui/Button';
import { ErrorState, Spinner } from '../../ui/States';
import { TextArea, TextField } from '../../ui/TextField';
import { ImagePicker } from '../media/ImagePicker';
import { useImageUploads } from '../media/useImageUploads';

type FieldName = keyof ProfileFormErrors;
const FIELDS: FieldName[] = ['handle', 'username', 'profile.bio', 'profile.profile_image'];

/** The signed-in user's own profile: name, handle, about and avatar. Reads the account fresh, so it edits what is stored. */
export default function ProfileEditPage() {
  const t = useT();
  const me = useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api<Me>('/accounts/me/', { signal }), staleTime: 0, gcTime: 0 });
  if (me.isPending) return <Spinner />;
  if (me.isError) return <ErrorState onRetry={() => me.refetch()} />;
  return (
    <section className="page page--narrow">
      <h1>{t('profileEdit.title')}</h1>
      <ProfileEditForm key={me.data.handle} me={me.data} />
    </section>
  );
}

function ProfileEditForm({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileFormValues>({ handle: me.handle, username: me.username, bio: me.profile.bio });
  const [clientErrors, setClientErrors] = useState<ProfileFormErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const avatar = useImageUploads('avatar', 1, me.profile.profile_image ? [me.profile.profile_image] : []);
  const set = (field: keyof ProfileFormValues) => (e: { target: { value: string } }) => {
    setValues({ ...values, [field]: e.target.value });
    setUnchanged(false);
  };

  const save = useMutation({
    mutationFn: (patch: object) => api<Me>(`/accounts/users/${encodeURIComponent(me.handle)}/`, { method: 'PATCH', body: patch }),
    onSuccess: async (updated) => {
      // The shell (navigation, "own profile" checks) reads the session's user; keep it the stored account.
      useSession.setState({ user: updated });
      queryClient.setQueryData(['me'], updated);
      await queryClient.invalidateQueries({ queryKey: ['user'] });
      await queryClient.invalidateQueries({ queryKey: ['posts'] });
      navigate(`/users/${encodeURIComponent(updated.handle)}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateProfileForm(values);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !avatar.ready) return;
    const patch = profilePatch(
      { handle: me.handle, username: me.username, bio: me.profile.bio, profileImage: me.profile.profile_image },
      values, avatar.references[0] ?? '');
    if (!patch) {
      setUnchanged(true);
      return;
    }
    save.mutate(patch);
  }

  // The Api's field messages (a taken handle, a reserved one, a refused image) go next to their inputs.
  const apiError = save.error instanceof ApiError ? save.error : null;
  const errorOf = (field: FieldName) => (clientErrors[field] ? t(clientErrors[field]) : apiError?.fieldError(field));
  const formError = save.error
    ? apiError && apiError.status < 500
      ? FIELDS.some((f) => apiError.fieldError(f)) ? undefined : apiError.message
      : t('common.error')
    : undefined;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ImagePicker uploads={avatar} legend={t('profileEdit.avatar')} addLabel={t('profileEdit.avatarPick')} />
      {errorOf('profile.profile_image') && <p className="field__error" role="alert">{errorOf('profile.profile_image')}</p>}
      <TextField label={t('profileEdit.username')} value={values.username} onChange={set('username')} maxLength={USERNAME_MAX}
        autoComplete="nickname" required error={errorOf('username')} />
      <TextField label={t('profileEdit.handle')} value={values.handle} onChange={set('handle')} maxLength={HANDLE_MAX}
        autoCapitalize="none" autoCorrect="off" spellCheck={false} pattern="[a-z0-9_.]{3,30}" required error={errorOf('handle')} />
      <p className="muted field__hint">{t('profileEdit.handleHint')}</p>
      <TextArea label={t('profileEdit.bio')} value={values.bio} onChange={set('bio')} maxLength={BIO_MAX} rows={4} error={errorOf('profile.bio')} />
      {!avatar.ready && <p className="muted" role="status">{avatar.uploading ? t('form.uploadWait') : t('upload.fixFailed')}</p>}
      {unchanged && <p className="muted" role="status">{t('profileEdit.noChanges')}</p>}
      {formError && <p className="field__error" role="alert">{formError}</p>}
      <Button type="submit" block pending={save.isPending} disabled={!avatar.ready}>{t('profileEdit.save')}</Button>
    </form>
  );
}
