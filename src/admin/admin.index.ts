import { createRouter } from "../lib/openapi";
import { listAuditHandler, listUsersHandler, updateUserHandler } from "./admin.handlers";
import { listAudit, listUsers, updateUser } from "./admin.routes";

export const adminRouter = createRouter()
  .openapi(listUsers, listUsersHandler)
  .openapi(updateUser, updateUserHandler)
  .openapi(listAudit, listAuditHandler);
