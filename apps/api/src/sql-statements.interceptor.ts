import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { sqlStatementCounter } from '@qj/persistence';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Reports how many SQL statements the request ran, in the `x-sql-statements` response header. */
@Injectable()
export class SqlStatementsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap(() => {
        const count = sqlStatementCounter.current();
        if (count !== undefined && !response.headersSent) response.setHeader('x-sql-statements', String(count));
      }),
    );
  }
}
