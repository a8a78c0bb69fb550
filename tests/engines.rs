//! The device's engines in a real browser (real IndexedDB in headless Chromium), started as
//! the app starts them: the catalog reads the device's copy of today's selection when the
//! ERP does not answer, and never a copy that is not today's. Run by `make test`
//! (`--features device-tests`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mascate::device::catalog::{provide_catalog, Catalog};
use mascate::device::offline::{keys, provide_offline};
use mascate::device::storage::{database_name, Storage};
use mascate::device::sync::provide_sync;
use mascate::session::{provide_session, Identity, Tokens};
use mascate_domain::contract::Customer;
use mascate_domain::customer_query::CustomerQuery;
use rexie::Rexie;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Nothing listens on port 9 (discard): every request to the ERP fails to connect, as on a
/// road with no signal.
const SILENT_ERP: &str = "http://127.0.0.1:9";

fn customer(code: &str, name: &str) -> Customer {
    Customer { id: format!("{code}01"), code: code.into(), store: "01".into(), name: name.into(), ..Default::default() }
}

/// A seller's device holding `customers` as the selection of `day` (complete).
async fn device_with(seller: &str, day: &str, customers: &[Customer]) {
    Rexie::delete(&database_name(seller)).await.expect("delete old test database");
    let db = Storage::open_for_seller(seller).await.expect("open");
    db.put_customers(customers).await.expect("put customers");
    db.set_meta(keys::DAY, day).await.expect("day");
    db.set_meta(keys::COMPLETE, "1").await.expect("complete");
    db.close();
}

/// The app's contexts and engines in a fresh owner, signed in as `seller`, the ERP at
/// [`SILENT_ERP`].
fn engines_for(seller: &str) -> (Owner, Catalog) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    mascate::endpoint::set_base_url(SILENT_ERP);
    let owner = Owner::new();
    let catalog = owner.with(|| {
        let session = provide_session();
        mascate::connectivity::provide_connectivity();
        mascate::api::provide_api();
        provide_sync();
        provide_offline();
        let catalog = provide_catalog();
        let identity = Identity { username: "test".into(), seller_code: seller.into(), seller_name: "Test".into() };
        session.sign_in(identity, Tokens::new("access".into(), "refresh".into(), 3600, mascate::api::now_ms()));
        catalog
    });
    (owner, catalog)
}

/// Signs out and leaves the owner alive, as the app's is: its engines' tasks may still be
/// running, and a disposed owner would fail them.
fn done(owner: Owner) {
    owner.with(|| mascate::session::use_session().sign_out(mascate::session::SignOutReason::User));
    mascate::endpoint::set_base_url("");
    std::mem::forget(owner);
}

#[wasm_bindgen_test]
async fn the_catalog_reads_todays_copy_when_the_erp_does_not_answer() {
    let today = mascate::erp_clock::today();
    device_with("E1", &today, &[customer("000001", "Padaria Central"), customer("000002", "Mercado Sol")]).await;
    let (owner, catalog) = engines_for("E1");

    let page = catalog.customers(&CustomerQuery::default(), 1, 20).await.expect("a page from the device");
    let mut names: Vec<String> = page.items.iter().map(|c| c.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Mercado Sol", "Padaria Central"]);

    let search = CustomerQuery { search: "padaria".into(), ..Default::default() };
    let found = catalog.customers(&search, 1, 20).await.expect("a search on the device");
    assert_eq!(found.items.len(), 1, "the device's search finds one: {:?}", found.items);
    assert_eq!(found.items[0].code, "000001");

    let one = catalog.customer("000002", "01").await.expect("one customer from the device");
    assert_eq!(one.name, "Mercado Sol");
    done(owner);
}

#[wasm_bindgen_test]
async fn the_catalog_never_shows_a_copy_that_is_not_todays() {
    device_with("E2", "2000-01-01", &[customer("000009", "Loja de Ontem")]).await;
    let (owner, catalog) = engines_for("E2");

    let page = catalog.customers(&CustomerQuery::default(), 1, 20).await;
    let shown = page.map(|p| p.items.len()).unwrap_or(0);
    assert_eq!(shown, 0, "yesterday's selection is not shown offline");
    assert!(catalog.customer("000009", "01").await.is_err(), "nor one of its customers");
    done(owner);
}

/// Issue 25: a task write waiting or refused counts as the documents do, so the top bar shows
/// it, signing out warns, and the device's data cannot be removed under it.
#[wasm_bindgen_test]
async fn task_writes_on_the_device_are_counted_waiting_and_refused() {
    use mascate_domain::contract::agenda::TaskBody;
    use mascate_domain::task::writes::TaskWrite;
    let today = mascate::erp_clock::today();
    device_with("E3", &today, &[customer("000001", "Padaria Central")]).await;
    let db = Storage::open_for_seller("E3").await.expect("open");
    let body = TaskBody {
        customer_code: "000001".into(),
        customer_store: "01".into(),
        subject: "Visitar".into(),
        due_date: today.clone(),
        status: "open".into(),
        notes: String::new(),
    };
    let refused =
        TaskWrite { error: "Cliente bloqueado".into(), ..TaskWrite::task("E3", "t-1", body, "Padaria Central", 1.0) };
    db.put_task_write(refused).await.expect("a refused task write");
    db.put_task_write(TaskWrite::note("E3", "t-2", "n-1", "Ligar antes", 2.0)).await.expect("a waiting note");
    db.close();
    let (owner, _) = engines_for("E3");
    let sync = owner.with(mascate::device::sync::use_sync);

    sync.run().await;
    assert_eq!(sync.task_pending.get_untracked(), 1, "the note waits (the ERP did not answer)");
    assert_eq!(sync.task_errors.get_untracked(), 1, "the refused write waits for the rep");
    assert_eq!(sync.on_device_untracked(), 2, "both keep the rep from losing them");
    assert_eq!(untrack(|| sync.refused()), 1);
    done(owner);
}
