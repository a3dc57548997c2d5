/**
 * The 🔔/🔕 buttons: "f|<scope>" follows, "u|<scope>" stops following, where scope is a
 * region ("16.01") or a province ("16") code. Their own tags (no ButtonRequest uses f or u),
 * decoded strictly like every other button: anyone can forge callback data.
 */
export type FollowAction = { action: "follow" | "unfollow"; scope: string };

const SCOPE = /^\d{2}(\.\d{2})?$/;

export const isProvinceScope = (scope: string) => /^\d{2}$/.test(scope);

export function encodeFollow(a: FollowAction): string {
  return `${a.action === "follow" ? "f" : "u"}|${a.scope}`;
}

export function decodeFollow(data: string | undefined): FollowAction | null {
  const m = /^([fu])\|(.+)$/.exec(data ?? "");
  if (!m || !SCOPE.test(m[2] ?? "")) return null;
  return { action: m[1] === "f" ? "follow" : "unfollow", scope: m[2] ?? "" };
}
