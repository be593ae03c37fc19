// Telegram updates as the Bot API sends them, for the adapter tests.
export const DATE = 1_763_780_000; // seconds, as Telegram dates are

const citizen = (chatId: number) => ({ id: chatId, is_bot: false, first_name: 'Nguyễn', last_name: 'Văn An', language_code: 'vi' });
const privateChat = (chatId: number) => ({ id: chatId, type: 'private', first_name: 'Nguyễn', last_name: 'Văn An' });

export function textUpdate(updateId: number, text: string, chatId = 42) {
  return { update_id: updateId, message: { message_id: updateId, date: DATE, chat: privateChat(chatId), from: citizen(chatId), text } };
}

export function callbackUpdate(updateId: number, data: string, chatId = 42) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cq-${updateId}`,
      chat_instance: '-77',
      from: citizen(chatId),
      message: { message_id: 7, date: DATE, chat: privateChat(chatId), text: 'Anh/chị muốn xem thêm phần nào?' },
      data,
    },
  };
}

export function editedUpdate(updateId: number, chatId = 42) {
  return { update_id: updateId, edited_message: { message_id: 1, date: DATE, edit_date: DATE + 5, chat: privateChat(chatId), from: citizen(chatId), text: 'sửa' } };
}
