import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/useFormat.ts';
import { Button } from './Button.tsx';
import { AlertIcon, CloseIcon } from './icons.tsx';
import styles from './PhotoPicker.module.css';

/** The server's rules (MAX_UPLOAD_BYTES; each input's photo count), checked here first to save a wasted upload. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export interface PhotoPickerProps {
  photos: readonly File[];
  onChange: (photos: File[]) => void;
  /** From the server, after a refused upload. */
  error?: string;
  /** How many the input takes, e.g. 4 for a concern (ReportConcernInput.photos). */
  max: number;
}

/**
 * Two ways in, because phones differ: "拍照" opens the camera at once (capture), "选择照片" the gallery.
 * Each photo shows as a preview with a big remove button. Size and type are checked before anything is
 * sent; the server checks again from the file's bytes.
 */
export function PhotoPicker({ photos, onChange, error, max }: PhotoPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labelId = useId();
  const hintId = useId();
  const cameraRef = useRef<HTMLInputElement>(null);
  const galleryRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const previews = usePreviews(photos);
  const mb = MAX_PHOTO_BYTES / (1024 * 1024);

  const add = (list: FileList | null) => {
    if (!list) return;
    const next = [...photos];
    const found: string[] = [];
    for (const file of [...list]) {
      if (!ACCEPTED_TYPES.includes(file.type)) found.push(t('photoPicker.photoWrongType', { name: file.name }));
      else if (file.size > MAX_PHOTO_BYTES)
        found.push(t('photoPicker.photoTooLarge', { name: file.name, size: format.number(Math.round((file.size / 1024 / 1024) * 10) / 10), mb }));
      else if (next.length >= max) found.push(t('photoPicker.tooManyPhotos', { max }));
      else next.push(file);
    }
    setProblems([...new Set(found)]);
    onChange(next);
  };

  const shownError = [...problems, ...(error ? [error] : [])];
  const full = photos.length >= max;
  return (
    <div className={styles.photos} role="group" aria-labelledby={labelId} aria-describedby={hintId}>
      <p id={labelId} className={styles.photosLabel}>
        {t('photoPicker.photos')}
      </p>
      <p id={hintId} className={styles.hint}>
        {t('photoPicker.photosHint', { max, mb })}
      </p>
      {shownError.length ? (
        <ul className={styles.photoErrors} aria-live="polite">
          {shownError.map((problem) => (
            <li key={problem}>
              <AlertIcon />
              {problem}
            </li>
          ))}
        </ul>
      ) : null}
      {photos.length ? (
        <ul className={styles.previews}>
          {photos.map((photo, index) => (
            <li key={previews[index] ?? index} className={styles.preview}>
              {previews[index] ? <img src={previews[index]} alt={t('photoPicker.photoPreview', { n: index + 1 })} /> : null}
              <button
                type="button"
                className={styles.removePhoto}
                aria-label={t('photoPicker.removePhoto', { n: index + 1 })}
                title={t('photoPicker.removePhoto', { n: index + 1 })}
                onClick={() => onChange(photos.filter((_, i) => i !== index))}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!full ? (
        <div className={styles.photoButtons}>
          <Button variant="secondary" onClick={() => cameraRef.current?.click()}>
            <CameraIcon />
            {t('photoPicker.takePhoto')}
          </Button>
          <Button variant="secondary" onClick={() => galleryRef.current?.click()}>
            <ImageIcon />
            {t('photoPicker.choosePhoto')}
          </Button>
        </div>
      ) : null}
      {/* The camera on phones; a file chooser (with the gallery) elsewhere. */}
      <input
        ref={cameraRef}
        className="visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="photo-input-camera"
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
      <input
        ref={galleryRef}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        data-testid="photo-input"
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
    </div>
  );
}

/** Object URLs for the previews, released when a photo is removed or the form goes away. */
function usePreviews(photos: readonly File[]): string[] {
  const urls = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  return urls;
}

function CameraIcon() {
  return (
    <svg width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M14.5 4h-5L7 7H4a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-3l-2.5-3z" />
      <circle cx="12" cy="13" r="3" />
    </svg>
  );
}

function ImageIcon() {
  return (
    <svg width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <circle cx="9" cy="9" r="2" />
      <path d="m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21" />
    </svg>
  );
}
