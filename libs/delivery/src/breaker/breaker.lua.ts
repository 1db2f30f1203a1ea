/**
 * Circuit breaker mechanism in Redis (the policy is policy/breaker.ts). Redis TIME is the one clock of every
 * process. State hash KEYS[state]: state, gen, since, until (open only). Window hash: `a:<bucket>` attempts,
 * `f:<bucket>` failures, `cur` (the bucket last seen; old buckets are pruned when it changes). Probes: sorted set of
 * probe sends in flight, scored by when they were handed out (a probe whose worker died expires after its ttl).
 */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Counts sends (ARGV: failures, successes, windowMs, bucketMs) while the breaker is closed; nothing otherwise (an
 * open breaker's in-flight stragglers say nothing new). Returns {state, gen, attempts, failures}: the window's sums
 * when failures were counted (the only outcome that can open it), zeros otherwise.
 */
export const RECORD_LUA = `
local st = redis.call('HMGET', KEYS[1], 'state', 'gen')
local state = st[1] or 'closed'
local gen = tonumber(st[2] or '0')
if state ~= 'closed' then return {state, gen, 0, 0} end
${NOW}
local failed = tonumber(ARGV[1])
local size = tonumber(ARGV[4])
local b = math.floor(now / size)
local first = b - math.ceil(tonumber(ARGV[3]) / size) + 1
redis.call('HINCRBY', KEYS[2], 'a:' .. b, failed + tonumber(ARGV[2]))
if failed > 0 then redis.call('HINCRBY', KEYS[2], 'f:' .. b, failed) end
local prune = tonumber(redis.call('HGET', KEYS[2], 'cur') or '0') ~= b
if failed == 0 and not prune then return {state, gen, 0, 0} end
if prune then
  redis.call('HSET', KEYS[2], 'cur', b)
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[3]) * 2)
end
local attempts, failures = 0, 0
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  local kind, n = string.match(all[i], '^(%a):(%d+)$')
  if kind then
    if tonumber(n) < first then
      redis.call('HDEL', KEYS[2], all[i])
    elseif kind == 'a' then
      attempts = attempts + tonumber(all[i + 1])
    else
      failures = failures + tonumber(all[i + 1])
    end
  end
end
if failed == 0 then return {state, gen, 0, 0} end
return {state, gen, attempts, failures}
`;

/**
 * Compare-and-set transition (ARGV: expected gen, 'open' | 'closed', coolDownMs): only from the generation the
 * caller saw, so of many processes deciding the same change one makes it. Opening starts the cool-down; closing
 * clears the window. Returns {1, gen, since, until} or {0, current gen}.
 */
export const TRANSITION_LUA = `
local gen = tonumber(redis.call('HGET', KEYS[1], 'gen') or '0')
if gen ~= tonumber(ARGV[1]) then return {0, gen} end
${NOW}
gen = gen + 1
redis.call('DEL', KEYS[3])
if ARGV[2] == 'open' then
  local untilMs = now + tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'state', 'open', 'gen', gen, 'since', now, 'until', untilMs)
  return {1, gen, now, untilMs}
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'state', 'closed', 'gen', gen, 'since', now)
redis.call('HDEL', KEYS[1], 'until')
return {1, gen, now, 0}
`;

/**
 * A probe send (ARGV: max probes in flight, probe ttl ms, probe id). Open past its cool-down → half-open first.
 * Returns {state, gen, since, until, granted 0/1, became half-open 0/1}; closed → granted 0 (no probe needed).
 */
export const PROBE_LUA = `
local st = redis.call('HMGET', KEYS[1], 'state', 'gen', 'since', 'until')
local state = st[1] or 'closed'
local gen = tonumber(st[2] or '0')
local since = tonumber(st[3] or '0')
if state == 'closed' then return {state, gen, since, 0, 0, 0} end
${NOW}
local began = 0
if state == 'open' then
  local untilMs = tonumber(st[4] or '0')
  if now < untilMs then return {state, gen, since, untilMs, 0, 0} end
  state = 'half-open'
  gen = gen + 1
  since = now
  began = 1
  redis.call('HSET', KEYS[1], 'state', state, 'gen', gen, 'since', now)
  redis.call('HDEL', KEYS[1], 'until')
  redis.call('DEL', KEYS[2])
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[1]) then return {state, gen, since, 0, 0, began} end
redis.call('ZADD', KEYS[2], now, ARGV[3])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]))
return {state, gen, since, 0, 1, began}
`;
