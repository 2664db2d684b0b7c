interface AvatarProps {
  src?: string;
  name: string;
  size?: 'sm' | 'md' | 'lg';
}

/** The profile image, or the name's first letter on the orange disc when there is none. */
export function Avatar({ src, name, size = 'md' }: AvatarProps) {
  return src ? (
    <img className={`avatar avatar--${size}`} src={src} alt="" loading="lazy" />
  ) : (
    <span className={`avatar avatar--${size} avatar--initial`} aria-hidden="true">{name.slice(0, 1).toUpperCase()}</span>
  );
}
