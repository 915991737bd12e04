import { Module } from '@nestjs/common';
import { DigestComposer } from '@qj/mail';
import { DigestsController } from './digests.controller';
import { MyDigestController } from './my-digest.controller';

/** The weekly digest as its recipients and administrators preview it; sending is the worker's. */
@Module({ controllers: [DigestsController, MyDigestController], providers: [DigestComposer] })
export class DigestsModule {}
