import { createHash } from 'node:crypto';
import { todayIn } from '@qj/domain';
import { blobKey, FileStore, fileStoreFor, S3FileStore, thumbnailKey } from '@qj/files';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { projectOf, startRequest } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';
import { binary, fieldsOf } from '../investment/support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .png()
    .toBuffer();
/** A site photo as a phone takes it: 640×480, taken 2026-05-01 10:30 (Chongqing) at 28.975 N, 106.65 E. */
const sitePhoto = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Qijiang test camera' },
      IFD2: { DateTimeOriginal: '2026:05:01 10:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 58/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 39/1 0/1' },
    })
    .toBuffer();

interface Backend {
  env: Record<string, string>;
  store: FileStore;
  close(): Promise<void>;
}

/** The embedded default: a folder under the suite's own VAR_DIR. */
async function folderBackend(varDir: string): Promise<Backend> {
  return { env: {}, store: fileStoreFor(undefined, varDir), close: async () => undefined };
}

/** A real S3-protocol server (s3rver) on a random port with its data in a temporary folder, as MinIO stands in production. */
async function s3Backend(): Promise<Backend> {
  const directory = await mkdtemp(join(tmpdir(), 'qj-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'evidence' }] });
  const { port } = await server.run();
  // s3rver's fixed credentials, read by the SDK's default chain as in production.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const url = `s3://evidence?endpoint=http://127.0.0.1:${port}&region=us-east-1`;
  const store = fileStoreFor(url, 'unused');
  return {
    env: { FILE_STORAGE_URL: url },
    store,
    close: async () => {
      (store as S3FileStore).close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['folder', folderBackend],
  ['s3 (s3rver)', s3Backend],
] as const)('evidence files in the %s store', (_name, makeBackend) => {
  let t: TestApp;
  let backend: Backend;
  let varDir: string;
  const month = () => todayIn(t.env.APP_TIMEZONE).slice(0, 7);

  const upload = (username: string, body: Buffer, name: string) => t.as(username).post('/api/files').attach('file', body, name);
  const fileRows = async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM file`)).rows[0].n);
  const leftInUploads = async () => (await readdir(join(varDir, 'uploads')).catch(() => [])).length;

  beforeAll(async () => {
    varDir = await mkdtemp(join(tmpdir(), 'qj-files-var-'));
    backend = await makeBackend(varDir);
    t = await bootTestApp({ env: { VAR_DIR: varDir, ...backend.env } });
  });
  afterAll(async () => {
    await t?.close();
    await backend?.close();
    await rm(varDir, { recursive: true, force: true });
  });

  it('a PNG named .pdf is stored as a PNG (the content decides), with its hash; its uploader reads the same bytes back', async () => {
    const bytes = await png('#c33');
    const res = await upload('owner_transport', bytes, '批复扫描件.pdf').expect(201);
    expect(res.body).toMatchObject({ name: '批复扫描件.pdf', size: bytes.length, contentType: 'image/png', takenAt: null, location: null });
    expect(res.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await backend.store.has(blobKey(res.body.sha256))).toBe(true);
    const back = await t.as('owner_transport').get(`/api/files/${res.body.id}`).buffer(true).parse(binary).expect(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('批复扫描件.pdf')}`);
    expect(Buffer.compare(back.body as Buffer, bytes)).toBe(0);
  });

  it('a text file named .pdf is refused 415 naming `file`, and nothing is stored', async () => {
    const before = await fileRows();
    const res = await upload('owner_transport', Buffer.from('这不是 PDF，只是一段文字。\n'.repeat(20)), '施工许可.pdf').expect(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('file_type_unsupported');
    expect(fieldsOf(res.body)).toEqual(['file']);
    expect(await fileRows()).toBe(before);
    expect(await leftInUploads()).toBe(0);
  });

  it('over 20 MB is 413 stating the limit: nothing stored, no temporary file left', async () => {
    const before = await fileRows();
    const blobs = (await backend.store.list('blobs')).length;
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await upload('owner_transport', big, 'big.pdf').expect(413);
    expect(res.body.code).toBe('file_too_large');
    expect(res.body.detail).toContain('20 MB');
    expect(fieldsOf(res.body)).toEqual(['file']);
    expect(await fileRows()).toBe(before);
    expect((await backend.store.list('blobs')).length).toBe(blobs);
    expect(await leftInUploads()).toBe(0);
  });

  it('no file, another field or a malformed form is 400 naming `file`', async () => {
    const none = await t.as('owner_transport').post('/api/files').field('note', 'x').expect(400);
    expect(fieldsOf(none.body)).toEqual(['file']);
    const wrong = await t.as('owner_transport').post('/api/files').attach('photo', PDF, 'a.pdf').expect(400);
    expect(fieldsOf(wrong.body)).toEqual(['file']);
  });

  it('the same bytes uploaded twice are two files sharing one stored blob', async () => {
    const bytes = await png('#17a');
    const first = (await upload('owner_transport', bytes, 'one.png').expect(201)).body;
    const second = (await upload('owner_water', bytes, 'two.png').expect(201)).body;
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect((await backend.store.list('blobs')).filter((key) => key.endsWith(first.sha256))).toEqual([blobKey(first.sha256)]);
    // Each stays its uploader's until attached.
    await t.as('owner_water').get(`/api/files/${first.id}`).expect(404);
    await t.as('owner_water').get(`/api/files/${second.id}`).expect(200);
  });

  it('evidence attached to a transition request: the request lists it; reviewers and the unit read it, another unit’s owner gets 404', async () => {
    const project = await projectOf(t, 'transport', 0);
    const scan = (await upload('owner_transport', PDF, '初步设计批复.pdf').expect(201)).body;
    // Unattached: only its uploader sees it, not even a reviewer.
    await t.as('reviewer').get(`/api/files/${scan.id}`).expect(404);
    const request = await startRequest(t, 'owner_transport', project.id, { fileIds: [scan.id] });
    const read = await t.as('reviewer').get(`/api/transition-requests/${request.id}`).expect(200);
    expect(read.body.files).toEqual([
      { id: scan.id, name: '初步设计批复.pdf', size: PDF.length, contentType: 'application/pdf', takenAt: null, location: null },
    ]);
    const pdf = await t.as('reviewer').get(`/api/files/${scan.id}`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline;/);
    await t.as('owner_transport').get(`/api/files/${scan.id}`).expect(200);
    const outsider = await t.as('owner_water').get(`/api/files/${scan.id}`).expect(404);
    expect(outsider.body.code).toBe('file_not_found');
    await t.as('owner_water').get(`/api/files/${scan.id}/thumbnail`).expect(404);
    const { rows } = await t.db.query(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'transition.requested'`, [request.id]);
    expect(rows[0].after.fileIds).toEqual([scan.id]);
  });

  it('an unknown file id, or another user’s unattached file, in fileIds is 400 naming the item; no request is filed', async () => {
    const project = await projectOf(t, 'transport', 1);
    const theirs = (await upload('owner_water', PDF, 'water.pdf').expect(201)).body;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const requests = async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM transition_request WHERE project_id = $1`, [project.id])).rows[0].n);
    const res = await t
      .as('owner_transport')
      .post(`/api/projects/${project.id}/transition-requests`)
      .send({ to: 'on_hold', reason: '资金未落实', fileIds: [unknown, theirs.id] })
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['fileIds[0]', 'fileIds[1]']);
    expect(await requests()).toBe(0);
    const malformed = await t
      .as('owner_transport')
      .post(`/api/projects/${project.id}/transition-requests`)
      .send({ to: 'on_hold', reason: '资金未落实', fileIds: ['not-a-uuid'] })
      .expect(400);
    expect(fieldsOf(malformed.body)).toEqual(['fileIds']);
  });

  it('site photos on a monthly report: capture time and place from EXIF; a thumbnail 320 px WebP, kept in the store', async () => {
    const project = await projectOf(t, 'transport', 2);
    const photo = (await upload('owner_transport', await sitePhoto(), 'IMG_0001.jpg').expect(201)).body;
    expect(photo).toMatchObject({ contentType: 'image/jpeg', takenAt: '2026-05-01T02:30:00.000Z' });
    expect(photo.location.latitude).toBeCloseTo(28.975, 5);
    expect(photo.location.longitude).toBeCloseTo(106.65, 5);
    const url = `/api/projects/${project.id}/monthly-reports/${month()}`;
    const saved = await t
      .as('owner_transport')
      .put(url)
      .send({ completedInvestment: '12.50', progress: '主体结构施工中', fileIds: [photo.id] })
      .expect(200);
    expect(saved.body.files).toEqual([
      { id: photo.id, name: 'IMG_0001.jpg', size: photo.size, contentType: 'image/jpeg', takenAt: '2026-05-01T02:30:00Z', location: photo.location },
    ]);
    // Only the photos changing is a save of its own (a version, an audit row); the same list again writes nothing.
    const version = saved.body.version;
    const again = await t
      .as('owner_transport')
      .put(url)
      .send({ completedInvestment: '12.50', progress: '主体结构施工中', fileIds: [photo.id] })
      .expect(200);
    expect(again.body.version).toBe(version);
    const year = await t
      .as('reviewer')
      .get(`/api/projects/${project.id}/monthly-reports?year=${month().slice(0, 4)}`)
      .expect(200);
    expect(year.body.months.find((m: { month: string }) => m.month === month()).report.files.map((f: { id: string }) => f.id)).toEqual([photo.id]);
    const grid = await t.as('owner_transport').get(`/api/monthly-reports?month=${month()}`).expect(200);
    expect(grid.body.items.find((row: { projectId: string }) => row.projectId === project.id).report.files[0].takenAt).toBe('2026-05-01T02:30:00Z');

    const thumb = await t.as('reviewer').get(`/api/files/${photo.id}/thumbnail`).buffer(true).parse(binary).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toContain('private');
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 240]);
    expect(await backend.store.has(thumbnailKey(photo.sha256))).toBe(true);
    await t.as('owner_water').get(`/api/files/${photo.id}`).expect(404);

    // Dropping the photo detaches it: it is its uploader's alone again.
    const dropped = await t.as('owner_transport').put(url).send({ completedInvestment: '12.50', progress: '主体结构施工中', fileIds: [] }).expect(200);
    expect(dropped.body.files).toEqual([]);
    expect(dropped.body.version).toBe(version + 1);
    await t.as('reviewer').get(`/api/files/${photo.id}`).expect(404);
  });

  it('a PDF has no thumbnail (404); an unknown id is 404', async () => {
    const scan = (await upload('owner_transport', PDF, 'permit.pdf').expect(201)).body;
    const res = await t.as('owner_transport').get(`/api/files/${scan.id}/thumbnail`).expect(404);
    expect(res.body.code).toBe('file_no_thumbnail');
    await t.as('admin').get('/api/files/00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await t.as('admin').get('/api/files/nope').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['id']);
  });

  it('only admins remove a file (403 otherwise), audited on the project; the blob goes with the last file holding it', async () => {
    const project = await projectOf(t, 'transport', 3);
    const bytes = await png('#951');
    const attached = (await upload('owner_transport', bytes, 'progress.png').expect(201)).body;
    const twin = (await upload('owner_transport', bytes, 'copy.png').expect(201)).body;
    await t
      .as('owner_transport')
      .put(`/api/projects/${project.id}/monthly-reports/${month()}`)
      .send({ completedInvestment: '1', fileIds: [attached.id] })
      .expect(200);
    await t.as('reviewer').get(`/api/files/${attached.id}/thumbnail`).expect(200);

    expect((await t.as('owner_transport').delete(`/api/files/${attached.id}`).expect(403)).body.code).toBe('forbidden');
    await t.as('reviewer').delete(`/api/files/${attached.id}`).expect(403);
    await t.as('admin').delete(`/api/files/${attached.id}`).expect(204);
    await t.as('reviewer').get(`/api/files/${attached.id}`).expect(404);
    const report = await t
      .as('reviewer')
      .get(`/api/projects/${project.id}/monthly-reports?year=${month().slice(0, 4)}`)
      .expect(200);
    expect(report.body.months.find((m: { month: string }) => m.month === month()).report.files).toEqual([]);
    const { rows } = await t.db.query(
      `SELECT project_id, actor_name, before FROM audit_event WHERE entity_type = 'file' AND action = 'file.removed' AND entity_id = $1`,
      [attached.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({ project_id: project.id, before: expect.objectContaining({ name: 'progress.png', sha256: attached.sha256 }) }),
    ]);
    // The twin still holds the content.
    expect(await backend.store.has(blobKey(attached.sha256))).toBe(true);
    await t.as('admin').delete(`/api/files/${twin.id}`).expect(204);
    expect(await backend.store.has(blobKey(attached.sha256))).toBe(false);
    expect(await backend.store.has(thumbnailKey(attached.sha256))).toBe(false);
    await t.as('admin').delete(`/api/files/${twin.id}`).expect(404);
  });
});
