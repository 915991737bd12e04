import { Inject, OnModuleDestroy, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { FileStore, fileStoreFor, S3FileStore } from '@qj/files';

/** The injection token of the one FileStore, chosen by FILE_STORAGE_URL. */
export const FILE_STORE = Symbol('FileStore');
export const InjectFileStore = () => Inject(FILE_STORE);

export const fileStoreProvider: Provider = {
  provide: FILE_STORE,
  inject: [ConfigService],
  useFactory: (config: ConfigService<Env, true>): FileStore =>
    fileStoreFor(config.get('FILE_STORAGE_URL', { infer: true }), config.get('VAR_DIR', { infer: true })),
};

/** Closes the S3 client's sockets when the application stops. */
export class FileStoreLifecycle implements OnModuleDestroy {
  constructor(@InjectFileStore() private readonly store: FileStore) {}

  onModuleDestroy(): void {
    if (this.store instanceof S3FileStore) this.store.close();
  }
}
