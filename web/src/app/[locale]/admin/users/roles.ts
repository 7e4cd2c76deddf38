/** The roles, from the most to the least powerful. */
export const ROLES = ["admin", "manager", "owner", "guest"] as const;
