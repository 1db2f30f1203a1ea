import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@loa/core';
import { Public } from '@loa/access';
import { HealthResponse } from './health.responses';

interface Probe {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

async function probe(fn: () => Promise<unknown>): Promise<Probe> {
  const t0 = performance.now();
  try {
    await fn();
    return { status: 'up', latencyMs: Math.round(performance.now() - t0) };
  } catch (e) {
    return { status: 'down', latencyMs: Math.round(performance.now() - t0), error: (e as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'PostgreSQL and Redis reachability; 503 when either is down' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'PostgreSQL or Redis is down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      probe(() => this.ds.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', postgres, redis };
  }
}
