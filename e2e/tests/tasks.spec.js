// The rep's tasks and today's agenda (issue 25), through the real UI and the real server.
// Seller bruno is used here; tasks this spec writes have ids of the device (UUIDs) and
// subjects starting "e2e", so no other spec's data is touched. Using the agenda as today's
// selection replaces bruno's customers filter of today: the specs that need one of bruno's
// make their own.
const { test, expect } = require('./watched');
const { signIn, apiToken, readyOffline } = require('./helpers');

const API = '/api/mascate/v1';

/** dd/mm/aaaa of a YYYY-MM-DD. */
const typed = (iso) => iso.split('-').reverse().join('/');

/** YYYY-MM-DD `days` after `iso`. */
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function getJson(request, token, path, params = {}) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` }, params });
  expect(res.status(), path).toBe(200);
  return res.json();
}

async function put(request, token, path, body) {
  const res = await request.put(path, { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect([200, 201], `${path}: ${await res.text()}`).toContain(res.status());
  return res.json();
}

/** The ERP's today, as the agenda says it. */
async function erpToday(request, token) {
  return (await getJson(request, token, `${API}/agenda`)).date;
}

test('the tasks list shows exactly what the ERP answers for the same filter, page by page', async ({ page, request }) => {
  const token = await apiToken(request, 'bruno');
  const today = await erpToday(request, token);
  const [from, to] = [addDays(today, -30), addDays(today, 30)];
  await signIn(page, 'bruno');
  await page.getByTestId('nav-tasks').click();
  await expect(page).toHaveURL(/\/tasks$/);

  await page.getByTestId('tasks-from').fill(typed(from));
  await page.getByTestId('tasks-to').fill(typed(to));
  await page.getByTestId('tasks-status').selectOption('open');
  await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}.*status=open`));

  const filter = `duedate ge '${from}' and duedate le '${to}' and status eq 'open'`;
  for (const p of [1, 2]) {
    const erp = await getJson(request, token, `${API}/tasks`, { FILTER: filter, page: p, pageSize: 20 });
    if (p === 2 && erp.items.length === 0) break;
    const rows = page.getByTestId('task-row');
    await expect(rows).toHaveCount(erp.items.length);
    const shown = await rows.evaluateAll((els) => els.map((e) => [e.dataset.id, e.dataset.due, e.dataset.status]));
    expect(shown).toEqual(erp.items.map((t) => [t.taskid, t.duedate, t.status]));
    await expect(page.getByTestId('tasks-next')).toBeEnabled({ enabled: erp.hasNext });
    if (!erp.hasNext) break;
    await page.getByTestId('tasks-next').click();
    await expect(page).toHaveURL(/page=2/);
  }

  // A reload keeps the filters and the page (they are in the address).
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId('tasks-status')).toHaveValue('open');
  await expect(page.getByTestId('tasks-from')).toHaveValue(typed(from));
  expect(page.url()).toBe(url);
});

