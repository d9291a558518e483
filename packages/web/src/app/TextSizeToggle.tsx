import { useTranslation } from 'react-i18next';
import { useTextSize } from '../shared/preferences/text-size.ts';
import { TextSizeIcon } from '../shared/ui/icons.tsx';

/** Large text on and off; a toggle button (aria-pressed), remembered on this device. */
export function TextSizeToggle({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [size, setSize] = useTextSize();
  const large = size === 'large';
  return (
    <button
      type="button"
      className={className}
      aria-pressed={large}
      title={t('header.largeTextHint')}
      onClick={() => setSize(large ? 'normal' : 'large')}
    >
      <TextSizeIcon />
      {t('header.largeText')}
    </button>
  );
}
