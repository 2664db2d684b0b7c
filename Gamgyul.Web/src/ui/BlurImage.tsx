import { useEffect, useRef, useState } from 'react';
import { decodeBlurHash } from '../lib/blurhash';

/**
 * An image that shows its BlurHash placeholder (a 32x32 decode, stretched by CSS) until the real image has
 * loaded, so the layout does not jump and the reader sees the colours at once.
 */
export function BlurImage({ src, placeholder, alt, width, height }: { src: string; placeholder?: string | null; alt: string; width?: number | null; height?: number | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const target = canvas.current;
    if (!target || !placeholder) return;
    const pixels = decodeBlurHash(placeholder, 32, 32);
    const context = target.getContext('2d');
    if (!pixels || !context) return;
    const image = context.createImageData(32, 32);
    image.data.set(pixels);
    context.putImageData(image, 0, 0);
  }, [placeholder]);
  return (
    <span className="blur-image" style={width && height ? { aspectRatio: `${width} / ${height}` } : undefined}>
      {placeholder && !loaded && <canvas ref={canvas} width={32} height={32} className="blur-image__placeholder" aria-hidden="true" data-testid="blurhash" />}
      <img src={src} alt={alt} loading="lazy" onLoad={() => setLoaded(true)} className={loaded ? 'blur-image__img blur-image__img--loaded' : 'blur-image__img'} />
    </span>
  );
}
