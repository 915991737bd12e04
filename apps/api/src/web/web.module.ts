import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { webConsoleMiddleware } from './web-console.middleware';

/**
 * The web console (apps/web, built into dist/web) at `/`. Registered on Express when the module starts:
 * after the API's routes and before Nest's not-found handler, so unknown /api paths keep their problem+json 404.
 */
@Module({})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Application>();
    if (typeof app?.use === 'function') app.use(webConsoleMiddleware());
  }
}