test('a new task is checked field by field, then made once; marked done and noted online', async ({ page, request }) => {
  const token = await apiToken(request, 'bruno');
  const today = await erpToday(request, token);
  await signIn(page, 'bruno');
  await page.goto('/tasks/new');

  // Each rule is said as the rep leaves the field.
  await page.getByTestId('task-subject-input').focus();
  await page.getByTestId('task-subject-input').blur();
  await expect(page.getByTestId('task-subject-problem')).toHaveText('Campo obrigatório.');
  await page.getByTestId('task-subject-input').fill('x'.repeat(121));
  await expect(page.getByTestId('task-subject-problem')).toHaveText('No máximo 120 caracteres.');
  await page.getByTestId('task-due-input').fill('31/02/2026');
  await page.getByTestId('task-due-input').blur();
  await expect(page.getByTestId('task-due-problem')).toHaveText('Data inválida: use dd/mm/aaaa.');
  await expect(page.getByTestId('task-notes-problem')).toBeEmpty();
  // Saving with problems sends nothing and names every one.
  const puts = [];
  page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/tasks/')) puts.push(r.url()); });
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-customer-problem')).toHaveText('Campo obrigatório.');
  expect(puts).toHaveLength(0);

  await page.getByTestId('task-customer-search').fill('000');
  await page.getByTestId('task-customer-option').first().click();
  await expect(page.getByTestId('task-customer-problem')).toBeEmpty();
  const subject = `e2e tarefa ${Date.now()}`;
  await page.getByTestId('task-subject-input').fill(subject);
  await page.getByTestId('task-due-input').fill(typed(addDays(today, 2)));
  await page.getByTestId('task-notes-input').fill('Levar o catálogo\nsegunda linha');
  await expect(page.getByTestId('task-subject-problem')).toBeEmpty();
  await expect(page.getByTestId('task-due-problem')).toBeEmpty();
  await page.getByTestId('task-save').click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const id = page.url().split('/tasks/')[1];
  await expect(page.getByTestId('task-subject')).toHaveText(subject);
  expect(puts).toHaveLength(1);
  const mine = await getJson(request, token, `${API}/tasks`, { FILTER: `duedate eq '${addDays(today, 2)}'`, pageSize: 100 });
  expect(mine.items.filter((t) => t.subject === subject).map((t) => t.taskid)).toEqual([id]);

  // Done and a note, each reaching the ERP.
  await page.getByTestId('task-toggle').click();
  await expect(page.getByTestId('task-toggle')).toHaveAttribute('data-done', 'true');
  await page.getByTestId('task-note-input').focus();
  await page.getByTestId('task-note-add').click();
  await expect(page.getByTestId('task-note-problem')).toHaveText('Campo obrigatório.');
  await page.getByTestId('task-note-input').fill('Cliente pediu retorno na segunda.');
  await page.getByTestId('task-note-add').click();
  await expect(page.getByTestId('task-note')).toHaveCount(1);
  const erp = await getJson(request, token, `${API}/tasks/${id}`);
  expect(erp.status).toBe('done');
  expect(erp.tasknotes.map((n) => n.text)).toEqual(['Cliente pediu retorno na segunda.']);
});

