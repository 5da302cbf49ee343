import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrors, validationFailed } from '../platform/http/validation.pipe.js';
import { SignInDto } from './auth.dto.js';
import { IdentityError } from './identity.errors.js';

/**
 * passport-local behind a validation step: guards run before pipes, so without it a malformed body
 * would reach passport and come back as a bare 401 instead of a field-by-field 400.
 */
@Injectable()
export class SignInGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    const body = plainToInstance(SignInDto, request.body ?? {});
    const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationFailed(fieldErrors(errors));
    request.body = body;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    if (err) throw err as Error; // whatever Passport reported, rethrown as is
    if (!user) throw new IdentityError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    return user;
  }
}
