// How a complaint's status reads in Vietnamese, for citizens looking it up and staff exports.
/** What the citizen sees of each status (issue 4: received → in progress → answered → closed, or transferred / rejected). */
export const STATUS_TEXTS = {
  received: 'đã tiếp nhận',
  in_progress: 'đang xử lý',
  answered: 'đã trả lời',
  closed: 'đã đóng',
  transferred: 'đã chuyển cơ quan khác',
  rejected: 'không tiếp nhận',
} as const;
