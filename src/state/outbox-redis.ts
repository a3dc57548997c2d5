/**
 * The outbox in Redis (REDIS_URL), shared by every instance. Keys under `<prefix>notify:`:
 *   ledger   hash  `${year}|${region}` → result announced
 *   ids      set   every item id ever recorded (the exactly-once check)
 *   pending  zset  item id → due time (ms); a claim moves the score a lease ahead
 *   items    hash  item id → JSON payload and attempts, while not sent
 *   counts   hash  sent / failed totals
 * `record` and `claim` are Lua scripts, so each runs atomically: two instances recording the
 * same change add it once, and a claim hands each due item to exactly one instance.
 */
import type { Redis } from "ioredis";
import type { Ledger, Outbox, OutboxItem } from "./outbox.ts";

const RECORD = `
local n = tonumber(ARGV[1])
local i = 2
for _ = 1, n do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
local now = ARGV[i]
i = i + 1
local added = 0
while i <= #ARGV do
  if redis.call('SADD', KEYS[2], ARGV[i]) == 1 then
    redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
    redis.call('ZADD', KEYS[3], now, ARGV[i])
    added = added + 1
  end
  i = i + 2
end
return added`;

const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  local body = redis.call('HGET', KEYS[2], id)
  if body then
    table.insert(out, id)
    table.insert(out, body)
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out`;

const LATER = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
if ARGV[3] == '1' then
  local body = redis.call('HGET', KEYS[2], ARGV[1])
  if body then
    local item = cjson.decode(body)
    item.attempts = (item.attempts or 0) + 1
    redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(item))
  end
end
return 1`;

const FINISH = `
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
return 1`;

export function redisOutbox(redis: Redis, prefix: string): Outbox {
  const k = (name: string) => `${prefix}notify:${name}`;
  const [ledger, ids, pending, items, counts] = ["ledger", "ids", "pending", "items", "counts"].map(k) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const finish = (id: string, as: "sent" | "failed") =>
    redis.eval(FINISH, 3, pending, items, counts, id, as).then(() => {});
  return {
    ledger: async (): Promise<Ledger> => new Map(Object.entries(await redis.hgetall(ledger))),
    async record(entries, list, now) {
      const args: (string | number)[] = [entries.size];
      for (const [key, result] of entries) args.push(key, result);
      args.push(now);
      for (const i of list) {
        const { id, ...payload } = i;
        args.push(id, JSON.stringify({ ...payload, attempts: 0 }));
      }
      return Number(await redis.eval(RECORD, 4, ledger, ids, pending, items, ...args));
    },
    async claim(max, now, leaseMs) {
      const flat = (await redis.eval(CLAIM, 2, pending, items, now, max, now + leaseMs)) as string[];
      const out: OutboxItem[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        out.push({ id: flat[i] as string, ...(JSON.parse(flat[i + 1] as string) as Omit<OutboxItem, "id">) });
      }
      return out;
    },
    done: (id) => finish(id, "sent"),
    later: (id, due, attempt) => redis.eval(LATER, 2, pending, items, id, due, attempt ? "1" : "0").then(() => {}),
    fail: (id) => finish(id, "failed"),
    async drop(id) {
      await redis.multi().zrem(pending, id).hdel(items, id).exec();
    },
    async forget(chat) {
      const mine: string[] = [];
      let cursor = "0";
      do {
        const [next, found] = await redis.sscan(ids, cursor, "MATCH", `${chat}|*`, "COUNT", 1000);
        cursor = next;
        mine.push(...found);
      } while (cursor !== "0");
      if (mine.length === 0) return;
      await redis
        .multi()
        .srem(ids, ...mine)
        .zrem(pending, ...mine)
        .hdel(items, ...mine)
        .exec();
    },
    async counts() {
      const [n, c] = await Promise.all([redis.zcard(pending), redis.hgetall(counts)]);
      return { pending: n, sent: Number(c.sent ?? 0), failed: Number(c.failed ?? 0) };
    },
  };
}
