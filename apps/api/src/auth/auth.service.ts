import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainException } from '@qj/http';
import { UserRepository, UserView } from '@qj/persistence';
import { unauthenticated } from './access';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import type { ProfileDto } from './dto/auth-responses.dto';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password-hasher';

export function toProfile(user: Pick<UserView, 'id' | 'username' | 'displayName' | 'role' | 'unit'>): ProfileDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: user.unit };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  /**
   * One answer for an unknown user, a wrong password and a deactivated account, and the same scrypt work
   * for each, so neither the message nor the timing tells which usernames exist.
   */
  async login(username: string, password: string): Promise<{ accessToken: string; user: ProfileDto }> {
    const credentials = await this.users.findCredentials(username.trim().toLowerCase());
    const matches = await verifyPassword(password, credentials?.passwordHash ?? (await decoyHash()));
    if (!credentials || !matches || !credentials.active) throw new DomainException('invalid_credentials', 401, '用户名或密码错误');
    if (needsRehash(credentials.passwordHash)) await this.users.update(credentials.id, { passwordHash: await hashPassword(password) });
    const user = await this.users.findView(credentials.id);
    if (!user) throw unauthenticated();
    const payload: AccessTokenPayload = { sub: user.id, username: user.username, role: user.role, unitId: user.unit?.id ?? null };
    return { accessToken: await this.jwt.signAsync(payload), user: toProfile(user) };
  }

  async me(user: AuthUser): Promise<ProfileDto> {
    const view = await this.users.findView(user.id);
    if (!view) throw unauthenticated();
    return toProfile(view);
  }
}
