import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Product } from '../../api/types';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { priceInputText } from '../../lib/price';
import {
  changedProductFields, DESCRIPTION_MAX, LINK_MAX, NAME_MAX, validateProductForm,
  type ProductBody, type ProductFormErrors, type ProductFormValues,
} from '../../lib/productForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorState, Spinner } from '../../ui/States';
import { TextArea, TextField } from '../../ui/TextField';
import { ImagePicker } from '../media/ImagePicker';
import { useImageUploads } from '../media/useImageUploads';

/** The Api's limit (Gamgyul.Api/Products/ProductFieldsValidator.MaxImages). */
const MAX_PRODUCT_IMAGES = 10;

type FieldName = keyof ProductFormErrors;
const FIELDS: FieldName[] = ['name', 'description', 'price', 'product_link'];

/** `/market/new` lists a product; `/market/:uuid/edit` changes or deletes one of the seller's own. */
export default function ProductFormPage() {
  const t = useT();
  const uuid = useParams().uuid;
  const me = useSession((s) => s.user);
  const product = useQuery({
    queryKey: ['product', uuid],
    enabled: uuid !== undefined,
    queryFn: ({ signal }) => api<Product>(`/products/${uuid}/`, { signal }),
  });

  if (uuid === undefined) {
    return (
      <section className="page page--narrow">
        <h1>{t('productForm.createTitle')}</h1>
        <ProductForm />
      </section>
    );
  }
  if (product.isPending) return <Spinner />;
  if (product.isError) {
    const missing = product.error instanceof ApiError && (product.error.status === 404 || product.error.status === 400);
    return <ErrorState message={missing ? t('common.notFound') : undefined} onRetry={missing ? undefined : () => product.refetch()} />;
  }
  // The Api refuses others' changes too (403); this only spares the seller-to-be a form that cannot be sent.
  if (product.data.user.handle !== me?.handle) return <ErrorState message={t('productForm.notOwner')} />;
  return (
    <section className="page page--narrow">
      <h1>{t('productForm.editTitle')}</h1>
      <ProductForm key={product.data.uuid} product={product.data} />
    </section>
  );
}

function bodyOf(product: Product): ProductBody {
  return { name: product.name, description: product.description, price: product.price, currency: 'KRW', product_link: product.product_link };
}

function ProductForm({ product }: { product?: Product }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProductFormValues>({
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: product ? priceInputText(product.price) : '',
    productLink: product?.product_link ?? '',
  });
  const [clientErrors, setClientErrors] = useState<ProductFormErrors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const images = useImageUploads('product', MAX_PRODUCT_IMAGES, product?.images ?? []);
  const set = (field: keyof ProductFormValues) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  const afterChange = async (uuid: string) => {
    await queryClient.invalidateQueries({ queryKey: ['products'] });
    await queryClient.invalidateQueries({ queryKey: ['product', uuid] });
  };

  const save = useMutation({
    mutationFn: (body: object) => product
      ? api<Product>(`/products/${product.uuid}/`, { method: 'PATCH', body })
      : api<Product>('/products/', { method: 'POST', body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['product', saved.uuid], saved);
      await afterChange(saved.uuid);
      navigate(`/market/${saved.uuid}`);
    },
  });

  const remove = useMutation({
    mutationFn: () => api<void>(`/products/${product!.uuid}/`, { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirmDelete(false);
      queryClient.removeQueries({ queryKey: ['product', product!.uuid] });
      await afterChange(product!.uuid);
      navigate('/market');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { errors, body } = validateProductForm(values);
    setClientErrors(errors);
    if (!body || !images.ready) return;
    if (!product) {
      save.mutate({ ...body, images: images.references });
      return;
    }
    // PATCH only what changed; images only when the set or its order changed (sending them replaces all).
    const changed: Record<string, unknown> = changedProductFields(bodyOf(product), body);
    if (images.references.join('\n') !== product.images.join('\n')) changed.images = images.references;
    if (Object.keys(changed).length === 0) {
      navigate(`/market/${product.uuid}`);
      return;
    }
    save.mutate(changed);
  }

  // The Api's refusals: field messages next to their inputs (a private-network store link, say), the rest (a
  // refused image, a store link already listed: 409) above the button.
  const apiError = save.error instanceof ApiError ? save.error : null;
  const errorOf = (field: FieldName) => (clientErrors[field] ? t(clientErrors[field]) : apiError?.fieldError(field));
  const otherApiErrors = apiError && apiError.status < 500
    ? apiError.problem.errors
      ? Object.entries(apiError.problem.errors).filter(([field]) => !FIELDS.includes(field as FieldName)).map(([, messages]) => messages[0])
      : [apiError.message]
    : [];
  const formError = save.error && !apiError ? t('common.error') : apiError && apiError.status >= 500 ? t('common.error') : undefined;

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('productForm.name')} value={values.name} onChange={set('name')} maxLength={NAME_MAX} required error={errorOf('name')} />
        <TextField label={t('productForm.price')} value={values.price} onChange={set('price')} inputMode="numeric" autoComplete="off"
          placeholder="15,000" required error={errorOf('price')} />
        <p className="muted field__hint">{t('productForm.priceHint')}</p>
        <TextField label={t('productForm.link')} type="url" value={values.productLink} onChange={set('productLink')} maxLength={LINK_MAX}
          placeholder="https://" inputMode="url" required error={errorOf('product_link')} />
        <p className="muted field__hint">{t('productForm.linkHint')}</p>
        <TextArea label={t('productForm.description')} value={values.description} onChange={set('description')} maxLength={DESCRIPTION_MAX}
          rows={5} error={errorOf('description')} />
        <ImagePicker uploads={images} legend={t('productForm.images')} />
        {!images.ready && <p className="muted" role="status">{images.uploading ? t('form.uploadWait') : t('upload.fixFailed')}</p>}
        {otherApiErrors.map((message) => <p key={message} className="field__error" role="alert">{message}</p>)}
        {formError && <p className="field__error" role="alert">{formError}</p>}
        <Button type="submit" block pending={save.isPending} disabled={!images.ready}>
          {product ? t('productForm.save') : t('productForm.create')}
        </Button>
      </form>
      {product && (
        <div className="danger-zone">
          <Button variant="danger" size="sm" onClick={() => setConfirmDelete(true)}>{t('productForm.delete')}</Button>
          <Dialog open={confirmDelete} title={t('productForm.delete')} onClose={() => setConfirmDelete(false)}>
            <p>{t('productForm.deleteConfirm')}</p>
            {remove.isError && <p className="field__error" role="alert">{remove.error instanceof ApiError ? remove.error.message : t('common.error')}</p>}
            <div className="dialog__actions">
              <Button variant="secondary" onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
              <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate()}>{t('productForm.deleteYes')}</Button>
            </div>
          </Dialog>
        </div>
      )}
    </>
  );
}
