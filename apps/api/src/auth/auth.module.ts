import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Env } from '@qj/config';
import { QueueModule } from '@qj/queue';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth-user';
import { AuthController } from './auth.controller';
import { AccessGuard } from './access.guard';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { RolesGuard } from './roles.guard';

/** Sign-in (throttled), one's own password, sign-out, the signed-in user, and the global guards every route passes: token first, then role, then the write's access policy. */
@Module({
  imports: [
    // For its Redis connection: sign-in failures are counted in Redis, shared by every API process.
    QueueModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => {
        const secret = config.get('JWT_SECRET', { infer: true });
        if (!secret) throw new Error('JWT_SECRET is required to sign access tokens (got unset)');
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM key on every verify.
        const key = createSecretKey(Buffer.from(secret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
          // Only HS256: a token claiming `none` or another algorithm is refused.
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
