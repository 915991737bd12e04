import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { isoWeekOf, weekLabel } from '@qj/domain';
import { domainError, isUuid, type Language } from '@qj/http';
import { DigestComposer } from '@qj/digest';
import { DigestRepository } from '@qj/persistence';

/** The weekly digest as it would read today (previews) and as it was composed for a past period. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly digests: DigestRepository,
    private readonly composer: DigestComposer,
    private readonly clock: Clock,
  ) {}

  /** What this week's digest of an active user says as of today; nothing is sent. 404 for an unknown or inactive user. */
  async preview(userId: string | undefined) {
    const recipient = isUuid(userId) ? await this.digests.recipient(userId) : undefined;
    if (!recipient) throw domainError('user_not_found', { id: userId ?? '' });
    const today = this.clock.today();
    return this.composer.compose(recipient, isoWeekOf(today).key, today);
  }

  /** A user's digest for a period as it was composed when sent, with its ISO week named as the mails name it. */
  async composed(userId: string, week: string, language: Language) {
    const digest = await this.digests.composed(userId, week);
    if (!digest) throw domainError('digest_not_found', { week });
    // A period key may carry a send time after its week (2026-W48-20261123T000000Z); the label names the week.
    return { ...digest, weekLabel: weekLabel(week.slice(0, 8), language) };
  }
}
