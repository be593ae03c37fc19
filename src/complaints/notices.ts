// The notice a citizen gets on their channel when staff answer, transfer or reject
// their complaint; the words are the citizens' catalogue's.
import type { Reply } from '../kernel/reply.ts';
import { NOTICE_TEXTS } from '../texts/citizens.ts';
import type { Complaint } from './complaint.ts';

/**
 * The notice for the complaint as it stands now (its answer, or why it was
 * transferred or rejected), or undefined when there is nothing to tell.
 */
export function citizenNotice(complaint: Complaint): Reply[] | undefined {
  const { code, status, answer, reason } = complaint;
  if ((status === 'answered' || status === 'closed') && answer) return [{ text: NOTICE_TEXTS.answered(code, answer) }];
  if (status === 'transferred' && reason) return [{ text: NOTICE_TEXTS.transferred(code, reason) }];
  if (status === 'rejected' && reason) return [{ text: NOTICE_TEXTS.rejected(code, reason) }];
  return undefined;
}
