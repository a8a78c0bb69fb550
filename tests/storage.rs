//! The storage module in a real browser: real IndexedDB in headless Chromium
//! (`wasm-bindgen-test-runner` + ChromeDriver). Run by `make test`.
#![cfg(target_arch = "wasm32")]

use mascate::device::storage::{self, database_name, schema, stores, Storage, VERSION};
use mascate_domain::contract::Customer;
use rexie::{Rexie, TransactionMode};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn customer(code: &str, name: &str, seller: &str) -> Customer {
    Customer {
        id: format!("  {code}01"),
        code: code.into(),
        store: "01".into(),
        name: name.into(),
        trade_name: format!("<script>alert('{name}')</script>"),
        seller_code: seller.into(),
        tax_id: "11222333000181".into(),
        credit_limit: 1234.5,
        ..Default::default()
    }
}

async fn fresh(name: &str) {
    Rexie::delete(name).await.expect("delete old test database");
}

#[wasm_bindgen_test]
async fn customers_round_trip_and_lookup_by_code() {
    let name = "mascate-test-roundtrip";
    fresh(name).await;
    let db = Storage::open_named(name).await.unwrap();
    assert_eq!(db.version().unwrap(), VERSION);
    let saved =
        vec![customer("000002", "PADARIA SÃO JOÃO", "000001"), customer("000003", "MERCEARIA D'ÁVILA", "000001")];
    db.put_customers(&saved).await.unwrap();
    // Saving again replaces rather than duplicates.
    let mut changed = saved[0].clone();
    changed.name = "PADARIA NOVA".into();
    db.put_customers(&[changed.clone()]).await.unwrap();

    let mut all = db.customers().await.unwrap();
    all.sort_by(|a, b| a.code.cmp(&b.code));
    assert_eq!(all, vec![changed.clone(), saved[1].clone()]);
    assert_eq!(db.customer_count().await.unwrap(), 2);
    assert_eq!(db.customer("000002", "01").await.unwrap(), Some(changed));
    assert_eq!(db.customer("999999", "01").await.unwrap(), None);

    db.set_meta("customers.synced_at", "2026-11-25T10:00:00.000000Z").await.unwrap();
    assert_eq!(db.meta("customers.synced_at").await.unwrap().as_deref(), Some("2026-11-25T10:00:00.000000Z"));
    assert_eq!(db.meta("nope").await.unwrap(), None);
    db.close();
}

#[wasm_bindgen_test]
async fn upgrade_from_version_1_keeps_data_and_adds_the_new_parts() {
    let name = "mascate-test-upgrade";
    fresh(name).await;
    // A device still on schema 1, with a customer saved.
    let v1 = schema(name, 1).build().await.unwrap();
    let mut names = v1.store_names();
    names.sort();
    assert_eq!(names, [stores::CUSTOMERS, stores::META]);
    let tx = v1.transaction(&[stores::CUSTOMERS], TransactionMode::ReadWrite).unwrap();
    // Written as a plain object, the way version 1 of the app wrote it.
    let plain = js_sys::JSON::parse(&serde_json::to_string(&customer("000042", "OLD", "000001")).unwrap()).unwrap();
    tx.store(stores::CUSTOMERS).unwrap().put(&plain, None).await.unwrap();
    tx.done().await.unwrap();
    v1.close();

    // The app opens it at the current version.
    let db = Storage::open_named(name).await.unwrap();
    assert_eq!(db.version().unwrap(), VERSION);
    let mut names = db.store_names();
    names.sort();
    let mut expected = vec![stores::META, stores::OUTBOX, stores::TASK_WRITES];
    expected.extend(mascate_domain::offline::TABLES.iter().map(|t| t.store));
    expected.sort();
    assert_eq!(names, expected, "every version's stores, the offline tables of versions 3 to 5 included");
    let all = db.customers().await.unwrap();
    assert_eq!(all.len(), 1, "the upgrade kept the saved customer");
    assert_eq!(all[0].name, "OLD");
    // The index added in version 2 (indexes::CUSTOMER_BY_CODE) covers rows written before it existed.
    assert_eq!(db.customer("000042", "01").await.unwrap().map(|c| c.name), Some("OLD".to_string()));
    db.close();
}