test("the agenda's customers become exactly today's customer selection, after the estimate and a confirmation", async ({ page, request }) => {
  const token = await apiToken(request, 'bruno');
  const today = await erpToday(request, token);
  const agenda = await getJson(request, token, `${API}/agenda`, { date: today });
  const wanted = [...new Set(agenda.items.map((e) => `${e.customerid}${e.customerstore}`))].sort();
  expect(wanted.length).toBeGreaterThan(0);

  await signIn(page, 'bruno');
  await page.getByTestId('nav-agenda').click();
  await expect(page).toHaveURL(/\/agenda$/);
  await expect(page.getByTestId('agenda-item')).toHaveCount(agenda.items.length);
  const shown = await page.getByTestId('agenda-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  expect(shown).toEqual(agenda.items.map((e) => e.id));
  await expect(page.getByTestId('agenda-customers')).toHaveAttribute('data-count', String(wanted.length));

  // Asked first, in a dialog with the download's size; "Cancelar" changes nothing.
  await page.getByTestId('agenda-use').click();
  const dialog = page.getByTestId('agenda-use-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('download-size')).toBeVisible();
  await expect(dialog.getByTestId('download-size')).toHaveAttribute('data-records', /^[1-9]\d*$/);
  await page.getByTestId('agenda-use-no').click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('agenda-use').click();
  await page.getByTestId('agenda-use-yes').click();
  await expect(page.getByTestId('agenda-selection-saved')).toBeVisible();

  const filters = await getJson(request, token, '/api/pgv/sellerfilters/', { pageSize: 100 });
  const headers = filters.items.filter((h) => h.schemaid === '000002' && h.inclusiondate === today);
  expect(headers).toHaveLength(1);
  const items = await getJson(request, token, `/api/pgv/sellerfilters/${headers[0].uuid}/items/`, { pageSize: 1000 });
  expect(items.items.map((i) => i.entityid.trim()).sort()).toEqual(wanted);
});

test('offline: a task marked done, a note and a new task wait on the device and reach the ERP once each', async ({ page, context, request }) => {
  test.setTimeout(240_000);
  const token = await apiToken(request, 'bruno');
  const today = await erpToday(request, token);
  const due = addDays(today, 3);
  // An open task of bruno's, made through the API under an id of this test's.
  const customers = await getJson(request, token, '/api/tgv/customers/', { pageSize: 1, SORT: 'code' });
  const c = customers.items[0];
  const id = `e2e-offline-${Date.now()}`;
  await put(request, token, `${API}/tasks/${id}`, {
    customerid: c.code, customerstore: c.store, subject: 'e2e tarefa offline', duedate: due, status: 'open', notes: '',
  });

  // The day's pack brings the tasks too.
  await readyOffline(page, 'bruno', 1, 1);
  const puts = [];
  page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/api/mascate/v1/tasks/')) puts.push(new URL(r.url()).pathname); });

  await context.setOffline(true);
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('tasks-from').fill(typed(due));
  await page.getByTestId('tasks-to').fill(typed(due));
  await expect(page.getByTestId('tasks-list')).toHaveAttribute('data-source', 'device');
  await page.locator(`[data-testid=task-row][data-id="${id}"]`).getByTestId('task-link').click();
  await expect(page.getByTestId('task-subject')).toHaveText('e2e tarefa offline');
  await expect(page.getByTestId('task-waiting')).toHaveCount(0);

  // Done, and a note: both wait on the device, said on the page.
  await page.getByTestId('task-toggle').click();
  await expect(page.getByTestId('task-toggle')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('task-waiting')).toBeVisible();
  await page.getByTestId('task-note-input').fill('Anotado sem conexão.');
  await page.getByTestId('task-note-add').click();
  await expect(page.getByTestId('task-note')).toHaveCount(1);
  // A reload offline keeps them (they are on the device, not in memory).
  await page.reload();
  await expect(page.getByTestId('task-toggle')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('task-note')).toHaveCount(1);
  let erp = await getJson(request, token, `${API}/tasks/${id}`);
  expect([erp.status, erp.notecount]).toEqual(['open', 0]);

  // A new task written offline, with the customer on the device.
  await page.getByTestId('task-back').click();
  await page.getByTestId('task-new').click();
  await page.getByTestId('task-customer-search').fill('00');
  await page.getByTestId('task-customer-option').first().click();
  const subject = `e2e nova offline ${Date.now()}`;
  await page.getByTestId('task-subject-input').fill(subject);
  await page.getByTestId('task-due-input').fill(typed(due));
  await page.getByTestId('task-save').click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const made = page.url().split('/tasks/')[1];
  await expect(page.getByTestId('task-waiting')).toBeVisible();
  await expect(page.getByTestId('task-subject')).toHaveText(subject);
  expect(puts).toEqual([]);

  // Back online: each goes once, and the page follows.
  await context.setOffline(false);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 25_000 });
  await expect(page.getByTestId('task-waiting')).toHaveCount(0, { timeout: 30_000 });
  await page.goto(`/tasks/${id}`);
  await expect(page.getByTestId('task-waiting')).toHaveCount(0);
  erp = await getJson(request, token, `${API}/tasks/${id}`);
  expect(erp.status).toBe('done');
  expect(erp.tasknotes.map((n) => n.text)).toEqual(['Anotado sem conexão.']);
  const mine = await getJson(request, token, `${API}/tasks`, { FILTER: `duedate eq '${due}'`, pageSize: 100 });
  expect(mine.items.filter((t) => t.subject === subject).map((t) => t.taskid)).toEqual([made]);

  // Another pass ("sync now") sends nothing again.
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await page.waitForTimeout(1500);
  const notePuts = puts.filter((p) => p.includes('/notes/'));
  expect(notePuts).toHaveLength(1);
  expect(puts.filter((p) => p === `${API}/tasks/${id}`)).toHaveLength(1);
  expect(puts.filter((p) => p === `${API}/tasks/${made}`)).toHaveLength(1);
  erp = await getJson(request, token, `${API}/tasks/${id}`);
  expect(erp.notecount).toBe(1);
});
