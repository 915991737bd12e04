import { Module } from '@nestjs/common';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { FileStoreLifecycle, fileStoreProvider } from './file-store.provider';
import { FilesController } from './files.controller';
import { Attachments, FilesService } from './files.service';

/** Evidence files: upload, read, thumbnails, admin removal; `Attachments` for the rooms whose things carry files. */
@Module({
  controllers: [FilesController],
  providers: [fileStoreProvider, FileStoreLifecycle, FilesService, Attachments, EvidenceUploadInterceptor],
  exports: [Attachments],
})
export class FilesModule {}