#[wasm_bindgen_test]
async fn each_seller_has_their_own_database() {
    for s in ["000001", "000002"] {
        fresh(&database_name(s)).await;
    }
    let ana = storage::for_seller("000001").await.unwrap();
    ana.put_customers(&[customer("000002", "ANA'S", "000001")]).await.unwrap();
    let bruno = Storage::open_for_seller("000002").await.unwrap();
    assert_eq!(bruno.customer_count().await.unwrap(), 0, "another seller's database is empty");
    assert_eq!(ana.customer_count().await.unwrap(), 1);
    assert_eq!(database_name(" 000001 "), "mascate-000001");
}

/// A device on version 4 (before tasks) with a document waiting and contacts downloaded:
/// version 5 keeps both and adds the tasks' stores, indexed by the device's task id.
#[wasm_bindgen_test]
async fn upgrade_from_version_4_keeps_the_outbox_and_adds_the_tasks() {
    use mascate_domain::contract::agenda::{Task, TaskNote};
    let name = "mascate-test-upgrade-4";
    fresh(name).await;
    let v4 = schema(name, 4).build().await.unwrap();
    assert!(!v4.store_names().contains(&stores::TASKS.to_string()));
    let tx = v4.transaction(&[stores::OUTBOX, stores::CONTACTS], TransactionMode::ReadWrite).unwrap();
    let doc = js_sys::JSON::parse(r#"{"external_id":"ext-4","seller":"000001"}"#).unwrap();
    tx.store(stores::OUTBOX).unwrap().put(&doc, None).await.unwrap();
    let contact = js_sys::JSON::parse(r#"{"internalid":"c1","customerid":"000002","customerstore":"01"}"#).unwrap();
    tx.store(stores::CONTACTS).unwrap().put(&contact, None).await.unwrap();
    tx.done().await.unwrap();
    v4.close();

    let db = Storage::open_named(name).await.unwrap();
    assert_eq!(db.version().unwrap(), VERSION);
    assert_eq!(db.outbox().await.unwrap().len(), 1, "the waiting document stayed");
    assert_eq!(db.count(stores::CONTACTS).await.unwrap(), 1, "the downloaded contacts stayed");
    let task = r#"[{"internalid":"01t-1","taskid":"t-1","subject":"Ligar","status":"open"}]"#;
    apply(&db, stores::TASKS, mascate_domain::offline::Key::Field("internalid"), &rows(task), false, &[])
        .await
        .unwrap();
    let found: Vec<Task> = db.rows_where(stores::TASKS, storage::indexes::BY_TASK, "t-1").await.unwrap();
    assert_eq!(found.iter().map(|t| t.subject.as_str()).collect::<Vec<_>>(), ["Ligar"]);
    let notes: Vec<TaskNote> = db.rows_where(stores::TASK_NOTES, storage::indexes::BY_TASK, "t-1").await.unwrap();
    assert!(notes.is_empty());
    db.close();
}

/// One waiting entry per task and per note; a later edit replaces it, and a send removes only
/// the revision it sent (an edit made meanwhile stays to go next), with the ERP's answer
/// written in the same transaction.
#[wasm_bindgen_test]
async fn task_writes_are_one_per_id_and_a_send_removes_only_what_it_sent() {
    use mascate_domain::contract::agenda::{Task, TaskBody};
    use mascate_domain::task::writes::TaskWrite;
    let name = "mascate-test-task-writes";
    fresh(name).await;
    let db = Storage::open_named(name).await.unwrap();
    let body = |status: &str| TaskBody { subject: "Ligar".into(), status: status.into(), ..Default::default() };
    let made = TaskWrite { created_here: true, ..TaskWrite::task("000002", "t-1", body("open"), "ACME", 1.0) };
    let first = db.put_task_write(made).await.unwrap();
    let sending = first.clone();
    let edited = db.put_task_write(TaskWrite::task("000002", "t-1", body("done"), "", 2.0)).await.unwrap();
    assert_eq!((edited.revision, edited.created_here), (1, true));
    db.put_task_write(TaskWrite::note("000002", "t-1", "n-1", "oi", 3.0)).await.unwrap();
    assert_eq!(db.task_writes().await.unwrap().len(), 2, "one per task id and note id");

    // The answer to the first revision comes back after the edit: the edit stays.
    let answer = Task { internal_id: "01t-1".into(), id: "t-1".into(), status: "open".into(), ..Default::default() };
    db.task_write_sent(&sending, stores::TASKS, &answer).await.unwrap();
    let left = db.task_writes().await.unwrap();
    assert_eq!(left.iter().filter(|w| w.key == "task:t-1").map(|w| w.revision).collect::<Vec<_>>(), [1]);
    assert_eq!(db.count(stores::TASKS).await.unwrap(), 1, "the ERP's answer is on the device");
    db.task_write_sent(&edited, stores::TASKS, &Task { status: "done".into(), ..answer }).await.unwrap();
    db.close();
    let db = Storage::open_named(name).await.unwrap();
    let left = db.task_writes().await.unwrap();
    assert_eq!(left.iter().map(|w| w.key.as_str()).collect::<Vec<_>>(), ["note:t-1/n-1"], "kept across reopening");
    let stored: Vec<Task> = db.rows(stores::TASKS).await.unwrap();
    assert_eq!(stored[0].status, "done");
    db.close();
}

#[wasm_bindgen_test]
async fn outbox_entries_survive_closing_the_database() {
    use mascate_domain::document::{DocumentKind, Draft, DraftItem};
    use mascate_domain::outbox::{OutboxEntry, SendState};
    let name = "mascate-test-outbox";
    let _ = Rexie::delete(name).await;
    let db = Storage::open_named(name).await.unwrap();
    let mut draft = Draft::new(DocumentKind::Order, "0f8a-ext");
    draft.customer_code = "000002".into();
    draft.items.push(DraftItem {
        product: "P00001".into(),
        quantity: 2.0,
        list_price: 9.9,
        unit_price: 9.9,
        ..Default::default()
    });
    let mut entry = OutboxEntry::new("000001", draft, 1.0);
    entry.sent(2.0);
    db.put_outbox(&entry).await.unwrap();
    db.close();

    let db = Storage::open_named(name).await.unwrap();
    let back = db.outbox_entry("0f8a-ext").await.unwrap().expect("kept");
    assert_eq!(back, entry);
    assert_eq!(back.state, SendState::Queued);
    assert_eq!(db.outbox().await.unwrap().len(), 1);
    assert!(db.outbox_entry("nope").await.unwrap().is_none());
    db.close();
}

/// An outbox entry's whole journey through the device's database, reopened between steps as
/// a reload would: unreachable (it waits), sent, refused by the ERP, mended and sent again
/// under the same external id, accepted with a number. One entry all along, its journey kept.
#[wasm_bindgen_test]
async fn an_outbox_entry_keeps_its_journey_across_reopenings() {
    use mascate_domain::contract::QueueRow;
    use mascate_domain::document::{DocumentKind, Draft};
    use mascate_domain::outbox::{OutboxEntry, SendState};
    let name = "mascate-test-journey";
    let _ = Rexie::delete(name).await;
    let reopen = |db: Storage| async move {
        db.close();
        Storage::open_named(name).await.unwrap()
    };
    let row = |status: &str, error: &str, number: &str| QueueRow {
        id: "j-1".into(),
        status: status.into(),
        error: error.into(),
        document_number: number.into(),
        ..Default::default()
    };
    let mut db = Storage::open_named(name).await.unwrap();
    let mut entry = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "j-1"), 1_000.0);
    entry.unreachable(2_000.0, 0.5);
    assert!(!entry.due_on(2_001.0, false), "it waits after a failed send");
    db.put_outbox(&entry).await.unwrap();
    db = reopen(db).await;

    let mut entry = db.outbox_entry("j-1").await.unwrap().expect("kept");
    assert!(entry.due_on(1e12, false), "and goes again once the wait is over");
    entry.sent(3_000.0);
    assert!(entry.follow(&row("3", "A410VZ - TES", ""), 4_000.0));
    db.put_outbox(&entry).await.unwrap();
    db = reopen(db).await;

    let mut entry = db.outbox_entry("j-1").await.unwrap().expect("kept");
    assert_eq!((entry.state, entry.error.as_str()), (SendState::Error, "A410VZ - TES"));
    let mut mended = entry.draft.clone();
    mended.notes = "sem o item sem TES".into();
    entry.edited(mended, 5_000.0);
    entry.sent(6_000.0);
    assert!(entry.follow(&row("2", "", "000777"), 7_000.0));
    db.put_outbox(&entry).await.unwrap();
    db = reopen(db).await;

    let all = db.outbox().await.unwrap();
    assert_eq!(all.len(), 1, "one entry under one external id");
    let back = &all[0];
    assert_eq!((back.state, back.draft.erp_number.as_str()), (SendState::Synced, "000777"));
    assert_eq!(back.draft.notes, "sem o item sem TES");
    assert!(back.log.len() >= 5, "the journey is kept: {:?}", back.log);
    db.close();
}

