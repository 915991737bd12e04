import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@qj/config';
import { domainError, ValidationFailedException } from '@qj/http';
import { UserPatch, UserRepository, UserView } from '@qj/persistence';
import { unauthenticated } from './access';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import type { LoginResponseDto, ProfileDto } from './dto/auth-responses.dto';
import { LoginThrottle } from './login-throttle';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { assertPasswordPolicy, passwordPolicyViolation } from './password-policy';

export function toProfile(user: Pick<UserView, 'id' | 'username' | 'displayName' | 'role' | 'unit' | 'mustChangePassword'>, timeZone: string): ProfileDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unit,
    mustChangePassword: user.mustChangePassword,
    timeZone,
  };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  /**
   * One answer for an unknown user, a wrong password and a deactivated account, and the same scrypt work
   * for each, so neither the message nor the timing tells which usernames exist. Failures are counted per
   * username and per client address; a locked one is 429 before the password is checked.
   */
  async login(username: string, password: string, address: string): Promise<LoginResponseDto> {
    const name = username.trim().toLowerCase();
    await this.throttle.assertOpen(name, address);
    const credentials = await this.users.findCredentials(name);
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoyHash()));
    if (!credentials || !matches || !credentials.active) {
      await this.throttle.recordFailure(name, address);
      throw domainError('invalid_credentials');
    }
    await this.throttle.recordSuccess(name);
    const patch: UserPatch = {};
    if (needsRehash(credentials.passwordHash)) patch.passwordHash = await hashPassword(password);
    // A password below today's policy (the demo accounts' shared one, or one set before the policy) may still sign in, once flagged.
    const weak = passwordPolicyViolation(password, credentials.username, 'password') !== undefined;
    if (weak !== credentials.mustChangePassword) patch.mustChangePassword = weak;
    if (Object.keys(patch).length) await this.users.update(credentials.id, patch);
    return this.session(credentials.id, credentials.tokenGeneration);
  }

  /**
   * Changes one's own password. The current one is checked (and a wrong one counted like a failed sign-in), the new one
   * must pass the policy; every session of the user ends, and the answer carries a fresh token for this one.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, address: string): Promise<LoginResponseDto> {
    await this.throttle.assertOpen(user.username, address);
    const credentials = await this.users.findCredentials(user.username);
    if (!credentials || !(await verifyPassword(currentPassword, credentials.passwordHash))) {
      await this.throttle.recordFailure(user.username, address);
      throw new ValidationFailedException([
        { field: 'currentPassword', message: { zh: 'currentPassword 与当前密码不符', en: 'currentPassword is not the current password' } },
      ]);
    }
    assertPasswordPolicy(newPassword, user.username, 'newPassword');
    if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) {
      throw new ValidationFailedException([
        { field: 'newPassword', message: { zh: 'newPassword 不能与当前密码相同', en: 'newPassword must differ from the current password' } },
      ]);
    }
    const generation = await this.users.update(user.id, { passwordHash: await hashPassword(newPassword), mustChangePassword: false }, { endSessions: true });
    if (generation === undefined) throw unauthenticated();
    this.logger.log({ userId: user.id, username: user.username }, 'password changed; every session ended');
    return this.session(user.id, generation);
  }

  /** Signs the user out everywhere: every token issued so far, this one included, stops working. */
  async logout(user: AuthUser): Promise<void> {
    await this.users.endSessions(user.id);
    this.logger.log({ userId: user.id, username: user.username }, 'signed out; every session ended');
  }

  async me(user: AuthUser): Promise<ProfileDto> {
    const view = await this.users.findView(user.id);
    if (!view) throw unauthenticated();
    return toProfile(view, this.clock.timeZone);
  }

  private async session(id: string, generation: number): Promise<LoginResponseDto> {
    const user = await this.users.findView(id);
    if (!user) throw unauthenticated();
    const payload: AccessTokenPayload = { sub: user.id, gen: generation, username: user.username, role: user.role, unitId: user.unit?.id ?? null };
    return { accessToken: await this.jwt.signAsync(payload), user: toProfile(user, this.clock.timeZone) };
  }
}
