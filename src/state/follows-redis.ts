/**
 * Follows in Redis (REDIS_URL), shared by every instance: per chat a hash scope → language,
 * per scope a set of chats, and the set of scopes anyone follows (for the count). Each change
 * is one MULTI, so the two views never disagree.
 */
import type { Redis } from "ioredis";
import type { Lang } from "../understand/request.ts";
import type { Follow, FollowStore } from "./follows.ts";

export function redisFollows(redis: Redis, prefix: string): FollowStore {
  const chatKey = (chat: number) => `${prefix}follow:chat:${chat}`;
  const scopeKey = (scope: string) => `${prefix}follow:scope:${scope}`;
  const scopesKey = `${prefix}follow:scopes`;
  const exec = async (m: ReturnType<Redis["multi"]>) => {
    const out = await m.exec();
    if (!out) throw new Error("redis transaction aborted");
    for (const [err] of out) if (err) throw err;
    return out.map(([, v]) => v);
  };
  return {
    async follow(f) {
      const [added] = await exec(
        redis
          .multi()
          .hset(chatKey(f.chat), f.scope, f.lang)
          .sadd(scopeKey(f.scope), String(f.chat))
          .sadd(scopesKey, f.scope),
      );
      return added === 1;
    },
    async unfollow(chat, scope) {
      const scopes = scope === undefined ? await redis.hkeys(chatKey(chat)) : [scope];
      if (scopes.length === 0) return 0;
      const m = redis.multi().hdel(chatKey(chat), ...scopes);
      for (const s of scopes) m.srem(scopeKey(s), String(chat));
      const [removed] = await exec(m);
      return Number(removed);
    },
    async list(chat) {
      const all = await redis.hgetall(chatKey(chat));
      return Object.entries(all)
        .map(([scope, lang]) => ({ chat, scope, lang: lang as Lang }))
        .sort((a, b) => a.scope.localeCompare(b.scope));
    },
    isFollowing: async (chat, scope) => (await redis.hexists(chatKey(chat), scope)) === 1,
    async followersOf(scopes) {
      const out: Follow[] = [];
      for (const scope of scopes) {
        const chats = await redis.smembers(scopeKey(scope));
        if (chats.length === 0) continue;
        const p = redis.pipeline();
        for (const c of chats) p.hget(chatKey(Number(c)), scope);
        const langs = (await p.exec()) ?? [];
        chats.forEach((c, i) => {
          const lang = langs[i]?.[1];
          if (typeof lang === "string") out.push({ chat: Number(c), scope, lang: lang as Lang });
        });
      }
      return out;
    },
    async count() {
      const scopes = await redis.smembers(scopesKey);
      if (scopes.length === 0) return 0;
      const p = redis.pipeline();
      for (const s of scopes) p.scard(scopeKey(s));
      return ((await p.exec()) ?? []).reduce((n, [, v]) => n + Number(v), 0);
    },
  };
}
