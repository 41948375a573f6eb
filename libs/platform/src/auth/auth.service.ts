import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './password.util';
import { UsersRepository } from './users.repository';
import type { MeDto, TokenDto } from './dto/auth.dto';
import type { Principal } from './principal';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientIp: string): Promise<TokenDto> {
    const key = username.trim().toLowerCase();
    const attempt = await this.throttle.begin(key, clientIp);
    const user = await this.users.findForLogin(key);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok) {
      await this.throttle.failed(attempt);
      // One message for unknown user and wrong password: no username enumeration.
      throw new DomainError('INVALID_CREDENTIALS', 'Invalid username or password');
    }
    await this.throttle.succeeded(attempt);
    const expiresIn = this.config.auth.jwtExpiresInSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  async me(principal: Principal): Promise<MeDto> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The token is invalid or has expired');
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      areaId: user.areaId,
      providerId: user.providerId,
    };
  }
}
