import { Module } from '@nestjs/common';
import { DigestComposer } from '@qj/mail';
import { DigestsController } from './digests.controller';

/** The weekly digest as administrators preview it; sending is the worker's. */
@Module({ controllers: [DigestsController], providers: [DigestComposer] })
export class DigestsModule {}
