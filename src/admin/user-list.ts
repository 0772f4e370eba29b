/** One page of the user list as an admin filtered it: the API route and the console page show the same page. */
import { listUsers, USER_LIST } from "../auth/auth.data";
import type { UserRole } from "../auth/auth.table";
import type { Database } from "../lib/db";
import { page } from "../lib/pagination";

export interface UserListQuery {
  role?: UserRole;
  is_verified?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function findUsers(db: Database, query: UserListQuery) {
  const rows = await listUsers(db, {
    role: query.role,
    isVerified: query.is_verified,
    q: query.q,
    cursor: query.cursor,
    limit: query.limit,
  });
  return page(USER_LIST, rows, query.limit);
}
