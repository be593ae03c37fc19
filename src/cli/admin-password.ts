// `motcua admin-password <name>`: turns a staff member's password into the
// "name:scrypt:<salt>:<hash>" entry for ADMIN_USERS, so that no plain password is
// ever written into the configuration. Asks twice on a terminal (without echo);
// reads the first line of standard input otherwise (scripts, password managers).
import { hashPassword } from '../complaints/password.ts';
import { MESSAGES, USAGE, usageError } from '../texts/editors.ts';

/** The same rule as ADMIN_USERS in src/config.ts. */
const NAME = /^[\p{L}\p{N}._-]{1,64}$/u;
export const MIN_PASSWORD_LENGTH = 10;
const CTRL_C = '\u0003';

export async function adminPassword(name: string): Promise<number> {
  if (!NAME.test(name)) {
    console.error(usageError('admin-password', USAGE.adminBadName));
    return 2;
  }
  let password: string;
  if (process.stdin.isTTY) {
    const first = await askHidden(MESSAGES.adminPrompt(name));
    if (first === undefined) return 130;
    const again = await askHidden(MESSAGES.adminPromptAgain);
    if (again === undefined) return 130;
    if (first !== again) {
      console.error(MESSAGES.adminMismatch);
      return 1;
    }
    password = first;
  } else {
    password = (await readAll(process.stdin)).split(/\r?\n/)[0] ?? '';
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    console.error(MESSAGES.adminTooShort(MIN_PASSWORD_LENGTH));
    return 1;
  }
  if (process.stdin.isTTY) console.error(MESSAGES.adminAddLine);
  console.log(`${name}:${await hashPassword(password)}`);
  return 0;
}

/** One line typed without echo; undefined when cancelled with Ctrl-C. */
function askHidden(prompt: string): Promise<string | undefined> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let typed: string[] = [];
    const finish = (value: string | undefined) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(typed.join(''));
        if (char === CTRL_C) return finish(undefined);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    stdin.on('data', onData);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}
