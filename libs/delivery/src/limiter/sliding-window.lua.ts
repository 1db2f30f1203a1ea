/**
 * Distributed strict sliding-window limiter, one atomic script per grant.
 *
 * KEYS[1] sorted set of grant times (µs, Redis clock), possibly in the near future (reservations)
 * KEYS[2] live rate (set by the api on PATCH /gateways/:id); ARGV[1] is the fallback when it is missing
 * KEYS[3] backoff: "no grant before" µs timestamp, set when the gateway answers "throttled"
 * ARGV[1] fallback rate per second, ARGV[2] window µs, ARGV[3] longest wait µs, ARGV[4] unique member id
 *
 * The new grant time `at` is the earliest instant ≥ now such that:
 *  - the window (at − window, at] holds fewer than `rate` earlier grants (sliding window, strict),
 *  - it is at least window/rate after the previous grant (smooth spacing: no bursts that timing jitter could
 *    push into the gateway's window),
 *  - no backoff is in force.
 * Returns {1, waitµs, atµs} with the grant recorded, or {0, waitµs, atµs} unrecorded when the wait exceeds ARGV[3].
 * One clock for every process: Redis TIME.
 */
export const SLIDING_WINDOW_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local rate = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
local window = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local at = now
local n = redis.call('ZCARD', KEYS[1])
if n >= rate then
  local e = redis.call('ZRANGE', KEYS[1], n - rate, n - rate, 'WITHSCORES')
  at = math.max(at, tonumber(e[2]) + window)
end
if n > 0 then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  at = math.max(at, tonumber(last[2]) + math.floor(window / rate))
end
local backoff = redis.call('GET', KEYS[3])
if backoff then at = math.max(at, tonumber(backoff)) end
local wait = at - now
if wait > maxWait then return {0, wait, at} end
redis.call('ZADD', KEYS[1], at, ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil((window + maxWait) / 1000) + 1000)
return {1, wait, at}
`;
