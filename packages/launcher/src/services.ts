/** koppel's five services, in the order they start. */
export const SERVICE_NAMES = ['intake', 'matcher', 'review', 'notifier', 'portal'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