/// One page, written and committed (as a download writes it).
async fn apply(
    db: &Storage,
    store: &str,
    key: mascate_domain::offline::Key,
    rows: &js_sys::Array,
    clear: bool,
    meta: &[(&str, &str)],
) -> Result<(u32, u32), mascate::device::storage::StorageError> {
    db.begin_page(store, key, rows, clear, meta).await?.committed().await
}

fn rows(json: &str) -> js_sys::Array {
    js_sys::JSON::parse(json).unwrap().into()
}

#[wasm_bindgen_test]
async fn a_page_applies_upserts_and_tombstones_with_its_checkpoint_in_one_transaction() {
    use mascate_domain::contract::{Product, Stock};
    use mascate_domain::offline::{Key, TABLES};
    let name = "mascate-test-pages";
    fresh(name).await;
    let db = Storage::open_named(name).await.unwrap();
    let products = TABLES.iter().find(|t| t.store == stores::PRODUCTS).unwrap();

    // A full load: the store is emptied first, then filled; the checkpoint comes with it.
    apply(&db, stores::PRODUCTS, products.key, &rows(r#"[{"internalid":"OLD","code":"OLD"}]"#), false, &[])
        .await
        .unwrap();
    let page = rows(
        r#"[{"internalid":" P1","code":"P1","description":"A"},{"internalid":" P2","code":"P2","description":"B"}]"#,
    );
    let counts =
        apply(&db, stores::PRODUCTS, products.key, &page, true, &[("checkpoint:products", "T1")]).await.unwrap();
    assert_eq!(counts, (2, 0));
    let mut codes: Vec<String> =
        db.rows::<Product>(stores::PRODUCTS).await.unwrap().into_iter().map(|p| p.code).collect();
    codes.sort();
    assert_eq!(codes, ["P1", "P2"], "the full load replaced what was there");
    assert_eq!(db.meta("checkpoint:products").await.unwrap().as_deref(), Some("T1"));

    // A diff: one changed, one deleted (a tombstone removes the row, it is not stored).
    let diff = rows(
        r#"[{"internalid":" P1","code":"P1","description":"A2"},{"internalid":" P2","code":"P2","deleted":true}]"#,
    );
    let counts =
        apply(&db, stores::PRODUCTS, products.key, &diff, false, &[("checkpoint:products", "T2")]).await.unwrap();
    assert_eq!(counts, (1, 1));
    let left = db.rows::<Product>(stores::PRODUCTS).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!((left[0].code.as_str(), left[0].description.as_str()), ("P1", "A2"));
    let by_key: Vec<Product> = db.rows_by_keys(stores::PRODUCTS, &[" P2", " P1", "none"]).await.unwrap();
    assert_eq!(by_key.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["P1"], "found keys, in order");
    assert_eq!(db.meta("checkpoint:products").await.unwrap().as_deref(), Some("T2"));

    // A page that fails to write leaves the checkpoint where it was: a row without its key
    // aborts the whole transaction.
    let broken = rows(r#"[{"internalid":" P3","code":"P3"},{"code":"no key"}]"#);
    assert!(apply(&db, stores::PRODUCTS, products.key, &broken, false, &[("checkpoint:products", "T3")])
        .await
        .is_err());
    assert_eq!(
        db.meta("checkpoint:products").await.unwrap().as_deref(),
        Some("T2"),
        "checkpoint not ahead of its rows"
    );
    assert_eq!(db.count(stores::PRODUCTS).await.unwrap(), 1, "nothing of the failed page was kept");

    // Stock is keyed by product and warehouse (its internalid is not unique).
    let stock = rows(
        r#"[{"code":"P1","warehouse":"01","availablequantity":5},{"code":"P1","warehouse":"02","availablequantity":1}]"#,
    );
    apply(&db, stores::STOCK, Key::Fields(&["code", "warehouse"]), &stock, true, &[]).await.unwrap();
    assert_eq!(db.rows::<Stock>(stores::STOCK).await.unwrap().len(), 2);
    let gone = rows(r#"[{"code":"P1","warehouse":"02","deleted":true}]"#);
    apply(&db, stores::STOCK, Key::Fields(&["code", "warehouse"]), &gone, false, &[]).await.unwrap();
    assert_eq!(db.rows::<Stock>(stores::STOCK).await.unwrap().len(), 1);

    // Price-list items by list, and clearing several stores with their meta at once.
    let items = rows(
        r#"[{"internalid":"1","pricelist":"001","product":"P1","salesprice":7.5},{"internalid":"2","pricelist":"002","product":"P1","salesprice":9}]"#,
    );
    apply(&db, stores::PRICE_LIST_ITEMS, Key::Field("internalid"), &items, false, &[]).await.unwrap();
    let of_001: Vec<mascate_domain::contract::PriceListItem> =
        db.rows_where(stores::PRICE_LIST_ITEMS, storage::indexes::ITEM_BY_LIST, "001").await.unwrap();
    assert_eq!(of_001.len(), 1);
    assert_eq!(of_001[0].price, 7.5);
    db.clear(&[stores::PRODUCTS, stores::STOCK], &["checkpoint:products".to_string()]).await.unwrap();
    assert_eq!(db.count(stores::PRODUCTS).await.unwrap() + db.count(stores::STOCK).await.unwrap(), 0);
    assert_eq!(db.meta("checkpoint:products").await.unwrap(), None);
    db.close();
}

#[wasm_bindgen_test]
fn a_full_disk_is_told_by_the_dom_exception_name_not_by_its_text() {
    use mascate::device::storage::StorageError;
    let dom = |message: &str, name: &str| {
        let e = web_sys::DomException::new_with_message_and_name(message, name).expect("a DOMException");
        StorageError::from(rexie::Error::IdbError(idb::Error::DomException(e)))
    };
    assert_eq!(dom("no room left", "QuotaExceededError"), StorageError::QuotaExceeded);
    assert!(dom("no room left", "QuotaExceededError").is_quota());
    // A message that speaks of quota is not a full disk unless the browser says so by name.
    let other = dom("quota exceeded in a constraint", "ConstraintError");
    assert!(!other.is_quota(), "{other:?}");
    assert!(matches!(other, StorageError::Failed(_)));
}
