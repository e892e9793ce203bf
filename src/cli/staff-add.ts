/**
 * `npm run staff:add -- <username>`: create a staff account (or give an existing one a new
 * password, which ends its sessions) in the configured database (DATA_DIR or DATABASE_URL).
 * The password is asked for twice without being shown; piped in (`--password-stdin`), it is the
 * first line of standard input. It is never an argument (other users could read it in `ps`).
 *
 * `--sql` (for D1, which only `wrangler d1 execute` reaches): print the same statements, values
 * written in, instead of running them: `npm run -s staff:add -- --sql <username> > staff.sql`.
 * The output holds the password's hash, never the password.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { accountProblem, addStaffUser, newStaffAccount, saveStaffAccount } from '../staff/staff-accounts.js';
import { createStore } from '../store/create-store.js';
import { readHidden } from './read-hidden.js';
import { inlineStatement, sqliteText } from './sql-text.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'password-stdin': { type: 'boolean', default: false }, sql: { type: 'boolean', default: false } },
  });
  const username = positionals[0] ?? '';
  if (!username) throw new Error('usage: npm run staff:add -- <username> [--password-stdin] [--sql]');
  let password: string;
  if (values['password-stdin'] || !process.stdin.isTTY) {
    password = await firstLine();
  } else {
    password = await readHidden(`Password for ${username}: `);
    if ((await readHidden('Again: ')) !== password) throw new Error('the two passwords differ; nothing was changed');
  }
  const problem = accountProblem(username, password);
  if (problem) throw new Error(problem);
  if (values.sql) {
    for (const statement of saveStaffAccount(sqliteText, await newStaffAccount(username, password)))
      console.log(inlineStatement(statement));
    return;
  }
  const store = await createStore(loadConfig(process.env));
  try {
    const outcome = await addStaffUser(store, username, password);
    console.log(outcome === 'created' ? `staff account ${username} created` : `password of ${username} changed; its sessions ended`);
  } finally {
    await store.close();
  }
}

async function firstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

main().catch(function fatal(error: unknown) {
  console.error(`staff:add: ${(error as Error).message}`);
  process.exit(1);
});
