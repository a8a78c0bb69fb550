//! The offline search indexes of today's products and customers: built once per copy of
//! the device (the seller and `OfflineData::changes`), ahead of the first keystroke when the
//! copy is ready (after the page that says so has painted, in slices that leave the browser
//! free between them), and shared by every caller while one is being built. The product index
//! holds whole products (a page of hits is shown from memory); the customer index reads
//! only the properties a query needs of each stored row (a customer has some forty), and the
//! page shown is read back by key.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use mascate_domain::contract::{Product, Stock};
use mascate_domain::customer_search::{CustomerFields, CustomerIndex};
use mascate_domain::product_search::ProductIndex;
use wasm_bindgen::JsValue;

use super::Catalog;
use crate::api::ApiError;
use crate::device::storage::{from_js, stores};

/// Which copy of the device an index was built from.
type Version = (String, u64);
type Building<T> = Shared<LocalBoxFuture<'static, Result<Rc<T>, ApiError>>>;
type Cache<T> = RefCell<Option<(Version, Building<T>)>>;

thread_local! {
    static PRODUCTS: Cache<ProductIndex> = const { RefCell::new(None) };
    static CUSTOMERS: Cache<CustomerIndex> = const { RefCell::new(None) };
}

/// The index of `version` in `cache`, built by `build` unless it is there or on its way; an
/// empty one when there is no version.
async fn cached<T: Default + 'static>(
    cache: &'static std::thread::LocalKey<Cache<T>>,
    version: Option<Version>,
    build: impl Future<Output = Result<T, ApiError>> + 'static,
) -> Result<Rc<T>, ApiError> {
    let Some(version) = version else { return Ok(Rc::default()) };
    let building = cache.with(|c| {
        let mut c = c.borrow_mut();
        match c.as_ref() {
            Some((v, b)) if *v == version => b.clone(),
            _ => {
                let b = build.map(|r| r.map(Rc::new)).boxed_local().shared();
                *c = Some((version.clone(), b.clone()));
                b
            }
        }
    });
    let index = building.await;
    if index.is_err() {
        // Not kept: the next call tries again.
        cache.with(|c| c.borrow_mut().take_if(|(v, _)| *v == version));
    }
    index
}

/// Rows turned into index entries between two turns given to the browser: a few
/// milliseconds each, so a tap or a paint never waits behind the whole copy.
const ROWS_PER_SLICE: usize = 2000;

/// `rows` through `f`, giving the browser a turn (input, paint) between slices.
async fn sliced<T, E>(rows: Vec<JsValue>, f: impl Fn(JsValue) -> Result<T, E>) -> Result<Vec<T>, E> {
    let mut out = Vec::with_capacity(rows.len());
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        for row in rows.by_ref().take(ROWS_PER_SLICE) {
            out.push(f(row)?);
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok(out)
}

/// Resolves once the browser has painted the next frame (and handled what came with it).
async fn after_next_paint() {
    let (painted, frame) = futures::channel::oneshot::channel();
    request_animation_frame(move || {
        let _ = painted.send(());
    });
    let _ = frame.await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// A text property of a stored row (empty when absent).
fn text(row: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(row, &JsValue::from_str(key)).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

impl Catalog {
    /// The copy an index would be built from; none while the device's copy may not be shown
    /// (then nothing is kept: right after a reload the app has not yet re-read whether the
    /// copy is today's, and an empty index kept then would hide it until it next changed).
    fn version(&self) -> Option<Version> {
        let seller = self.session.seller()?;
        self.offline.usable().then(|| (seller, self.offline.changes.get_untracked()))
    }

    /// The stored rows of `store`, as the browser holds them.
    async fn raw_rows(self, store: &'static str) -> Result<Vec<JsValue>, ApiError> {
        match self.device().await? {
            Some(db) => Ok(db.rows_raw(store).await?),
            None => Ok(vec![]),
        }
    }

    /// Today's products, indexed.
    pub async fn product_index(&self) -> Result<Rc<ProductIndex>, ApiError> {
        // A page opened by its address asks before the start-up read of the device is done:
        // an index of "nothing usable" then would hide today's copy.
        self.offline.settled().await;
        let this = *self;
        cached(&PRODUCTS, self.version(), async move {
            // Whole products: a page of hits is shown straight from memory.
            let products: Vec<Product> = sliced(this.raw_rows(stores::PRODUCTS).await?, from_js).await?;
            let stock: Vec<Stock> = sliced(this.raw_rows(stores::STOCK).await?, |r| {
                Ok::<_, ApiError>(Stock {
                    code: text(&r, "code"),
                    warehouse: text(&r, "warehouse"),
                    available: js_sys::Reflect::get(&r, &"availablequantity".into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or_default(),
                    ..Default::default()
                })
            })
            .await?;
            Ok(ProductIndex::new(products).with_stock(&stock))
        })
        .await
    }

    /// Today's customers, indexed.
    pub async fn customer_index(&self) -> Result<Rc<CustomerIndex>, ApiError> {
        // A page opened by its address asks before the start-up read of the device is done:
        // an index of "nothing usable" then would hide today's copy.
        self.offline.settled().await;
        let this = *self;
        cached(&CUSTOMERS, self.version(), async move {
            let customers = sliced(this.raw_rows(stores::CUSTOMERS).await?, |r| {
                Ok::<_, ApiError>(CustomerFields {
                    id: text(&r, "id"),
                    code: text(&r, "code"),
                    store: text(&r, "store"),
                    name: text(&r, "name"),
                    trade_name: text(&r, "fantasy"),
                    tax_id: text(&r, "cgc"),
                    city: text(&r, "city"),
                    uf: text(&r, "uf"),
                    status: text(&r, "status"),
                    deleted: js_sys::Reflect::get(&r, &"deleted".into()).ok().and_then(|v| v.as_bool()) == Some(true),
                })
            })
            .await?;
            Ok(CustomerIndex::new(customers))
        })
        .await
    }

    /// Builds both indexes ahead of the first keystroke: whenever the device's copy of
    /// today's selection is ready and has changed, after the page has painted.
    pub(super) fn prepare_indexes(self) {
        Effect::new(move |built: Option<Option<Version>>| {
            self.offline.changes.track();
            let wanted = self.offline.ready().then(|| self.version()).flatten();
            if wanted.is_some() && built.as_ref() != Some(&wanted) {
                leptos::task::spawn_local(async move {
                    // The page that shows "ready" paints first.
                    after_next_paint().await;
                    let _ = self.product_index().await;
                    let _ = self.customer_index().await;
                });
            }
            wanted.or(built.flatten())
        });
    }
}
