import { Module } from '@nestjs/common';
import { DigestComposer } from '@qj/digest';
import { DigestsService } from './digests.service';
import { DigestsController } from './digests.controller';
import { MyDigestController } from './my-digest.controller';
import { MyDigestsController } from './my-digests.controller';

/** The weekly digest as its recipients and administrators preview it, and each recipient's past digests; sending is the worker's. */
@Module({ controllers: [DigestsController, MyDigestController, MyDigestsController], providers: [DigestComposer, DigestsService] })
export class DigestsModule {}
