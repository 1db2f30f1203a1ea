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

/**
 * Give a slot back and take another, as early as the windows allow (the sender woke too late to use its slot: an
 * event-loop stall or a descheduled process). The unused grant is removed: nothing was sent for it. Stalls would
 * otherwise lose every slot they cover for good (the append rule above never fills a hole), capping utilisation.
 *
 * KEYS as above; ARGV[1..3] as above, ARGV[4] the member given back, ARGV[5] the new member, ARGV[6] slack µs.
 * The new instant `at` ≥ now (and past any backoff) is the first candidate (now, then p + span for the next points
 * p) at which every span (x, x + span] containing it holds fewer than `rate` grants, past or reserved, where span =
 * window + slack: a refilled hole keeps a margin's slack around it (holes fill only after stalls longer than about
 * rate × slack), so packing the windows full never eats the jitter margin. A few candidates at most, then the
 * append rule. Each candidate is checked in O(grants in the span).
 */
export const REACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local rate = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
local window = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local span = window + tonumber(ARGV[6])
redis.call('ZREM', KEYS[1], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local start = now
local backoff = redis.call('GET', KEYS[3])
if backoff then start = math.max(start, tonumber(backoff)) end
local raw = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local s = {}
for i = 2, #raw, 2 do s[#s + 1] = tonumber(raw[i]) end

local function fits(at)
  local q = {}
  for _, p in ipairs(s) do
    if p > at - span and p < at + span then q[#q + 1] = p end
  end
  local c = 0
  for _, p in ipairs(q) do if p <= at then c = c + 1 end end
  if c >= rate then return false end
  local i = 1
  for j = 1, #q do
    if q[j] > at then
      local x = q[j] - span
      while q[i] <= x do i = i + 1 end
      if j - i + 1 >= rate then return false end
    end
  end
  return true
end

local at = nil
if fits(start) then at = start end
local tried = 0
for _, p in ipairs(s) do
  if at or tried >= 12 then break end
  local c = p + span
  if c > start then
    if c - now > maxWait then break end
    tried = tried + 1
    if fits(c) then at = c end
  end
end
if not at then
  at = start
  local n = #s
  if n >= rate then at = math.max(at, s[n - rate + 1] + window) end
  if n > 0 then at = math.max(at, s[n] + math.floor(window / rate)) end
end
local wait = at - now
if wait > maxWait then return {0, wait, at} end
redis.call('ZADD', KEYS[1], at, ARGV[5])
redis.call('PEXPIRE', KEYS[1], math.ceil((window + maxWait) / 1000) + 1000)
return {1, wait, at}
`;

/**
 * Is a reserved grant still good, just before its sender uses it? A grant reserved seconds ahead was placed under the
 * rate and the grants of that moment; since then the rate may have been lowered (PATCH /gateways/:id: the reserved
 * spacing would now overfill the gateway's window) or Redis may have restarted empty (every process grants afresh:
 * the reservation no longer exists, and others may already hold its second). The grant is good when it is still in
 * the set and the window (at − window, at] holds at most `rate` grants with it; otherwise it is removed (the sender
 * takes a new one).
 *
 * KEYS[1] grants, KEYS[2] live rate; ARGV[1] fallback rate, ARGV[2] window µs, ARGV[3] the grant's member.
 * Returns 1 (good) or 0 (gone or over the current rate: removed).
 */
export const VERIFY_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not score then return 0 end
local rate = tonumber(redis.call('GET', KEYS[2]) or ARGV[1])
local at = tonumber(score)
-- %.0f, not tostring: Lua prints numbers with 14 significant digits, and µs timestamps have 16.
local n = redis.call('ZCOUNT', KEYS[1], '(' .. string.format('%.0f', at - tonumber(ARGV[2])), string.format('%.0f', at))
if n <= rate then return 1 end
redis.call('ZREM', KEYS[1], ARGV[3])
return 0
`;
