// The staff group's target name, apart from staff-group.ts so that naming the target
// does not load grammY (the server loads it only when Telegram is configured).
export const TELEGRAM_GROUP_TARGET_NAME = 'telegram-group';
