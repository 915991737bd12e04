import { CameraOutlined, DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, message, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, isApiError } from '../api/client';
import type { FileRef, UploadedFile } from '../api/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { postFile } from './excel-upload';

/**
 * Opens a file in a new tab: the tab is opened at the click (so no pop-up blocker stops it), then pointed at the
 * content fetched with the bearer token. PDFs show in the browser's viewer, images as themselves.
 */
async function openFile(file: FileRef): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await api.blob(`/api/files/${file.id}`));
    if (tab) tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    void message.error(isApiError(error) ? error.detail : String(error));
  }
}

/** An image's 320 px thumbnail, fetched with the token (an <img> cannot send it) and shown from an object URL. */
function Thumbnail({ file }: { file: FileRef }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | undefined;
    api.blob(`/api/files/${file.id}/thumbnail`, abort.signal).then(
      (blob) => setUrl((objectUrl = URL.createObjectURL(blob))),
      () => undefined,
    );
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file.id]);
  return (
    <img
      src={url}
      alt={file.name}
      data-testid="file-thumbnail"
      data-loaded={url ? 'true' : 'false'}
      onClick={() => void openFile(file)}
      style={{ width: 120, height: 90, objectFit: 'cover', cursor: 'pointer', borderRadius: 4, background: '#f0f0f0', display: 'block' }}
    />
  );
}

/** Files with previews: images as thumbnails (click: full size), PDFs as links that open in the browser; capture time and place when known. */
export function EvidenceFiles({ files, onRemove }: { files: readonly FileRef[]; onRemove?: (id: string) => void }) {
  const { t } = useI18n();
  if (!files.length) return null;
  return (
    <Space wrap align="start" size={12} data-testid="evidence-files">
      {files.map((file) => (
        <div key={file.id} data-testid="evidence-file" style={{ width: file.contentType.startsWith('image/') ? 120 : undefined, maxWidth: 240 }}>
          {file.contentType.startsWith('image/') ? (
            <Thumbnail file={file} />
          ) : (
            <Button
              type="link"
              icon={<FilePdfOutlined />}
              onClick={() => void openFile(file)}
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            >
              {file.name}
            </Button>
          )}
          {file.takenAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('files.takenAt', { time: formatDateTime(file.takenAt) })}
            </Typography.Text>
          ) : null}
          {file.location ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('files.location', { lat: file.location.latitude.toFixed(5), lon: file.location.longitude.toFixed(5) })}
            </Typography.Text>
          ) : null}
          {onRemove ? (
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(file.id)} aria-label={t('files.remove')}>
              {t('files.remove')}
            </Button>
          ) : null}
        </div>
      ))}
    </Space>
  );
}

/**
 * Attaching files in a form: pick PDFs or images, or take a photo with the phone's camera (`capture`); each is uploaded
 * at once (POST /api/files) and its id goes with the form (`fileIds`). `onChange` hears the whole list.
 */
export function EvidenceUpload({ value, onChange }: { value: readonly FileRef[]; onChange: (files: FileRef[]) => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<FileRef[]>([...value]);
  const [uploading, setUploading] = useState(0);
  useEffect(() => onChange(files), [files]); // eslint-disable-line react-hooks/exhaustive-deps -- the parent hears changes, not renders
  const customRequest = ({ file }: { file: unknown }) => {
    setUploading((n) => n + 1);
    postFile<UploadedFile>('/api/files', file as File)
      .then((uploaded) => setFiles((list) => [...list, uploaded]))
      .catch((error: unknown) => void message.error(t('files.uploadFailed', { detail: isApiError(error) ? error.detail : String(error) })))
      .finally(() => setUploading((n) => n - 1));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="evidence-upload">
      <Space wrap>
        <Upload accept="image/*,application/pdf" multiple showUploadList={false} customRequest={customRequest}>
          <Button icon={<UploadOutlined />} loading={uploading > 0}>
            {t('files.upload')}
          </Button>
        </Upload>
        <Upload accept="image/*" capture="environment" showUploadList={false} customRequest={customRequest}>
          <Button icon={<CameraOutlined />}>{t('files.camera')}</Button>
        </Upload>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('files.hint')}
      </Typography.Text>
      <EvidenceFiles files={files} onRemove={(id) => setFiles((list) => list.filter((file) => file.id !== id))} />
    </Space>
  );
}
