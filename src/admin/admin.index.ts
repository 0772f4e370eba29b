import { createRouter } from "../lib/openapi";
import { noStore } from "../lib/response-headers";
import { resealHandler } from "../workspace/crypto/reseal.handlers";
import { resealRoute } from "../workspace/crypto/reseal.routes";
import { listAuditHandler, listUsersHandler, updateUserHandler } from "./admin.handlers";
import { listAudit, listUsers, updateUser } from "./admin.routes";

const router = createRouter();
// Users and audit events are personal data, and so are the errors about them: kept by no cache.
router.use(noStore);
// Chained so that the exported router's type carries every route (`use` would return a plain Hono).
export const adminRouter = router
  .openapi(listUsers, listUsersHandler)
  .openapi(updateUser, updateUserHandler)
  .openapi(listAudit, listAuditHandler)
  .openapi(resealRoute, resealHandler);
